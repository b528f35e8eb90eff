package tabari

import (
	"fmt"
	"sort"
	"strings"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
)

// uKind is the TABARI word type of a unit (manual 7.2).
type uKind uint8

const (
	uNull uKind = iota
	uActor
	uAgent
	uVerb
	uNoun
	uAdj
	uDeterm
	uPronoun
	uConj
	uComma
	uAuxil
	uBy
	uNumber
	uPrep // OF, IN: agent-actor connectors
	uTime // a <TIME> phrase
)

// unit is one classified word or dictionary phrase.
type unit struct {
	kind   uKind
	toks   []int // the tokens matched (a phrase with gaps skips some)
	first  int   // first token
	last   int   // last token
	codes  []string
	base   []string // actor codes before agents were attached
	agent  *dt.Agent
	verb   int
	word   string // the token text for special words
	elim   bool   // inside an eliminated comma-delimited clause
	cmpd   bool   // conjunction or comma inside a compound actor
	phrase bool   // conjunction of a compound noun or adjective phrase
	slot   int    // actor slot index, -1 when none
}

// slot is an actor as the source and target searches see it: a single
// actor, a parsed compound or a coreferenced pronoun.
type slot struct {
	u0, u1   int // first and last unit
	tok0     int // first token
	tok1     int // last token
	codes    []string
	compound bool
}

var specialWords = map[string]uKind{
	"THE": uDeterm, "A": uDeterm, "AN": uDeterm,
	"AND": uConj, "BUT": uConj, "OR": uConj, "NOR": uConj,
	"WAS": uAuxil, "WERE": uAuxil, "BEEN": uAuxil,
	"BY": uBy,
	"HE": uPronoun, "SHE": uPronoun, "IT": uPronoun, "ITS": uPronoun, "HIS": uPronoun,
	"HER": uPronoun, "HIM": uPronoun, "THEY": uPronoun, "THEM": uPronoun, "THEIR": uPronoun,
	"OF": uPrep, "IN": uPrep,
	",": uComma,
}

// sentence is the parse of one sentence.
type sentence struct {
	c      *Coder
	opts   *dt.Options
	date   int
	toks   []token
	units  []unit
	tokU   []int // token -> unit, -1 for none
	slots  []slot
	res    Result
	allCap bool
	prev   *Antecedent
}

// matchPhrase matches a dictionary phrase at token i; it returns the
// matched tokens or nil. Gaps (blank connectors) may skip any number of
// words but never a comma.
func (s *sentence) matchPhrase(p dt.Phrase, i int, used []bool, verb bool) []int {
	var out []int
	pos := i
	for k, e := range p {
		if e.Kind != dt.Literal {
			return nil
		}
		found := -1
		if k == 0 {
			if pos < len(s.toks) && !used[pos] && wordMatch(s.toks[pos].Text, e, k == len(p)-1, verb) {
				found = pos
			}
		} else if p[k-1].Adjacent {
			if pos < len(s.toks) && !used[pos] && wordMatch(s.toks[pos].Text, e, k == len(p)-1, verb) {
				found = pos
			}
		} else {
			for j := pos; j < len(s.toks); j++ {
				if s.toks[j].Text == "," {
					break
				}
				if !used[j] && wordMatch(s.toks[j].Text, e, k == len(p)-1, verb) {
					found = j
					break
				}
			}
		}
		if found < 0 {
			return nil
		}
		out = append(out, found)
		pos = found + 1
	}
	return out
}

