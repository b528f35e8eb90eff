package syntax_test

import (
	"testing"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/syntax/lemma"
	"github.com/wirecoder/wirecoder/syntax/parser"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

func testWords(b *testing.B) ([][]string, int) {
	sents, err := conllu.ReadFile(shared.Path(b, "data/ud-ewt/en_ewt-ud-test.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]string, len(sents))
	n := 0
	for i, s := range sents {
		for _, w := range s.Words {
			out[i] = append(out[i], w.Form)
		}
		n += len(s.Words)
	}
	return out, n
}

// BenchmarkTagParse tags, lemmatizes and parses the EWT test sentences on
// one goroutine: the language core as `wirecoder code` runs it. It reports
// tokens per second of wall time and of CPU time. (Each package's own
// benchmark reports the heap its loaded model holds.)
func BenchmarkTagParse(b *testing.B) {
	tg, err := tagger.Default()
	if err != nil {
		b.Fatal(err)
	}
	lem, err := lemma.Default()
	if err != nil {
		b.Fatal(err)
	}
	ps, err := parser.Default()
	if err != nil {
		b.Fatal(err)
	}
	sents, n := testWords(b)
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		for _, words := range sents {
			upos, xpos := tg.Tag(words)
			lemmas := make([]string, len(words))
			for k := range words {
				lemmas[k] = lem.Lemma(words[k], upos[k], xpos[k])
			}
			ps.Parse(words, lemmas, upos, xpos)
		}
	}
	cpu := cputime.Now() - cpu0
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
