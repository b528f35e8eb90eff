package actor

import (
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// elemKind is what one element of a mention chain is.
type elemKind uint8

const (
	eNone       elemKind = iota
	eKB                  // a knowledge-base phrase (see ents)
	eNER                 // a named-entity span not in the knowledge base
	eName                // capitalised words after a title: an unknown person
	eCountryRef          // "the country", "his country"
)

// elem is one element of a chain: "Belarusian" "President" "Alexander
// Lukashenko".
type elem struct {
	first, last int
	kind        elemKind
	ent         phraseEnt // the chosen KB entry (eKB)
	alts        []phraseEnt
	nerType     doc.EntityType
	pron        string // possessor pronoun of an eCountryRef, or "the"
	comp        bool   // an "of" complement after the head ("the president of Belarus")
}

// raw is a mention found in the first pass, before coreference.
type raw struct {
	first, last int // token range of the mention
	sent        int
	kind        doc.MentionKind
	typ         doc.EntityType
	source      string

	code     string // full code when fixed by the KB
	country  string // country part, "" when unknown
	sector   string
	inherit  bool // the country is to be inherited from the context
	ctyFrom  int  // index of the raw mention (a country reference) that gives the country, or -1
	key      string
	person   []*Person // candidate persons (an alias may name several)
	name     string    // canonical name
	title    string    // title word ("president") of a title mention
	noun     string    // canonical sector noun
	headWord string    // last word of the noun ("ministry")
	number   byte
	definite bool
	pronoun  string
	ctyRef   bool // "the country", "his country"
	group    int  // number of members of a group mention ("the two leaders")
	speaks   int  // for "a spokesperson for X": index of X's raw mention, else -1
	speaker  bool // the mention is a spokesperson-type noun
	anaphor  bool // "the alliance": a noun that refers back to a named organisation
	subject  bool
	poss     bool // followed by a possessive ("Putin's assurances")
	surname  string
	fullName bool // a person named by more than a surname
}

var determiners = map[string]bool{"the": true, "a": true, "an": true}

var pronouns = map[string]bool{
	"he": true, "him": true, "his": true, "himself": true,
	"she": true, "her": true, "hers": true, "herself": true,
	"it": true, "its": true, "itself": true,
	"they": true, "them": true, "their": true, "theirs": true, "themselves": true,
}

var possPronouns = map[string]bool{"his": true, "her": true, "its": true, "their": true}

var numberWords = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "all": 0}

var groupNouns = map[string]bool{
	"leaders": true, "presidents": true, "heads": true, "sides": true, "countries": true,
	"men": true, "ministers": true, "allies": true, "neighbours": true, "neighbors": true,
	"governments": true, "nations": true, "states": true, "women": true,
}

var locPreps = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "near": true, "into": true, "outside": true,
	"around": true, "across": true, "toward": true, "towards": true, "via": true, "over": true,
	"inside": true, "through": true, "on": true,
}

// subjectNext are words that, right after a mention, suggest the mention
// is a clause subject when no parse is available.
var subjectNext = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "had": true, "has": true, "have": true,
	"was": true, "were": true, "is": true, "are": true, "will": true, "would": true, "could": true,
	"can": true, "did": true, "does": true, "announced": true, "added": true, "denied": true,
	"accused": true, "warned": true, "stated": true, "claimed": true, "reported": true,
	"allowed": true, "dismissed": true, "relied": true, "wrote": true, "noted": true,
	"may": true, "might": true, "should": true, "must": true,
}

// docKeys holds the per-token matching keys and case flags of a story.
type docKeys struct {
	key   []string
	upper []bool // first letter upper case
	lower []bool // has a lower-case letter
	// glued marks a hyphen token with no space on either side ("al" "-"
	// "Sharaa"): matching steps over it.
	glued []bool
}

func tokenKeys(d *doc.Doc) docKeys {
	n := len(d.Tokens)
	k := docKeys{key: make([]string, n), upper: make([]bool, n), lower: make([]bool, n), glued: make([]bool, n)}
	// The keys that differ from their token's text share one buffer: one
	// allocation per story instead of one per capitalised word.
	var buf []byte
	type span struct{ a, b int }
	spans := make([]span, n)
	texts := make([]string, n)
	for i, t := range d.Tokens {
		s := t.Norm
		if s == "" {
			s = d.Text[t.Start:t.End]
		}
		texts[i] = s
		if isPlainKey(s) {
			spans[i] = span{-1, -1}
			continue
		}
		a := len(buf)
		buf = appendKey(buf, s)
		spans[i] = span{a, len(buf)}
	}
	all := string(buf)
	for i, s := range texts {
		if spans[i].a < 0 {
			k.key[i] = s
		} else {
			k.key[i] = all[spans[i].a:spans[i].b]
		}
	}
	for i, s := range texts {
		if (s == "-" || s == "‐" || s == "‑") && i > 0 && i+1 < n && !d.Tokens[i-1].SpaceAfter && !d.Tokens[i].SpaceAfter {
			k.glued[i] = true
		}
		r, _ := utf8.DecodeRuneInString(s)
		k.upper[i] = unicode.IsUpper(r) || unicode.IsDigit(r)
		for j := 0; j < len(s); j++ {
			c := s[j]
			if c >= 'a' && c <= 'z' {
				k.lower[i] = true
				break
			}
			if c >= utf8.RuneSelf {
				for _, r := range s[j:] {
					if unicode.IsLower(r) {
						k.lower[i] = true
						break
					}
				}
				break
			}
		}
	}
	return k
}

