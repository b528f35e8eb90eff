package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

// evtFakeCoder is a test double for the event coder: one event per rule
// whose keyword occurs in the text, with the first two country names in
// text order as source and target. A text containing "BROKEN" fails.
func evtFakeCoder() (eventEvalCoder, error) {
	rules := []struct {
		word, cameo, typ string
		conf             float64
	}{
		{"agreed", "030", "AGREE", 0.8},
		{"demanded", "100", "REQUEST", 0.7},
		{"attacked", "190", "ASSAULT", 0.9},
		{"criticized", "111", "ACCUSE", 0.3},
	}
	countries := []struct{ name, code string }{{"Israel", "ISRGOV"}, {"Syria", "SYR"}, {"Japan", "JPN"}}
	return func(ctx context.Context, d *doc.Doc) error {
		if strings.Contains(d.Text, "BROKEN") {
			return errors.New("fake coder failed")
		}
		var actors []doc.Ref
		for _, c := range countries {
			if i := strings.Index(d.Text, c.name); i >= 0 {
				actors = append(actors, doc.Ref{Text: c.name, Code: c.code, Span: doc.Span{Start: i, End: i + len(c.name)}})
			}
		}
		sort.Slice(actors, func(i, j int) bool { return actors[i].Span.Start < actors[j].Span.Start })
		for _, r := range rules {
			if !strings.Contains(d.Text, r.word) {
				continue
			}
			e := doc.Event{CAMEO: r.cameo, Plover: doc.Plover{Type: r.typ}, Confidence: r.conf, Date: d.Date}
			if len(actors) > 0 {
				e.Source = actors[0]
			}
			if len(actors) > 1 {
				e.Target = actors[1]
			}
			d.Events = append(d.Events, e)
		}
		return nil
	}, nil
}

const evtPloverGold = `[
 {"id": "DOC", "event": "DOCUMENT"},
 {"id": "A", "date": "2000-01-01", "event": "AGREE", "text": "Israel agreed with Syria.",
  "source": [{"actorText": "Israel", "code": "ISR", "sector": "GOV"}], "target": [{"actorText": "Syria", "code": "SYR"}]},
 {"id": "F", "event": "FIGHT", "text": "Syria attacked Israel.", "source": [{"actorText": "Syria", "code": "SYR"}], "target": [{"actorText": "Israel", "code": "ISR"}]},
 {"id": "D", "event": "DEMAND", "text": "Japan demanded talks.", "source": [{"actorText": "Japan", "code": "JAP"}]},
 {"id": "P", "event": "PROTEST", "text": "Crowds marched. BROKEN", "source": [{"actorText": "crowds", "code": "SYR"}]},
 {"id": "X", "text": "no event type"}
]`

func evtWriteGold(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// evtLastJSON returns the keys of the JSON object on out's last line, in
// order, and the object.
func evtLastJSON(t *testing.T, out string) ([]string, map[string]json.RawMessage) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(last), &obj); err != nil {
		t.Fatalf("last line %q is not a JSON object: %v", last, err)
	}
	dec := json.NewDecoder(strings.NewReader(last))
	dec.Token() // {
	var keys []string
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	return keys, obj
}

