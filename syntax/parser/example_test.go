package parser_test

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"

	"github.com/wirecoder/wirecoder/syntax/parser"
)

func ExampleModel_Parse() {
	m, err := parser.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"Troops", "were", "withdrawn", "by", "Ukraine", "."}
	upos := []string{"NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"}
	xpos := []string{"NNS", "VBD", "VBN", "IN", "NNP", "."}
	heads, deps := m.Parse(words, nil, upos, xpos)
	for i, w := range words {
		head := "ROOT"
		if heads[i] >= 0 {
			head = words[heads[i]]
		}
		fmt.Printf("%s <-%s- %s\n", w, deps[i], head)
	}
	// Output:
	// Troops <-nsubj:pass- withdrawn
	// were <-aux:pass- withdrawn
	// withdrawn <-root- ROOT
	// by <-case- Ukraine
	// Ukraine <-obl:agent- withdrawn
	// . <-punct- withdrawn
}

func ExampleModel_Process() {
	m, err := parser.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// A Doc as the tokenizer, sentence splitter and tagger leave it.
	d := doc.New("example", "Minsk denied it.")
	for _, t := range []struct {
		start, end int
		upos, xpos string
	}{{0, 5, "PROPN", "NNP"}, {6, 12, "VERB", "VBD"}, {13, 15, "PRON", "PRP"}, {15, 16, "PUNCT", "."}} {
		d.Tokens = append(d.Tokens, doc.Token{Start: t.start, End: t.end, Norm: d.Text[t.start:t.end], UPOS: t.upos, XPOS: t.xpos})
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 16}, First: 0, Last: 4}}
	if err := m.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for i, t := range d.Tokens {
		fmt.Println(i, d.TokenText(i), t.Head, t.Dep)
	}
	// Output:
	// 0 Minsk 1 nsubj
	// 1 denied -1 root
	// 2 it 1 obj
	// 3 . 1 punct
}
