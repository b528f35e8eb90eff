// Package tagger is wirecoder's part-of-speech tagger. It gives each word
// both a Universal POS tag (UPOS) and a Penn Treebank tag (XPOS), predicted
// together as one joint label by a greedy left-to-right averaged perceptron
// in the manner of Honnibal's tagger: rich word features (the word, its
// prefixes, suffixes and shape, the words and suffixes around it, the two
// previous tags) and a tag dictionary for frequent unambiguous words.
//
// A second pass, stacked on the first, also sees the first pass's tags of
// the current and the next two words; it is trained on first-pass tags
// obtained by jackknifing, and skipped for words the first pass is sure of.
// Weights are quantized to 16-bit integers, and features are 64-bit hashes
// looked up in an open-addressing table, so tagging allocates only its
// result slices.
//
// The default model is trained on the Universal Dependencies English EWT
// treebank (CC BY-SA 4.0) by "wirecoder train tagger" and embedded,
// gzip-compressed, in the binary.
package tagger

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/syntax/lemma"
)

// Requires and Assigns are the layers the tagger's stage reads and adds.
const (
	Requires = doc.LayerTokens | doc.LayerSentences
	Assigns  = doc.LayerPOS | doc.LayerLemma
)

// Process tags every sentence of d: it sets Token.UPOS, Token.XPOS and
// Token.Lemma, reading each token's Norm (or its text when Norm is empty).
// Tokens outside sentences are left alone. A sentence whose token range is
// out of bounds is an error; d is left partly tagged.
func (m *Model) Process(ctx context.Context, d *doc.Doc) error {
	lem := m.lem
	if lem == nil {
		var err error
		if lem, err = lemma.Default(); err != nil {
			return fmt.Errorf("tagger: %w", err)
		}
	}
	var words []string
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("tagger: sentence %d: %w", si, err)
			}
		}
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return fmt.Errorf("tagger: sentence %d has token range [%d,%d) outside the document's %d tokens", si, s.First, s.Last, len(d.Tokens))
		}
		toks := d.Tokens[s.First:s.Last]
		words = words[:0]
		for i := range toks {
			w := toks[i].Norm
			if w == "" && toks[i].Span().Valid(len(d.Text)) {
				w = d.Text[toks[i].Start:toks[i].End]
			}
			words = append(words, w)
		}
		m.tagInto(words, func(i, label int) {
			t := &toks[i]
			t.UPOS, t.XPOS = m.upos[label], m.xpos[label]
			t.Lemma = lem.Lemma(words[i], t.UPOS, t.XPOS)
		})
	}
	return nil
}
