package ner

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

// gazetteerText is the default gazetteer, generated from ../shared data by
// ner/internal/gazgen (see its doc comment for sources and licences).
//
//go:embed gazetteer/gazetteer.txt
var gazetteerText string

// The gazetteer's entry types.
const (
	gzLOC   = iota // a place: country, city, region, US state
	gzPER          // a full person name
	gzFIRST        // a first name
	gzLAST         // a surname
	gzDEM          // a demonym ("Belarusian")
	gzORGW         // a word that marks organisations ("Ministry", "Inc.")
	gzTITLE        // a title before a name ("President", "Mr.")
	gzORG          // an organisation's name
	numGz
)

var gzNames = [numGz]string{"LOC", "PER", "FIRST", "LAST", "DEM", "ORGW", "TITLE", "ORG"}

// gzPrefix marks, in Gazetteer.seq, a token sequence that begins a longer
// entry.
const gzPrefix = 1 << 15

// Gazetteer is a set of names by type, matched as whole token sequences
// (case-sensitive) and as single tokens (exact and lower-cased).
type Gazetteer struct {
	text string // the entries, one "TYPE\ttoken token" per line
	// The tables map seqHash values to type bits (as int32):
	exact *featTable // single token -> type bits of entries holding it
	lower *featTable // lower-cased single token -> type bits
	seq   *featTable // token sequence -> type bits | gzPrefix
	lseq  *featTable // the same for lower-cased sequences
	n     int
}

// ParseGazetteer parses a gazetteer: one entry per line, "TYPE<TAB>token
// token ...", with TYPE one of LOC, PER, FIRST, LAST, DEM, ORGW, TITLE, ORG;
// blank lines and lines starting with '#' are skipped. name is used in
// errors.
func ParseGazetteer(text, name string) (*Gazetteer, error) {
	g := &Gazetteer{text: text}
	exact, lower, seq, lseq := map[uint64]uint16{}, map[uint64]uint16{}, map[uint64]uint16{}, map[uint64]uint16{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.TrimSpace(l) == "" || l[0] == '#' {
			continue
		}
		typ, entry, ok := strings.Cut(l, "\t")
		t := -1
		for i, n := range gzNames {
			if n == typ {
				t = i
			}
		}
		toks := strings.Fields(entry)
		if !ok || t < 0 || len(toks) == 0 {
			return nil, &Error{Op: "parse gazetteer", File: name, Line: line, Err: fmt.Errorf("want TYPE<TAB>name with TYPE one of %s, got %q", strings.Join(gzNames[:], "|"), clip(l))}
		}
		bit := uint16(1) << t
		h, lh := seqSeed, seqSeed
		for i, tok := range toks {
			lt := strings.ToLower(tok)
			exact[seqHash(seqSeed, tok)] |= bit
			lower[seqHash(seqSeed, lt)] |= bit
			h, lh = seqHash(h, tok), seqHash(lh, lt)
			if i < len(toks)-1 {
				seq[h] |= gzPrefix
				lseq[lh] |= gzPrefix
			} else {
				seq[h] |= bit
				lseq[lh] |= bit
			}
		}
		g.n++
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{Op: "parse gazetteer", File: name, Line: line, Err: err}
	}
	g.exact, g.lower, g.seq, g.lseq = bitTable(exact), bitTable(lower), bitTable(seq), bitTable(lseq)
	return g, nil
}

// bitTable copies a map of type bits into a featTable.
func bitTable(m map[uint64]uint16) *featTable {
	t := newFeatTable(len(m))
	for k, v := range m {
		t.put(k, int32(v))
	}
	return t
}

// bits returns the type bits of a hash in t.
func bits(t *featTable, h uint64) uint16 {
	v, _ := t.get(h)
	return uint16(v)
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return g.n }

// Text returns the gazetteer in the form ParseGazetteer reads.
func (g *Gazetteer) Text() string { return g.text }

// Lookup returns the type names of the entries that match the token
// sequence exactly, sorted.
func (g *Gazetteer) Lookup(tokens ...string) []string {
	h := seqSeed
	for _, t := range tokens {
		h = seqHash(h, t)
	}
	b := bits(g.seq, h) &^ gzPrefix
	var out []string
	for t := 0; t < numGz; t++ {
		if b&(1<<t) != 0 {
			out = append(out, gzNames[t])
		}
	}
	sort.Strings(out)
	return out
}

const seqSeed uint64 = 14695981039346656037

// seqHash extends a token-sequence hash with one token (FNV-1a with a
// separator).
func seqHash(h uint64, tok string) uint64 {
	for i := 0; i < len(tok); i++ {
		h ^= uint64(tok[i])
		h *= 1099511628211
	}
	h ^= 0xff
	h *= 1099511628211
	return h
}

// match marks, for each token of words, the gazetteer entries that cover
// it: begin[i] holds the type bits of the entries that start at token i,
// inside[i] those of the entries that run through it after their start.
func (g *Gazetteer) match(words []string, begin, inside []uint16) {
	matchSeq(g.seq, words, begin, inside)
}

// matchSeq marks the matches of the sequences of seq in words (see match).
func matchSeq(seq *featTable, words []string, begin, inside []uint16) {
	for i := range begin {
		begin[i], inside[i] = 0, 0
	}
	for i := range words {
		h := seqSeed
		for j := i; j < len(words); j++ {
			h = seqHash(h, words[j])
			v32, ok := seq.get(h)
			if !ok {
				break
			}
			v := uint16(v32)
			if bits := v &^ gzPrefix; bits != 0 {
				begin[i] |= bits
				for k := i + 1; k <= j; k++ {
					inside[k] |= bits
				}
			}
			if v&gzPrefix == 0 {
				break
			}
		}
	}
}
