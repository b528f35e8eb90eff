package pentaclass

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestClassOf(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Class
		ok   bool
	}{
		{"010", Statement, true}, {"0214", Statement, true}, {"036", VerbalCooperation, true}, {"043", VerbalCooperation, true},
		{"057", VerbalCooperation, true}, {"061", MaterialCooperation, true}, {"0874", MaterialCooperation, true},
		{"090", VerbalConflict, true}, {"112", VerbalConflict, true}, {"138", VerbalConflict, true},
		{"145", MaterialConflict, true}, {"190", MaterialConflict, true}, {"20", MaterialConflict, true},
		{"00", 0, false}, {"21", 0, false}, {"", 0, false}, {"1", 0, false}, {"A1", 0, false}, {"1x0", 0, false},
	} {
		got, ok := ClassOf(tc.code)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ClassOf(%q) = %v, %v; want %v, %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
	if s := Class(9).String(); s != "Class(9)" {
		t.Errorf("Class(9) = %q", s)
	}
	if s := MaterialConflict.String(); s != "material-conflict" {
		t.Errorf("MaterialConflict = %q", s)
	}
}

func TestRead(t *testing.T) {
	in := "\xef\xbb\xbfsentence\tlabel\r\n" +
		"Troops shelled the town.\t4\r\n" +
		"\r\n" +
		"He said\tthat it rained.\t0\r\n" +
		"No tab here 3\r\n" +
		"Bad label.\tx\r\n" +
		"Out of range.\t5\r\n" +
		"\t2\r\n" +
		"Leaders met in Geneva.\t 1 \n"
	sents, problems, err := Read(strings.NewReader(in), "gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Line: 2, Text: "Troops shelled the town.", Label: MaterialConflict},
		{Line: 4, Text: "He said\tthat it rained.", Label: Statement},
		{Line: 9, Text: "Leaders met in Geneva.", Label: VerbalCooperation},
	}
	if !reflect.DeepEqual(sents, want) {
		t.Errorf("sentences = %+v, want %+v", sents, want)
	}
	wantProblems := []string{
		"pentaclass: parse gold.tsv:5: no tab between sentence and label",
		`pentaclass: parse gold.tsv:6: label "x" is not a number`,
		"pentaclass: parse gold.tsv:7: label 5 is outside 0-4",
		"pentaclass: parse gold.tsv:8: empty sentence",
	}
	if len(problems) != len(wantProblems) {
		t.Fatalf("problems %v, want %d", problems, len(wantProblems))
	}
	for i, p := range problems {
		if p.Error() != wantProblems[i] {
			t.Errorf("problem %d = %q, want %q", i, p, wantProblems[i])
		}
		var pe *Error
		if !errors.As(p, &pe) || pe.Op != "parse" || pe.File != "gold.tsv" {
			t.Errorf("problem %d is not a parse *Error: %#v", i, p)
		}
	}
	// A non-numeric label after the first data line is a problem, not a
	// header.
	_, problems, _ = Read(strings.NewReader("A.\t1\nsentence\tlabel\n"), "g")
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "g:2:") {
		t.Errorf("late header: problems %v", problems)
	}
	if _, _, err := ReadFile("/nonexistent/gold.tsv"); err == nil || !strings.Contains(err.Error(), "/nonexistent/gold.tsv") {
		t.Errorf("ReadFile of a missing file: %v", err)
	}
	if s, p, err := Read(strings.NewReader(""), "empty"); len(s) != 0 || len(p) != 0 || err != nil {
		t.Errorf("empty input: %v %v %v", s, p, err)
	}
}

func ev(code string, conf float64) doc.Event { return doc.Event{CAMEO: code, Confidence: conf} }

func TestPredict(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events []doc.Event
		want   Class
		conf   float64
		ok     bool
	}{
		{"no event", nil, Statement, 0, false},
		{"highest confidence wins", []doc.Event{ev("112", 0.4), ev("190", 0.6)}, MaterialConflict, 0.6, true},
		{"malformed codes are passed over", []doc.Event{ev("", 0.9), ev("051", 0.2)}, VerbalCooperation, 0.2, true},
		{"only malformed codes", []doc.Event{ev("xx", 0.9)}, Statement, 0, false},
	} {
		c, conf, ok := Predict(tc.events)
		if c != tc.want || conf != tc.conf || ok != tc.ok {
			t.Errorf("%s: Predict = %v, %v, %v; want %v, %v, %v", tc.name, c, conf, ok, tc.want, tc.conf, tc.ok)
		}
	}
}

