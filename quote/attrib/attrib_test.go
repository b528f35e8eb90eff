package attrib

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

// synth builds a parsed story by hand: words with UPOS, head (1-based
// within the sentence, 0 for root) and relation, one sentence per slice.
func synth(sents ...[]string) *doc.Doc {
	var b strings.Builder
	d := &doc.Doc{ID: "synth"}
	for si, s := range sents {
		first := len(d.Tokens)
		for _, tok := range s {
			f := strings.Split(tok, "/")
			word, upos, rel := f[0], f[1], f[3]
			head := 0
			for _, c := range f[2] {
				head = head*10 + int(c-'0')
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(word)
			h := -1
			if head > 0 {
				h = first + head - 1
			}
			d.Tokens = append(d.Tokens, doc.Token{Start: start, End: b.Len(), Norm: word, Sent: si, UPOS: upos, Lemma: strings.ToLower(word), Head: h, Dep: rel, NER: "O"})
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End}, First: first, Last: len(d.Tokens)})
	}
	d.Text = b.String()
	d.Layers = doc.LayerTokens | doc.LayerSentences | doc.LayerPOS | doc.LayerDeps
	return d
}

func testLex(norm, lemma string) int {
	switch strings.ToLower(norm) {
	case "said", "says", "told":
		return 1
	}
	return 0
}

var trainStory = synth(
	[]string{"Smith/PROPN/2/nsubj", "said/VERB/0/root", "taxes/NOUN/4/nsubj", "rose/VERB/2/ccomp", "./PUNCT/2/punct"},
	[]string{"Jones/PROPN/2/nsubj", "told/VERB/0/root", "reporters/NOUN/2/obj", "prices/NOUN/5/nsubj", "fell/VERB/2/ccomp", "./PUNCT/2/punct"},
	[]string{"Rain/NOUN/2/nsubj", "fell/VERB/0/root", "today/NOUN/2/obl", "./PUNCT/2/punct"},
)

// spansOf gives gold spans over trainStory by token ranges.
func spansOf(d *doc.Doc, rs ...[3]int) []GoldSpan {
	var out []GoldSpan
	for _, r := range rs {
		out = append(out, GoldSpan{Role: Role(r[0]), Start: d.Tokens[r[1]].Start, End: d.Tokens[r[2]-1].End})
	}
	return out
}

var trainGold = spansOf(trainStory,
	[3]int{int(Source), 0, 1}, [3]int{int(Cue), 1, 2}, [3]int{int(Content), 2, 4},
	[3]int{int(Source), 5, 6}, [3]int{int(Cue), 6, 7}, [3]int{int(Content), 8, 10})

