package text

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
)

var showMismatches = flag.Int("mismatches", 0, "print this many EWT sentences that tokenize differently from the gold standard")

// TestEWTAgreement tokenizes the text of every UD English-EWT dev sentence
// and checks the token-boundary agreement with the gold forms.
func TestEWTAgreement(t *testing.T) {
	path := shared.Path(t, "data/ud-ewt/en_ewt-ud-dev.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := EvalCoNLLU(sents)
	t.Logf("EWT dev: %v", sc)
	for _, m := range Mismatches(sents, *showMismatches) {
		t.Log(m)
	}
	if sc.Skipped > sc.Sentences/50 {
		t.Errorf("%d of %d sentences could not be aligned", sc.Skipped, sc.Sentences+sc.Skipped)
	}
	if f := sc.F1(); f < 0.98 {
		t.Errorf("token F1 %.4f, want at least 0.98", f)
	}
}

// ewtDocs rebuilds the documents of a CoNLL-U file from its "# newdoc",
// "# newpar" and "# text =" lines: paragraphs joined by a newline,
// sentences by a space. It returns each document's text and the start
// offsets of its gold sentences.
func ewtDocs(t *testing.T, path string) (texts []string, starts [][]int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var st []int
	flush := func() {
		if b.Len() > 0 {
			texts = append(texts, b.String())
			starts = append(starts, st)
		}
		b.Reset()
		st = nil
	}
	newPar := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
		case strings.HasPrefix(line, "# newpar"):
			newPar = true
		case strings.HasPrefix(line, "# text = "):
			if b.Len() > 0 {
				if newPar {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			newPar = false
			st = append(st, b.Len())
			b.WriteString(strings.TrimPrefix(line, "# text = "))
		}
	}
	flush()
	return texts, starts
}

// TestEWTSentences measures sentence-boundary agreement on the EWT dev
// documents. EWT is web text (e-mail, reviews, forums), where many
// sentences lack final punctuation, so the figure is a floor for news.
func TestEWTSentences(t *testing.T) {
	texts, starts := ewtDocs(t, shared.Path(t, "data/ud-ewt/en_ewt-ud-dev.conllu"))
	var gold, pred, match int
	for i, s := range texts {
		d := doc.New("ewt", s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		want := map[int]bool{}
		for _, o := range starts[i] {
			want[o] = true
		}
		gold += len(starts[i])
		pred += len(d.Sentences)
		for _, se := range d.Sentences {
			if want[se.Start] {
				match++
			}
		}
	}
	p, r := float64(match)/float64(pred), float64(match)/float64(gold)
	f := 2 * p * r / (p + r)
	t.Logf("EWT dev sentence starts: %d documents, gold %d, predicted %d, matched %d: P %.4f R %.4f F1 %.4f", len(texts), gold, pred, match, p, r, f)
	if f < 0.8 {
		t.Errorf("sentence F1 %.4f, want at least 0.8", f)
	}
}
