package tagger

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/syntax/lemma"
)

func mustDefault(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return m
}

// TestDefaultDevAccuracy scores the embedded model on the first 600
// sentences of EWT dev against floors that it meets.
func TestDefaultDevAccuracy(t *testing.T) {
	sents, _ := ewt(t, "en_ewt-ud-dev.conllu")
	sents = sents[:600]
	m := mustDefault(t)
	lem := m.lemmatizer(t)
	sc := Evaluate(m, lem, sents)
	t.Logf("EWT dev[:600]: %s", sc)
	if sc.Tokens < 8000 {
		t.Fatalf("scored %d tokens, want at least 8000", sc.Tokens)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"UPOS", sc.UPOS, 0.945}, {"XPOS", sc.XPOS, 0.94}, {"lemma", sc.Lemma, 0.96}} {
		if c.got < c.floor {
			t.Errorf("%s accuracy %.4f, want at least %.3f", c.name, c.got, c.floor)
		}
	}
}

// sentence is a hand-written sentence with the tags of some of its words.
type sentence struct {
	words string
	check map[int][3]string // word index -> UPOS, XPOS, lemma
}

var handWritten = []sentence{
	{"Belarus pulls back troops from the border .", map[int][3]string{
		0: {"PROPN", "NNP", "Belarus"},
		1: {"VERB", "VBZ", "pull"},
		3: {"NOUN", "NNS", "troops"}, // EWT keeps this plural
		4: {"ADP", "IN", "from"},
		5: {"DET", "DT", "the"},
		6: {"NOUN", "NN", "border"},
		7: {"PUNCT", ".", "."},
	}},
	{"The president said he would meet the ministers on Tuesday .", map[int][3]string{
		0: {"DET", "DT", "the"},
		1: {"NOUN", "NN", "president"},
		2: {"VERB", "VBD", "say"},
		3: {"PRON", "PRP", "he"},
		4: {"AUX", "MD", "would"},
		5: {"VERB", "VB", "meet"},
		7: {"NOUN", "NNS", "minister"},
		9: {"PROPN", "NNP", "Tuesday"},
	}},
	{"Protesters were arrested after they had burned cars in Minsk .", map[int][3]string{
		0: {"NOUN", "NNS", "protester"},
		1: {"AUX", "VBD", "be"},
		2: {"VERB", "VBN", "arrest"},
		5: {"AUX", "VBD", "have"},
		6: {"VERB", "VBN", "burn"},
		7: {"NOUN", "NNS", "car"},
		9: {"PROPN", "NNP", "Minsk"},
	}},
}

func (m *Model) lemmatizer(t testing.TB) *lemma.Lemmatizer {
	t.Helper()
	if m.lem != nil {
		return m.lem
	}
	l, err := lemma.Default()
	if err != nil {
		t.Fatalf("lemma.Default: %v", err)
	}
	return l
}

// TestHandWritten checks key words of sentences written for this test,
// independent of the shared data.
func TestHandWritten(t *testing.T) {
	m := mustDefault(t)
	lem := m.lemmatizer(t)
	for _, s := range handWritten {
		words := strings.Fields(s.words)
		upos, xpos := m.Tag(words)
		for i, want := range s.check {
			got := [3]string{upos[i], xpos[i], lem.Lemma(words[i], upos[i], xpos[i])}
			if got != want {
				t.Errorf("%q: word %d %q = %v, want %v", s.words, i, words[i], got, want)
			}
		}
	}
}

// docOf builds a Doc from space-separated sentences, one sentence per
// element, with byte offsets into the joined text.
func docOf(sents ...string) *doc.Doc {
	d := doc.New("test", strings.Join(sents, " "))
	off := 0
	for si, s := range sents {
		first := len(d.Tokens)
		for _, w := range strings.Split(s, " ") {
			d.Tokens = append(d.Tokens, doc.Token{Start: off, End: off + len(w), Norm: w, SpaceAfter: true, Sent: si})
			off += len(w) + 1
		}
		last := len(d.Tokens)
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[last-1].End}, First: first, Last: last})
	}
	d.Layers = doc.LayerTokens | doc.LayerSentences
	return d
}

