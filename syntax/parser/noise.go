package parser

import (
	"math/rand/v2"
	"sort"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// tagPair is a (UPOS, XPOS) pair.
type tagPair struct{ u, x string }

type weighted struct {
	p tagPair
	w float64
}

// noiser simulates the errors of a POS tagger, learnt from nothing but
// the training data: a token is mistagged only if its form is ambiguous
// (seen with several tags) or rare, and then gets another tag seen with
// that form, or else a tag that is often confused with its own (tags that
// share ambiguous forms).
type noiser struct {
	byForm  map[string][]weighted
	confuse map[tagPair][]weighted
	rate    float64 // per eligible token
	u, x    []string
}

func newNoiser(train []conllu.Sentence, rate float64) *noiser {
	counts := map[string]map[tagPair]int{}
	for _, s := range train {
		for _, w := range s.Words {
			f := normForm(w.Form)
			if counts[f] == nil {
				counts[f] = map[tagPair]int{}
			}
			counts[f][tagPair{w.UPOS, w.XPOS}]++
		}
	}
	nz := &noiser{byForm: map[string][]weighted{}, confuse: map[tagPair][]weighted{}}
	conf := map[tagPair]map[tagPair]float64{}
	for f, m := range counts {
		var ws []weighted
		total := 0
		for p, c := range m {
			ws = append(ws, weighted{p, float64(c)})
			total += c
		}
		sort.Slice(ws, func(i, j int) bool {
			if ws[i].w != ws[j].w {
				return ws[i].w > ws[j].w
			}
			return ws[i].p.u+ws[i].p.x < ws[j].p.u+ws[j].p.x
		})
		if len(ws) > 1 {
			nz.byForm[f] = ws
			for _, a := range ws {
				for _, b := range ws {
					if a.p != b.p {
						if conf[a.p] == nil {
							conf[a.p] = map[tagPair]float64{}
						}
						conf[a.p][b.p] += min(a.w, b.w)
					}
				}
			}
		} else if total <= 2 {
			nz.byForm[f] = ws
		}
	}
	for p, m := range conf {
		var ws []weighted
		for q, w := range m {
			ws = append(ws, weighted{q, w})
		}
		sort.Slice(ws, func(i, j int) bool {
			if ws[i].w != ws[j].w {
				return ws[i].w > ws[j].w
			}
			return ws[i].p.u+ws[i].p.x < ws[j].p.u+ws[j].p.x
		})
		nz.confuse[p] = ws
	}
	eligible, total := 0, 0
	for _, s := range train {
		for _, w := range s.Words {
			total++
			if _, ok := nz.byForm[normForm(w.Form)]; ok {
				eligible++
			}
		}
	}
	nz.rate = 0
	if eligible > 0 {
		nz.rate = min(0.5, rate*float64(total)/float64(eligible))
	}
	return nz
}

// sample draws one entry of ws, skipping cur, proportionally to weight.
func sample(ws []weighted, cur tagPair, rng *rand.Rand) (tagPair, bool) {
	total := 0.0
	for _, w := range ws {
		if w.p != cur {
			total += w.w
		}
	}
	if total <= 0 {
		return cur, false
	}
	r := rng.Float64() * total
	for _, w := range ws {
		if w.p == cur {
			continue
		}
		r -= w.w
		if r < 0 {
			return w.p, true
		}
	}
	return cur, false
}

// corrupt returns copies of upos and xpos with simulated tagging errors.
// The returned slices are reused by the next call.
func (nz *noiser) corrupt(words, upos, xpos []string, rng *rand.Rand) ([]string, []string) {
	nz.u = append(nz.u[:0], upos...)
	nz.x = append(nz.x[:0], xpos...)
	for i, w := range words {
		ws, ok := nz.byForm[normForm(w)]
		if !ok || rng.Float64() >= nz.rate {
			continue
		}
		cur := tagPair{upos[i], xpos[i]}
		p, ok := sample(ws, cur, rng)
		if !ok {
			p, ok = sample(nz.confuse[cur], cur, rng)
		}
		if ok {
			nz.u[i], nz.x[i] = p.u, p.x
		}
	}
	return nz.u, nz.x
}

// CorruptTags returns a copy of gold in which a fraction rate of the words
// (on average) carry a wrong but plausible (UPOS, XPOS) pair, as a POS
// tagger of accuracy about 1-rate would produce. The confusions are learnt
// from train; seed fixes the outcome. It approximates parsing with
// predicted tags when no tagger is at hand.
func CorruptTags(gold, train []conllu.Sentence, rate float64, seed uint64) []conllu.Sentence {
	nz := newNoiser(train, rate)
	rng := rand.New(rand.NewPCG(seed, 0x7a65))
	out := make([]conllu.Sentence, len(gold))
	var words, upos, xpos []string
	for si, s := range gold {
		out[si] = s
		out[si].Words = append([]conllu.Word(nil), s.Words...)
		words, upos, xpos = words[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			upos = append(upos, w.UPOS)
			xpos = append(xpos, w.XPOS)
		}
		u, x := nz.corrupt(words, upos, xpos, rng)
		for i := range out[si].Words {
			out[si].Words[i].UPOS, out[si].Words[i].XPOS = u[i], x[i]
		}
	}
	return out
}
