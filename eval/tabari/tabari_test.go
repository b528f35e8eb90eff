package tabari

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

const recordsText = `
######################
#  header comment
######################

330101  FREE-01
Freedonia accused Sylvania
of spying./*
\n{ FRE / SYL / 112 } */

330102  FREE-02
Freedonia met Sylvania.
/*\n-----
\n[Paired]
\n{ FRE / SYL / 031 } 330102 
\n{ SYL / FRE / 031 } */

330103 OPT-01
Setting an option.
/*\n{ OPTION: SET: CODE ALL } */

330104  FREE-03
Nothing here.
/*\n{ --- } */

330105  FREE-04
Marx.
/*\n{###} */

330106  FREE-05
Too complex.
/*\n{ +++ }*/

20330107  YYYY-01
Four-digit year.
/*\n{ FRE / SYL / 010 }
\n-{ FRE / MRX / 010 } */

330108  MIN-01
Unclosed option
/*\n{ OPTION: SET: MINIMUM WORDS = 4  */
`

func TestRead(t *testing.T) {
	recs, probs, err := Read(strings.NewReader(recordsText), "test.text")
	if err != nil || len(probs) > 0 {
		t.Fatalf("%v %v", err, probs)
	}
	if len(recs) != 8 {
		t.Fatalf("%d records, want 8", len(recs))
	}
	r := recs[0]
	if r.Date != 19330101 || r.ID != "FREE-01" || r.Category != "FREE" || r.Text != "Freedonia accused Sylvania of spying." || r.Line != 6 {
		t.Errorf("record 0: %+v", r)
	}
	if len(r.Expected) != 1 || r.Expected[0] != (Event{"FRE", "SYL", "112"}) {
		t.Errorf("expected %v", r.Expected)
	}
	if len(recs[1].Expected) != 2 || recs[1].Expected[1].String() != "SYL/FRE/031" || recs[1].ExpectedDate != 19330102 || recs[0].ExpectedDate != 0 {
		t.Errorf("paired %v", recs[1].Expected)
	}
	if recs[2].Checked() || len(recs[2].Options) != 1 || recs[2].Options[0] != "SET: CODE ALL" {
		t.Errorf("option record %+v", recs[2])
	}
	if recs[3].Special != NoEvents || recs[4].Special != Discarded || recs[5].Special != Complex {
		t.Errorf("specials %v %v %v", recs[3].Special, recs[4].Special, recs[5].Special)
	}
	if recs[6].Date != 20330107 || !recs[6].Partial || len(recs[6].Expected) != 1 {
		t.Errorf("partial %+v", recs[6])
	}
	if len(recs[7].Options) != 1 || recs[7].Options[0] != "SET: MINIMUM WORDS = 4" {
		t.Errorf("unclosed option %q", recs[7].Options)
	}
	if Discarded.String() != "discard" || Special(9).String() != "Special(9)" {
		t.Error("Special names")
	}
}

func TestScorer(t *testing.T) {
	recs, _, _ := Read(strings.NewReader(recordsText), "test.text")
	var sc Scorer
	fre := []Event{{"FRE", "SYL", "112"}}
	if !sc.Add(&recs[0], Outcome{Events: fre}) {
		t.Error("exact match scored wrong")
	}
	if sc.Add(&recs[1], Outcome{Events: []Event{{"FRE", "SYL", "031"}, {"FRE", "MRX", "031"}}}) {
		t.Error("wrong set scored right")
	}
	sc.Add(&recs[2], Outcome{})                                                       // unchecked
	sc.Add(&recs[3], Outcome{})                                                       // no events: right
	sc.Add(&recs[4], Outcome{Events: fre})                                            // want discard: wrong
	sc.Add(&recs[5], Outcome{Complex: true})                                          // right
	sc.Add(&recs[6], Outcome{Events: append([]Event{{"FRE", "SYL", "010"}}, fre...)}) // partial: extra allowed
	res := sc.Result()
	if res.Records != 6 || res.Correct != 4 || res.Unchecked != 1 || res.Missed != 1 || res.Extra != 2 {
		t.Errorf("result %+v", res)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"task":"tabari"`, `"records":6`, `"correct":4`, `"accuracy":0.666`, `"per_category":{"FREE":{"records":5,"correct":3`, `"extra":2`, `"missed":1`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON %s lacks %s", b, k)
		}
	}
	if len(sc.Failures) != 2 {
		t.Errorf("failures %d", len(sc.Failures))
	}
}

// minAccuracy is the floor the TABARI validation suite must meet.
const minAccuracy = 0.97

func TestValidationSuite(t *testing.T) {
	path := shared.Path(t, "data/tabari/Validate.project")
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Problems {
		t.Errorf("problem: %v", p)
	}
	sc, err := s.Run(context.Background(), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := sc.Result()
	t.Logf("records %d correct %d accuracy %.4f extra %d missed %d", res.Records, res.Correct, res.Accuracy, res.Extra, res.Missed)
	if res.Records < 400 {
		t.Errorf("only %d records scored", res.Records)
	}
	if res.Accuracy < minAccuracy {
		for _, f := range sc.Failures {
			t.Logf("FAIL %s: want %v %v got %v", f.Record.ID, f.Record.Special, f.Record.Expected, f.Got)
		}
		t.Errorf("accuracy %.4f below the floor %.2f", res.Accuracy, minAccuracy)
	}
}

func TestReadUnclosedComment(t *testing.T) {
	in := "330101  A-01\nFreedonia accused Sylvania.\n/*\n{ FRE / SYL / 112 }\n\n330102  A-02\nMore text.\n/*\n{ OPTION: DEFAULT: OFF } */\n"
	recs, probs, err := Read(strings.NewReader(in), "u.text")
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	if len(recs) != 2 || recs[1].ID != "A-02" || len(recs[0].Options) != 0 || len(recs[1].Options) != 1 {
		t.Errorf("records %+v", recs)
	}
}

func TestReadStrayFieldAfterComment(t *testing.T) {
	in := "330101  A-01\nFreedonia accused Sylvania and Marxonia.\n/*\n{ FRE / SYL / 112 } */\n{ FRE / MRX / 112 } */\n\n"
	recs, probs, err := Read(strings.NewReader(in), "s.text")
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	if len(recs) != 1 || len(recs[0].Expected) != 2 || recs[0].Text != "Freedonia accused Sylvania and Marxonia." {
		t.Errorf("records %+v", recs)
	}
}