// classify assigns the units of the sentence by longest dictionary match.
func (s *sentence) classify() {
	n := len(s.toks)
	used := make([]bool, n)
	s.tokU = make([]int, n)
	for i := range s.tokU {
		s.tokU[i] = -1
	}
	type pending struct {
		u   unit
		pos int
	}
	var us []pending
	for i := 0; i < n; i++ {
		if used[i] {
			continue
		}
		t := s.toks[i].Text
		var best *entry
		var bestToks []int
		for k := 1; k <= keyLen && k <= len(t); k++ {
			for _, e := range s.c.index[t[:k]] {
				if best != nil && e.chars < best.chars {
					break
				}
				m := s.matchPhrase(e.phrase, i, used, e.kind == kVerb)
				if m == nil {
					continue
				}
				if best == nil || better(e, m, best, bestToks) {
					best, bestToks = e, m
				}
			}
		}
		sk, special := specialWords[t]
		if best != nil && special && len(best.phrase) == 1 {
			best = nil
		}
		var u unit
		switch {
		case best != nil:
			u = unit{toks: bestToks, first: bestToks[0], last: bestToks[len(bestToks)-1], slot: -1}
			switch best.kind {
			case kActor:
				code := best.actor.CodeAt(s.date)
				switch code {
				case "---":
					u.kind = uNoun
				case "###":
					s.discard("discard actor " + best.actor.Text)
					u.kind = uNoun
				case "+++":
					s.complex("complex actor " + best.actor.Text)
					u.kind = uNoun
				default:
					u.kind = uActor
					u.codes = strings.Split(code, "/")
					u.base = append([]string(nil), u.codes...)
				}
			case kAgent:
				if best.agent.Code == "---" {
					u.kind = uNoun
				} else {
					u.kind = uAgent
					u.agent = best.agent
				}
			case kNoun:
				u.kind = uNoun
			case kAdj:
				u.kind = uAdj
			case kTime:
				u.kind = uTime
				u.verb = best.time
				if s.c.times[best.time].discard {
					s.discard("discard time phrase " + s.c.times[best.time].text)
				}
			case kVerb:
				v := &s.c.verbs[best.verb]
				u.kind = uVerb
				u.verb = best.verb
				if v.Code.Flags&dt.Null != 0 && len(v.Patterns) == 0 {
					u.kind = uNull
				}
			}
		case special:
			u = unit{kind: sk, toks: []int{i}, first: i, last: i, word: t, slot: -1}
		case t[0] >= '0' && t[0] <= '9':
			u = unit{kind: uNumber, toks: []int{i}, first: i, last: i, slot: -1}
		default:
			u = unit{kind: uNull, toks: []int{i}, first: i, last: i, slot: -1}
		}
		for _, j := range u.toks {
			used[j] = true
		}
		us = append(us, pending{u, i})
	}
	// units in token order of their first token
	for _, p := range us {
		s.units = append(s.units, p.u)
	}
	for ui, u := range s.units {
		for _, j := range u.toks {
			s.tokU[j] = ui
		}
	}
}

// better reports whether entry e matching tokens m beats the best so
// far: more characters, then a contiguous match, then actors before
// agents, nouns, adjectives and verbs, then dictionary order.
func better(e *entry, m []int, best *entry, bm []int) bool {
	if e.chars != best.chars {
		return e.chars > best.chars
	}
	if c, bc := contiguous(m), contiguous(bm); c != bc {
		return c
	}
	if e.kind != best.kind {
		return e.kind < best.kind
	}
	return e.order < best.order
}

func contiguous(m []int) bool {
	for i := 1; i < len(m); i++ {
		if m[i] != m[i-1]+1 {
			return false
		}
	}
	return true
}

func (s *sentence) discard(why string) {
	if !s.res.Discard {
		s.res.Discard = true
		s.res.Reason = why
	}
}

func (s *sentence) complex(why string) {
	if !s.res.Complex {
		s.res.Complex = true
		if s.res.Reason == "" {
			s.res.Reason = why
		}
	}
}

// nounShift turns verbs into nouns after a determiner or when capitalized
// inside a mixed-case sentence (manual 7.4).
func (s *sentence) nounShift() {
	lower := false
	for _, t := range s.toks {
		if t.Text != "," && !t.Cap {
			lower = true
			break
		}
	}
	s.allCap = !lower
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uVerb {
			continue
		}
		if i > 0 && s.units[i-1].kind == uDeterm {
			u.kind = uNoun
			continue
		}
		if !s.allCap && u.first > 0 && s.toks[u.first].Cap {
			u.kind = uNoun
		}
	}
}

// combineCode attaches an agent code to an actor code, unless the actor
// code already holds it on a 3-character boundary (manual 5.4).
func combineCode(actor string, a *dt.Agent) string {
	bare := a.Bare()
	for i := 0; i+len(bare) <= len(actor); i += 3 {
		if actor[i:i+len(bare)] == bare {
			return actor
		}
	}
	if a.Suffix() {
		return actor + bare
	}
	return bare + actor
}

