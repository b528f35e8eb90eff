package tagger_test

import (
	"context"
	"fmt"
	"log"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

// Process tags a document whose tokens and sentences another stage made;
// here they are written by hand.
func ExampleModel_Process() {
	m, err := tagger.Default()
	if err != nil {
		log.Fatal(err)
	}
	d := doc.New("example", "Belarus pulls back troops from the border.")
	for _, t := range [][2]int{{0, 7}, {8, 13}, {14, 18}, {19, 25}, {26, 30}, {31, 34}, {35, 41}, {41, 42}} {
		d.Tokens = append(d.Tokens, doc.Token{Start: t[0], End: t[1], Norm: d.Text[t[0]:t[1]]})
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 42}, First: 0, Last: 8}}
	if err := m.Process(context.Background(), d); err != nil {
		log.Fatal(err)
	}
	for i, t := range d.Tokens {
		fmt.Printf("%-8s %-5s %-4s %s\n", d.TokenText(i), t.UPOS, t.XPOS, t.Lemma)
	}
	// Output:
	// Belarus  PROPN NNP  Belarus
	// pulls    VERB  VBZ  pull
	// back     ADV   RB   back
	// troops   NOUN  NNS  troops
	// from     ADP   IN   from
	// the      DET   DT   the
	// border   NOUN  NN   border
	// .        PUNCT .    .
}
