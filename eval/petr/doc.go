package petr

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/conllu"
)

// Doc builds a document from the record's CoNLL-U parse: tokens with POS,
// lemmas and dependencies, one sentence per parsed sentence. Tokens are
// aligned to the record's Text where their forms can be found in it, in
// order; otherwise the document's text is the forms joined by spaces. The
// story date comes from the record's date.
func (r *Record) Doc(file string) (*doc.Doc, error) {
	if r.Kind != CoNLLU {
		return nil, &SyntaxError{Op: "build doc", File: file, Line: r.Line, Msg: fmt.Sprintf("record %s has a %s parse, not CoNLL-U", r.ID, r.Kind)}
	}
	sents, err := conllu.Read(strings.NewReader(r.Parse), file)
	if err != nil {
		if pe, ok := err.(*conllu.ParseError); ok {
			return nil, &SyntaxError{Op: "build doc", File: file, Line: r.ParseLine + pe.Line - 1, Msg: pe.Msg}
		}
		return nil, fmt.Errorf("build doc: record %s: %w", r.ID, err)
	}
	var forms []string
	for _, s := range sents {
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
	}
	text := strings.Join(strings.Fields(r.Text), " ")
	spans, ok := align(text, forms)
	if !ok {
		text = strings.Join(forms, " ")
		spans, _ = align(text, forms)
	}
	d := doc.New(r.ID, text)
	if len(r.Date) == 8 {
		d.Date = r.Date[:4] + "-" + r.Date[4:6] + "-" + r.Date[6:8]
	}
	k := 0
	for si, s := range sents {
		first := len(d.Tokens)
		for _, w := range s.Words {
			head := -1
			if w.Head > 0 {
				if w.Head > len(s.Words) {
					return nil, &SyntaxError{Op: "build doc", File: file, Line: r.ParseLine + s.Line - 1,
						Msg: fmt.Sprintf("record %s: word %d has head %d beyond the sentence", r.ID, w.ID, w.Head)}
				}
				head = first + w.Head - 1
			}
			sp := spans[k]
			k++
			d.Tokens = append(d.Tokens, doc.Token{Start: sp.Start, End: sp.End, Norm: w.Form, Sent: si,
				UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Head: head, Dep: w.Dep,
				SpaceAfter: sp.End < len(text) && text[sp.End] == ' '})
		}
		last := len(d.Tokens)
		if last > first {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last-1].End}, First: first, Last: last})
		}
	}
	d.Layers = doc.LayerTokens | doc.LayerSentences | doc.LayerPOS | doc.LayerLemma | doc.LayerDeps
	return d, nil
}

// align finds each form in text in order, allowing only white space
// between them.
func align(text string, forms []string) ([]doc.Span, bool) {
	spans := make([]doc.Span, len(forms))
	p := 0
	for i, f := range forms {
		for p < len(text) && unicode.IsSpace(rune(text[p])) {
			p++
		}
		if !strings.HasPrefix(text[p:], f) {
			return spans, false
		}
		spans[i] = doc.Span{Start: p, End: p + len(f)}
		p += len(f)
	}
	return spans, true
}
