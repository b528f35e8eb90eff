package when

import (
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// testDoc builds a Doc with a tiny test-only tokenizer: runs of letters
// and digits are tokens, every other non-space rune is a token of its own;
// a sentence ends after ".", "?" or "!" followed by white space, and at a
// newline. Offsets are bytes into text.
func testDoc(date, text string) *doc.Doc {
	d := doc.New("test", text)
	d.Date = date
	sentStart := 0
	endSent := func() {
		if len(d.Tokens) > sentStart {
			first, last := d.Tokens[sentStart], d.Tokens[len(d.Tokens)-1]
			for k := sentStart; k < len(d.Tokens); k++ {
				d.Tokens[k].Sent = len(d.Sentences)
			}
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: first.Start, End: last.End}, First: sentStart, Last: len(d.Tokens)})
		}
		sentStart = len(d.Tokens)
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			endSent()
			i += w
		case unicode.IsSpace(r):
			i += w
		case alnum(r):
			j := i + w
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !alnum(r2) {
					break
				}
				j += w2
			}
			d.Tokens = append(d.Tokens, doc.Token{Start: i, End: j, Norm: text[i:j], Head: -1})
			i = j
		default:
			d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + w, Norm: text[i : i+w], Head: -1})
			i += w
			if r == '.' || r == '?' || r == '!' {
				if i >= len(text) || unicode.IsSpace(rune(text[i])) {
					endSent()
				}
			}
		}
	}
	endSent()
	for k := range d.Tokens {
		if k+1 < len(d.Tokens) {
			d.Tokens[k].SpaceAfter = d.Tokens[k+1].Start > d.Tokens[k].End
		}
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
