package parser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/pipeline"
)

// The model is a pipeline stage.
var _ pipeline.Stage = (*Model)(nil)

// tree builds a CoNLL-U sentence from "form/UPOS/XPOS/head/dep" items.
func tree(t testing.TB, items string) conllu.Sentence {
	t.Helper()
	var s conllu.Sentence
	for i, it := range strings.Fields(items) {
		p := strings.Split(it, "/")
		if len(p) != 5 {
			t.Fatalf("bad item %q", it)
		}
		var h int
		fmt.Sscan(p[3], &h)
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: p[0], Lemma: strings.ToLower(p[0]), UPOS: p[1], XPOS: p[2], Head: h, Dep: p[4]})
	}
	return s
}

func columns(s conllu.Sentence) (words, lemmas, upos, xpos []string) {
	for _, w := range s.Words {
		words = append(words, w.Form)
		lemmas = append(lemmas, w.Lemma)
		upos = append(upos, w.UPOS)
		xpos = append(xpos, w.XPOS)
	}
	return
}

// checkHeads verifies that heads form a single tree over n words.
func checkHeads(t testing.TB, heads []int, deps []string) {
	t.Helper()
	hs := make([]int, len(heads))
	roots := 0
	for i, h := range heads {
		hs[i] = h + 1
		if h == -1 {
			roots++
			if deps[i] != "root" {
				t.Errorf("root word %d labelled %q", i, deps[i])
			}
		} else if deps[i] == "root" || deps[i] == "" {
			t.Errorf("non-root word %d labelled %q", i, deps[i])
		}
	}
	if len(heads) > 0 && roots != 1 {
		t.Errorf("%d roots, want 1: %v", roots, heads)
	}
	if err := checkTree(hs); len(heads) > 0 && err != nil {
		t.Errorf("not a tree: %v (%v)", err, heads)
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name       string
		heads      []int32 // 1-based, heads[0] unused
		want       []int32
		wantLifted int
	}{
		{"projective", []int32{-1, 2, 0, 2}, []int32{-1, 2, 0, 2}, 0},
		// Arc 3 -> 1 spans 2, which 3 does not dominate: lifted to 3.s head 2.
		{"lift left", []int32{-1, 3, 0, 2, 2}, []int32{-1, 2, 0, 2, 2}, 1},
		// Arc 4 -> 1 spans 2 and 3; 3 is not dominated by 4: lifted to 4's head 2.
		{"lift", []int32{-1, 4, 0, 2, 2}, []int32{-1, 2, 0, 2, 2}, 1},
		// Arc 1 -> 3 spans 2, whose head 4 is outside: lifted to 1's head (4).
		{"lift right", []int32{-1, 4, 4, 1, 0}, []int32{-1, 4, 4, 4, 0}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := append([]int32(nil), tc.heads...)
			n := projectivize(h)
			if n != tc.wantLifted || fmt.Sprint(h) != fmt.Sprint(tc.want) {
				t.Errorf("projectivize(%v) = %v, %d lifted; want %v, %d", tc.heads, h, n, tc.want, tc.wantLifted)
			}
		})
	}
}

func TestCheckTree(t *testing.T) {
	for _, tc := range []struct {
		heads []int
		ok    bool
	}{
		{[]int{2, 0}, true},
		{[]int{2, 1}, false},    // cycle, no root
		{[]int{0, 3, 2}, false}, // cycle 2<->3
		{[]int{1}, false},       // own head
		{[]int{5, 0}, false},    // out of range
		{[]int{-1, 0}, false},   // negative
	} {
		if err := checkTree(tc.heads); (err == nil) != tc.ok {
			t.Errorf("checkTree(%v) = %v, want ok=%v", tc.heads, err, tc.ok)
		}
	}
}

// oracleParse follows the best zero-cost transition from the start.
func oracleParse(t testing.TB, m *Model, ex *example) []int32 {
	st := new(state)
	st.init(m, ex.words, ex.lemmas, ex.upos, ex.xpos)
	for !st.terminal() {
		okS, okL, okR := st.valid()
		c := ex.costs(st, okS, okL, okR)
		a := -1
		for x := 0; x < numActs; x++ {
			if c[x] == 0 {
				a = x
				break
			}
		}
		if a < 0 {
			t.Fatalf("no zero-cost transition: stack %v b %d costs %v", st.stack, st.b, c)
		}
		st.apply(a, 1)
	}
	return append([]int32(nil), st.head[:st.n+1]...)
}

