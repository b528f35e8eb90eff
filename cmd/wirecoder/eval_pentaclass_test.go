package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const evtPentaGold = "Israel agreed with Syria.\t1\r\n" +
	"Syria attacked Israel.\t4\r\n" +
	"Japan demanded talks.\t3\r\n" +
	"Officials said nothing new.\t0\r\n" +
	"Israel criticized Syria.\t3\r\n" +
	"Crowds marched.\t4\r\n" +
	"bad line without a tab\r\n"

func TestEvalPentaclassFakeCoderJSON(t *testing.T) {
	path := evtWriteGold(t, "gold.tsv", evtPentaGold)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := evalPentaclass(context.Background(), e, []string{"--gold", path, "--format", "json", "--reliability"}, evtFakeCoder); err != nil {
		t.Fatalf("eval pentaclass: %v\n%s", err, errb.String())
	}
	keys, _ := evtLastJSON(t, out.String())
	if want := []string{"task", "sentences", "accuracy", "macro_f1", "confusion"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"task":"pentaclass","reliability":[`) {
		t.Errorf("want a reliability line before the result:\n%s", out.String())
	}
	var res struct {
		Task      string  `json:"task"`
		Sentences int     `json:"sentences"`
		Accuracy  float64 `json:"accuracy"`
		MacroF1   float64 `json:"macro_f1"`
		Confusion [][]int `json:"confusion"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatal(err)
	}
	// Predictions: 030→1 right, 190→4 right, 100→3 right, none→0 right,
	// 111→3 right, none→0 wrong (gold 4).
	wantConf := [][]int{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 2, 0}, {1, 0, 0, 0, 1}}
	if res.Task != "pentaclass" || res.Sentences != 6 || !reflect.DeepEqual(res.Confusion, wantConf) {
		t.Errorf("result %+v", res)
	}
	if d := res.Accuracy - 5.0/6; d > 1e-9 || d < -1e-9 {
		t.Errorf("accuracy %v, want 5/6", res.Accuracy)
	}
	// F1: class 0 P 1/2 R 1 → 2/3; 1: 1; 3: 1; 4: P 1 R 1/2 → 2/3; class 2
	// absent. Macro over 4 classes: (2/3+1+1+2/3)/4 = 5/6.
	if d := res.MacroF1 - 5.0/6; d > 1e-9 || d < -1e-9 {
		t.Errorf("macro-F1 %v, want 5/6", res.MacroF1)
	}
	for _, want := range []string{"gold.tsv:7: no tab", "coded 6 sentences in", "sentences/s"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}

	errb.Reset()
	if err := evalPentaclass(context.Background(), e, []string{"--gold", path, "--format", "json", "-v"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(errb.String(), "wrong: "); got != 1 || !strings.Contains(errb.String(), "wrong: line 6: gold 4, top (no event): Crowds marched.") {
		t.Errorf("-v: %d wrong lines:\n%s", got, errb.String())
	}

	out.Reset()
	if err := evalPentaclass(context.Background(), e, []string{"--gold", path, "--format", "json", "--reliability", "--buckets", "10"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	var rel struct {
		Reliability []struct{ Events, Right int } `json:"reliability"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out.String(), "\n", 2)[0]), &rel); err != nil || len(rel.Reliability) != 10 {
		t.Errorf("--buckets 10: %d buckets (%v):\n%s", len(rel.Reliability), err, out.String())
	} else if r := rel.Reliability; r[3].Events != 1 || r[7].Events != 1 || r[8].Events != 1 || r[9].Events != 1 {
		// 0.3 (111), 0.7 (100), 0.8 (030), 0.9 (190)
		t.Errorf("--buckets 10: %+v", r)
	}
	out.Reset()
	if err := evalPentaclass(context.Background(), e, []string{"--gold", path, "--limit", "3", "--reliability"}, evtFakeCoder); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 sentences, 0 with no event", "accuracy 1.000", "confusion (rows gold, columns predicted)", "4 material-conflict", "ECE"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalPentaclassPipelineShape(t *testing.T) {
	path := evtWriteGold(t, "gold.tsv", evtPentaGold)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "pentaclass", "--gold", path, "--format", "json", "--limit", "4"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	keys, obj := evtLastJSON(t, out.String())
	if want := []string{"task", "sentences", "accuracy", "macro_f1", "confusion"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	var conf [][]int
	if err := json.Unmarshal(obj["confusion"], &conf); err != nil || len(conf) != 5 {
		t.Fatalf("confusion %s is not 5x5: %v", obj["confusion"], err)
	}
	total := 0
	for _, row := range conf {
		if len(row) != 5 {
			t.Fatalf("confusion row %v is not 5 wide", row)
		}
		for _, n := range row {
			total += n
		}
	}
	if total != 4 || string(obj["sentences"]) != "4" {
		t.Errorf("confusion holds %d sentences, sentences %s; want 4", total, obj["sentences"])
	}
}

func TestEvalPentaclassUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"eval", "pentaclass"}, 2},
		{[]string{"eval", "pentaclass", "--gold", "x", "--format", "csv"}, 2},
		{[]string{"eval", "pentaclass", "--gold", "x", "--workers", "-2"}, 2},
		{[]string{"eval", "pentaclass", "--gold", "x", "--buckets", "0"}, 2},
		{[]string{"eval", "pentaclass", "--gold", filepath.Join(t.TempDir(), "missing.tsv")}, 1},
		{[]string{"eval", "pentaclass", "--gold", evtWriteGold(t, "empty.tsv", "no tab\n")}, 1},
	} {
		if code := run(context.Background(), e, tc.args); code != tc.code {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.code, errb.String())
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"abcdef", 3, "abc…"},
		{"naïve", 3, "na…"}, // ï is two bytes: cut before it
	} {
		if got := clip(tc.s, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
