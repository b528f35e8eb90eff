package lemma

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestMakeScript(t *testing.T) {
	for _, c := range []struct {
		form, lemma, want string
	}{
		{"running", "run", "L4+"},
		{"went", "go", "L4+go"},
		{"The", "the", "L0+"},
		{"Belarus", "Belarus", "T0+"},
		{"BELARUS", "Belarus", "T0+"},
		{"i", "I", "T0+"},
		{"iPhones", "iPhone", "K1+"},
		{"studies", "study", "L3+y"},
		{"n't", "not", "L2+ot"},
		{"", "", "L0+"},
	} {
		s := makeScript(c.form, c.lemma)
		if s.String() != c.want {
			t.Errorf("makeScript(%q, %q) = %s, want %s", c.form, c.lemma, s, c.want)
		}
		if got, ok := s.apply(c.form); c.form != "" && (!ok || got != c.lemma) {
			t.Errorf("%s.apply(%q) = %q, %v, want %q", s, c.form, got, ok, c.lemma)
		}
		back, err := parseScript(s.String())
		if err != nil || back != s {
			t.Errorf("parseScript(%q) = %v, %v", s, back, err)
		}
	}
	for _, bad := range []string{"", "X1+", "K+", "Kx+a", "K-1+", "K1"} {
		if _, err := parseScript(bad); err == nil {
			t.Errorf("parseScript(%q) succeeded", bad)
		}
	}
	// A script that would cut more than the form has does not apply.
	if _, ok := (script{cut: 5}).apply("abc"); ok {
		t.Error("cut 5 applied to a 3-byte form")
	}
}

func TestCaseClass(t *testing.T) {
	for form, want := range map[string]string{"dog": "l", "Dog": "t", "DOG": "u", "iPhone": "m", "McDonald": "m", "42": "l", "Éclair": "t"} {
		if got := caseClass(form); got != want {
			t.Errorf("caseClass(%q) = %q, want %q", form, got, want)
		}
	}
}

// TestDefault checks the embedded lemmatizer on seen words, irregular
// forms and made-up words that only the suffix rules can handle.
func TestDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ form, upos, xpos, want string }{
		{"pulls", "VERB", "VBZ", "pull"},
		{"troops", "NOUN", "NNS", "troops"}, // EWT keeps this plural
		{"went", "VERB", "VBD", "go"},
		{"was", "AUX", "VBD", "be"},
		{"n't", "PART", "RB", "not"},
		{"I", "PRON", "PRP", "I"},
		{"i", "PRON", "PRP", "I"},
		{"me", "PRON", "PRP", "I"},
		{"The", "DET", "DT", "the"},
		{"an", "DET", "DT", "a"},
		{"Belarus", "PROPN", "NNP", "Belarus"},
		{"better", "ADJ", "JJR", "good"},
		{"children", "NOUN", "NNS", "child"},
		{"foresaw", "VERB", "VBD", "foresee"},    // irregular list
		{"blorfed", "VERB", "VBD", "blorf"},      // suffix rule
		{"glimmicks", "NOUN", "NNS", "glimmick"}, // suffix rule
		{"Zorbling", "VERB", "VBG", "zorble"},
		{"Zorblovia", "PROPN", "NNP", "Zorblovia"},
		{"2024", "NUM", "CD", "2024"},
		{"", "X", "", ""},
	} {
		if got := l.Lemma(c.form, c.upos, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c.form, c.upos, c.xpos, got, c.want)
		}
	}
}

// TestDevGoldTags scores the embedded lemmatizer on EWT dev with gold tags.
func TestDevGoldTags(t *testing.T) { testGoldTags(t, "en_ewt-ud-dev.conllu", 0.985) }

// TestTestGoldTags logs the accuracy on EWT test with gold tags.
func TestTestGoldTags(t *testing.T) { testGoldTags(t, "en_ewt-ud-test.conllu", 0.98) }

func testGoldTags(t *testing.T, name string, floor float64) {
	dev, err := conllu.ReadFile(shared.Path(t, "data/ud-ewt/"+name))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	for _, s := range dev {
		for _, w := range s.Words {
			n++
			if l.Lemma(w.Form, w.UPOS, w.XPOS) == w.Lemma {
				ok++
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("EWT %s lemma accuracy with gold tags: %.4f (%d/%d)", name, acc, ok, n)
	if acc < floor {
		t.Errorf("accuracy %.4f, want at least %.3f", acc, floor)
	}
}

const tiny = `# sent_id = t1
1	Dogs	dog	NOUN	NNS	_	2	nsubj	_	_
2	were	be	AUX	VBD	_	3	aux	_	_
3	barking	bark	VERB	VBG	_	0	root	_	_

# sent_id = t2
1	Cats	cat	NOUN	NNS	_	2	nsubj	_	_
2	jumped	jump	VERB	VBD	_	0	root	_	_
3	at	at	ADP	IN	_	4	case	_	_
4	Paris	Paris	PROPN	NNP	_	2	obl	_	_
`

func TestTrainSaveLoad(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Train(sents)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := l.Save(&a); err != nil {
		t.Fatal(err)
	}
	l2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := l2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Save(Load(x)) != x")
	}
	for _, c := range [][4]string{
		{"Dogs", "NOUN", "NNS", "dog"},
		{"were", "AUX", "VBD", "be"},
		{"hats", "NOUN", "NNS", "hat"},       // rule from the plural nouns
		{"walked", "VERB", "VBD", "walk"},    // rule "ed"
		{"taught", "VERB", "VBD", "teach"},   // irregular list
		{"London", "PROPN", "NNP", "London"}, // rule from Paris
	} {
		if got := l2.Lemma(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", c[0], c[1], c[2], got, c[3])
		}
	}
	bad := []conllu.Sentence{{ID: "b", Line: 12, Words: []conllu.Word{{ID: 1, Form: "x", XPOS: "NN", UPOS: "NOUN"}}}}
	if _, err := Train(bad); err == nil || !strings.Contains(err.Error(), "line 12") {
		t.Errorf("Train without lemma: err = %v, want one naming line 12", err)
	}
}

func TestLoadErrors(t *testing.T) {
	gz := func(s string) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		return buf.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("plain"), "not a gzip stream"},
		{"empty", gz(""), "empty model"},
		{"bad header", gz("wirecoder-lemma-v0\n"), "line 1: header"},
		{"bad edit", gz(header + "\nX\tdogs\tNNS\tQ1+\n"), "line 2: table entry"},
		{"bad support", gz(header + "\nR\tNNS\ts\tL1+\t0\n"), "line 2: rule support"},
		{"bad case", gz(header + "\nC\tNNP t\tZ\n"), "line 2: case mode"},
		{"short line", gz(header + "\nX\tdogs\n"), "line 2: malformed"},
	} {
		_, err := Load(bytes.NewReader(c.data))
		var le *Error
		if err == nil || !errors.As(err, &le) || le.Op != "load" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want a load *Error containing %q", c.name, err, c.want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := l.Lemma("Studies", "NOUN", "NNS"); got != "study" {
					t.Errorf("Lemma(Studies) = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
