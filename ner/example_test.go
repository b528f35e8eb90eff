package ner_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/ner"
)

// tokenDoc builds a Doc of one sentence from space-separated tokens, as
// the tokenizer stage would.
func tokenDoc(text string) *doc.Doc {
	d := doc.New("example", text)
	off := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + len(w), Norm: w, SpaceAfter: true})
		off = i + len(w)
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, First: 0, Last: len(d.Tokens)}}
	d.Layers = doc.LayerTokens | doc.LayerSentences
	return d
}

func ExampleModel_Process() {
	m, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := tokenDoc("Belarusian President Alexander Lukashenko met Vladimir Putin in Minsk .")
	if err := m.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	tags := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		tags[i] = t.NER
	}
	for _, s := range ner.Spans(tags) {
		fmt.Printf("%s %q\n", s.Type, d.Slice(d.TokenSpan(s.First, s.Last)))
	}
	// Output:
	// PER "Alexander Lukashenko"
	// PER "Vladimir Putin"
	// LOC "Minsk"
}
