package attrib

import (
	"cmp"
	"slices"

	"github.com/wirecoder/wirecoder/doc"
)

// Attribution is one assembled attribution: a cue with the source and the
// content nearest to it. Source or Content is the empty range {-1, -1}
// when none was found near the cue. CueClass is the lexicon class of the
// first cue token the lexicon knows, or 0.
type Attribution struct {
	Cue, Source, Content Range
	CueClass             int
}

// Range is a token range [First, Last).
type Range struct{ First, Last int }

// Empty reports whether the range holds no token.
func (r Range) Empty() bool { return r.Last <= r.First }

var none = Range{-1, -1}

// Attributions tags d and assembles the spans into attributions: each
// cue span takes the nearest source span and the nearest content span in
// its own sentence or an adjacent one. A content or source span left over
// (a quote split around its cue, "X," he said, "Y") is attached to its
// nearest cue as a further attribution with that cue. The result is in
// token order of the cues.
func (m *Model) Attributions(d *doc.Doc, lex Lexicon) []Attribution {
	return Assemble(d, Spans(m.Tag(d, lex)), lex)
}

// Assemble groups role spans of d into attributions as Attributions does.
func Assemble(d *doc.Doc, spans []Span, lex Lexicon) []Attribution {
	var cues, srcs, conts []Span
	for _, s := range spans {
		switch s.Role {
		case Cue:
			cues = append(cues, s)
		case Source:
			srcs = append(srcs, s)
		case Content:
			conts = append(conts, s)
		}
	}
	if len(cues) == 0 {
		return nil
	}
	sentOf := func(i int) int {
		if i < 0 || i >= len(d.Tokens) {
			return -1
		}
		return d.Tokens[i].Sent
	}
	// dist is the token gap between two spans, or -1 when they are more
	// than one sentence apart.
	dist := func(a, b Span) int {
		sa, sb := sentOf(a.First), sentOf(b.First)
		if sa < 0 || sb < 0 {
			return -1
		}
		// A content span may run over several sentences: compare the
		// sentence range it covers.
		sbl := sentOf(b.Last - 1)
		sal := sentOf(a.Last - 1)
		if sa-sbl > 1 || sb-sal > 1 {
			return -1
		}
		switch {
		case b.Last <= a.First:
			return a.First - b.Last
		case a.Last <= b.First:
			return b.First - a.Last
		}
		return 0
	}
	nearest := func(c Span, cands []Span) int {
		best, bd := -1, 0
		for k, s := range cands {
			if dd := dist(c, s); dd >= 0 && (best < 0 || dd < bd) {
				best, bd = k, dd
			}
		}
		return best
	}
	nearestCue := func(s Span) int { return nearest(s, cues) }
	out := make([]Attribution, len(cues))
	usedS := make([]bool, len(srcs))
	usedC := make([]bool, len(conts))
	for k, c := range cues {
		a := Attribution{Cue: Range{c.First, c.Last}, Source: none, Content: none}
		if lex != nil {
			for i := c.First; i < c.Last; i++ {
				if cl := lex(d.Tokens[i].Norm, d.Tokens[i].Lemma); cl > 0 {
					a.CueClass = cl
					break
				}
			}
		}
		if j := nearest(c, srcs); j >= 0 {
			a.Source = Range{srcs[j].First, srcs[j].Last}
			usedS[j] = true
		}
		if j := nearest(c, conts); j >= 0 {
			a.Content = Range{conts[j].First, conts[j].Last}
			usedC[j] = true
		}
		out[k] = a
	}
	// Leftovers join their nearest cue.
	for j, s := range conts {
		if usedC[j] {
			continue
		}
		if k := nearestCue(s); k >= 0 {
			a := out[k]
			a.Content = Range{s.First, s.Last}
			out = append(out, a)
		}
	}
	for j, s := range srcs {
		if usedS[j] {
			continue
		}
		if k := nearestCue(s); k >= 0 && k < len(cues) {
			a := out[k]
			a.Source = Range{s.First, s.Last}
			a.Content = none
			out = append(out, a)
		}
	}
	// Stable order by cue, then content.
	sortAttributions(out)
	return out
}

func sortAttributions(as []Attribution) {
	slices.SortStableFunc(as, func(a, b Attribution) int {
		if c := cmp.Compare(a.Cue.First, b.Cue.First); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Content.First, b.Content.First); c != 0 {
			return c
		}
		return cmp.Compare(a.Source.First, b.Source.First)
	})
}