// isFormer reports whether unit i is the word FORMER.
func (s *sentence) isFormer(i int) bool {
	return i >= 0 && i < len(s.units) && s.units[i].kind != uActor && s.units[i].kind != uAgent &&
		len(s.units[i].toks) == 1 && s.toks[s.units[i].first].Text == "FORMER"
}

// agents attaches to each actor the agent right after it (across FORMER)
// or, failing that, the agent right before it, optionally across a
// preposition ("PRESIDENT OF ISRAEL"); FORMER before or after the actor or
// before the agent makes the agent ELI (manual 5.4, 5.4.1). Agents not
// attached become actors under CONVERT AGENTS.
func (s *sentence) agents() {
	attached := make([]bool, len(s.units))
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uActor {
			continue
		}
		t := i
		former := false
		if s.isFormer(t + 1) {
			former = true
			t++
		}
		if !former && s.isFormer(i-1) {
			former = true
		}
		ag := -1
		if t+1 < len(s.units) && s.units[t+1].kind == uAgent {
			ag = t + 1
		} else {
			l := i
			if l > 0 && s.units[l-1].kind == uPrep {
				l--
			}
			if l > 0 && s.units[l-1].kind == uAgent {
				ag = l - 1
				if !former && s.isFormer(ag-1) {
					former = true
				}
			}
		}
		if ag < 0 {
			continue
		}
		attached[ag] = true
		a := s.units[ag].agent
		if former {
			a = &dt.Agent{Code: "~ELI"}
		}
		for k, c := range u.codes {
			u.codes[k] = combineCode(c, a)
		}
	}
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uAgent {
			continue
		}
		if attached[i] || !s.opts.ConvertAgents {
			u.kind = uNoun
			continue
		}
		u.kind = uActor
		u.codes = []string{u.agent.Code}
		if s.isFormer(i - 1) {
			u.codes = []string{"~ELI"}
		}
	}
}

// compounds marks parsed compound actors (manual 7.5): at each AND or NOR
// followed by actors (across determiners and adjectives), it extends back
// over actors joined by commas and conjunctions.
func (s *sentence) compounds() {
	type span struct{ a, b int }
	var cs []span
	for i, u := range s.units {
		if u.kind != uConj || (u.word != "AND" && u.word != "NOR") {
			continue
		}
		end := -1
		for j := i + 1; j < len(s.units); j++ {
			k := s.units[j].kind
			if k == uActor {
				end = j
			} else if k != uDeterm && k != uAdj {
				break
			}
		}
		if end < 0 {
			continue
		}
		start := -1
		need := false
		for j := i; j >= 0; j-- {
			k := s.units[j].kind
			if k == uConj || k == uComma {
				need = false
			} else if k == uActor {
				if need {
					break
				}
				start = j
				need = true
			} else if k != uDeterm && k != uAdj {
				break
			}
		}
		if start < 0 {
			continue
		}
		// a compound whose head lies inside the new one is dropped (TABARI
		// nulls earlier compounds marked inside the current one)
		kept := cs[:0]
		for _, c := range cs {
			if c.a < start || c.a > end {
				kept = append(kept, c)
			}
		}
		cs = append(kept, span{start, end})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].a < cs[j].a })
	for i := range s.units {
		s.units[i].slot = -1
	}
	for _, sp := range cs {
		sl := slot{u0: sp.a, u1: sp.b, tok0: s.units[sp.a].first, tok1: s.units[sp.b].last, compound: true}
		for j := sp.a; j <= sp.b; j++ {
			u := &s.units[j]
			switch u.kind {
			case uActor:
				sl.codes = append(sl.codes, u.codes...)
				if u.slot < 0 {
					u.slot = len(s.slots)
				}
			case uConj, uComma:
				u.cmpd = true
			}
		}
		sl.codes = dedup(sl.codes)
		s.slots = append(s.slots, sl)
	}
	for i := range s.units {
		u := &s.units[i]
		if u.kind == uActor && u.slot < 0 {
			c := dedup(u.codes)
			sl := slot{u0: i, u1: i, tok0: u.first, tok1: u.last, codes: c, compound: len(c) > 1}
			u.slot = len(s.slots)
			s.slots = append(s.slots, sl)
		}
	}
	sortSlots(s.slots)
	s.relink()
}

