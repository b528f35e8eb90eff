package event_test

import (
	"context"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

func TestDefaultVerbs(t *testing.T) {
	v, err := event.DefaultVerbs()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Blocks) < 390 || len(v.Transforms) != 8 {
		t.Fatalf("%d blocks, %d transformations", len(v.Blocks), len(v.Transforms))
	}
	if v2, _ := event.DefaultVerbs(); v2 != v {
		t.Error("DefaultVerbs read the dictionary twice")
	}
	// "Belarus pulled its troops back": a particle after the object, and
	// a pattern of our own supplement.
	d := parsed("2024-07-13", [][5]string{
		{"Belarus", "NNP", "Belarus", "2", "nsubj"},
		{"pulled", "VBD", "pull", "0", "root"},
		{"its", "PRP$", "its", "4", "nmod:poss"},
		{"troops", "NNS", "troop", "2", "dobj"},
		{"back", "RP", "back", "2", "compound:prt"},
		{"from", "IN", "from", "7", "case"},
		{"Ukraine", "NNP", "Ukraine", "2", "nmod"},
	})
	d.Entities = []doc.Entity{{ID: "E1", Actor: doc.Actor{Code: "BLR"}}, {ID: "E2", Actor: doc.Actor{Code: "UKR"}}}
	d.Mentions = []doc.Mention{{Span: doc.Span{Start: 0, End: 7}, First: 0, Last: 1, Entity: 0},
		{Span: doc.Span{Start: 36, End: 43}, First: 6, Last: 7, Entity: 1}}
	if err := event.NewCoder(v, event.MentionActors{}, event.Options{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].CAMEO != "0874" || d.Events[0].Plover.Type != "RETREAT" ||
		d.Slice(d.Events[0].Trigger) != "pulled its troops back" {
		t.Errorf("events %+v", d.Events)
	}
}
