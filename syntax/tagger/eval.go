package tagger

import (
	"fmt"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/syntax/lemma"
)

// Scores are a tagger's and lemmatizer's accuracies against gold
// sentences with gold tokenization.
type Scores struct {
	Tokens int     // words scored
	UPOS   float64 // fraction of words with the right UPOS
	XPOS   float64 // fraction of words with the right XPOS
	Joint  float64 // fraction with both right
	Lemma  float64 // fraction with the right lemma (from predicted tags); 0 without a lemmatizer
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("tokens %d  UPOS %.4f  XPOS %.4f  UPOS+XPOS %.4f  lemma %.4f", s.Tokens, s.UPOS, s.XPOS, s.Joint, s.Lemma)
}

// Evaluate tags the gold sentences' words with m, lemmatizes them with lem
// (when not nil) from the predicted tags, and scores both against gold.
func Evaluate(m *Model, lem *lemma.Lemmatizer, gold []conllu.Sentence) Scores {
	var n, u, x, j, l int
	var words []string
	for _, s := range gold {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		up, xp := m.Tag(words)
		for i, w := range s.Words {
			n++
			if up[i] == w.UPOS {
				u++
			}
			if xp[i] == w.XPOS {
				x++
			}
			if up[i] == w.UPOS && xp[i] == w.XPOS {
				j++
			}
			if lem != nil && lem.Lemma(w.Form, up[i], xp[i]) == w.Lemma {
				l++
			}
		}
	}
	if n == 0 {
		return Scores{}
	}
	f := float64(n)
	return Scores{Tokens: n, UPOS: float64(u) / f, XPOS: float64(x) / f, Joint: float64(j) / f, Lemma: float64(l) / f}
}