// TestOracle checks that the dynamic oracle's zero-cost transitions rebuild
// the (projectivised) gold tree.
func TestOracle(t *testing.T) {
	m := &Model{labels: []string{"dep", "root"}}
	m.index()
	lid := map[string]int16{"dep": 1, "root": 2}
	sents := []conllu.Sentence{
		tree(t, "Troops/NOUN/NNS/2/nsubj withdrew/VERB/VBD/0/root ./PUNCT/./2/punct"),
		tree(t, "He/PRON/PRP/2/nsubj said/VERB/VBD/0/root that/SCONJ/IN/6/mark they/PRON/PRP/6/nsubj had/AUX/VBD/6/aux left/VERB/VBN/2/ccomp ./PUNCT/./2/punct"),
		tree(t, "a/X/X/4/dep b/X/X/4/dep c/X/X/2/dep d/X/X/0/root e/X/X/1/dep"), // non-projective: 1 -> 5 spans 4
	}
	if p := ShareEWT(t, "dev"); p != nil {
		sents = append(sents, p[:300]...)
	}
	for i, s := range sents {
		ex, _, err := newExample(s, "test", lid)
		if err != nil {
			t.Fatal(err)
		}
		got := oracleParse(t, m, ex)
		for d := 1; d < len(got); d++ {
			if got[d] != ex.gold[d] {
				t.Errorf("sentence %d: oracle head of %d = %d, want %d", i, d, got[d], ex.gold[d])
			}
		}
	}
}

// ShareEWT reads an EWT split from ../shared, or returns nil in -short mode.
func ShareEWT(t testing.TB, split string) []conllu.Sentence {
	t.Helper()
	p := shared.Path(t, "data/ud-ewt/en_ewt-ud-"+split+".conllu")
	s, err := conllu.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var tiny = []string{
	"Troops/NOUN/NNS/2/nsubj withdrew/VERB/VBD/0/root ./PUNCT/./2/punct",
	"The/DET/DT/2/det army/NOUN/NN/3/nsubj left/VERB/VBD/0/root the/DET/DT/5/det city/NOUN/NN/3/obj ./PUNCT/./3/punct",
	"Ukraine/PROPN/NNP/2/nsubj said/VERB/VBD/0/root that/SCONJ/IN/6/mark troops/NOUN/NNS/6/nsubj had/AUX/VBD/6/aux left/VERB/VBN/2/ccomp ./PUNCT/./2/punct",
	"Troops/NOUN/NNS/3/nsubj:pass were/AUX/VBD/3/aux:pass withdrawn/VERB/VBN/0/root by/ADP/IN/5/case Ukraine/PROPN/NNP/3/obl:agent ./PUNCT/./3/punct",
}

func tinyModel(t testing.TB) (*Model, []conllu.Sentence) {
	return tinyModelWith(t, FeaturesFull)
}

func tinyModelWith(t testing.TB, feat Features) (*Model, []conllu.Sentence) {
	t.Helper()
	var train []conllu.Sentence
	for _, s := range tiny {
		train = append(train, tree(t, s))
	}
	opt := DefaultTrainOptions()
	opt.Epochs, opt.Bits, opt.LabelBits, opt.TagNoise, opt.MinCount, opt.Prune = 8, 12, 10, 0, 1, 0
	opt.Features = feat
	m, err := Train(train, train, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, train
}

func TestTrainTiny(t *testing.T) {
	m, train := tinyModel(t)
	sc := Evaluate(m, train, nil)
	if sc.LAS != 1 || sc.Tokens != 22 || sc.Sentences != 4 {
		t.Errorf("tiny treebank: %v, want LAS 1 over 4 sentences, 22 tokens", sc)
	}
	// Reproducible.
	m2, _ := tinyModel(t)
	var b1, b2 bytes.Buffer
	if err := m.Save(&b1); err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestTrainErrors(t *testing.T) {
	bad := tree(t, "a/X/X/2/dep b/X/X/1/dep")
	bad.ID, bad.Line = "s1", 17
	_, err := Train([]conllu.Sentence{bad}, nil, DefaultTrainOptions(), nil)
	var te *TrainError
	if !errors.As(err, &te) || te.Line != 17 || !strings.Contains(err.Error(), `"s1" at line 17`) {
		t.Errorf("Train(cyclic tree) error = %v, want a TrainError at line 17", err)
	}
	if _, err := Train(nil, nil, DefaultTrainOptions(), nil); err == nil {
		t.Error("Train(no data) succeeded")
	}
}

func TestSaveLoad(t *testing.T) {
	for _, feat := range []Features{FeaturesFull, FeaturesFast, FeaturesClusters} {
		t.Run(feat.String(), func(t *testing.T) { testSaveLoad(t, feat) })
	}
}

func testSaveLoad(t *testing.T, feat Features) {
	m, train := tinyModelWith(t, feat)
	if sc := Evaluate(m, train, nil); sc.LAS != 1 {
		t.Errorf("%s features, tiny treebank: %v, want LAS 1", feat, sc)
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if m2.feat != feat {
		t.Errorf("loaded feature set %v, want %v", m2.feat, feat)
	}
	for _, s := range train {
		w, l, u, x := columns(s)
		h1, d1 := m.Parse(w, l, u, x)
		h2, d2 := m2.Parse(w, l, u, x)
		if fmt.Sprint(h1, d1) != fmt.Sprint(h2, d2) {
			t.Errorf("loaded model parses %v %v, saved one %v %v", h2, d2, h1, d1)
		}
	}
	// Bad input never panics.
	for _, in := range [][]byte{nil, []byte("not gzip"), data[:len(data)/2], data[:20]} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%d bytes) succeeded", len(in))
		}
	}
	var fe *FormatError
	if _, err := Load(strings.NewReader("junk")); !errors.As(err, &fe) || fe.Op != "load" {
		t.Errorf("Load(junk) = %v, want a *FormatError", err)
	}
}

func TestParseEdgeCases(t *testing.T) {
	m := mustDefault(t)
	if h, d := m.Parse(nil, nil, nil, nil); len(h) != 0 || len(d) != 0 {
		t.Errorf("Parse(nil) = %v %v", h, d)
	}
	h, d := m.Parse([]string{"Hello"}, nil, nil, nil)
	if h[0] != -1 || d[0] != "root" {
		t.Errorf("one word: %v %v, want [-1] [root]", h, d)
	}
	// Missing and unknown tags, shorter columns.
	h, d = m.Parse([]string{"Troops", "withdrew", "quickly", "."}, []string{"troop"}, []string{"NOUN", "BOGUS"}, nil)
	checkHeads(t, h, d)
	// A long sentence.
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"the", "army", "said", ",", "that", "troops", "had", "withdrawn", "from", "Kyiv", "and", "Minsk", "on", "Friday"}
	var words []string
	for range 400 {
		words = append(words, vocab[rng.IntN(len(vocab))])
	}
	h, d = m.Parse(words, nil, nil, nil)
	checkHeads(t, h, d)
}

