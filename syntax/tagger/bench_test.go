package tagger

import (
	"github.com/wirecoder/wirecoder/internal/cputime"
	"runtime"
	"testing"

	prosetag "github.com/jdkato/prose/v3/tag"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// ewt reads an EWT file's sentences and their words, skipping when the
// shared data is absent.
func ewt(tb testing.TB, name string) ([]conllu.Sentence, [][]string) {
	tb.Helper()
	sents, err := conllu.ReadFile(shared.Path(tb, "data/ud-ewt/"+name))
	if err != nil {
		tb.Fatal(err)
	}
	words := make([][]string, len(sents))
	for i, s := range sents {
		for _, w := range s.Words {
			words[i] = append(words[i], w.Form)
		}
	}
	return sents, words
}

// tagBench runs tag over every sentence b.N times and reports tokens/s
// (wall clock) and tokens/cpu-s.
func tagBench(b *testing.B, words [][]string, tag func([]string)) {
	n := 0
	for _, ws := range words {
		n += len(ws)
	}
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Now()
	for range b.N {
		for _, ws := range words {
			tag(ws)
		}
	}
	cpu := cputime.Now() - c0
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTag tags the EWT test set with the default model; run it with
// -cpu=1 for single-core throughput. It reports the test set's UPOS and
// XPOS accuracy and the heap taken by a freshly loaded model.
func BenchmarkTag(b *testing.B) {
	sents, words := ewt(b, "en_ewt-ud-test.conllu")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := loadFresh()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	sc := Evaluate(m, nil, sents)
	tagBench(b, words, func(ws []string) { m.Tag(ws) })
	b.ReportMetric(sc.UPOS, "UPOS")
	b.ReportMetric(sc.XPOS, "XPOS")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "model-MiB")
	runtime.KeepAlive(m)
}

// BenchmarkProseTag is the peer: prose v3's averaged-perceptron tagger
// (Penn Treebank tags) on the same sentences. UPOS comes from mapping its
// Penn tags with pennToUPOS.
func BenchmarkProseTag(b *testing.B) {
	sents, words := ewt(b, "en_ewt-ud-test.conllu")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tg, err := prosetag.New()
	if err != nil {
		b.Fatal(err)
	}
	tg.Tag([]string{"load"})
	runtime.GC()
	runtime.ReadMemStats(&after)
	var n, x, u int
	for i, s := range sents {
		toks := tg.Tag(words[i])
		for j, w := range s.Words {
			n++
			if toks[j].Tag == w.XPOS {
				x++
			}
			if pennToUPOS(toks[j].Tag, w.Form) == w.UPOS {
				u++
			}
		}
	}
	toks := make([]prosetag.Token, 0, 256)
	tagBench(b, words, func(ws []string) {
		toks = toks[:0]
		for _, w := range ws {
			toks = append(toks, prosetag.Token{Text: w})
		}
		tg.TagTokens(toks)
	})
	b.ReportMetric(float64(u)/float64(n), "UPOS")
	b.ReportMetric(float64(x)/float64(n), "XPOS")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "model-MiB")
}

// pennToUPOS maps a Penn Treebank tag to the Universal POS tag it most
// often corresponds to in EWT (a context-free approximation).
func pennToUPOS(penn, word string) string {
	switch penn {
	case "NN", "NNS":
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		switch word {
		case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m",
			"have", "has", "had", "do", "does", "did", "'ve", "'d":
			return "AUX"
		}
		return "VERB"
	case "MD":
		return "AUX"
	case "JJ", "JJR", "JJS", "AFX":
		return "ADJ"
	case "RB", "RBR", "RBS", "WRB":
		if word == "not" || word == "n't" {
			return "PART"
		}
		return "ADV"
	case "IN":
		return "ADP"
	case "DT", "PDT", "WDT":
		return "DET"
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return "PRON"
	case "CC":
		return "CCONJ"
	case "CD":
		return "NUM"
	case "RP":
		return "ADP"
	case "TO", "POS":
		return "PART"
	case "UH":
		return "INTJ"
	case "SYM", "$", "#":
		return "SYM"
	case "FW", "LS":
		return "X"
	}
	return "PUNCT"
}
