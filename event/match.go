package event

import "github.com/wirecoder/wirecoder/dict/petrarch"

// binding is the phrase a pattern's $, + or % slot took: a noun phrase or
// a compound.
type binding struct {
	ne, nec int
	set     bool
	// none stands for no target at all (a posture event such as
	// "troops were pulled back"): refs gives one uncoded actor.
	none bool
}

type matchState struct {
	src, tgt binding
}

// matcher matches the elements of one side of a pattern against a
// sequence of items. For the words before the verb, both the elements and
// the items run backwards from the verb.
type matcher struct {
	verbs *petrarch.Verbs
	items []item
	// reverse runs both the elements and the items backwards.
	reverse bool
	// lower reports the side after the verb, where PETRARCH never matches
	// a skip word (THE, A, numbers) literally.
	lower bool
	steps int
}

const maxSteps = 20000

func (m *matcher) match(elems []petrarch.Elem, ei, pos int, st *matchState) bool {
	m.steps++
	if m.steps > maxSteps {
		return false
	}
	if ei == len(elems) {
		return true
	}
	e := elems[ei]
	if m.reverse {
		e = elems[len(elems)-1-ei]
	}
	switch e.Kind {
	case petrarch.ElemWord:
		for p := pos; p < len(m.items); p++ {
			it := &m.items[p]
			if it.kind != itWord || (m.lower && it.skip) || it.word != e.Text {
				continue
			}
			if m.match(elems, ei+1, p+1, st) {
				return true
			}
		}
	case petrarch.ElemSynset:
		for p := pos; p < len(m.items); p++ {
			if m.items[p].kind != itWord {
				continue
			}
			if q, ok := m.synset(e.Text, p); ok && m.match(elems, ei+1, q, st) {
				return true
			}
		}
	case petrarch.ElemSource, petrarch.ElemTarget, petrarch.ElemCompound:
		seen := -2
		for p := pos; p < len(m.items); p++ {
			it := &m.items[p]
			var b binding
			switch {
			case it.nec >= 0:
				b = binding{ne: -1, nec: it.nec, set: true}
			case it.ne >= 0:
				if e.Kind == petrarch.ElemCompound {
					continue
				}
				b = binding{ne: it.ne, nec: -1, set: true}
			default:
				continue
			}
			key := b.ne*1000 + b.nec
			if key == seen {
				continue
			}
			seen = key
			old := *st
			switch e.Kind {
			case petrarch.ElemSource:
				st.src = b
			case petrarch.ElemTarget:
				st.tgt = b
			default:
				st.src, st.tgt = b, b
			}
			if m.match(elems, ei+1, p, st) {
				return true
			}
			*st = old
		}
	case petrarch.ElemSkipNP:
		for p := pos; p < len(m.items); p++ {
			it := &m.items[p]
			if it.ne < 0 {
				continue
			}
			// jump past the phrase's closing marker
			q := p
			for q < len(m.items) && m.items[q].ne == it.ne {
				q++
			}
			if m.match(elems, ei+1, q, st) {
				return true
			}
			p = q - 1
		}
	}
	return false
}

// synset reports whether a phrase of synset name starts at item p,
// returning the position after it.
func (m *matcher) synset(name string, p int) (int, bool) {
	s := m.verbs.Synsets[name]
	if s == nil {
		return 0, false
	}
	best := -1
	for _, ph := range s.PhrasesStarting(m.items[p].word, m.reverse) {
		q := p
		ok := true
		for k := range ph {
			w := ph[k]
			if m.reverse {
				w = ph[len(ph)-1-k]
			}
			for q < len(m.items) && m.items[q].kind != itWord {
				q++
			}
			if q >= len(m.items) || m.items[q].word != w {
				ok = false
				break
			}
			q++
		}
		if ok && q > best {
			best = q
		}
	}
	return best, best >= 0
}