func TestProcess(t *testing.T) {
	m := mustDefault(t)
	d := docOf("Belarus pulls back troops .", "Russia said nothing .")
	// Offsets are part of the contract: the tagger never changes them.
	wantSpans := [][2]int{{0, 7}, {8, 13}, {14, 18}, {19, 25}, {26, 27}, {28, 34}, {35, 39}, {40, 47}, {48, 49}}
	if err := m.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []struct{ upos, xpos, lemma string }{
		{"PROPN", "NNP", "Belarus"}, {"VERB", "VBZ", "pull"}, {"ADV", "RB", "back"}, {"NOUN", "NNS", "troops"}, {"PUNCT", ".", "."},
		{"PROPN", "NNP", "Russia"}, {"VERB", "VBD", "say"}, {"PRON", "NN", "nothing"}, {"PUNCT", ".", "."},
	}
	for i, tok := range d.Tokens {
		if (tok.Span() != doc.Span{Start: wantSpans[i][0], End: wantSpans[i][1]}) {
			t.Errorf("token %d span %v, want %v", i, tok.Span(), wantSpans[i])
		}
		if got := (struct{ upos, xpos, lemma string }{tok.UPOS, tok.XPOS, tok.Lemma}); got != want[i] {
			t.Errorf("token %d %q: %v, want %v", i, tok.Norm, got, want[i])
		}
	}
}

func TestProcessEdgeCases(t *testing.T) {
	m := mustDefault(t)
	// A token outside every sentence (a credit line) is left alone, and a
	// token with an empty Norm is read from the text.
	d := docOf("By Jane Doe", "Troops left .")
	d.Sentences = d.Sentences[1:]
	d.Tokens[3].Norm = ""
	if err := m.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Tokens[0].UPOS != "" {
		t.Errorf("token outside sentences tagged %q", d.Tokens[0].UPOS)
	}
	if d.Tokens[3].XPOS != "NNS" || d.Tokens[3].Lemma != "troops" {
		t.Errorf("token with empty Norm: %q %q, want NNS troops", d.Tokens[3].XPOS, d.Tokens[3].Lemma)
	}
	// An empty document and an empty sentence are fine.
	if err := m.Process(context.Background(), doc.New("empty", "")); err != nil {
		t.Errorf("empty doc: %v", err)
	}
	d = docOf("Troops left .")
	d.Sentences = append(d.Sentences, doc.Sentence{First: 3, Last: 3})
	if err := m.Process(context.Background(), d); err != nil {
		t.Errorf("empty sentence: %v", err)
	}
	// A sentence beyond the tokens is an error, not a panic.
	d = docOf("Troops left .")
	d.Sentences[0].Last = 9
	if err := m.Process(context.Background(), d); err == nil || !strings.Contains(err.Error(), "sentence 0") {
		t.Errorf("bad sentence range: err = %v, want one naming sentence 0", err)
	}
	// A cancelled context stops the stage.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Process(ctx, docOf("Troops left .")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
	// Tag of no words returns empty slices.
	if u, x := m.Tag(nil); len(u) != 0 || len(x) != 0 {
		t.Errorf("Tag(nil) = %v %v", u, x)
	}
}