func mustDefault(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDefaultDev checks the embedded model on the first 500 sentences of
// EWT dev with gold tags.
func TestDefaultDev(t *testing.T) {
	dev := ShareEWT(t, "dev")
	m := mustDefault(t)
	sc := Evaluate(m, dev[:500], nil)
	t.Logf("EWT dev[:500], gold tags: %v", sc)
	if sc.UAS < 0.86 || sc.LAS < 0.84 {
		t.Errorf("EWT dev[:500]: %v, want UAS >= 0.86, LAS >= 0.84", sc)
	}
}

// TestNews checks constructions that matter for news: apposition,
// reported speech, passives with an agent.
func TestNews(t *testing.T) {
	m := mustDefault(t)
	type arc struct {
		dep, head int // 0-based; head -1 for root
		rel       string
	}
	tests := []struct {
		name  string
		words string // form/UPOS/XPOS
		want  []arc
	}{
		{"apposition and reported speech",
			"Lukashenko/PROPN/NNP ,/PUNCT/, a/DET/DT close/ADJ/JJ ally/NOUN/NN of/ADP/IN Putin/PROPN/NNP ,/PUNCT/, said/VERB/VBD that/SCONJ/IN Ukraine/PROPN/NNP had/AUX/VBD withdrawn/VERB/VBN troops/NOUN/NNS ./PUNCT/.",
			[]arc{{4, 0, "appos"}, {8, -1, "root"}, {0, 8, "nsubj"}, {12, 8, "ccomp"}, {10, 12, "nsubj"}, {13, 12, "obj"}, {6, 4, "nmod"}}},
		{"passive with agent",
			"The/DET/DT troops/NOUN/NNS were/AUX/VBD withdrawn/VERB/VBN by/ADP/IN the/DET/DT government/NOUN/NN ./PUNCT/.",
			[]arc{{3, -1, "root"}, {1, 3, "nsubj:pass"}, {2, 3, "aux:pass"}, {6, 3, "obl:agent"}, {4, 6, "case"}}},
		{"long reported speech",
			"The/DET/DT ministry/NOUN/NN said/VERB/VBD on/ADP/IN Saturday/PROPN/NNP that/SCONJ/IN Belarusian/ADJ/JJ forces/NOUN/NNS had/AUX/VBD been/AUX/VBN moved/VERB/VBN to/ADP/IN the/DET/DT border/NOUN/NN with/ADP/IN Ukraine/PROPN/NNP ./PUNCT/.",
			[]arc{{2, -1, "root"}, {1, 2, "nsubj"}, {4, 2, "obl"}, {10, 2, "ccomp"}, {7, 10, "nsubj:pass"}, {9, 10, "aux:pass"}, {13, 10, "obl"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var words, upos, xpos []string
			for _, it := range strings.Fields(tc.words) {
				p := strings.Split(it, "/")
				words, upos, xpos = append(words, p[0]), append(upos, p[1]), append(xpos, p[2])
			}
			heads, deps := m.Parse(words, nil, upos, xpos)
			checkHeads(t, heads, deps)
			for _, a := range tc.want {
				if heads[a.dep] != a.head || deps[a.dep] != a.rel {
					t.Errorf("%q: head %d %s, want %d %s", words[a.dep], heads[a.dep], deps[a.dep], a.head, a.rel)
				}
			}
		})
	}
}

func TestConcurrent(t *testing.T) {
	m := mustDefault(t)
	var sents []conllu.Sentence
	for _, s := range tiny {
		sents = append(sents, tree(t, s))
	}
	if d, ok := shared.Dir(); ok {
		if dev, err := conllu.ReadFile(d + "/data/ud-ewt/en_ewt-ud-dev.conllu"); err == nil {
			sents = append(sents, dev[:200]...)
		}
	}
	want := make([]string, len(sents))
	for i, s := range sents {
		w, l, u, x := columns(s)
		h, d := m.Parse(w, l, u, x)
		want[i] = fmt.Sprint(h, d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range sents {
				i := (k + g*37) % len(sents)
				w, l, u, x := columns(sents[i])
				h, d := m.Parse(w, l, u, x)
				if got := fmt.Sprint(h, d); got != want[i] {
					errs <- fmt.Sprintf("goroutine %d, sentence %d: %s, want %s", g, i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// newsDoc builds a Doc with two tagged sentences.
func newsDoc() *doc.Doc {
	text := "Troops withdrew . The army left the city ."
	d := doc.New("story-1", text)
	type tk struct{ w, u, x string }
	toks := []tk{{"Troops", "NOUN", "NNS"}, {"withdrew", "VERB", "VBD"}, {".", "PUNCT", "."},
		{"The", "DET", "DT"}, {"army", "NOUN", "NN"}, {"left", "VERB", "VBD"}, {"the", "DET", "DT"}, {"city", "NOUN", "NN"}, {".", "PUNCT", "."}}
	off := 0
	for i, t := range toks {
		s := 0
		if i >= 3 {
			s = 1
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: off, End: off + len(t.w), Norm: t.w, SpaceAfter: true, Sent: s, UPOS: t.u, XPOS: t.x})
		off += len(t.w) + 1
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 17}, First: 0, Last: 3}, {Span: doc.Span{Start: 18, End: len(text)}, First: 3, Last: 9}}
	d.Layers = doc.LayerTokens | doc.LayerSentences | doc.LayerPOS
	return d
}

func TestProcess(t *testing.T) {
	m := mustDefault(t)
	d := newsDoc()
	if err := m.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		head int
		dep  string
	}{{1, "nsubj"}, {-1, "root"}, {1, "punct"}, {4, "det"}, {5, "nsubj"}, {-1, "root"}, {7, "det"}, {5, "obj"}, {5, "punct"}}
	for i, w := range want {
		if tk := d.Tokens[i]; tk.Head != w.head || tk.Dep != w.dep {
			t.Errorf("token %d %q: head %d %s, want %d %s", i, tk.Norm, tk.Head, tk.Dep, w.head, w.dep)
		}
	}
	// Cancelled context.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Process(ctx, newsDoc()); !errors.Is(err, context.Canceled) {
		t.Errorf("Process(cancelled) = %v, want context.Canceled", err)
	}
	// Bad sentence range: an error, no panic.
	d = newsDoc()
	d.Sentences[1].Last = 42
	var pe *ParseError
	if err := m.Process(context.Background(), d); !errors.As(err, &pe) || pe.Sentence != 1 {
		t.Errorf("Process(bad range) = %v, want *ParseError for sentence 1", err)
	}
}

func TestCorruptTags(t *testing.T) {
	train := ShareEWT(t, "train")
	dev := ShareEWT(t, "dev")
	noisy := CorruptTags(dev, train, 0.04, 1)
	changed, total := 0, 0
	for i := range dev {
		for j, w := range dev[i].Words {
			total++
			nw := noisy[i].Words[j]
			if nw.XPOS != w.XPOS || nw.UPOS != w.UPOS {
				changed++
			}
			if nw.Head != w.Head || nw.Form != w.Form {
				t.Fatal("CorruptTags changed more than tags")
			}
		}
	}
	rate := float64(changed) / float64(total)
	if rate < 0.025 || rate > 0.055 {
		t.Errorf("corrupted %.4f of tags, want about 0.04", rate)
	}
}

func TestHeapAfterLoad(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("heap after loading the model: %.1f MB (%v)", mb, m)
	if mb > 250 {
		t.Errorf("loaded model takes %.1f MB of heap, want < 250", mb)
	}
	runtime.KeepAlive(m)
}

func BenchmarkParse(b *testing.B) {
	dev := ShareEWT(b, "dev")
	m := mustDefault(b)
	type cols struct{ w, l, u, x []string }
	var cs []cols
	tokens := 0
	for _, s := range dev {
		w, l, u, x := columns(s)
		cs = append(cs, cols{w, l, u, x})
		tokens += len(w)
	}
	// The machine may be shared: besides wall-clock tokens/s, report
	// tokens per second of this thread's CPU time.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := threadCPU()
	n := 0
	for i := 0; i < b.N; i++ {
		c := cs[i%len(cs)]
		m.Parse(c.w, c.l, c.u, c.x)
		n += len(c.w)
	}
	cpu := threadCPU() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu, "tokens/cpu-s")
	}
}

func TestFeaturesNames(t *testing.T) {
	for _, tc := range []struct {
		f    Features
		name string
	}{{FeaturesFull, "full"}, {FeaturesFast, "fast"}, {FeaturesClusters, "clusters"}, {Features(9), "Features(9)"}} {
		if got := tc.f.String(); got != tc.name {
			t.Errorf("Features(%d).String() = %q, want %q", tc.f, got, tc.name)
		}
	}
	if f, err := ParseFeatures("fast"); err != nil || f != FeaturesFast {
		t.Errorf("ParseFeatures(fast) = %v, %v", f, err)
	}
	if f, err := ParseFeatures("clusters"); err != nil || f != FeaturesClusters {
		t.Errorf("ParseFeatures(clusters) = %v, %v", f, err)
	}
	if _, err := ParseFeatures("slow"); err == nil {
		t.Error("ParseFeatures(slow) succeeded")
	}
}

// TestParseRandom feeds random, odd input: every parse must be one tree.
func TestParseRandom(t *testing.T) {
	m := mustDefault(t)
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"", " ", "\x00", "é", "日本", "--", ",", "\"", "'s", "U.S.", "1,000", "Lukashenko", "said", "the", "ROOT", "_"}
	tags := []string{"", "NOUN", "VERB", "PUNCT", "X", "NN", "VBD", ",", "bogus"}
	for i := range 300 {
		n := rng.IntN(40)
		words := make([]string, n)
		upos := make([]string, rng.IntN(n+1))
		xpos := make([]string, rng.IntN(n+1))
		for j := range words {
			words[j] = pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]
		}
		for j := range upos {
			upos[j] = tags[rng.IntN(len(tags))]
		}
		for j := range xpos {
			xpos[j] = tags[rng.IntN(len(tags))]
		}
		h, d := m.Parse(words, nil, upos, xpos)
		if len(h) != n || len(d) != n {
			t.Fatalf("case %d: %d heads, %d deps for %d words", i, len(h), len(d), n)
		}
		checkHeads(t, h, d)
	}
}