// relink points the actor units at their slots after sorting.
// An actor inside two overlapping compounds belongs to the earlier one.
func (s *sentence) relink() {
	for i := range s.units {
		s.units[i].slot = -1
	}
	for k, sl := range s.slots {
		for ui := sl.u0; ui <= sl.u1; ui++ {
			if s.units[ui].kind == uActor && s.units[ui].slot < 0 {
				s.units[ui].slot = k
			}
		}
	}
}

// nounPhrases marks the conjunctions of compound noun phrases
// (NOUN CONJ ADJ* NOUN) and compound adjective phrases (ADJ CONJ ADJ),
// which do not delimit clauses.
func (s *sentence) nounPhrases() {
	for i := 1; i+1 < len(s.units); i++ {
		if s.units[i].kind != uConj || s.units[i].cmpd {
			continue
		}
		prev := s.units[i-1].kind
		j := i + 1
		for j < len(s.units) && s.units[j].kind == uAdj {
			j++
		}
		if prev == uNoun && j < len(s.units) && s.units[j].kind == uNoun {
			s.units[i].phrase = true
		}
		if prev == uAdj && s.units[i+1].kind == uAdj {
			s.units[i].phrase = true
		}
	}
}

func dedup(c []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range c {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortSlots(sl []slot) {
	for i := 1; i < len(sl); i++ {
		for j := i; j > 0 && sl[j].tok0 < sl[j-1].tok0; j-- {
			sl[j], sl[j-1] = sl[j-1], sl[j]
		}
	}
}

// pronouns coreferences pronouns (manual 7.7): HE, SHE, IT, HIM, HER,
// HIS, ITS to the first non-compound actor before the pronoun; THEY,
// THEM, THEIR to the first compound before it, else the first actor.
func (s *sentence) pronouns() {
	if len(s.slots) == 0 && s.prev == nil {
		return
	}
	var add []slot
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uPronoun {
			continue
		}
		ref := -1
		if u.elim {
			continue
		}
		switch u.word {
		case "THEY", "THEM", "THEIR":
			for k, sl := range s.slots {
				if sl.tok0 >= u.first {
					break
				}
				if s.units[sl.u0].elim {
					continue
				}
				if sl.compound && sl.u0 != sl.u1 {
					ref = k
					break
				}
				if ref < 0 {
					ref = k
				}
			}
		default:
			for k, sl := range s.slots {
				if sl.tok0 >= u.first {
					break
				}
				if s.units[sl.u0].elim {
					continue
				}
				if sl.u0 == sl.u1 {
					ref = k
					break
				}
			}
		}
		if ref < 0 {
			if s.prev != nil && len(s.prev.Codes) > 0 {
				c := s.prev.Codes
				add = append(add, slot{u0: i, u1: i, tok0: u.first, tok1: u.last, codes: c})
				u.kind = uActor
				u.codes = c
				u.base = c
			}
			continue
		}
		// the pronoun stands for the actor at the head of what it refers
		// to, without that actor's agent; a compound still expands when
		// events are made
		r := s.slots[ref]
		add = append(add, slot{u0: i, u1: i, tok0: u.first, tok1: u.last, codes: r.codes, compound: r.compound})
		u.kind = uActor
		u.codes = s.units[r.u0].base
		if len(u.codes) == 0 {
			u.codes = s.units[r.u0].codes
		}
		u.base = s.units[r.u0].base
	}
	s.slots = append(s.slots, add...)
	sortSlots(s.slots)
	s.relink()
}

// commas eliminates comma-delimited nonrestrictive clauses (manual 7.8).
// Commas pair up left to right: a phrase between a comma and the next one
// goes when Min <= n <= Max words, the phrase from a comma to the end of
// the sentence when EMin <= n <= EMax, and the phrase before the first
// comma when BMin <= n <= BMax. Commas inside compounds do not count; the
// comma closing a phrase does not open the next one.
func (s *sentence) commas() {
	c := s.opts.Comma
	if c.Off {
		return
	}
	tokens := func(a, b int) int { // units (a, b) exclusive, in words
		n := 0
		for i := a + 1; i < b; i++ {
			n += len(s.units[i].toks)
		}
		return n
	}
	elim := func(a, b int) {
		for i := a + 1; i < b; i++ {
			s.units[i].elim = true
		}
	}
	isComma := func(i int) bool { return s.units[i].kind == uComma && !s.units[i].cmpd }
	for i := 0; i < len(s.units); i++ {
		if !isComma(i) {
			continue
		}
		if n := tokens(-1, i); n >= c.BMin && n <= c.BMax {
			elim(-1, i)
		}
		j := i + 1
		for j < len(s.units) && !isComma(j) {
			j++
		}
		n := tokens(i, j)
		if j == len(s.units) {
			if n >= c.EMin && n <= c.EMax {
				elim(i, j)
			}
			return
		}
		if n >= c.Min && n <= c.Max {
			elim(i, j)
		}
		i = j
	}
}

// clauses splits the sentence at conjunctions that are not inside
// compounds; it returns unit ranges [a, b).
func (s *sentence) clauses() [][2]int {
	var out [][2]int
	a := 0
	for i, u := range s.units {
		if u.kind == uConj && !u.cmpd && !u.phrase && !u.elim && i > 0 && i+1 < len(s.units) {
			out = append(out, [2]int{a, i})
			a = i + 1
		}
	}
	return append(out, [2]int{a, len(s.units)})
}

// CodeSentence codes one sentence on date (YYYYMMDD; 0 ignores date
// restrictions) with opts (nil: the coder's options).
func (c *Coder) CodeSentence(text string, date int, opts *dt.Options) Result {
	return c.CodeForward(text, date, opts, nil)
}

// Antecedent is the actor a sentence forwards to the pronouns that open
// the next sentence of the same story (FORWARD:, manual 8.4): the first
// actor before a verb, without its agent.
type Antecedent struct {
	Codes []string
}

// CodeForward is CodeSentence with the antecedent forwarded from the
// previous sentence of the story (nil: none). A pronoun with no actor
// before it in the sentence refers to the antecedent.
func (c *Coder) CodeForward(text string, date int, opts *dt.Options, prev *Antecedent) Result {
	if opts == nil {
		opts = c.opts
	}
	s := &sentence{c: c, opts: opts, date: date, toks: tokenize(text), prev: prev}
	if len(s.toks) == 0 {
		return s.res
	}
	if opts.MinimumWords > 0 && len(s.toks) < opts.MinimumWords {
		return s.res
	}
	s.classify()
	if s.res.Discard {
		s.res.Complex = false
		return s.res
	}
	s.nounShift()
	s.agents()
	s.compounds()
	s.nounPhrases()
	s.commas()
	s.pronouns()
	s.res.Forward = s.antecedent()
	s.res.Date = date
	if c.TimeShifting(opts) {
		s.shiftTime()
	}
	cl := s.clauses()
	for _, u := range s.units {
		if u.kind == uVerb {
			v := &s.c.verbs[u.verb]
			if v.Code.Flags&dt.Discard != 0 {
				s.discard("discard verb " + v.Text)
			}
			if v.Code.Flags&dt.Complex != 0 && !u.elim {
				s.complex("complex verb " + v.Text)
			}
		}
	}
	if s.res.Discard {
		s.res.Complex = false
		return s.res
	}
	s.checkComplex(cl)
	if s.res.Complex {
		return s.res
	}
	s.code(cl)
	return s.res
}

// checkComplex applies the COMPLEX: conditions.
func (s *sentence) checkComplex(cl [][2]int) {
	r := s.opts.Complex
	verbs, actors, prons, conj := 0, 0, 0, 0
	for _, u := range s.units {
		if u.kind == uConj && !u.cmpd {
			conj++
		}
	}
	firstVerb := -1
	for i, u := range s.units {
		if u.elim {
			continue
		}
		switch u.kind {
		case uVerb:
			verbs++
			if firstVerb < 0 && s.c.verbs[u.verb].Code.Flags&dt.Null == 0 {
				firstVerb = i
			}
		case uActor:
			actors++
		case uPronoun:
			prons++
		}
	}
	switch {
	case r.Verbs > 0 && verbs >= r.Verbs:
		s.complex("too many verbs")
	case r.Actors > 0 && actors >= r.Actors:
		s.complex("too many actors")
	case r.Pronouns > 0 && prons >= r.Pronouns:
		s.complex("too many pronouns")
	case r.Conj > 0 && conj >= r.Conj:
		s.complex("too many conjunctions")
	case r.NoVerb && firstVerb < 0:
		s.complex("no verb")
	// as in TABARI, without a verb the whole sentence counts as "prior"
	// and nothing as "after"
	case r.NoActPrior && firstVerb < 0 && !s.actorBetween(0, len(s.units)):
		s.complex("no actor and no verb")
	case r.NoActPrior && firstVerb >= 0 && !s.actorBetween(0, firstVerb):
		s.complex("no actor prior to the first verb")
	case r.NoActAfter && (firstVerb < 0 || !s.actorBetween(firstVerb+1, len(s.units))):
		s.complex("no actor after the first verb")
	}
}

func (s *sentence) actorBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if s.units[i].kind == uActor && !s.units[i].elim {
			return true
		}
	}
	return false
}

