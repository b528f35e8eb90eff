package schema

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

func sample() *doc.Doc {
	d := doc.New("s1", "Gondor recalled its troops. Osgiliath said so.")
	d.Date = "2024-07-13"
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 27}}, {Span: doc.Span{Start: 28, End: 46}}}
	d.Mentions = []doc.Mention{{Span: doc.Span{Start: 0, End: 6}, Entity: 0}}
	d.Entities = []doc.Entity{{ID: "E1", Name: "Gondor", Type: doc.GPE, Actor: doc.Actor{Code: "GON", Country: "GON"}, Mentions: []int{0}}}
	d.Events = []doc.Event{{ID: "V1", CAMEO: "0874", Goldstein: 10, Plover: doc.Plover{Type: "RETREAT"},
		Source: doc.Ref{Entity: "E1", Text: "Gondor", Code: "GON"}, Trigger: doc.Span{Start: 7, End: 15}, Evidence: doc.Span{Start: 0, End: 27}, Confidence: 0.8, Date: "2024-07"}}
	return d
}

func encode(t *testing.T, v *doc.V1) []byte {
	var b bytes.Buffer
	if err := v.WriteJSON(&b, false); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestValidDocument(t *testing.T) {
	if err := Validate(encode(t, sample().ToV1(doc.V1Options{Tokens: true}))); err != nil {
		t.Fatal(err)
	}
	// An empty document: every list present and empty.
	if err := Validate(encode(t, doc.New("e", "").ToV1(doc.V1Options{}))); err != nil {
		t.Fatal(err)
	}
}

func TestInvalidDocuments(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(v *doc.V1)
		want   string
	}{
		{"missing list", func(v *doc.V1) { v.Events = nil }, "events"},
		{"bad schema tag", func(v *doc.V1) { v.Schema = "wirecoder/v0" }, "schema"},
		{"bad date", func(v *doc.V1) { v.Date = "13 July" }, "date"},
		{"numeric-looking code", func(v *doc.V1) { v.Events[0].CAMEO = "87x" }, "cameo"},
		{"bad quad", func(v *doc.V1) { v.Events[0].Quad = 7 }, "quad"},
		{"span out of range", func(v *doc.V1) { v.Events[0].Evidence.End = 999 }, "out of range"},
		{"span text mismatch", func(v *doc.V1) { v.Events[0].Trigger.Text = "advanced" }, "does not match"},
		{"mention text mismatch", func(v *doc.V1) { v.Entities[0].Mentions[0].Text = "Mordor" }, "does not match"},
		{"overlapping sentences", func(v *doc.V1) { v.Sentences[1].Start = 20 }, "before the previous"},
		{"bad stance", func(v *doc.V1) {
			v.Claims = append(v.Claims, doc.V1Claim{ID: "C1", Stance: "maybe", Contradicts: []string{}})
		}, "stance"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := sample().ToV1(doc.V1Options{})
			c.mutate(v)
			data := encode(t, v)
			if c.name == "missing list" {
				data = bytes.Replace(data, []byte(`"events":null,`), nil, 1)
			}
			err := Validate(data)
			if err == nil {
				t.Fatalf("Validate accepted a bad document")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}
}
