package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func lastJSON(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &m); err != nil {
		t.Fatalf("last line is not JSON: %q", lines[len(lines)-1])
	}
	for _, k := range []string{"task", "records", "correct", "accuracy", "per_category", "extra", "missed"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	return m
}

func TestEvalPetrarch(t *testing.T) {
	gold := shared.Path(t, "data/petrarch/text/PETR.UnitTest.records.ud.xml")
	out, errs, code := runCmd(t, "", "eval", "petrarch", "--gold", gold, "--use-parse", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m := lastJSON(t, out)
	if m["task"] != "petrarch" || m["records"].(float64) != 284 {
		t.Errorf("result %v", m)
	}
	// raw-text mode: wirecoder's own tokenizer, tagger and parser
	raw := shared.Path(t, "data/petrarch/text/PETR.UnitTest.records.xml")
	out, errs, code = runCmd(t, "", "eval", "petrarch", "--gold", raw, "--format", "json")
	if code != 0 {
		t.Fatalf("raw text: exit %d: %s", code, errs)
	}
	if m := lastJSON(t, out); m["records"].(float64) != 284 || m["accuracy"].(float64) < 0.5 {
		t.Errorf("raw text: result %v, want 284 records and accuracy >= 0.5 (measured 0.64)", m)
	}
	if _, _, code := runCmd(t, "", "eval", "petrarch"); code != 2 {
		t.Errorf("without --gold: exit %d, want 2", code)
	}
	if _, _, code := runCmd(t, "", "eval", "petrarch", "--gold", gold, "--use-parse", "--format", "xml"); code != 2 {
		t.Errorf("bad --format: exit %d, want 2", code)
	}
}