// span returns the byte span of a unit.
func (s *sentence) span(u *unit) doc.Span {
	return doc.Span{Start: s.toks[u.first].Start, End: s.toks[u.last].End}
}

var uKindNames = [...]string{"null", "actor", "agent", "verb", "noun", "adjctv", "determ", "pronoun", "conj", "comma", "auxil", "byword", "number", "prep", "time"}

// String names the word type as the TABARI parse display does.
func (k uKind) String() string {
	if int(k) < len(uKindNames) {
		return uKindNames[k]
	}
	return "kind?"
}

// Parse returns TABARI's view of a sentence, one word per line with its
// type and codes, eliminated clauses marked with "-" and compound
// conjunctions with "&" (compare TABARI's P)arse display).
func (c *Coder) Parse(text string, date int, opts *dt.Options) string {
	if opts == nil {
		opts = c.opts
	}
	s := &sentence{c: c, opts: opts, date: date, toks: tokenize(text)}
	if len(s.toks) == 0 {
		return ""
	}
	s.classify()
	s.nounShift()
	s.agents()
	s.compounds()
	s.nounPhrases()
	s.commas()
	s.pronouns()
	var b strings.Builder
	for i, u := range s.units {
		words := make([]string, len(u.toks))
		for k, t := range u.toks {
			words[k] = s.toks[t].Text
		}
		mark := " "
		if u.elim {
			mark = "-"
		} else if u.cmpd || u.phrase {
			mark = "&"
		}
		fmt.Fprintf(&b, "%s%3d %-8s %s", mark, i, u.kind, strings.Join(words, "_"))
		if u.kind == uVerb {
			fmt.Fprintf(&b, " <%s>", c.verbs[u.verb].Text)
		}
		if len(u.codes) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(u.codes, "/"))
		}
		if u.slot >= 0 && u.kind == uActor {
			fmt.Fprintf(&b, " slot=%d", u.slot)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// antecedent returns the first actor before the first verb, for
// forwarding to the next sentence.
func (s *sentence) antecedent() *Antecedent {
	for _, u := range s.units {
		if u.elim {
			continue
		}
		if u.kind == uVerb {
			return nil
		}
		if u.kind == uActor && len(u.base) > 0 {
			return &Antecedent{Codes: u.base[:1]}
		}
	}
	return nil
}

// shiftTime applies the first <TIME> phrase outside eliminated clauses
// (manual 10.5): a complex code makes the sentence complex, a shift moves
// the event date; null-coded phrases are passed over.
func (s *sentence) shiftTime() {
	for _, u := range s.units {
		if u.kind != uTime || u.elim {
			continue
		}
		tc := s.c.times[u.verb]
		switch {
		case tc.null:
			continue
		case tc.complex:
			s.complex("complex time phrase " + tc.text)
		case tc.discard:
			s.discard("discard time phrase " + tc.text)
		default:
			s.res.Shifted, s.res.DateShift = true, tc.shift
			s.res.Date = addDays(s.date, tc.shift)
		}
		return
	}
}
