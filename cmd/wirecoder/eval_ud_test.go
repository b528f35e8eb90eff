package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalUD(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gold.conllu")
	gold := "# text = The soldiers returned to their base .\n1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\treturned\treturn\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n5\ttheir\tthey\tPRON\tPRP$\t_\t6\tnmod:poss\t_\t_\n6\tbase\tbase\tNOUN\tNN\t_\t3\tobl\t_\t_\n7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	if err := os.WriteFile(p, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runArgs(t, "eval", "ud", "--gold", p, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var r map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"task", "sentences", "tokens", "upos", "xpos", "lemma", "uas", "las", "tokens_per_second"} {
		if _, ok := r[k]; !ok {
			t.Errorf("result lacks %q: %v", k, r)
		}
	}
	if r["sentences"].(float64) != 1 || r["tokens"].(float64) != 7 || r["upos"].(float64) < 0.8 || r["uas"].(float64) < 0.6 {
		t.Errorf("result = %v", r)
	}
	if code, _, _ := runArgs(t, "eval", "ud"); code != 2 {
		t.Errorf("missing --gold: exit %d, want 2", code)
	}
}
