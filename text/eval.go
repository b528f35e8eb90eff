package text

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// TokenScore is the agreement of the tokenizer with gold tokens: a
// predicted token matches when its byte span equals a gold token's span.
type TokenScore struct {
	Sentences int // sentences scored
	Skipped   int // sentences whose gold forms could not be aligned to their text
	Gold      int // gold tokens
	Predicted int // predicted tokens
	Matched   int // predicted tokens with exactly a gold token's span
	Exact     int // sentences tokenized exactly as the gold standard
}

// Precision is Matched/Predicted.
func (s TokenScore) Precision() float64 { return ratio(s.Matched, s.Predicted) }

// Recall is Matched/Gold.
func (s TokenScore) Recall() float64 { return ratio(s.Matched, s.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (s TokenScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String formats the score on one line.
func (s TokenScore) String() string {
	return fmt.Sprintf("sentences %d (skipped %d), gold %d, predicted %d, matched %d: P %.4f R %.4f F1 %.4f, exact sentences %.4f",
		s.Sentences, s.Skipped, s.Gold, s.Predicted, s.Matched, s.Precision(), s.Recall(), s.F1(), ratio(s.Exact, s.Sentences))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// goldSpans aligns a sentence's gold word forms to its text and returns
// their byte spans, or false when a form is not found where expected.
func goldSpans(s conllu.Sentence) ([][2]int, bool) {
	out := make([][2]int, 0, len(s.Words))
	pos := 0
	for _, w := range s.Words {
		for pos < len(s.Text) && spaceAt(s.Text, pos) {
			_, n := at(s.Text, pos)
			pos += n
		}
		if !strings.HasPrefix(s.Text[pos:], w.Form) || w.Form == "" {
			return nil, false
		}
		out = append(out, [2]int{pos, pos + len(w.Form)})
		pos += len(w.Form)
	}
	return out, true
}

// EvalCoNLLU tokenizes the "# text =" line of every sentence and scores the
// tokens against the sentence's gold word forms. Sentences whose forms do
// not spell their text (typo corrections, for example) are skipped and
// counted.
func EvalCoNLLU(sents []conllu.Sentence) TokenScore {
	var sc TokenScore
	for _, s := range sents {
		gold, ok := goldSpans(s)
		if !ok {
			sc.Skipped++
			continue
		}
		sc.Sentences++
		pred := Tokenize(s.Text)
		sc.Gold += len(gold)
		sc.Predicted += len(pred)
		m := 0
		for i, j := 0, 0; i < len(pred) && j < len(gold); {
			switch {
			case pred[i].Start == gold[j][0] && pred[i].End == gold[j][1]:
				m++
				i++
				j++
			case pred[i].End <= gold[j][1]:
				i++
			default:
				j++
			}
		}
		sc.Matched += m
		if m == len(gold) && m == len(pred) {
			sc.Exact++
		}
	}
	return sc
}

// Mismatches returns, for up to max sentences that the tokenizer does not
// split exactly as the gold standard, a line with the gold and predicted
// tokens separated by "|". It helps to study the tokenizer's errors.
func Mismatches(sents []conllu.Sentence, max int) []string {
	var out []string
	for _, s := range sents {
		if len(out) >= max {
			break
		}
		gold, ok := goldSpans(s)
		if !ok {
			continue
		}
		pred := Tokenize(s.Text)
		same := len(pred) == len(gold)
		for i := 0; same && i < len(pred); i++ {
			same = pred[i].Start == gold[i][0] && pred[i].End == gold[i][1]
		}
		if same {
			continue
		}
		var g, p []string
		for _, sp := range gold {
			g = append(g, s.Text[sp[0]:sp[1]])
		}
		for _, t := range pred {
			p = append(p, s.Text[t.Start:t.End])
		}
		out = append(out, fmt.Sprintf("%s\n  gold: %s\n  pred: %s", s.ID, strings.Join(g, "|"), strings.Join(p, "|")))
	}
	return out
}
