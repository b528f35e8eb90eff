package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phraseEnt is one knowledge-base entry reachable through a phrase.
type phraseEnt struct {
	kind Kind
	idx  int    // index into the KB slice of that kind (Countries, Actors, People, Nouns)
	text string // the phrase as written in the KB
	// caps has bit i set when word i of the phrase is capitalised in the
	// KB, acro when it is a short acronym ("US"): the text must match.
	caps, acro uint64
}

// trie maps word sequences to entries.
type trie struct {
	root node
}

type node struct {
	next map[string]*node
	ents []phraseEnt
}

func (t *trie) add(words []string, e phraseEnt) {
	n := &t.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[w]
		if c == nil {
			c = &node{}
			n.next[w] = c
		}
		n = c
	}
	for _, old := range n.ents {
		if old.kind == e.kind && old.idx == e.idx {
			return
		}
	}
	n.ents = append(n.ents, e)
}

func (t *trie) get(words []string) []phraseEnt {
	if t == nil || len(words) == 0 {
		return nil
	}
	n := &t.root
	for _, w := range words {
		n = n.next[w]
		if n == nil {
			return nil
		}
	}
	return n.ents
}

// phraseWords splits a KB phrase into words the way tokens are keyed, and
// returns the capitalisation masks.
func phraseWords(s string) (words []string, caps, acro uint64) {
	for _, f := range splitPhrase(s) {
		k := wordKey(f)
		if k == "" {
			continue
		}
		i := len(words)
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) && i < 64 {
			caps |= 1 << i
			if isAcronym(f) {
				acro |= 1 << i
			}
		}
		words = append(words, k)
	}
	return words, caps, acro
}

// splitPhrase splits on spaces and splits off a possessive "'s" and
// punctuation at either end of a word, as a tokenizer would. Hyphenated
// words stay whole here; build adds their split form too.
func splitPhrase(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for len(f) > 0 && strings.ContainsRune("(\"“‘", rune(f[0])) {
			f = f[1:]
		}
		f = strings.TrimRight(f, ",;:)\"”’")
		if base, ok := cutPossessive(f); ok {
			out = append(out, base, "'s")
			continue
		}
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

func cutPossessive(f string) (string, bool) {
	for _, p := range []string{"'s", "’s"} {
		if len(f) > len(p) && strings.HasSuffix(f, p) {
			return f[:len(f)-len(p)], true
		}
	}
	return f, false
}

// isAcronym reports a word of two or three capital letters ("US", "EU"),
// which must match case-sensitively ("us" and "Us" are not the US).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}

// phraseKey returns the key words of a free-text name, for Lookup.
func phraseKey(s string) []string {
	w, _, _ := phraseWords(s)
	return w
}

// wordKey normalises a word for matching: lower case, diacritics folded,
// curly apostrophes straightened, dots and hyphens dropped ("U.S." → "us",
// "Erdoğan" → "erdogan", "state-run" → "staterun").
func wordKey(w string) string {
	if isPlainKey(w) {
		return w
	}
	return string(appendKey(nil, w))
}

// isPlainKey reports a word that is its own key (lower-case ASCII letters
// with no dots or hyphens).
func isPlainKey(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' {
			return false
		}
	}
	return true
}

// appendKey appends the key of w to b.
func appendKey(b []byte, w string) []byte {
	for _, r := range w {
		switch r {
		case '.', '-', '‐', '‑', '–':
			if len(w) > 1 {
				continue
			}
		case '’', '‘', 'ʼ':
			r = '\''
		}
		if r >= utf8.RuneSelf {
			if f, ok := fold[r]; ok {
				b = append(b, f...)
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				b = append(b, f...)
				continue
			}
		} else if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// fold maps accented Latin letters to their ASCII base.
var fold = func() map[rune]string {
	m := map[rune]string{}
	add := func(base string, rs string) {
		for _, r := range rs {
			m[r] = base
		}
	}
	add("a", "áàâäãåāăąǎ")
	add("c", "çćčĉċ")
	add("d", "ďđ")
	add("e", "éèêëēĕėęě")
	add("g", "ğĝġģ")
	add("h", "ĥħ")
	add("i", "íìîïĩīĭįı")
	add("j", "ĵ")
	add("k", "ķ")
	add("l", "ĺļľŀł")
	add("n", "ñńņňŉ")
	add("o", "óòôöõøōŏő")
	add("r", "ŕŗř")
	add("s", "śŝşšș")
	add("t", "ţťŧț")
	add("u", "úùûüũūŭůűų")
	add("w", "ŵ")
	add("y", "ýÿŷ")
	add("z", "źżž")
	m['ß'] = "ss"
	m['æ'] = "ae"
	m['œ'] = "oe"
	return m
}()

// build compiles the phrase trie from the records.
func (kb *KB) build() {
	t := &trie{}
	add := func(text string, e phraseEnt) {
		words, caps, acro := phraseWords(text)
		if len(words) == 0 {
			return
		}
		e.text, e.caps, e.acro = text, caps, acro
		t.add(words, e)
		// Tokenizers that split hyphens ("al" "-" "Sharaa") meet the
		// split form; the hyphen tokens are skipped when matching.
		if strings.ContainsAny(text, "-‐‑") {
			split := strings.NewReplacer("-", " ", "‐", " ", "‑", " ").Replace(text)
			if w, c, a := phraseWords(split); len(w) > len(words) {
				e.caps, e.acro = c, a
				t.add(w, e)
			}
		}
	}
	for i, c := range kb.Countries {
		for _, n := range c.Names {
			add(n, phraseEnt{kind: KindCountry, idx: i})
		}
		for _, n := range c.Adj {
			add(n, phraseEnt{kind: KindDemonym, idx: i})
		}
		for _, n := range c.People {
			add(n, phraseEnt{kind: KindPeople, idx: i})
		}
		for _, n := range c.Capitals {
			add(n, phraseEnt{kind: KindCapital, idx: i})
		}
	}
	for i, a := range kb.Actors {
		for _, n := range a.Names {
			add(n, phraseEnt{kind: KindActor, idx: i})
		}
	}
	for i, p := range kb.People {
		for j, n := range append([]string{p.Name}, p.Aliases...) {
			// A one-word alias of fewer than three letters ("A.", "Xi"
			// excepted) would match initials and articles.
			if j > 0 && !strings.Contains(n, " ") && len(strings.Trim(n, ".")) < 3 && n != "Xi" {
				continue
			}
			add(n, phraseEnt{kind: KindPerson, idx: i})
		}
	}
	kb.titleWords = map[string]bool{}
	for i, n := range kb.Nouns {
		add(n.Text, phraseEnt{kind: n.Kind, idx: i})
		if n.Kind == KindTitle {
			if w := phraseKey(n.Text); len(w) > 0 {
				kb.titleWords[w[len(w)-1]] = true
			}
		}
	}
	kb.phrases = t
	kb.built = true
}