// possLen returns the number of tokens of a possessive marker at i ("'s",
// "’s", "'" + "s", or a lone "'" after a plural), or 0.
func (k *docKeys) possLen(i, end int) int {
	if i >= end {
		return 0
	}
	switch k.key[i] {
	case "'s":
		return 1
	case "'":
		if i+1 < end && k.key[i+1] == "s" {
			return 2
		}
		return 1
	}
	return 0
}

// match returns the longest knowledge-base phrase starting at token i
// (within [i, end)) whose capitalisation fits, with its end and entries.
// Glued hyphen tokens inside a phrase are stepped over.
func (kb *KB) match(k *docKeys, i, end int) (int, []phraseEnt) {
	n := &kb.phrases.root
	bestEnd := -1
	var best []phraseEnt
	var pos [16]int // the token of each phrase word
	w := 0
	for j := i; j < end && w < len(pos); j++ {
		if k.glued[j] && j > i {
			continue
		}
		next := n.next[k.key[j]]
		if next == nil {
			// A middle initial inside a name ("Vladimir V. Putin") is
			// stepped over.
			if j > i && len(k.key[j]) == 1 && k.upper[j] && n != &kb.phrases.root {
				continue
			}
			break
		}
		n = next
		pos[w] = j
		w++
		if len(n.ents) == 0 {
			continue
		}
		// Most nodes hold one entry or entries that all fit: return the
		// node's own slice and copy only when some must be left out.
		fit := 0
		for _, e := range n.ents {
			if caseFits(k, pos[:w], e) {
				fit++
			}
		}
		switch {
		case fit == len(n.ents):
			bestEnd, best = j+1, n.ents
		case fit > 0:
			ok := make([]phraseEnt, 0, fit)
			for _, e := range n.ents {
				if caseFits(k, pos[:w], e) {
					ok = append(ok, e)
				}
			}
			bestEnd, best = j+1, ok
		}
	}
	return bestEnd, best
}

func caseFits(k *docKeys, pos []int, e phraseEnt) bool {
	for w, t := range pos {
		bit := uint64(1) << w
		if e.caps&bit != 0 && !k.upper[t] {
			return false
		}
		if e.acro&bit != 0 && k.lower[t] {
			return false
		}
	}
	return true
}

// kindOrder ranks entry kinds when one phrase has several: a named actor
// before a country, a country before a person of the same name, a title
// before a sector noun.
var kindOrder = [...]int{
	KindActor: 0, KindCountry: 1, KindCapital: 2, KindPerson: 3, KindPeople: 4,
	KindDemonym: 5, KindTitle: 6, KindSector: 7, KindModifier: 8, KindUnknown: 9,
}

func pick(ents []phraseEnt) phraseEnt {
	best := ents[0]
	for _, e := range ents[1:] {
		if kindOrder[e.kind] < kindOrder[best.kind] {
			best = e
		}
	}
	return best
}

func hasKind(ents []phraseEnt, k Kind) (phraseEnt, bool) {
	for _, e := range ents {
		if e.kind == k {
			return e, true
		}
	}
	return phraseEnt{}, false
}

// nerSpans returns, for each token that opens a named-entity span, the
// span's end and type; tokens that open none map to 0.
func nerSpans(d *doc.Doc) ([]int, []doc.EntityType) {
	has := d.Layers.Has(doc.LayerNER)
	if !has {
		for _, t := range d.Tokens {
			if t.NER != "" && t.NER != "O" {
				has = true
				break
			}
		}
	}
	if !has {
		return nil, nil
	}
	ends := make([]int, len(d.Tokens))
	types := make([]doc.EntityType, len(d.Tokens))
	for i := 0; i < len(d.Tokens); {
		tag := d.Tokens[i].NER
		if len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' {
			i++
			continue
		}
		typ := tag[2:]
		j := i + 1
		for j < len(d.Tokens) && d.Tokens[j].NER == "I-"+typ && d.Tokens[j].Sent == d.Tokens[i].Sent {
			j++
		}
		ends[i] = j
		switch typ {
		case "PER", "PERSON":
			types[i] = doc.PER
		case "ORG":
			types[i] = doc.ORG
		case "GPE":
			types[i] = doc.GPE
		case "LOC":
			types[i] = doc.LOC
		case "NORP":
			types[i] = doc.NORP
		default:
			types[i] = doc.TypeUnknown
		}
		i = j
	}
	return ends, types
}