func TestLabels(t *testing.T) {
	// "Smith said taxes rose ." : Smith 0-5, said 6-10, taxes 11-16, rose 17-21.
	d := trainStory
	tests := []struct {
		name  string
		spans []GoldSpan
		want  []Label
	}{
		{"source cue content", []GoldSpan{{Source, 0, 5}, {Cue, 6, 10}, {Content, 11, 21}},
			[]Label{BSource, BCue, BContent, IContent, O}},
		{"partial token is outside", []GoldSpan{{Content, 12, 21}}, []Label{O, O, O, BContent, O}},
		{"cue wins a collision", []GoldSpan{{Content, 0, 21}, {Cue, 6, 10}}, []Label{BContent, BCue, BContent, IContent, O}},
		{"adjacent spans of one role", []GoldSpan{{Content, 11, 16}, {Content, 17, 21}}, []Label{O, O, BContent, BContent, O}},
		{"bad role ignored", []GoldSpan{{Role(9), 0, 5}}, []Label{O, O, O, O, O}},
	}
	for _, tc := range tests {
		got := Labels(d, tc.spans)[:5]
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSpans(t *testing.T) {
	got := Spans([]Label{BSource, ISource, BCue, ICue, O, IContent, IContent, BContent, ISource})
	want := []Span{{Source, 0, 2}, {Cue, 2, 4}, {Content, 5, 7}, {Content, 7, 8}, {Source, 8, 9}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestViterbiRespectsBIO(t *testing.T) {
	// Emissions favour I-CUE at token 0 and I-SOURCE after it; the
	// constraints forbid both, so the best valid path is B-CUE I-CUE.
	const L = int(numLabels)
	emit := make([]float32, 2*L)
	emit[int(ICue)] = 5
	emit[int(BCue)] = 1
	emit[L+int(ISource)] = 5
	emit[int(BSource)] = -10
	emit[L+int(ICue)] = 1
	var trans [numLabels + 1][numLabels]float32
	got := viterbi(emit, &trans, 2)
	if want := []Label{BCue, ICue}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTrainTagSaveLoad(t *testing.T) {
	ex := []Example{{Doc: trainStory, Spans: trainGold}}
	m, s, err := Train(ex, ex, testLex, TrainOptions{Bits: 12, Epochs: 8, Seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Mean() < 0.99 {
		t.Errorf("training-set score %v, want perfect on a tiny set", s)
	}
	got := m.Tag(trainStory, testLex)
	want := Labels(trainStory, trainGold)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m2.Tag(trainStory, testLex), got) {
		t.Error("reloaded model tags differently")
	}
	// Same seed, same model.
	m3, _, _ := Train(ex, ex, testLex, TrainOptions{Bits: 12, Epochs: 8, Seed: 1}, nil)
	if !reflect.DeepEqual(m3.w, m.w) || m3.trans != m.trans {
		t.Error("training is not reproducible")
	}
	as := m.Attributions(trainStory, testLex)
	wantA := []Attribution{
		{Cue: Range{1, 2}, Source: Range{0, 1}, Content: Range{2, 4}, CueClass: 1},
		{Cue: Range{6, 7}, Source: Range{5, 6}, Content: Range{8, 10}, CueClass: 1},
	}
	if !reflect.DeepEqual(as, wantA) {
		t.Errorf("attributions %+v, want %+v", as, wantA)
	}
}

func TestTrainErrors(t *testing.T) {
	var e *Error
	if _, _, err := Train(nil, nil, testLex, TrainOptions{}, nil); !errors.As(err, &e) || e.Op != "train" {
		t.Errorf("empty training set: got %v", err)
	}
	ex := []Example{{Doc: trainStory, Spans: trainGold}}
	if _, _, err := Train(ex, nil, testLex, TrainOptions{Bits: 30}, nil); !errors.As(err, &e) {
		t.Errorf("bad bits: got %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	var e *Error
	if _, err := Load(strings.NewReader("not gzip")); !errors.As(err, &e) || e.Op != "load" {
		t.Errorf("not gzip: got %v", err)
	}
	var buf bytes.Buffer
	m := &Model{bits: 4, w: make([]float32, 16*int(numLabels))}
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if _, err := Load(bytes.NewReader(b[:len(b)/2])); err == nil {
		t.Error("truncated model loaded without error")
	}
}

func TestAssembleSplitQuote(t *testing.T) {
	// "X , he said , Y ." with two content parts around one cue.
	d := synth([]string{"Taxes/NOUN/2/nsubj", "rose/VERB/5/ccomp", ",/PUNCT/5/punct", "he/PRON/5/nsubj", "said/VERB/0/root", ",/PUNCT/5/punct", "prices/NOUN/8/nsubj", "fell/VERB/5/parataxis"})
	spans := []Span{{Content, 0, 2}, {Source, 3, 4}, {Cue, 4, 5}, {Content, 6, 8}}
	got := Assemble(d, spans, testLex)
	want := []Attribution{
		{Cue: Range{4, 5}, Source: Range{3, 4}, Content: Range{0, 2}, CueClass: 1},
		{Cue: Range{4, 5}, Source: Range{3, 4}, Content: Range{6, 8}, CueClass: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if Assemble(d, []Span{{Content, 0, 2}}, testLex) != nil {
		t.Error("content without a cue made an attribution")
	}
}

func TestNames(t *testing.T) {
	if Cue.String() != "cue" || Role(7).String() != "Role(7)" || BContent.String() != "B-CONTENT" || Label(20).String() != "Label(20)" {
		t.Error("bad names")
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m2, _ := Default(); m2 != m {
		t.Error("Default loaded twice")
	}
	if got := m.Tag(&doc.Doc{}, testLex); got != nil {
		t.Errorf("empty story tagged %v", got)
	}
}

func TestConcurrentTag(t *testing.T) {
	ex := []Example{{Doc: trainStory, Spans: trainGold}}
	m, _, err := Train(ex, nil, testLex, TrainOptions{Bits: 12, Epochs: 8, Seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := m.Tag(trainStory, testLex)
	done := make(chan []Label)
	for range 4 {
		go func() { done <- m.Tag(trainStory, testLex) }()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent tags %v, want %v", got, want)
		}
	}
}
