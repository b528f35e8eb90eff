package tabari

import (
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
)

// unit is one classified word or dictionary phrase.
type unit struct {
	kind  uKind
	toks  []int // the tokens matched (a phrase with gaps skips some)
	first int   // first token
	last  int   // last token
	codes []string
	agent *dt.Agent
	verb  int
	word  string // the token text for special words
	elim  bool   // inside an eliminated comma-delimited clause
	cmpd  bool   // conjunction or comma inside a compound phrase
	slot  int    // actor slot index, -1 when none
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
}

// matchPhrase matches a dictionary phrase at token i; it returns the
// matched tokens or nil. Gaps (blank connectors) may skip up to maxGap
// words but never a comma.
func (s *sentence) matchPhrase(p dt.Phrase, i int, used []bool) []int {
	const maxGap = 6
	var out []int
	pos := i
	for k, e := range p {
		if e.Kind != dt.Literal {
			return nil
		}
		found := -1
		if k == 0 {
			if pos < len(s.toks) && !used[pos] && wordMatch(s.toks[pos].Text, e) {
				found = pos
			}
		} else if p[k-1].Adjacent {
			if pos < len(s.toks) && !used[pos] && wordMatch(s.toks[pos].Text, e) {
				found = pos
			}
		} else {
			for j := pos; j < len(s.toks) && j < pos+maxGap; j++ {
				if s.toks[j].Text == "," {
					break
				}
				if !used[j] && wordMatch(s.toks[j].Text, e) {
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
		for _, e := range s.c.index[t[0]] {
			if best != nil && e.chars < best.chars {
				break
			}
			m := s.matchPhrase(e.phrase, i, used)
			if m == nil {
				continue
			}
			if best == nil || len(m) > 0 && contiguous(m) && !contiguous(bestToks) {
				best, bestToks = e, m
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

// agents attaches agents to the actor immediately before or after them,
// or after OF/IN; unattached agents become actors under CONVERT AGENTS.
func (s *sentence) agents() {
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uAgent {
			continue
		}
		former := i > 0 && s.units[i-1].kind == uNull && s.toks[s.units[i-1].first].Text == "FORMER"
		apply := func(a *unit) {
			ag := u.agent
			if former {
				ag = &dt.Agent{Code: "~ELI"}
			}
			for k, c := range a.codes {
				a.codes[k] = combineCode(c, ag)
			}
			u.kind = uNull
		}
		switch {
		case i > 0 && s.units[i-1].kind == uActor:
			apply(&s.units[i-1])
		case i+1 < len(s.units) && s.units[i+1].kind == uActor:
			apply(&s.units[i+1])
		case i+2 < len(s.units) && s.units[i+1].kind == uPrep && s.units[i+2].kind == uActor:
			apply(&s.units[i+2])
		case i+3 < len(s.units) && s.units[i+1].kind == uPrep && s.units[i+2].kind == uDeterm && s.units[i+3].kind == uActor:
			apply(&s.units[i+3])
		case s.opts.ConvertAgents:
			u.kind = uActor
			code := u.agent.Code
			if former {
				code = "~ELI"
			}
			u.codes = []string{code}
		default:
			u.kind = uNoun
		}
	}
}

// compounds finds parsed compound actors:
// np (, np)* [,] CONJ np with np = (ADJ|DETERM)* ACTOR, and marks compound
// noun and adjective phrases (manual 7.5).
func (s *sentence) compounds() {
	// np starting at unit i: returns the actor unit and the next unit
	np := func(i int) (int, int) {
		for i < len(s.units) && (s.units[i].kind == uAdj || s.units[i].kind == uDeterm) {
			i++
		}
		if i < len(s.units) && s.units[i].kind == uActor {
			return i, i + 1
		}
		return -1, i
	}
	for i := 0; i < len(s.units); i++ {
		if s.units[i].kind != uActor || s.units[i].slot >= 0 {
			continue
		}
		members := []int{i}
		var seps []int
		j := i + 1
		for j < len(s.units) {
			k := j
			var sep []int
			if s.units[k].kind == uComma {
				sep = append(sep, k)
				k++
			}
			isConj := false
			if k < len(s.units) && s.units[k].kind == uConj && s.units[k].word != "BUT" {
				sep = append(sep, k)
				k++
				isConj = true
			}
			if len(sep) == 0 {
				break
			}
			a, next := np(k)
			if a < 0 {
				break
			}
			members = append(members, a)
			seps = append(seps, sep...)
			j = next
			if isConj {
				break
			}
		}
		// a list must end with a conjunction
		if len(members) > 1 {
			last := seps[len(seps)-1]
			if s.units[last].kind != uConj {
				// drop members after the last conjunction
				ci := -1
				for x := len(seps) - 1; x >= 0; x-- {
					if s.units[seps[x]].kind == uConj {
						ci = x
						break
					}
				}
				if ci < 0 {
					members = members[:1]
				}
			}
		}
		if len(members) < 2 {
			continue
		}
		sl := slot{u0: i, u1: members[len(members)-1], tok0: s.units[i].first, tok1: s.units[members[len(members)-1]].last, compound: true}
		seen := map[string]bool{}
		for _, m := range members {
			for _, c := range s.units[m].codes {
				if !seen[c] {
					seen[c] = true
					sl.codes = append(sl.codes, c)
				}
			}
			s.units[m].slot = len(s.slots)
		}
		for _, x := range seps {
			s.units[x].cmpd = true
		}
		s.slots = append(s.slots, sl)
		i = members[len(members)-1]
	}
	for i := range s.units {
		u := &s.units[i]
		if u.kind == uActor && u.slot < 0 {
			sl := slot{u0: i, u1: i, tok0: u.first, tok1: u.last, codes: dedup(u.codes), compound: len(dedup(u.codes)) > 1}
			u.slot = len(s.slots)
			s.slots = append(s.slots, sl)
		}
	}
	// compound noun and adjective phrases
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
			s.units[i].cmpd = true
		}
		if prev == uAdj && s.units[i+1].kind == uAdj {
			s.units[i].cmpd = true
		}
	}
	sortSlots(s.slots)
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

// pronouns coreferences pronouns (manual 7.7): HE, SHE, IT to the first
// actor of the sentence; ITS, HIS, HER to the nearest actor before;
// THEY, THEM, THEIR to the first compound, else the first actor.
func (s *sentence) pronouns() {
	if len(s.slots) == 0 {
		return
	}
	var add []slot
	for i := range s.units {
		u := &s.units[i]
		if u.kind != uPronoun {
			continue
		}
		ref := -1
		switch u.word {
		case "HE", "SHE", "IT", "HIM":
			ref = 0
		case "ITS", "HIS", "HER":
			for k := len(s.slots) - 1; k >= 0; k-- {
				if s.slots[k].tok1 < u.first {
					ref = k
					break
				}
			}
		case "THEY", "THEM", "THEIR":
			ref = 0
			for k := range s.slots {
				if s.slots[k].compound {
					ref = k
					break
				}
			}
		}
		if ref < 0 || s.slots[ref].tok0 > u.first && u.word != "HE" && u.word != "SHE" && u.word != "IT" {
			continue
		}
		if s.slots[ref].tok0 > u.first {
			continue
		}
		r := s.slots[ref]
		add = append(add, slot{u0: i, u1: i, tok0: u.first, tok1: u.last, codes: r.codes, compound: r.compound})
		u.kind = uActor
		u.codes = r.codes
	}
	s.slots = append(s.slots, add...)
	sortSlots(s.slots)
	for k, sl := range s.slots {
		for ui := sl.u0; ui <= sl.u1; ui++ {
			if s.units[ui].kind == uActor {
				s.units[ui].slot = k
			}
		}
	}
}

// commas eliminates comma-delimited nonrestrictive clauses (manual 7.8).
func (s *sentence) commas() {
	c := s.opts.Comma
	if c.Off {
		return
	}
	var commas []int // unit indices
	for i, u := range s.units {
		if u.kind == uComma && !u.cmpd {
			commas = append(commas, i)
		}
	}
	if len(commas) == 0 {
		return
	}
	words := func(a, b int) int { // units (a, b) exclusive, counted in tokens
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
	// beginning
	if n := words(-1, commas[0]); n > c.BMin && n <= c.BMax {
		elim(-1, commas[0])
	}
	for k := 0; k+1 < len(commas); k++ {
		if n := words(commas[k], commas[k+1]); n > c.Min && n <= c.Max {
			elim(commas[k], commas[k+1])
		}
	}
	last := commas[len(commas)-1]
	if n := words(last, len(s.units)); n > c.EMin && n <= c.EMax {
		elim(last, len(s.units))
	}
}

// clauses splits the sentence at conjunctions that are not inside
// compounds; it returns unit ranges [a, b).
func (s *sentence) clauses() [][2]int {
	var out [][2]int
	a := 0
	for i, u := range s.units {
		if u.kind == uConj && !u.cmpd && !u.elim {
			out = append(out, [2]int{a, i})
			a = i + 1
		}
	}
	return append(out, [2]int{a, len(s.units)})
}

// CodeSentence codes one sentence on date (YYYYMMDD; 0 ignores date
// restrictions) with opts (nil: the coder's options).
func (c *Coder) CodeSentence(text string, date int, opts *dt.Options) Result {
	if opts == nil {
		opts = c.opts
	}
	s := &sentence{c: c, opts: opts, date: date, toks: tokenize(text)}
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
	s.pronouns()
	s.commas()
	cl := s.clauses()
	for _, u := range s.units {
		if u.kind == uVerb && !u.elim {
			v := &s.c.verbs[u.verb]
			if v.Code.Flags&dt.Discard != 0 {
				s.discard("discard verb " + v.Text)
			}
			if v.Code.Flags&dt.Complex != 0 {
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
	verbs, actors, prons, conj := 0, 0, 0, len(cl)-1
	firstVerb := -1
	for i, u := range s.units {
		if u.elim {
			continue
		}
		switch u.kind {
		case uVerb:
			verbs++
			if firstVerb < 0 {
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
	case r.NoActPrior && firstVerb >= 0 && !s.actorBetween(0, firstVerb):
		s.complex("no actor prior to the first verb")
	case r.NoActAfter && firstVerb >= 0 && !s.actorBetween(firstVerb+1, len(s.units)):
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
