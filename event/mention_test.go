package event_test

import (
	"context"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

// The same coder runs on the entities the pipeline resolves.
func TestMentionActors(t *testing.T) {
	d := parsed("2024-07-13", [][5]string{
		{"Belarus", "NNP", "Belarus", "2", "nsubj"},
		{"criticized", "VBD", "criticize", "0", "root"},
		{"the", "DT", "the", "5", "det"},
		{"Ukrainian", "JJ", "Ukrainian", "5", "amod"},
		{"guards", "NNS", "guard", "2", "dobj"},
	})
	d.Entities = []doc.Entity{
		{ID: "E1", Name: "Belarus", Type: doc.GPE, Actor: doc.Actor{Code: "BLR", Country: "BLR"}},
		{ID: "E2", Name: "Ukrainian border guards", Type: doc.ORG, Actor: doc.Actor{Code: "UKRMIL", Country: "UKR", Sector: "MIL"}},
	}
	d.Mentions = []doc.Mention{
		{Span: doc.Span{Start: 0, End: 7}, First: 0, Last: 1, Entity: 0},
		{Span: doc.Span{Start: 23, End: 39}, First: 3, Last: 5, Entity: 1},
	}
	c := event.NewCoder(verbsOf(t), event.MentionActors{}, event.Options{})
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("events %+v", d.Events)
	}
	e := d.Events[0]
	if e.Source.Code != "BLR" || e.Source.Entity != "E1" || e.Target.Code != "UKRMIL" || e.Target.Entity != "E2" ||
		e.Target.Text != "Ukrainian guards" || e.CAMEO != "111" || e.Plover.Type != "ACCUSE" || e.Goldstein != -2 {
		t.Errorf("event = %+v", e)
	}
}
