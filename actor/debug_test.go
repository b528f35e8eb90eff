package actor

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDebugSeed(t *testing.T) {
	b, err := os.ReadFile("/work/shared/seed/belarus-border.txt")
	if err != nil {
		t.Skip(err)
	}
	d := testDoc(string(b), "2024-07-13")
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := NewResolver(kb).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		id := "-"
		if m.Entity >= 0 {
			id = d.Entities[m.Entity].ID
		}
		fmt.Printf("s%d %-45q %-8s %-8s %-10s %s\n", m.Sent, d.Slice(m.Span), m.Kind, m.Type, m.Actor.Code, id)
	}
	for _, e := range d.Entities {
		var ts []string
		for _, m := range e.Mentions {
			ts = append(ts, d.Slice(d.Mentions[m].Span))
		}
		fmt.Printf("%s %s %s %s %v members=%v\n", e.ID, e.Name, e.Type, e.Actor.Code, ts, e.Members)
	}
}
