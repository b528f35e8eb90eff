package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
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

// TestEvalTabari runs the command with a stand-in pipeline that only
// tokenizes: it checks the wiring, not the coder.
func TestEvalTabari(t *testing.T) {
	project := shared.Path(t, "data/tabari/Validate.project")
	old := petrarchAnnotate
	defer func() { petrarchAnnotate = old }()
	petrarchAnnotate = func(ctx context.Context, d *doc.Doc) error {
		start := -1
		for i := 0; i <= len(d.Text); i++ {
			if i == len(d.Text) || d.Text[i] == ' ' {
				if start >= 0 {
					d.Tokens = append(d.Tokens, doc.Token{Start: start, End: i, Head: -1, Dep: "root", XPOS: "NN"})
					start = -1
				}
			} else if start < 0 {
				start = i
			}
		}
		d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, First: 0, Last: len(d.Tokens)}}
		d.Layers = doc.LayerTokens | doc.LayerSentences | doc.LayerPOS | doc.LayerLemma | doc.LayerDeps
		return nil
	}
	out, errs, code := runCmd(t, "", "eval", "tabari", "--project", project, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m := lastJSON(t, out)
	if m["task"] != "tabari" || m["records"].(float64) < 460 {
		t.Errorf("result %v", m)
	}
}