// TestConcurrent tags the same sentences from several goroutines and
// compares with sequential results (run with -race).
func TestConcurrent(t *testing.T) {
	m := mustDefault(t)
	var sents [][]string
	for _, s := range handWritten {
		sents = append(sents, strings.Fields(s.words))
	}
	sents = append(sents, strings.Fields("A much longer sentence , with commas , numbers like 1,200 and 2024 , and e-mail addresses such as jane@example.com , tests the scratch buffers ."))
	want := make([][]string, len(sents))
	for i, s := range sents {
		_, want[i] = m.Tag(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 50 {
				i := (g + r) % len(sents)
				_, got := m.Tag(sents[i])
				if strings.Join(got, " ") != strings.Join(want[i], " ") {
					errs <- strings.Join(got, " ")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent tagging differs: %s", e)
	}
}

// tiny is a small hand-written treebank for training tests.
const tiny = `# sent_id = t1
1	The	the	DET	DT	_	2	det	_	_
2	dog	dog	NOUN	NN	_	3	nsubj	_	_
3	barks	bark	VERB	VBZ	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
1	A	a	DET	DT	_	2	det	_	_
2	cat	cat	NOUN	NN	_	3	nsubj	_	_
3	sleeps	sleep	VERB	VBZ	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t3
1	Dogs	dog	NOUN	NNS	_	2	nsubj	_	_
2	bark	bark	VERB	VBP	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_
`

func trainTiny(t *testing.T) []byte {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, sents, TrainOptions{Epochs: 3, Folds: 3, Prune: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTrainSaveLoad trains on a tiny treebank, twice (training is
// deterministic), and round-trips the model through Save and Load.
func TestTrainSaveLoad(t *testing.T) {
	a, b := trainTiny(t), trainTiny(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data differ")
	}
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.passes) != 2 {
		t.Errorf("%d passes, want 2", len(m.passes))
	}
	upos, xpos := m.Tag([]string{"The", "dog", "barks", "."})
	if got := strings.Join(upos, " ") + "|" + strings.Join(xpos, " "); got != "DET NOUN VERB PUNCT|DT NN VBZ ." {
		t.Errorf("tiny model tags %q", got)
	}
	var again bytes.Buffer
	if err := m.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again.Bytes()) {
		t.Error("Save(Load(x)) != x")
	}
}

func TestLoadErrors(t *testing.T) {
	good := trainTiny(t)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a gzip stream"},
		{"not gzip", []byte("hello"), "not a gzip stream"},
		{"truncated", good[:len(good)/2], "load"},
		{"bad header", gz(t, "wirecoder-tagger-v0\n"), "header"},
		{"no labels", gz(t, magic+"\x00"), "label count"},
	} {
		_, err := Load(bytes.NewReader(c.data))
		var te *Error
		if err == nil || !errors.As(err, &te) || te.Op != "load" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want a load *Error containing %q", c.name, err, c.want)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, nil, TrainOptions{}, nil); err == nil {
		t.Error("training on nothing succeeded")
	}
	bad := []conllu.Sentence{{ID: "b1", Line: 7, Words: []conllu.Word{{ID: 1, Form: "x"}}}}
	_, err := Train(bad, nil, TrainOptions{}, nil)
	if err == nil || !strings.Contains(err.Error(), "line 7") {
		t.Errorf("err = %v, want one naming line 7", err)
	}
}

// TestOddInput tags words that no tokenizer should produce but a buggy one
// might: empty strings, invalid UTF-8, very long words, a long sentence.
func TestOddInput(t *testing.T) {
	m := mustDefault(t)
	lem := m.lemmatizer(t)
	long := strings.Repeat("x", 10000)
	words := []string{"", "\xff\xfe", "É", "ÉCOLE", "a\x00b", long, "--", "https://example.com/a?b=c", "1,000,000", "'s"}
	for range 50 {
		words = append(words, "and", "Belarus", "")
	}
	upos, xpos := m.Tag(words)
	if len(upos) != len(words) || len(xpos) != len(words) {
		t.Fatalf("got %d/%d tags for %d words", len(upos), len(xpos), len(words))
	}
	for i, w := range words {
		if upos[i] == "" || xpos[i] == "" {
			t.Errorf("word %d %q got an empty tag", i, w)
		}
		_ = lem.Lemma(w, upos[i], xpos[i])
	}
	if got := lem.Lemma(long, "NOUN", "NN"); got != long {
		t.Errorf("long word lemma has length %d", len(got))
	}
}
