package tabari

import (
	"strings"
	"unicode"
	"unicode/utf8"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
)

// token is one word of a filtered sentence.
type token struct {
	Text       string // upper-case, filtered
	Start, End int    // byte offsets into the original text
	Cap        bool   // the original began with a capital letter
}

// tokenize applies TABARI's input filter (manual 7.3) and splits the
// text into words: upper case; periods after lower-case letters, "?",
// "!", "-" and brackets become blanks; commas inside numbers go; ";"
// becomes ","; commas are words of their own; double quotes are dropped.
func tokenize(s string) []token {
	var out []token
	start := -1
	var b strings.Builder
	emit := func(end int) {
		if start >= 0 && b.Len() > 0 {
			t := b.String()
			r, _ := utf8.DecodeRuneInString(s[start:])
			out = append(out, token{Text: t, Start: start, End: end, Cap: unicode.IsUpper(r)})
		}
		start = -1
		b.Reset()
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r), r == '?', r == '!', r == '-', r == '"', r == '(', r == ')', r == '[', r == ']',
			r == '\u201c', r == '\u201d', r == '\u2013', r == '\u2014', r == ':', r == '*', r == '/', r == '\\', r == '_':
			emit(i)
		case r == '.':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+w:])
			if start >= 0 && (unicode.IsLower(prev) || i+w >= len(s) || unicode.IsSpace(next)) && !abbrev(s[start:i]) {
				emit(i)
			} else if start >= 0 {
				b.WriteByte('.')
			}
		case r == ',' || r == ';':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+w:])
			if r == ',' && start >= 0 && unicode.IsDigit(prev) && unicode.IsDigit(next) {
				break // 1,500 -> 1500
			}
			emit(i)
			out = append(out, token{Text: ",", Start: i, End: i + w})
		case r == '\u2019':
			if start < 0 {
				start = i
			}
			b.WriteByte('\'')
		default:
			if start < 0 {
				start = i
			}
			b.WriteString(strings.ToUpper(string(fold(r))))
		}
		i += w
	}
	emit(len(s))
	return out
}

// abbrev reports whether a word before a period is an abbreviation with
// inner periods ("U.N", "U.S"), whose final period TABARI keeps.
func abbrev(w string) bool {
	return strings.Contains(w, ".")
}

// fold removes common diacritics.
func fold(r rune) rune {
	if r < 0x80 {
		return r
	}
	const from = "àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿñçÀÁÂÃÄÅĀÈÉÊËĒÌÍÎÏĪÒÓÔÕÖØŌÙÚÛÜŪÝÑÇ"
	const to = "aaaaaaaeeeeeiiiiiooooooouuuuuyyncAAAAAAAEEEEEIIIIIOOOOOOOUUUUUYNC"
	i := 0
	for _, f := range from {
		if f == r {
			return rune(to[i])
		}
		i++
	}
	return r
}

// nounEndings are the regular plural and possessive endings TABARI
// accepts after the last exact word of an actor, agent or noun phrase;
// verbEndings are the regular verb endings (manual 5.2.3).
var (
	nounEndings = []string{"S", "'S", "'", "ES"}
	verbEndings = []string{"S", "ED", "ES", "EN", "ING", "D"}
)

// wordMatch reports whether token text t matches the literal element e;
// last tells whether e ends its phrase (only the last word takes endings)
// and verb selects the verb endings.
func wordMatch(t string, e dt.Elem, last, verb bool) bool {
	if !strings.HasPrefix(t, e.Text) {
		return false
	}
	if !e.Exact || len(t) == len(e.Text) {
		return true
	}
	if e.NoEndings || !last {
		return false
	}
	rest := t[len(e.Text):]
	ends := nounEndings
	if verb {
		ends = verbEndings
	}
	for _, x := range ends {
		if rest == x {
			return true
		}
	}
	// doubled final consonant: PLAN -> PLANNED, PLANNING
	if verb && len(rest) > 1 && rest[0] == e.Text[len(e.Text)-1] {
		r := rest[1:]
		return r == "ED" || r == "ING"
	}
	return false
}

// patternWordMatch matches a literal of a verb pattern: an exact word
// (followed by an underscore) takes no endings there.
func patternWordMatch(t string, e dt.Elem) bool {
	if e.Exact {
		return t == e.Text
	}
	return strings.HasPrefix(t, e.Text)
}
