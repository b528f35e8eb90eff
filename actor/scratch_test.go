package actor

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestScratch(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("SCRATCH"))
	kb, _ := Default()
	r := NewResolver(kb)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d := testDoc(string(b), os.Getenv("SCRATCH_DATE"))
		r.Process(context.Background(), d)
		fmt.Println("==", f)
		for mi, m := range d.Mentions {
			id := "-"
			if m.Entity >= 0 {
				id = d.Entities[m.Entity].ID + ":" + d.Entities[m.Entity].Name
			}
			fmt.Printf("s%-3d %-40q %-8s %-10s %s\n", m.Sent, d.Slice(m.Span), m.Kind, codeOf(d, mi), id)
		}
	}
}
