package attrib_test

import (
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/quote/attrib"
)

// A story parsed by hand: "Smith said taxes rose ."
func parsed() *doc.Doc {
	d := doc.New("ex", "Smith said taxes rose .")
	words := []struct {
		w, upos, dep string
		head         int
	}{{"Smith", "PROPN", "nsubj", 1}, {"said", "VERB", "root", -1}, {"taxes", "NOUN", "nsubj", 3}, {"rose", "VERB", "ccomp", 1}, {".", "PUNCT", "punct", 1}}
	off := 0
	for _, t := range words {
		d.Tokens = append(d.Tokens, doc.Token{Start: off, End: off + len(t.w), Norm: t.w, UPOS: t.upos, Lemma: t.w, Head: t.head, Dep: t.dep, NER: "O"})
		off += len(t.w) + 1
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, First: 0, Last: len(d.Tokens)}}
	return d
}

func Example() {
	lex := func(norm, lemma string) int {
		if norm == "said" {
			return 1
		}
		return 0
	}
	d := parsed()
	gold := []attrib.GoldSpan{{Role: attrib.Source, Start: 0, End: 5}, {Role: attrib.Cue, Start: 6, End: 10}, {Role: attrib.Content, Start: 11, End: 21}}
	ex := []attrib.Example{{Doc: d, Spans: gold}}
	m, _, err := attrib.Train(ex, nil, lex, attrib.TrainOptions{Bits: 14, Epochs: 10, Seed: 1}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, l := range m.Tag(d, lex) {
		fmt.Println(d.TokenText(i), l)
	}
	for _, a := range m.Attributions(d, lex) {
		fmt.Printf("cue %q source %q content %q\n", d.Slice(d.TokenSpan(a.Cue.First, a.Cue.Last)),
			d.Slice(d.TokenSpan(a.Source.First, a.Source.Last)), d.Slice(d.TokenSpan(a.Content.First, a.Content.Last)))
	}
	// Output:
	// Smith B-SOURCE
	// said B-CUE
	// taxes B-CONTENT
	// rose I-CONTENT
	// . O
	// cue "said" source "Smith" content "taxes rose"
}
