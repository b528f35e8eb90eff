package tabari

import (
	dt "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
)

// candidate is an event-generating verb phrase found in a clause.
type candidate struct {
	code     dt.EventCode
	events   []Event
	pattern  string
	nullCode bool
}

// match is the outcome of matching one pattern.
type match struct {
	src, tgt, cmp int
}

// visible returns the tokens of clause [a, b) that were not eliminated, in
// order, and the index of each token in that list (-1 when absent).
func (s *sentence) visible(a, b int) ([]int, map[int]int) {
	var vis []int
	pos := map[int]int{}
	for t := range s.toks {
		u := s.tokU[t]
		if u < a || u >= b || s.units[u].elim {
			continue
		}
		pos[t] = len(vis)
		vis = append(vis, t)
	}
	return vis, pos
}

// slotAt returns the actor slot starting at token t, or -1.
func (s *sentence) slotAt(t int) int {
	for k, sl := range s.slots {
		if sl.tok0 == t {
			return k
		}
	}
	return -1
}

// matchPattern matches pattern p around the verb unit v of the clause
// whose visible tokens are vis.
func (s *sentence) matchPattern(p dt.Phrase, vis []int, pos map[int]int, v *unit) (match, bool) {
	star := -1
	for i, e := range p {
		if e.Kind == dt.VerbSlot {
			star = i
			break
		}
	}
	m := match{-1, -1, -1}
	if star < 0 {
		return m, false
	}
	v0, ok0 := pos[v.first]
	v1, ok1 := pos[v.last]
	if !ok0 || !ok1 {
		return m, false
	}
	lower, upper := p[:star], p[star+1:]
	// step matches element e at vis index i; it returns the next index.
	step := func(e dt.Elem, i, limit int, st *match) (int, bool) {
		if i >= limit {
			return 0, false
		}
		t := vis[i]
		switch e.Kind {
		case dt.Literal:
			if patternWordMatch(s.toks[t].Text, e) {
				return i + 1, true
			}
			return 0, false
		case dt.VerbSlot:
			return 0, false
		}
		k := s.slotAt(t)
		if k < 0 {
			return 0, false
		}
		sl := s.slots[k]
		switch e.Kind {
		case dt.Source:
			st.src = k
		case dt.Target:
			st.tgt = k
		case dt.Compound:
			if !sl.compound {
				return 0, false
			}
			st.cmp = k
		}
		end, ok := pos[sl.tok1]
		if !ok {
			return 0, false
		}
		return end + 1, true
	}
	var rec func(els []dt.Elem, k, i, limit int, must bool, end func(int) bool, st match) (match, bool)
	rec = func(els []dt.Elem, k, i, limit int, must bool, end func(int) bool, st match) (match, bool) {
		if k == len(els) {
			if end(i) {
				return st, true
			}
			return st, false
		}
		hi := limit
		if must {
			hi = i + 1
		}
		for j := i; j < hi && j < limit; j++ {
			st2 := st
			next, ok := step(els[k], j, limit, &st2)
			if !ok {
				continue
			}
			if r, ok := rec(els, k+1, next, limit, els[k].Adjacent, end, st2); ok {
				return r, true
			}
		}
		return st, false
	}
	// the lower phrase is matched backwards from the verb, so that $ and +
	// before the verb take the nearest actor (TABARI's checkPattern)
	var back func(k, i int, must bool, st match) (match, bool)
	back = func(k, i int, must bool, st match) (match, bool) {
		if k < 0 {
			return st, true
		}
		e := lower[k]
		lo := 0
		if must {
			lo = i
		}
		for j := i; j >= lo && j >= 0; j-- {
			st2 := st
			next := -1
			t := vis[j]
			switch e.Kind {
			case dt.Literal:
				if !patternWordMatch(s.toks[t].Text, e) {
					continue
				}
				next = j - 1
			case dt.VerbSlot:
				continue
			default:
				sk := s.slotEndingAt(t)
				if sk < 0 {
					continue
				}
				sl := s.slots[sk]
				switch e.Kind {
				case dt.Source:
					st2.src = sk
				case dt.Target:
					st2.tgt = sk
				case dt.Compound:
					if !sl.compound {
						continue
					}
					st2.cmp = sk
				}
				start, ok := pos[sl.tok0]
				if !ok {
					continue
				}
				next = start - 1
			}
			mustNext := k > 0 && lower[k-1].Adjacent
			if r, ok := back(k-1, next, mustNext, st2); ok {
				return r, true
			}
		}
		return st, false
	}
	r, ok := back(len(lower)-1, v0-1, len(lower) > 0 && lower[len(lower)-1].Adjacent, m)
	if !ok {
		return m, false
	}
	r, ok = rec(upper, 0, v1+1, len(vis), p[star].Adjacent, func(int) bool { return true }, r)
	return r, ok
}

