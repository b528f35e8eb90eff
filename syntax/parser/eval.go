package parser

import (
	"fmt"
	"time"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// Scores are attachment scores over every word, punctuation included, as
// in the CoNLL 2018 shared task.
type Scores struct {
	UAS, LAS     float64 // unlabeled and labeled attachment score, 0..1
	Sentences    int
	Tokens       int
	Duration     time.Duration // time spent parsing (tagging excluded)
	TokensPerSec float64       // Tokens / Duration
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("UAS %.4f  LAS %.4f  (%d sentences, %d tokens, %.0f tokens/s)",
		s.UAS, s.LAS, s.Sentences, s.Tokens, s.TokensPerSec)
}

// Evaluate parses every sentence of gold and scores the trees against it.
// Words and lemmas come from gold; tags come from tags(words) when tags is
// not nil (a tagger), from gold otherwise. A label matches when it is
// equal to the gold relation, subtype included.
func Evaluate(m *Model, gold []conllu.Sentence, tags func(words []string) (upos, xpos []string)) Scores {
	var sc Scores
	var ua, la int
	var words, lemmas, upos, xpos []string
	for _, s := range gold {
		words, lemmas, upos, xpos = words[:0], lemmas[:0], upos[:0], xpos[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			lemmas = append(lemmas, w.Lemma)
			upos = append(upos, w.UPOS)
			xpos = append(xpos, w.XPOS)
		}
		if tags != nil {
			upos, xpos = tags(words)
		}
		t0 := time.Now()
		heads, deps := m.Parse(words, lemmas, upos, xpos)
		sc.Duration += time.Since(t0)
		sc.Sentences++
		for i, w := range s.Words {
			sc.Tokens++
			if heads[i]+1 == w.Head {
				ua++
				if deps[i] == w.Dep {
					la++
				}
			}
		}
	}
	if sc.Tokens > 0 {
		sc.UAS = float64(ua) / float64(sc.Tokens)
		sc.LAS = float64(la) / float64(sc.Tokens)
	}
	if sc.Duration > 0 {
		sc.TokensPerSec = float64(sc.Tokens) / sc.Duration.Seconds()
	}
	return sc
}
