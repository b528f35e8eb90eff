package ner

import (
	"github.com/wirecoder/wirecoder/doc"
)

// PRF holds exact-span precision, recall and F1 with the counts they come
// from.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`    // entities in the gold standard
	Pred      int     `json:"pred"`    // entities predicted
	Correct   int     `json:"correct"` // predicted entities with the gold type and token range
}

func (p *PRF) finish() {
	if p.Pred > 0 {
		p.Precision = float64(p.Correct) / float64(p.Pred)
	}
	if p.Gold > 0 {
		p.Recall = float64(p.Correct) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Scores are exact-span scores overall and per entity type: a predicted
// entity counts as correct only when a gold entity has the same type and
// the same first and last token.
type Scores struct {
	PRF
	// PerType holds the scores of PER, ORG and LOC, keyed by type name.
	PerType map[string]PRF `json:"per_type"`
}

// Evaluate tags the words of each gold sentence with m and scores the
// result against the gold tags.
func Evaluate(m *Model, gold []Sentence) Scores {
	pred := make([][]string, len(gold))
	for i, s := range gold {
		pred[i] = m.Tag(s.Words)
	}
	return Score(gold, pred)
}

// Score compares predicted tag sequences with the gold sentences' tags,
// sentence by sentence. A missing prediction counts as all O.
func Score(gold []Sentence, pred [][]string) Scores {
	var all PRF
	per := map[doc.EntityType]*PRF{}
	for _, t := range types {
		per[t] = &PRF{}
	}
	count := func(t doc.EntityType, f func(p *PRF)) {
		f(&all)
		if p, ok := per[t]; ok {
			f(p)
		}
	}
	for i, g := range gold {
		var p []string
		if i < len(pred) {
			p = pred[i]
		}
		gs, ps := Spans(g.Tags), Spans(p)
		in := make(map[Span]bool, len(gs))
		for _, s := range gs {
			in[s] = true
			count(s.Type, func(p *PRF) { p.Gold++ })
		}
		for _, s := range ps {
			count(s.Type, func(p *PRF) { p.Pred++ })
			if in[s] {
				count(s.Type, func(p *PRF) { p.Correct++ })
			}
		}
	}
	all.finish()
	out := Scores{PRF: all, PerType: map[string]PRF{}}
	for _, t := range types {
		p := per[t]
		p.finish()
		out.PerType[t.String()] = *p
	}
	return out
}
