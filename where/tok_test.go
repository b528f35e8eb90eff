package where

import (
	"context"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/text"
)

// testDoc builds a Doc with the project's own tokenizer and sentence
// splitter (package text).
func testDoc(date, story string) *doc.Doc {
	d := doc.New("test", story)
	d.Date = date
	if err := text.New().Process(context.Background(), d); err != nil {
		panic(err)
	}
	d.Layers = doc.LayerTokens | doc.LayerSentences
	return d
}

// tag sets the XPOS of every token whose text is a key of tags; the
// others get "NN" so that the document counts as tagged.
func tag(d *doc.Doc, tags map[string]string) *doc.Doc {
	for i := range d.Tokens {
		if x, ok := tags[d.TokenText(i)]; ok {
			d.Tokens[i].XPOS = x
		} else {
			d.Tokens[i].XPOS = "NN"
		}
	}
	return d
}