// slotEndingAt returns the actor slot ending at token t, or -1.
func (s *sentence) slotEndingAt(t int) int {
	for k, sl := range s.slots {
		if sl.tok1 == t {
			return k
		}
	}
	return -1
}

func sameCodes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// code runs the verb phrases of each clause (manual 7.6, 7.10).
func (s *sentence) code(cl [][2]int) {
	// the regular source persists across verbs and clauses as in TABARI's
	// coder: set by the first verb that finds one, reset when a clause
	// starts with an actor, after a passive verb, and after a source set
	// by a pattern; -1 none, defaultSource the DEFAULT: source
	source := -1
	passive := false
	var all []candidate
	for ci, c := range cl {
		a, b := c[0], c[1]
		if s.clauseWords(a, b) < 3 {
			continue // an unrecognized compound noun, not a clause
		}
		if ci > 0 && a < b && s.units[a].kind == uActor && !s.units[a].elim && s.units[a].slot >= 0 {
			source = a
		}
		vis, pos := s.visible(a, b)
		var found []candidate
		for vi := a; vi < b; vi++ {
			u := &s.units[vi]
			if u.kind != uVerb || u.elim {
				continue
			}
			if passive {
				source, passive = -1, false
			}
			cand, st := s.codeVerb(u, vi, a, b, source, vis, pos)
			if st.touched {
				source, passive = st.source, st.passive
			}
			if !st.ok {
				continue
			}
			found = append(found, cand)
			if cand.code.Flags&(dt.Subordinate|dt.Dominant) == 0 && s.opts.CodeBy != dt.ByAll {
				break
			}
		}
		// choose within the clause
		var chosen []candidate
		if s.opts.CodeBy == dt.ByAll {
			chosen = found
		} else {
			for _, f := range found {
				if f.code.Flags&dt.Dominant != 0 {
					chosen = append(chosen, f)
				}
			}
			if len(chosen) == 0 {
				for _, f := range found {
					if f.code.Flags&dt.Subordinate == 0 {
						chosen = []candidate{f}
						break
					}
				}
			}
			if len(chosen) == 0 && len(found) > 0 {
				chosen = found
			}
		}
		all = append(all, chosen...)
		if s.opts.CodeBy == dt.BySentence && len(chosen) > 0 && chosen[0].code.Flags&dt.Subordinate == 0 {
			break
		}
	}
	// dominant codes preempt; subordinate codes only without others
	dom, nonSub := false, false
	for _, c := range all {
		if c.code.Flags&dt.Dominant != 0 {
			dom = true
		}
		if c.code.Flags&dt.Subordinate == 0 {
			nonSub = true
		}
	}
	seen := map[Event]bool{}
	for _, c := range all {
		if dom && c.code.Flags&dt.Dominant == 0 {
			continue
		}
		if nonSub && c.code.Flags&dt.Subordinate != 0 {
			continue
		}
		for _, e := range c.events {
			k := Event{Source: e.Source, Target: e.Target, Code: e.Code}
			if seen[k] {
				continue
			}
			seen[k] = true
			s.res.Events = append(s.res.Events, e)
		}
	}
}

// defaultSource marks the DEFAULT: source as the persistent source.
const defaultSource = -2

// verbState is what coding one verb leaves for the next ones.
type verbState struct {
	ok      bool // an event was made
	touched bool // the verb reached the actor search
	source  int  // the persistent source after this verb
	passive bool // passive voice was detected
}

