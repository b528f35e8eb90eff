package where

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	glob := os.Getenv("G")
	if glob == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(glob)
	g, _ := Default()
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d := testDoc("2016-01-01", string(b))
		g.Process(context.Background(), d)
		for _, p := range d.Places {
			lo, hi := max(0, p.Start-35), min(len(d.Text), p.End+25)
			fmt.Printf("%-22q %-16s %s %v | %q\n", d.Slice(p.Span), p.Name, p.Country, p.Countries, d.Text[lo:hi])
		}
	}
}
