package when

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestZZDump(t *testing.T) {
	glob := os.Getenv("G")
	if glob == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(glob)
	re := regexp.MustCompile(`_(\d{4}-\d{2}-\d{2})_`)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		m := re.FindStringSubmatch(f)
		date := "2016-09-20"
		if m != nil {
			date = m[1]
		}
		d := testDoc(date, string(b))
		New().Process(context.Background(), d)
		for _, x := range d.Times {
			lo, hi := max(0, x.Start-40), min(len(d.Text), x.End+25)
			ctx := []rune(d.Text[lo:hi])
			_ = ctx
			fmt.Printf("%s | %-28q %s %s %v | %q\n", date, d.Slice(x.Span), x.Value, x.Until, x.Future, d.Text[lo:hi])
		}
	}
}
