package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const parserTestGold = "# sent_id = s1\n# text = The soldiers returned to their base .\n1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\treturned\treturn\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n5\ttheir\tthey\tPRON\tPRP$\t_\t6\tnmod:poss\t_\t_\n6\tbase\tbase\tNOUN\tNN\t_\t3\tobl\t_\t_\n7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"

func TestTrainParserPredictedTags(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.conllu")
	if err := os.WriteFile(gold, []byte(parserTestGold), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "p.gz")
	code, stdout, errs := runArgs(t, "train", "parser", "--train", gold, "--dev", gold, "--out", out,
		"--features", "clusters", "--train-tags", "predicted", "--dev-tags", "predicted",
		"--epochs", "3", "--bits", "12", "--label-bits", "10", "--noise", "0")
	if code != 0 {
		t.Fatalf("train parser: exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "wrote "+out) || !strings.Contains(errs, "epoch  3") {
		t.Errorf("train parser output %q, log %q", stdout, errs)
	}
	code, stdout, errs = runArgs(t, "eval", "parser", "--model", out, "--gold", gold, "--noise", "0", "--predicted")
	if code != 0 {
		t.Fatalf("eval parser: exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "predicted tags and lemmas: UAS") || !strings.Contains(stdout, "(1 sentences, 7 tokens") {
		t.Errorf("eval parser --predicted output %q", stdout)
	}
	for _, args := range [][]string{
		{"train", "parser", "--out", out, "--train-tags", "bogus"},
		{"train", "parser", "--out", out, "--dev-tags", "silver"},
		{"train", "parser", "--out", out, "--features", "slow"},
	} {
		if code, _, _ := runArgs(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
