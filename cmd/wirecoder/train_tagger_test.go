package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/syntax/lemma"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

const tinyTreebank = `# sent_id = t1
1	The	the	DET	DT	_	2	det	_	_
2	dogs	dog	NOUN	NNS	_	3	nsubj	_	_
3	barked	bark	VERB	VBD	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
1	A	a	DET	DT	_	2	det	_	_
2	cat	cat	NOUN	NN	_	3	nsubj	_	_
3	sleeps	sleep	VERB	VBZ	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_
`

func TestTrainTagger(t *testing.T) {
	dir := t.TempDir()
	train := filepath.Join(dir, "train.conllu")
	if err := os.WriteFile(train, []byte(tinyTreebank), 0o644); err != nil {
		t.Fatal(err)
	}
	tout, lout := filepath.Join(dir, "t.gz"), filepath.Join(dir, "l.gz")
	code, stdout, stderr := runArgs(t, "train", "tagger", "--train", train, "--dev", train, "--test", train,
		"--out", tout, "--lemma-out", lout, "--epochs", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "test: tokens 8") {
		t.Errorf("stdout %q lacks the test scores", stdout)
	}
	f, err := os.Open(tout)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tagger.Load(f)
	if err != nil {
		t.Fatalf("load %s: %v", tout, err)
	}
	lf, err := os.Open(lout)
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	lem, err := lemma.Load(lf)
	if err != nil {
		t.Fatalf("load %s: %v", lout, err)
	}
	upos, xpos := m.Tag([]string{"The", "dogs", "barked", "."})
	if strings.Join(upos, " ") != "DET NOUN VERB PUNCT" || xpos[1] != "NNS" {
		t.Errorf("trained model tags %v %v", upos, xpos)
	}
	if got := lem.Lemma("dogs", "NOUN", "NNS"); got != "dog" {
		t.Errorf("trained lemmatizer: dogs -> %q", got)
	}

	// train lemma alone.
	lout2 := filepath.Join(dir, "l2.gz")
	if code, _, stderr := runArgs(t, "train", "lemma", "--train", train, "--out", lout2); code != 0 {
		t.Fatalf("train lemma: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(lout)
	b, _ := os.ReadFile(lout2)
	if !bytes.Equal(a, b) {
		t.Error("train lemma and train tagger wrote different lemmatizers")
	}
}

func TestTrainTaggerErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("# sent_id = b\n1\tx\tx\tNOUN\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"train", "tagger", "--epochs", "0"}, 2, "--epochs"},
		{[]string{"train", "tagger", "extra"}, 2, "no arguments"},
		{[]string{"train", "tagger", "--train", bad, "--dev", "", "--out", filepath.Join(dir, "t"), "--lemma-out", filepath.Join(dir, "l")}, 1, bad + ":2:"},
		{[]string{"train", "tagger", "--train", filepath.Join(dir, "missing.conllu"), "--dev", ""}, 1, "missing.conllu"},
		{[]string{"train", "lemma", "--train", bad, "--out", filepath.Join(dir, "l")}, 1, bad + ":2:"},
	} {
		code, _, stderr := runArgs(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
