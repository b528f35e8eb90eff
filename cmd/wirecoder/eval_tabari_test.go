package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestEvalTabari(t *testing.T) {
	project := shared.Path(t, "data/tabari/Validate.project")
	out, errs, code := runCmd(t, "", "eval", "tabari", "--project", project, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var res struct {
		Task        string                     `json:"task"`
		Records     int                        `json:"records"`
		Correct     int                        `json:"correct"`
		Accuracy    float64                    `json:"accuracy"`
		PerCategory map[string]json.RawMessage `json:"per_category"`
		Extra       *int                       `json:"extra"`
		Missed      *int                       `json:"missed"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not the result: %v\n%s", err, out)
	}
	if res.Task != "tabari" || res.Records < 400 || res.Accuracy < 0.9 || len(res.PerCategory) < 20 || res.Extra == nil || res.Missed == nil {
		t.Errorf("result %+v", res)
	}
	if _, _, code := runCmd(t, "", "eval", "tabari", "--format", "xml"); code != 2 {
		t.Errorf("bad --format: exit %d, want 2", code)
	}
	if _, errs, code := runCmd(t, "", "eval", "tabari", "--project", "/nonexistent/x.project"); code != 1 || !strings.Contains(errs, "x.project") {
		t.Errorf("missing project: exit %d, %s", code, errs)
	}
}
