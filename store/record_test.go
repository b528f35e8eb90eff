package store

import (
	"reflect"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

func TestRowsFromV1UniqueIDs(t *testing.T) {
	v := &doc.V1{
		Events: []doc.V1Event{{ID: "E1", CAMEO: "112"}, {ID: "E1", CAMEO: "111"}, {ID: "", CAMEO: "036"}, {ID: "E1", CAMEO: "190"}},
		Quotes: []doc.V1Quote{{ID: "Q1"}, {ID: "Q1"}},
		Claims: []doc.V1Claim{{ID: "C1", Event: "E1", Contradicts: []string{"C2"}}},
	}
	evs, qs, cs := RowsFromV1("s1", v)
	var got []string
	for _, e := range evs {
		got = append(got, e.ID)
	}
	if want := []string{"s1-E1", "s1-E1.2", "s1-E3", "s1-E1.3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("event ids = %v, want %v", got, want)
	}
	if qs[0].ID != "s1-Q1" || qs[1].ID != "s1-Q1.2" {
		t.Errorf("quote ids = %s, %s", qs[0].ID, qs[1].ID)
	}
	if cs[0].ID != "s1-C1" || cs[0].Event != "s1-E1" || cs[0].Contradicts != "s1-C2" {
		t.Errorf("claim = %+v", cs[0])
	}
}
