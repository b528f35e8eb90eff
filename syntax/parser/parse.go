package parser

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
)

// Parse parses one sentence. words are the word forms; lemmas, upos and
// xpos are the matching columns (any of them may be nil or shorter than
// words: missing values are treated as unknown). heads[i] is the 0-based
// index within the sentence of word i's head, -1 for the root; deps[i] is
// its Universal Dependencies relation. Parse is safe for concurrent use.
func (m *Model) Parse(words, lemmas, upos, xpos []string) (heads []int, deps []string) {
	heads = make([]int, len(words))
	deps = make([]string, len(words))
	if len(words) == 0 {
		return heads, deps
	}
	st := m.pool.Get().(*state)
	st.init(m, words, lemmas, upos, xpos)
	m.run(st)
	for i := range words {
		heads[i] = int(st.head[i+1]) - 1
		deps[i] = m.label(st.lab[i+1])
	}
	m.pool.Put(st)
	return heads, deps
}

// run parses the sentence held by st greedily.
func (m *Model) run(st *state) {
	for !st.terminal() {
		a := m.best(st)
		var l int16
		if a != actShift {
			h, d := st.arc(a)
			l = m.predictLabel(st, h, d)
		}
		st.apply(a, l)
	}
}

// best returns the highest-scoring valid transition.
func (m *Model) best(st *state) int {
	okS, okL, okR := st.valid()
	// Forced moves need no scoring.
	switch {
	case okS && !okL && !okR:
		return actShift
	case okR && !okS && !okL:
		return actRight
	}
	st.fb = buckets(st.transFeatures(), m.bitsT, st.fb)
	sc := scoreTrans(m.qT, st.fb)
	return pick(sc, okS, okL, okR)
}

// pick returns the best-scoring allowed transition (ties go to the lower
// action number, for determinism).
func pick[T int32 | float32](sc [numActs]T, okS, okL, okR bool) int {
	best, bs := -1, T(0)
	ok := [numActs]bool{okS, okL, okR}
	for a := 0; a < numActs; a++ {
		if ok[a] && (best < 0 || sc[a] > bs) {
			best, bs = a, sc[a]
		}
	}
	return best
}

// predictLabel chooses the label of the arc h -> d. Attachments to the
// artificial root are labelled root; no other arc is.
func (m *Model) predictLabel(st *state, h, d int32) int16 {
	if h == 0 {
		if m.rootLab > 0 {
			return m.rootLab
		}
	}
	st.lb = buckets(st.labelFeatures(h, d), m.bitsL, st.lb)
	if cap(st.lsc) < m.nl {
		st.lsc = make([]int32, m.nl)
	}
	st.lsc = st.lsc[:m.nl]
	st.touch = scoreLabels(m.qL, st.lb, st.lsc)
	best, bs := -1, int32(0)
	for j, v := range st.lsc {
		if int16(j+1) == m.rootLab {
			continue
		}
		if best < 0 || v > bs {
			best, bs = j, v
		}
	}
	return int16(best + 1)
}

// ParseError reports a sentence of a Doc that could not be parsed.
type ParseError struct {
	Op       string // "parse"
	DocID    string
	Sentence int // index into Doc.Sentences
	Msg      string
}

// Error formats the error with the story and sentence.
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s: story %q: sentence %d: %s", e.Op, e.DocID, e.Sentence, e.Msg)
}

// Process parses every sentence of d, reading Token.Norm, Token.Lemma,
// Token.UPOS and Token.XPOS, and sets Token.Head to the Doc-level index of
// the head (-1 for the root and for tokens outside every sentence) and
// Token.Dep to the relation. It requires doc.LayerTokens,
// doc.LayerSentences and doc.LayerPOS and assigns doc.LayerDeps. A
// sentence whose token range is invalid is reported as a *ParseError; the
// sentences before it stay parsed.
func (m *Model) Process(ctx context.Context, d *doc.Doc) error {
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep = -1, ""
	}
	st := m.pool.Get().(*state)
	defer m.pool.Put(st)
	var words, lemmas, upos, xpos []string
	for si, s := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("parse story %q: sentence %d: %w", d.ID, si, err)
		}
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return &ParseError{Op: "parse", DocID: d.ID, Sentence: si,
				Msg: fmt.Sprintf("token range [%d,%d) outside the %d tokens", s.First, s.Last, len(d.Tokens))}
		}
		if s.First == s.Last {
			continue
		}
		words, lemmas, upos, xpos = words[:0], lemmas[:0], upos[:0], xpos[:0]
		for _, t := range d.Tokens[s.First:s.Last] {
			w := t.Norm
			if w == "" && t.Start >= 0 && t.Start <= t.End && t.End <= len(d.Text) {
				w = d.Text[t.Start:t.End]
			}
			words = append(words, w)
			lemmas = append(lemmas, t.Lemma)
			upos = append(upos, t.UPOS)
			xpos = append(xpos, t.XPOS)
		}
		st.init(m, words, lemmas, upos, xpos)
		m.run(st)
		for i := range words {
			tok := &d.Tokens[s.First+i]
			if h := st.head[i+1]; h > 0 {
				tok.Head = s.First + int(h) - 1
			} else {
				tok.Head = -1
			}
			tok.Dep = m.label(st.lab[i+1])
		}
	}
	return nil
}