// codeVerb finds the code and actors of one verb.
func (s *sentence) codeVerb(u *unit, vi, a, b, source int, vis []int, pos map[int]int) (candidate, verbState) {
	v := &s.c.verbs[u.verb]
	code := v.Code
	m := match{-1, -1, -1}
	pattern := ""
	matched := false
	for _, p := range v.Patterns {
		if r, ok := s.matchPattern(p.Phrase, vis, pos, u); ok {
			code, m, pattern, matched = p.Code, r, p.Text, true
			break
		}
	}
	st := verbState{source: source}
	if !matched && !v.HasCode {
		return candidate{}, st
	}
	switch {
	case code.Flags&dt.Discard != 0:
		s.discard("discard phrase " + v.Text + " " + pattern)
		return candidate{}, st
	case code.Flags&dt.Complex != 0:
		s.complex("complex phrase " + v.Text + " " + pattern)
		return candidate{}, st
	case code.Flags&dt.Null != 0 || code.Code == "":
		return candidate{}, st
	}
	st.touched = true
	// actors are searched unit by unit; a compound is expanded when the
	// events are made
	isActor := func(i int) bool {
		return i >= a && i < b && s.units[i].kind == uActor && !s.units[i].elim && s.units[i].slot >= 0
	}
	own := func(i int) []string {
		if i == defaultSource {
			return []string{s.opts.Default.Source}
		}
		return s.units[i].codes
	}
	distinct := func(i, j int) bool { return j == -1 || i == -1 || !sameCodes(own(i), own(j)) }
	src, tgt := -1, -1
	if m.src >= 0 {
		src = s.slots[m.src].u0
	}
	if m.tgt >= 0 {
		tgt = s.slots[m.tgt].u0
	}
	if m.cmp >= 0 {
		src, tgt = s.slots[m.cmp].u0, s.slots[m.cmp].u0
	}
	designated := m.src >= 0 || m.tgt >= 0 || m.cmp >= 0
	def := s.opts.Default
	regularSrc, regularTgt := false, false
	if src < 0 {
		regularSrc = true
		if source != -1 && (source == defaultSource || isActorAnywhere(s, source)) {
			src = source
		} else {
			for i := a; i < b; i++ {
				if !isActor(i) || !distinct(i, tgt) || i == tgt {
					continue
				}
				if def.Source != "" && def.Prior && i > vi {
					break
				}
				src = i
				break
			}
			if src < 0 && def.Source != "" {
				src = defaultSource
			}
		}
	}
	if tgt < 0 {
		regularTgt = true
		for i := vi + 1; i < b; i++ {
			if isActor(i) && i != src && distinct(i, src) {
				tgt = i
				break
			}
		}
		if tgt < 0 && !(def.Target != "" && def.After) {
			// backwards word by word from the verb: an actor whose phrase
			// started before the clause counts when one of its words is
			// inside it (TABARI's backActor)
			if a < b {
				for t := u.first - 1; t >= s.units[a].first; t-- {
					i := s.tokU[t]
					if i >= 0 && isActorAnywhere(s, i) && i != src && distinct(i, src) {
						tgt = i
						break
					}
				}
			}
			if tgt < 0 && src >= 0 && s.slots[s.units[src].slot].compound {
				tgt = src
			}
		}
	}
	if regularSrc {
		st.source = src
	} else {
		st.source = -1
	}
	// passive voice
	if !designated && regularSrc && regularTgt && src >= 0 && tgt >= 0 && s.passive(u) {
		src, tgt = tgt, src
		st.passive = true
	}
	var srcCodes, tgtCodes []string
	switch {
	case src >= 0:
		srcCodes = s.slots[s.units[src].slot].codes
	case src == defaultSource || def.Source != "":
		srcCodes = []string{def.Source}
	}
	switch {
	case tgt >= 0 && src >= 0 && tgt != src && s.units[tgt].slot == s.units[src].slot && m.cmp < 0:
		tgtCodes = own(tgt)
	case tgt >= 0:
		tgtCodes = s.slots[s.units[tgt].slot].codes
	case def.Target != "":
		tgtCodes = []string{def.Target}
	}
	if len(srcCodes) == 0 || len(tgtCodes) == 0 || srcCodes[0] == "" || tgtCodes[0] == "" {
		return candidate{}, st
	}
	span := s.span(u)
	cand := candidate{code: code, pattern: pattern}
	add := func(from, to []string, c string) {
		for _, x := range from {
			for _, y := range to {
				if x == y {
					continue
				}
				cand.events = append(cand.events, Event{Source: x, Target: y, Code: c, Verb: doc.Span(span), Pattern: pattern})
			}
		}
	}
	add(srcCodes, tgtCodes, code.Code)
	if code.Paired != "" {
		add(tgtCodes, srcCodes, code.Paired)
	}
	if len(cand.events) == 0 {
		return candidate{}, st
	}
	st.ok = true
	return cand, st
}

// isActorAnywhere reports whether unit i is a live actor.
func isActorAnywhere(s *sentence, i int) bool {
	return i >= 0 && i < len(s.units) && s.units[i].kind == uActor && !s.units[i].elim && s.units[i].slot >= 0
}

// clauseWords counts the words of units [a, b).
func (s *sentence) clauseWords(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		n += len(s.units[i].toks)
	}
	return n
}

// passive detects passive voice (manual 7.9): WAS, WERE or BEEN one or two
// words before the verb and BY one to three words after it.
func (s *sentence) passive(u *unit) bool {
	t := u.first
	by := false
	for d := 1; d <= 3 && t+d < len(s.toks); d++ {
		if s.toks[t+d].Text == "BY" {
			by = true
		}
	}
	if !by {
		return false
	}
	for d := 1; d <= 2 && t-d >= 0; d++ {
		switch s.toks[t-d].Text {
		case "WAS", "WERE", "BEEN":
			return true
		}
	}
	return false
}
