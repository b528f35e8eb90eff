package event

import (
	"github.com/wirecoder/wirecoder/doc"
)

// speechVerbs are the lemmas of verbs that report what someone says.
var speechVerbs = map[string]bool{
	"SAY": true, "TELL": true, "ANNOUNCE": true, "CLAIM": true, "REPORT": true, "STATE": true,
	"ADD": true, "ASSERT": true, "INSIST": true, "ALLEGE": true, "NOTE": true, "DECLARE": true,
	"CONFIRM": true, "REVEAL": true, "WRITE": true, "DETERMINE": true, "CONCLUDE": true,
	"BELIEVE": true, "ACKNOWLEDGE": true, "ADMIT": true,
}

// complementOf returns the verb whose complement clause holds the clause of
// verb token h (a "ccomp", "xcomp" or "parataxis" hop), or -1.
func (a *analysis) complementOf(h int) int {
	x := a.clauseHead(h)
	for hop := 0; hop < 3; hop++ {
		switch baseDep(a.tok(x).Dep) {
		case "ccomp", "xcomp", "parataxis":
			p := a.tok(x).Head
			if p < a.first || p >= a.last {
				return -1
			}
			return p
		case "conj":
			x = a.tok(x).Head
			if x < a.first || x >= a.last {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// speakers returns the references of the subject of verb p, coded or not.
func (a *analysis) speakers(p int) []doc.Ref {
	h := a.clauseHead(p)
	for _, c := range a.kids[h-a.first] {
		if d := baseDep(a.tok(c).Dep); d == "nsubj" || d == "nsubjpass" {
			if b := a.blockBinding(c); b.set {
				return a.refs(b)
			}
		}
	}
	return nil
}

// verbNames returns the names a transformation may use for verb token i:
// its lemma, the dictionary verb's base form, its block's first verb and
// the block's name.
func (c *Coder) verbNames(a *analysis, i int) []string {
	names := []string{upper(a.tok(i).Lemma), a.wordOf(i)}
	if vm, ok := c.findVerb(a, i); ok {
		v := vm.verb
		names = append(names, v.Forms[0], v.Block.Name)
		if len(v.Block.Verbs) > 0 {
			names = append(names, v.Block.Verbs[0].Forms[0])
		}
	}
	return names
}

func hasName(names []string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

// compose marks the events told in reported speech with who claims them,
// outermost first, and applies the dictionary's transformations to an
// event in the complement of a verb they name.
func (c *Coder) compose(a *analysis, evs []doc.Event, heads []int) []doc.Event {
	for k := range evs {
		h := heads[k]
		var chain [][]doc.Ref
		for p, hop := a.complementOf(h), 0; p >= 0 && hop < 4; p, hop = a.complementOf(p), hop+1 {
			if speechVerbs[upper(a.tok(p).Lemma)] {
				chain = append(chain, a.speakers(p))
			}
		}
		for i := len(chain) - 1; i >= 0; i-- {
			evs[k].ClaimedBy = append(evs[k].ClaimedBy, chain[i]...)
		}
		if p := a.complementOf(h); p >= 0 {
			c.transform(a, &evs[k], h, p)
		}
	}
	return evs
}

// transform applies the first transformation that fits the event e coded
// by verb token h in the complement of verb token p.
func (c *Coder) transform(a *analysis, e *doc.Event, h, p int) {
	if len(c.verbs.Transforms) == 0 || e.Modality != doc.Asserted || e.Negated {
		return // "said it would attack" is a threat, not a claim
	}
	outer := c.verbNames(a, p)
	inner := c.verbNames(a, h)
	speakers := a.speakers(p)
	if len(speakers) == 0 {
		return
	}
	spk := speakers[0]
	for _, t := range c.verbs.Transforms {
		if !hasName(outer, t.Verb) || (t.InnerVerb != "Q" && !hasName(inner, t.InnerVerb)) {
			continue
		}
		if t.InnerSource == t.Source && e.Source.Code != spk.Code {
			continue
		}
		if t.InnerSource != t.Source && t.InnerSource != "_" && t.InnerSource != "." && e.Source.Code == spk.Code {
			continue // "(b . ATTACK)": someone else attacked
		}
		var tgt doc.Ref
		switch t.ResultTarget {
		case t.InnerTarget:
			tgt = e.Target
		case t.InnerSource:
			tgt = e.Source
		default:
			continue
		}
		code := t.ResultCode
		if code == "Q" {
			code = e.CAMEO
		}
		if t.ResultSource != t.Source || tgt.Code == spk.Code {
			continue
		}
		e.Source, e.Target, e.CAMEO = spk, tgt, code
		e.ClaimedBy = nil
		e.Goldstein, e.Plover = 0, doc.Plover{}
		if g, ok := goldsteinOf(code); ok {
			e.Goldstein = g
			e.Plover = ploverOf(code)
		}
		return
	}
}
