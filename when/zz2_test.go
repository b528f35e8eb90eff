package when

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZ2(t *testing.T) {
	if os.Getenv("T") == "" {
		t.Skip()
	}
	d := testDoc(os.Getenv("D"), os.Getenv("T"))
	New().Process(context.Background(), d)
	for _, x := range d.Times {
		fmt.Printf("\t\t{%d, %d, %q, %q, %q, %v},\n", x.Start, x.End, d.Slice(x.Span), x.Value, x.Until, x.Future)
	}
}
