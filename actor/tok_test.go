package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// testDoc builds a Doc with a tiny test-only tokenizer: tokens split on
// white space and punctuation, hyphens included as UD English-EWT does
// (keeping "U.S." whole and splitting a possessive "'s" off), sentences end at . ? ! before a
// capital or quote, and at line breaks. It stands in for package text,
// which is built elsewhere.
func testDoc(text, date string) *doc.Doc {
	d := doc.New("test", text)
	d.Date = date
	isPunct := func(r rune) bool {
		return unicode.IsPunct(r) && r != '\'' && r != '’' && r != '.' || unicode.IsSymbol(r)
	}
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		if isPunct(r) || r == '.' {
			// "…" and other single punctuation marks.
			i += w
			d.Tokens = append(d.Tokens, doc.Token{Start: start, End: i})
			continue
		}
		for i < len(text) {
			r, w = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) || isPunct(r) {
				break
			}
			if r == '.' {
				// Keep dots of abbreviations (U.S.) inside the word.
				nr, _ := utf8.DecodeRuneInString(text[i+1:])
				if i+1 < len(text) && unicode.IsLetter(nr) && i-start <= 2 {
					i += w
					continue
				}
				if (i-start == 1 && unicode.IsUpper(rune(text[start]))) || strings.Contains(text[start:i], ".") {
					i += w
					continue
				}
				break
			}
			if r == '\'' || r == '’' {
				rest := text[i+w:]
				if strings.HasPrefix(rest, "s") && (len(rest) == 1 || !unicode.IsLetter(rune(rest[1]))) {
					break // possessive: split off below
				}
				if i == start || len(rest) == 0 || !unicode.IsLetter(rune(rest[0])) {
					break
				}
			}
			i += w
		}
		if i == start {
			// An apostrophe: "'s" or a lone quote mark.
			r, w = utf8.DecodeRuneInString(text[i:])
			i += w
			if i < len(text) && text[i] == 's' && (i+1 == len(text) || !unicode.IsLetter(rune(text[i+1]))) {
				i++
			}
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: start, End: i})
	}
	for k := range d.Tokens {
		d.Tokens[k].Head = -1
		if k+1 < len(d.Tokens) && d.Tokens[k+1].Start == d.Tokens[k].End {
			d.Tokens[k].SpaceAfter = false
		} else {
			d.Tokens[k].SpaceAfter = true
		}
	}
	// Sentences.
	first := 0
	para := 0
	flush := func(last int) {
		if last <= first {
			return
		}
		s := doc.Sentence{First: first, Last: last, Paragraph: para,
			Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last-1].End}}
		for k := first; k < last; k++ {
			d.Tokens[k].Sent = len(d.Sentences)
		}
		d.Sentences = append(d.Sentences, s)
		first = last
	}
	for k := range d.Tokens {
		t := d.Tokens[k]
		tx := text[t.Start:t.End]
		if k+1 < len(d.Tokens) && strings.Contains(text[t.End:d.Tokens[k+1].Start], "\n") {
			flush(k + 1)
			para++
			continue
		}
		if tx == "." || tx == "?" || tx == "!" {
			end := k + 1
			for end < len(d.Tokens) && (text[d.Tokens[end].Start:d.Tokens[end].End] == "”" || text[d.Tokens[end].Start:d.Tokens[end].End] == "\"") && d.Tokens[end].Start == d.Tokens[end-1].End {
				end++
			}
			if end < len(d.Tokens) {
				nr, _ := utf8.DecodeRuneInString(text[d.Tokens[end].Start:])
				if unicode.IsUpper(nr) || nr == '“' || nr == '"' || nr == '(' {
					flush(end)
				}
			}
		}
	}
	flush(len(d.Tokens))
	d.Layers = doc.LayerTokens | doc.LayerSentences
	return d
}