func TestPrefixIDs(t *testing.T) {
	for _, tc := range []struct {
		path         string
		p4, p6, full int32
	}{
		{"", idUnk, idUnk, idUnk},
		{"0110", idBase + 0b10110, idBase + 0b10110, idBase + 0b10110},
		{"011010", idBase + 0b10110, idBase + 0b1011010, idBase + 0b1011010},
		{"01101011", idBase + 0b10110, idBase + 0b1011010, idBase + 0b101101011},
		{"1", idBase + 0b11, idBase + 0b11, idBase + 0b11},
		{strings.Repeat("1", 25), idUnk, idUnk, idUnk},
	} {
		p4, p6, full := prefixIDs(tc.path)
		if p4 != tc.p4 || p6 != tc.p6 || full != tc.full {
			t.Errorf("prefixIDs(%q) = %d, %d, %d, want %d, %d, %d", tc.path, p4, p6, full, tc.p4, tc.p6, tc.full)
		}
	}
	// A prefix of one length never collides with another length's.
	if a, _, _ := prefixIDs("0000"); a == func() int32 { _, _, f := prefixIDs("00000"); return f }() {
		t.Error("prefixes 0000 and 00000 share an id")
	}
}

func TestClusterIDs(t *testing.T) {
	cl, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, f := clusterIDs(nil, "the"); f != idUnk {
		t.Errorf("clusterIDs(nil clusters) = %d, want idUnk", f)
	}
	for _, w := range []string{"the", "said", "president"} {
		want4, want6, wantF := prefixIDs(cl.Path(w))
		if wantF == idUnk {
			t.Fatalf("no cluster for %q", w)
		}
		// Lookup is case-insensitive.
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			p4, p6, f := clusterIDs(cl, form)
			if p4 != want4 || p6 != want6 || f != wantF {
				t.Errorf("clusterIDs(%q) = %d, %d, %d, want %d, %d, %d", form, p4, p6, f, want4, want6, wantF)
			}
		}
	}
	if _, _, f := clusterIDs(cl, "xqzzyqxx"); f != idUnk {
		t.Errorf("clusterIDs(unseen word) = %d, want idUnk", f)
	}
	if _, _, f := clusterIDs(cl, ""); f != idUnk {
		t.Errorf("clusterIDs(empty) = %d, want idUnk", f)
	}
	long := strings.Repeat("A", 100)
	if _, _, f := clusterIDs(cl, long); f != idUnk {
		t.Errorf("clusterIDs(100 letters) = %d, want idUnk", f)
	}
	if n := testing.AllocsPerRun(100, func() { clusterIDs(cl, "President") }); n != 0 {
		t.Errorf("clusterIDs allocates %v times, want 0", n)
	}
}