func TestScore(t *testing.T) {
	sents := []Sentence{
		{Label: 0}, {Label: 1}, {Label: 2}, {Label: 3}, {Label: 4}, {Label: 4}, {Label: 3},
		{Label: 7}, // not a class: ignored
	}
	events := [][]doc.Event{
		nil,                               // → 0, right
		{ev("043", 0.5)},                  // → 1, right
		{ev("073", 0.7)},                  // → 2, right
		{ev("112", 0.4), ev("190", 0.65)}, // → 4, wrong
		{ev("190", 0.85)},                 // → 4, right
		{ev("", 0.9), ev("051", 0.25)},    // → 1, wrong
		{ev("010", 0.35)},                 // → 0, wrong
		{ev("190", 0.99)},
	}
	res := Score(sents, events)
	wantConf := [NumClasses][NumClasses]int{
		{1, 0, 0, 0, 0},
		{0, 1, 0, 0, 0},
		{0, 0, 1, 0, 0},
		{1, 0, 0, 0, 1},
		{0, 1, 0, 0, 1},
	}
	if res.Confusion != wantConf {
		t.Errorf("confusion = %v, want %v", res.Confusion, wantConf)
	}
	if res.Task != "pentaclass" || res.Sentences != 7 || res.Correct != 4 || res.NoEvent != 1 || !near(res.Accuracy, 4.0/7) {
		t.Errorf("sentences %d correct %d noevent %d accuracy %v", res.Sentences, res.Correct, res.NoEvent, res.Accuracy)
	}
	// F1 per class: 0: P 1/2 R 1 → 2/3; 1: 2/3; 2: 1; 3: 0; 4: P 1/2 R 1/2 → 1/2.
	wantF1 := []float64{2.0 / 3, 2.0 / 3, 1, 0, 0.5}
	for c, f := range wantF1 {
		if !near(res.PerClass[c].F1, f) {
			t.Errorf("class %d F1 = %v, want %v (%+v)", c, res.PerClass[c].F1, f, res.PerClass[c])
		}
	}
	if p := res.PerClass[3]; p.Gold != 2 || p.Predicted != 0 || p.Correct != 0 || p.Precision != 0 || p.Recall != 0 {
		t.Errorf("class 3 = %+v", p)
	}
	if want := 17.0 / 30; !near(res.MacroF1, want) {
		t.Errorf("macro-F1 = %v, want %v", res.MacroF1, want)
	}
	// Reliability over the 6 sentences with an event: [0.2,0.4): 0.25
	// and 0.35, both wrong; [0.4,0.6): 0.5 right; [0.6,0.8): 0.65 wrong,
	// 0.7 right; [0.8,1]: 0.85 right.
	var got []int
	for _, b := range res.Reliability {
		got = append(got, b.Events, b.Right)
	}
	if want := []int{0, 0, 2, 0, 1, 1, 2, 1, 1, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("reliability events/right = %v, want %v", got, want)
	}
}

func TestScoreMacroF1SkipsAbsentClasses(t *testing.T) {
	// Only classes 0 and 4 occur: macro-F1 averages over those two.
	sents := []Sentence{{Label: 4}, {Label: 4}, {Label: 0}}
	events := [][]doc.Event{{ev("190", 0.9)}, nil} // the third has no entry
	res := Score(sents, events)
	// class 0: gold 1, predicted 2, correct 1 → P 1/2 R 1 F1 2/3; class 4:
	// gold 2, predicted 1, correct 1 → P 1 R 1/2 F1 2/3.
	if !near(res.MacroF1, 2.0/3) || !near(res.Accuracy, 2.0/3) {
		t.Errorf("macro-F1 %v accuracy %v, want 2/3 and 2/3", res.MacroF1, res.Accuracy)
	}
	if empty := Score(nil, nil); empty.Sentences != 0 || empty.Accuracy != 0 || empty.MacroF1 != 0 {
		t.Errorf("Score of nothing = %+v", empty)
	}
}

func TestReadSharedTrain(t *testing.T) {
	path := shared.Path(t, "data/conflibert/cameo_class_train.tsv")
	sents, problems, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("problem: %v", p)
	}
	if len(sents) < 1000 {
		t.Fatalf("%d sentences, want the train split's 1,349 or so", len(sents))
	}
	var per [NumClasses]int
	for _, s := range sents {
		per[s.Label]++
		if strings.ContainsAny(s.Text, "\r\n\t") && !strings.Contains(s.Text, "\t") {
			t.Errorf("line %d: line end left in %q", s.Line, s.Text)
		}
	}
	for c, n := range per {
		if n == 0 {
			t.Errorf("class %d has no sentences", c)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
