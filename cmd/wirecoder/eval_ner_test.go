package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalNERJSON(t *testing.T) {
	gold := "# sent_id = a\n" +
		"1\tVladimir\tB-PER\n2\tPutin\tI-PER\n3\tvisited\tO\n4\tMinsk\tB-LOC\n5\t.\tO\n\n" +
		"# sent_id = b\n" +
		"1\tThe\tO\n2\tUnited\tB-ORG\n3\tNations\tI-ORG\n4\tmet\tO\n5\t.\tO\n"
	path := filepath.Join(t.TempDir(), "gold.iob2")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "ner", "--gold", path, "--format", "json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	var res map[string]json.RawMessage
	if err := json.Unmarshal([]byte(last), &res); err != nil {
		t.Fatalf("last line %q is not a JSON object: %v", last, err)
	}
	for _, k := range []string{"task", "precision", "recall", "f1", "per_type"} {
		if _, ok := res[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, last)
		}
	}
	if string(res["task"]) != `"ner"` {
		t.Errorf("task = %s, want \"ner\"", res["task"])
	}
	var per map[string]map[string]float64
	if err := json.Unmarshal(res["per_type"], &per); err != nil {
		t.Fatalf("per_type: %v", err)
	}
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		p, ok := per[typ]
		if !ok {
			t.Errorf("per_type lacks %s", typ)
			continue
		}
		for _, k := range []string{"precision", "recall", "f1"} {
			v, ok := p[k]
			if !ok || v < 0 || v > 1 {
				t.Errorf("per_type.%s.%s = %v (present %v)", typ, k, v, ok)
			}
		}
	}
	var f1 float64
	json.Unmarshal(res["f1"], &f1)
	if f1 < 0.99 {
		t.Errorf("f1 = %v on three plain entities, want 1: %s", f1, last)
	}

	out.Reset()
	if code := run(context.Background(), e, []string{"eval", "ner", "--gold", path}); code != 0 || !strings.Contains(out.String(), "overall") {
		t.Errorf("table format: exit %d, output %q", code, out.String())
	}
}

func TestEvalNERUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "ner"}); code != 2 {
		t.Errorf("eval ner without --gold: exit %d, want 2", code)
	}
	if code := run(context.Background(), e, []string{"eval", "ner", "--gold", "x", "--format", "xml"}); code != 2 {
		t.Errorf("eval ner --format xml: exit %d, want 2", code)
	}
	if code := run(context.Background(), e, []string{"eval", "ner", "--gold", filepath.Join(t.TempDir(), "missing.iob2")}); code != 1 {
		t.Errorf("eval ner on a missing file: exit %d, want 1", code)
	}
}
