package text

import (
	"flag"
	"testing"

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