func TestEvalPloverFakeCoderJSON(t *testing.T) {
	path := evtWriteGold(t, "gold.json", evtPloverGold)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := evalPlover(context.Background(), e, []string{"--gold", path, "--format", "json", "--workers", "2"}, evtFakeCoder); err != nil {
		t.Fatalf("eval plover: %v\n%s", err, errb.String())
	}
	keys, obj := evtLastJSON(t, out.String())
	if want := []string{"task", "records", "type_accuracy", "per_type", "source_accuracy", "target_accuracy"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	// A, F, D right; P failed to code (no event): 3/4. Sources: A ISR,
	// F SYR, D JPN=JAP right, P none: 3/4. Targets: A SYR, F ISR: 2/2.
	var res struct {
		Task           string  `json:"task"`
		Records        int     `json:"records"`
		TypeAccuracy   float64 `json:"type_accuracy"`
		SourceAccuracy float64 `json:"source_accuracy"`
		TargetAccuracy float64 `json:"target_accuracy"`
		PerType        map[string]struct {
			Records   int     `json:"records"`
			Correct   int     `json:"correct"`
			Accuracy  float64 `json:"accuracy"`
			Predicted int     `json:"predicted"`
		} `json:"per_type"`
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatal(err)
	}
	if res.Task != "plover" || res.Records != 4 || res.TypeAccuracy != 0.75 || res.SourceAccuracy != 0.75 || res.TargetAccuracy != 1 {
		t.Errorf("result %+v from %s", res, lines[len(lines)-1])
	}
	if len(res.PerType) != 4 || res.PerType["ASSAULT"].Records != 1 || res.PerType["ASSAULT"].Accuracy != 1 ||
		res.PerType["PROTEST"].Records != 1 || res.PerType["PROTEST"].Correct != 0 || res.PerType["REQUEST"].Predicted != 1 {
		t.Errorf("per_type %+v", res.PerType)
	}
	if _, ok := obj["per_type"]; !ok {
		t.Error("no per_type")
	}
	stderr := errb.String()
	errb.Reset()
	if err := evalPlover(context.Background(), e, []string{"--gold", path, "--format", "json", "-v"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(errb.String(), "wrong: "); got != 1 || !strings.Contains(errb.String(), "wrong: P: gold PROTEST, top (no event) (0.00): Crowds marched. BROKEN") {
		t.Errorf("-v: %d wrong lines:\n%s", got, errb.String())
	}
	for _, want := range []string{`record 5 (X): no "event" type`, "warning: records P: fake coder failed", "coded 4 records in", "records/s"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestEvalPloverReliabilityAndTable(t *testing.T) {
	path := evtWriteGold(t, "gold.json", evtPloverGold)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := evalPlover(context.Background(), e, []string{"--gold", path, "--format", "json", "--reliability"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want the reliability line and the result:\n%s", len(lines), out.String())
	}
	var rel struct {
		Reliability []struct{ Events, Right int } `json:"reliability"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &rel); err != nil {
		t.Fatal(err)
	}
	// Top events: A 0.8 right, F 0.9 right, D 0.7 right.
	var got []int
	for _, b := range rel.Reliability {
		got = append(got, b.Events, b.Right)
	}
	if want := []int{0, 0, 0, 0, 0, 0, 1, 1, 2, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("reliability %v, want %v", got, want)
	}
	if keys, _ := evtLastJSON(t, out.String()); keys[0] != "task" || len(keys) != 6 {
		t.Errorf("last line keys %v", keys)
	}

	out.Reset()
	if err := evalPlover(context.Background(), e, []string{"--gold", path, "--reliability", "--limit", "2"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	table := out.String()
	out.Reset()
	if err := evalPlover(context.Background(), e, []string{"--gold", path, "--reliability", "--markdown"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	if md := out.String(); !strings.Contains(md, "| 0.80-1.00 | 2 | 2 | 1.000 | 0.850 |") || !strings.Contains(md, "Expected calibration error: 0.200") {
		t.Errorf("markdown reliability table missing:\n%s", md)
	}
	for _, want := range []string{"2 records", "AGREE", "ASSAULT", "all                2       2     1.000", "source", "0.80-1.00        2       2", "ECE"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}

func TestEvalPloverPipelineShape(t *testing.T) {
	path := evtWriteGold(t, "gold.json", evtPloverGold)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "plover", "--gold", path, "--format", "json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	keys, obj := evtLastJSON(t, out.String())
	if want := []string{"task", "records", "type_accuracy", "per_type", "source_accuracy", "target_accuracy"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	if string(obj["task"]) != `"plover"` || string(obj["records"]) != "4" {
		t.Errorf("task %s records %s", obj["task"], obj["records"])
	}
}

func TestEvalPloverUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"eval", "plover"}, 2},
		{[]string{"eval", "plover", "--gold", "x", "--format", "xml"}, 2},
		{[]string{"eval", "plover", "--gold", "x", "--limit", "-1"}, 2},
		{[]string{"eval", "plover", "--gold", "x", "extra"}, 2},
		{[]string{"eval", "plover", "--gold", filepath.Join(t.TempDir(), "missing.json")}, 1},
		{[]string{"eval", "plover", "--gold", evtWriteGold(t, "bad.json", "[{")}, 1},
		{[]string{"eval", "plover", "--gold", evtWriteGold(t, "none.json", `[{"event":"DOCUMENT"}]`)}, 1},
	} {
		if code := run(context.Background(), e, tc.args); code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.code, errb.String())
		}
	}
}