// TestClusterFeaturesExtendFull checks that FeaturesClusters computes every
// FeaturesFull feature, in the same order, then its cluster features, for
// both classifiers and in every configuration of a parse.
func TestClusterFeaturesExtendFull(t *testing.T) {
	mf, train := tinyModelWith(t, FeaturesFull)
	mc, _ := tinyModelWith(t, FeaturesClusters)
	if mc.cl == nil || mc.cl.Len() == 0 {
		t.Fatal("clusters model has no clusters")
	}
	s := train[1]
	w, l, u, x := columns(s)
	var sf, sc state
	sf.init(mf, w, l, u, x)
	sc.init(mc, w, l, u, x)
	checked := 0
	for !sf.terminal() {
		ff := append([]uint64(nil), sf.transFeatures()...)
		fc := sc.transFeatures()
		if len(fc) != len(ff)+12 || fmt.Sprint(fc[:len(ff)]) != fmt.Sprint(ff) {
			t.Fatalf("transition features: clusters set (%d) does not extend the full set (%d) by 12", len(fc), len(ff))
		}
		okS, okL, okR := sf.valid()
		a := pick([numActs]int32{}, okS, okL, okR)
		if a != actShift {
			h, d := sf.arc(a)
			lf := append([]uint64(nil), sf.labelFeatures(h, d)...)
			lc := sc.labelFeatures(h, d)
			if len(lc) != len(lf)+5 || fmt.Sprint(lc[:len(lf)]) != fmt.Sprint(lf) {
				t.Fatalf("label features: clusters set (%d) does not extend the full set (%d) by 5", len(lc), len(lf))
			}
		}
		sf.apply(a, 1)
		sc.apply(a, 1)
		checked++
	}
	if checked != 2*len(w) {
		t.Errorf("checked %d configurations, want %d", checked, 2*len(w))
	}
}
