package plover

import (
	"errors"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// fakeCoder is a test double for the event coder: it emits one event per
// rule whose keyword occurs in the text, with the first two country names
// of the text, in text order, as source and target.
func fakeCoder(text string) []doc.Event {
	rules := []struct {
		word, cameo, typ string
		conf             float64
	}{
		{"agreed", "030", "AGREE", 0.8},
		{"demanded", "100", "REQUEST", 0.7},
		{"attacked", "190", "ASSAULT", 0.9},
		{"criticized", "111", "DISAPPROVE", 0.3}, // an old name, as a coder might emit
	}
	countries := []struct{ name, code string }{
		{"Israel", "ISRGOV"}, {"Syria", "SYR"}, {"Japan", "JPN"}, {"United Nations", "IGOUNO"},
	}
	var actors []doc.Ref
	for _, c := range countries {
		if i := strings.Index(text, c.name); i >= 0 {
			actors = append(actors, doc.Ref{Text: c.name, Code: c.code, Span: doc.Span{Start: i, End: i + len(c.name)}})
		}
	}
	sort.Slice(actors, func(i, j int) bool { return actors[i].Span.Start < actors[j].Span.Start })
	var out []doc.Event
	for _, r := range rules {
		if !strings.Contains(text, r.word) {
			continue
		}
		e := doc.Event{CAMEO: r.cameo, Plover: doc.Plover{Type: r.typ}, Confidence: r.conf}
		if len(actors) > 0 {
			e.Source = actors[0]
		}
		if len(actors) > 1 {
			e.Target = actors[1]
		}
		out = append(out, e)
	}
	return out
}

const goldJSON = `[
 {"id": "DOC-1", "event": "DOCUMENT", "eventText": "internal documentation"},
 {"id": "R-AGREE", "date": "2000-01-01", "event": "AGREE", "text": "Israel agreed with Syria on water.",
  "source": [{"actorText": "Israel", "code": "ISR", "sector": "GOV"}], "target": [{"actorText": "Syria", "code": "SYR"}], "context": "economic"},
 {"id": "R-FIGHT", "event": "FIGHT", "text": "Syria attacked Israel and then agreed to a truce.",
  "source": {"actorText": "Syria", "code": "SYR"}, "target": "ISR"},
 {"id": "R-DEMAND", "event": "DEMAND", "text": " {Japan demanded talks.}", "source": [{"actorText": "Japan", "code": "JAP"}], "target": ""},
 {"id": "R-DISAPPROVE", "event": "DISAPPROVE", "text": "The United Nations criticized Israel.",
  "source": [{"actorText": "U.N.", "code": "IGO"}], "target": [{"actorText": "Israel", "code": "ISR", "sector": "MIL"}], "context": ["human_rights", "military"]},
 {"id": "R-NONE", "event": "PROTEST", "text": "Crowds marched in the capital.", "source": [{"actorText": "crowds", "code": "SYR", "sector": "CVL"}], "target": null}
]`

func TestReadLenient(t *testing.T) {
	recs, problems, err := Read(strings.NewReader(goldJSON), "gold.json")
	if err != nil || len(problems) > 0 {
		t.Fatalf("Read: err %v, problems %v", err, problems)
	}
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	if want := []string{"R-AGREE", "R-FIGHT", "R-DEMAND", "R-DISAPPROVE", "R-NONE"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids %v, want %v (DOCUMENT skipped)", ids, want)
	}
	a := recs[0]
	if a.Index != 1 || a.Date != "2000-01-01" || a.Type != "AGREE" || a.Text != "Israel agreed with Syria on water." ||
		!reflect.DeepEqual(a.Source, []Actor{{"Israel", "ISR", "GOV"}}) || !reflect.DeepEqual(a.Target, []Actor{{"Syria", "SYR", ""}}) ||
		!reflect.DeepEqual(a.Context, []string{"economic"}) {
		t.Errorf("record 1 = %+v", a)
	}
	f := recs[1]
	if !reflect.DeepEqual(f.Source, []Actor{{"Syria", "SYR", ""}}) || !reflect.DeepEqual(f.Target, []Actor{{"", "ISR", ""}}) || f.Date != "" {
		t.Errorf("single actor object and bare code: %+v", f)
	}
	if recs[2].Text != "Japan demanded talks." {
		t.Errorf("enclosing braces kept: %q", recs[2].Text)
	}
	if got := unbrace("{a} and {b}"); got != "{a} and {b}" {
		t.Errorf("unbrace of inner braces = %q", got)
	}
	if recs[2].Target != nil || recs[4].Target != nil {
		t.Errorf(`"" and null targets: %+v, %+v; want none`, recs[2].Target, recs[4].Target)
	}
	if !reflect.DeepEqual(recs[3].Context, []string{"human_rights", "military"}) {
		t.Errorf("context list = %v", recs[3].Context)
	}
}

func TestReadJSONLines(t *testing.T) {
	in := "{\"id\":\"a\",\"event\":\"AGREE\",\"text\":\"x agreed\"}\n\n{\"id\":\"b\",\"event\":\"FIGHT\",\"text\":\"y\",\"context\":\"military; legal\"}\n"
	recs, problems, err := Read(strings.NewReader(in), "gold.jsonl")
	if err != nil || len(problems) > 0 || len(recs) != 2 {
		t.Fatalf("Read: %d records, problems %v, err %v", len(recs), problems, err)
	}
	if recs[0].Index != 1 || recs[1].Index != 3 || !reflect.DeepEqual(recs[1].Context, []string{"military", "legal"}) {
		t.Errorf("records %+v", recs)
	}
}

func TestReadBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		fatal    string   // substring of the fatal error, or ""
		problems []string // substrings of the problems, in order
		records  int
	}{
		{name: "empty", in: "  \n", fatal: "plover: read bad.json: empty file"},
		{name: "broken array", in: `[{"id": "a", `, fatal: "plover: read bad.json: not a JSON array of records"},
		{name: "not an object", in: `[42, {"id":"ok","event":"AGREE","text":"t"}]`, problems: []string{"plover: decode bad.json: record 0: not a record object"}, records: 1},
		{name: "no event type", in: `[{"id":"x","text":"Something happened."}]`, problems: []string{`plover: decode bad.json: record 0 (x): no "event" type`}},
		{name: "actor without code", in: `[{"id":"y","event":"AGREE","text":"t","source":[{"actorText":"Israel"}]}]`, problems: []string{`record 0 (y): source: actor "Israel" has no code`}},
		{name: "actor of the wrong kind", in: `[{"id":"z","event":"AGREE","text":"t","target":[7]}]`, problems: []string{"record 0 (z): target: want an actor object or code"}},
		{name: "context of the wrong kind", in: `[{"id":"c","event":"AGREE","text":"t","context":{"a":1}}]`, problems: []string{"record 0 (c): context: want a string or a list"}},
		{name: "bad JSON line", in: "{\"id\":\"a\",\"event\":\"AGREE\",\"text\":\"t\"}\n{oops\n", problems: []string{"plover: decode bad.json: record 2: malformed JSON"}, records: 1},
		{name: "no text is skipped", in: `[{"id":"n","event":"AGREE"}]`},
	} {
		recs, problems, err := Read(strings.NewReader(tc.in), "bad.json")
		if tc.fatal != "" {
			if err == nil || !strings.Contains(err.Error(), tc.fatal) {
				t.Errorf("%s: err %v, want %q", tc.name, err, tc.fatal)
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Op != "read" || pe.Record != -1 {
				t.Errorf("%s: err %#v is not a read *Error for the file", tc.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected fatal error %v", tc.name, err)
			continue
		}
		if len(recs) != tc.records {
			t.Errorf("%s: %d records, want %d", tc.name, len(recs), tc.records)
		}
		if len(problems) != len(tc.problems) {
			t.Errorf("%s: problems %v, want %d", tc.name, problems, len(tc.problems))
			continue
		}
		for i, p := range problems {
			if !strings.Contains(p.Error(), tc.problems[i]) {
				t.Errorf("%s: problem %q, want it to contain %q", tc.name, p, tc.problems[i])
			}
		}
	}
	if _, _, err := ReadFile("/nonexistent/gold.json"); err == nil || !strings.Contains(err.Error(), "/nonexistent/gold.json") {
		t.Errorf("ReadFile of a missing file: %v", err)
	}
}

func TestCanonical(t *testing.T) {
	for old, cur := range Aliases() {
		if got := Canonical(old); got != cur {
			t.Errorf("Canonical(%q) = %q, want %q", old, got, cur)
		}
	}
	for _, tc := range [][2]string{
		{"DEMAND", "REQUEST"}, {"DISAPPROVE", "ACCUSE"}, {"INVESTIGATE", "ACCUSE"}, {"FIGHT", "ASSAULT"},
		{" fight ", "ASSAULT"}, {"assault", "ASSAULT"}, {"REQUEST", "REQUEST"}, {"AGREE", "AGREE"}, {"", ""}, {"CRIME", "CRIME"},
	} {
		if got := Canonical(tc[0]); got != tc[1] {
			t.Errorf("Canonical(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
	for _, typ := range Types() {
		if Canonical(typ) != typ {
			t.Errorf("current type %s is not canonical", typ)
		}
	}
	if n := len(Types()); n != 16 {
		t.Errorf("%d types, want the manual's 16", n)
	}
}

func TestCountry(t *testing.T) {
	for _, tc := range [][2]string{
		{"USAGOV", "USA"}, {"usa", "USA"}, {"JAP", "JPN"}, {"ITLGOV", "ITA"}, {"VTN", "VNM"}, {"IGOUNO", "IGO"}, {"EU", "EU"}, {"", ""},
	} {
		if got := Country(tc[0]); got != tc[1] {
			t.Errorf("Country(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
	if got := (Actor{Code: "JAP", Sector: "gov"}).FullCode(); got != "JPNGOV" {
		t.Errorf("FullCode = %q, want JPNGOV", got)
	}
}

func TestScore(t *testing.T) {
	recs, _, err := Read(strings.NewReader(goldJSON), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	events := make([][]doc.Event, len(recs))
	for i, r := range recs {
		events[i] = fakeCoder(r.Text)
	}
	res := Score(recs, events)
	// R-AGREE: AGREE 0.8, ISRGOV→SYR: type right; source country and full
	//   (ISR+GOV), target country and full (SYR).
	// R-FIGHT: ASSAULT 0.9 beats AGREE 0.8; FIGHT=ASSAULT: right. Source
	//   SYR right; target ISRGOV: country right, full wrong (gold ISR).
	// R-DEMAND: REQUEST 0.7 = DEMAND: right. Source JPN vs gold JAP:
	//   right by country and full (JAP→JPN). No gold target.
	// R-DISAPPROVE: coder says DISAPPROVE (0.3), canonical ACCUSE: right.
	//   Source IGOUNO: country right, full wrong (gold IGO); target
	//   ISRGOV vs ISRMIL: country right, full wrong.
	// R-NONE: no event: wrong; source counted, wrong.
	if res.Task != "plover" || res.Records != 5 || res.Correct != 4 || res.NoEvent != 1 || !near(res.TypeAccuracy, 0.8) {
		t.Errorf("records %d correct %d noevent %d accuracy %v", res.Records, res.Correct, res.NoEvent, res.TypeAccuracy)
	}
	if res.SourceRecords != 5 || res.SourceCountry != 4 || res.SourceFull != 3 || !near(res.SourceAccuracy, 0.8) || !near(res.SourceFullAccuracy, 0.6) {
		t.Errorf("source: records %d country %d full %d", res.SourceRecords, res.SourceCountry, res.SourceFull)
	}
	if res.TargetRecords != 3 || res.TargetCountry != 3 || res.TargetFull != 1 || !near(res.TargetAccuracy, 1) || !near(res.TargetFullAccuracy, 1.0/3) {
		t.Errorf("target: records %d country %d full %d", res.TargetRecords, res.TargetCountry, res.TargetFull)
	}
	want := map[string]TypeScore{
		"AGREE":   {Records: 1, Correct: 1, Accuracy: 1, Predicted: 1},
		"ASSAULT": {Records: 1, Correct: 1, Accuracy: 1, Predicted: 1},
		"REQUEST": {Records: 1, Correct: 1, Accuracy: 1, Predicted: 1},
		"ACCUSE":  {Records: 1, Correct: 1, Accuracy: 1, Predicted: 1},
		"PROTEST": {Records: 1, Correct: 0, Accuracy: 0, Predicted: 0},
	}
	if !reflect.DeepEqual(res.PerType, want) {
		t.Errorf("per_type = %+v, want %+v", res.PerType, want)
	}
	if got, wantNames := res.TypeNames(), []string{"AGREE", "REQUEST", "ACCUSE", "PROTEST", "ASSAULT"}; !reflect.DeepEqual(got, wantNames) {
		t.Errorf("TypeNames = %v, want %v", got, wantNames)
	}
	// Reliability: 0.3 right (bucket 1), 0.7 right (3), 0.8 right and
	// 0.9 right (4).
	gotRel := []int{}
	for _, b := range res.Reliability {
		gotRel = append(gotRel, b.Events, b.Right)
	}
	if want := []int{0, 0, 1, 1, 0, 0, 1, 1, 2, 2}; !reflect.DeepEqual(gotRel, want) {
		t.Errorf("reliability events/right = %v, want %v", gotRel, want)
	}
}

func TestScoreWrongAndMissing(t *testing.T) {
	recs := []Record{
		{ID: "a", Type: "THREATEN", Source: []Actor{{Code: "RUS"}}, Target: []Actor{{Code: "UKR"}}},
		{ID: "b", Type: "threaten"},
		{ID: "c", Type: "CONSULT"},
	}
	events := [][]doc.Event{
		{{Plover: doc.Plover{Type: "ASSAULT"}, CAMEO: "190", Confidence: 0.95, Source: doc.Ref{Code: "UKRMIL"}, Target: doc.Ref{Code: "RUS"}},
			{Plover: doc.Plover{Type: "THREATEN"}, CAMEO: "138", Confidence: 0.5, Source: doc.Ref{Code: "RUS"}, Target: doc.Ref{Code: "UKR"}}},
		{{Plover: doc.Plover{Type: "THREATEN"}, Confidence: 0.1}},
		// "c" has no entry at all: no event.
	}
	res := Score(recs, events)
	// a: the top event (0.95) is ASSAULT: wrong, and its actors are the
	// wrong way round. b: right. c: no event.
	if res.Records != 3 || res.Correct != 1 || res.NoEvent != 1 || !near(res.TypeAccuracy, 1.0/3) {
		t.Errorf("records %d correct %d noevent %d", res.Records, res.Correct, res.NoEvent)
	}
	if res.SourceRecords != 1 || res.SourceCountry != 0 || res.TargetRecords != 1 || res.TargetCountry != 0 {
		t.Errorf("actors: %+v", res)
	}
	if th := res.PerType["THREATEN"]; th != (TypeScore{Records: 2, Correct: 1, Accuracy: 0.5, Predicted: 1}) {
		t.Errorf("THREATEN = %+v", th)
	}
	if _, ok := res.PerType["ASSAULT"]; ok {
		t.Errorf("ASSAULT has an entry though no record has it: %+v", res.PerType)
	}
	if r0, r4 := res.Reliability[0], res.Reliability[4]; r0.Events != 1 || r0.Right != 1 || r4.Events != 1 || r4.Right != 0 {
		t.Errorf("reliability %+v", res.Reliability)
	}
	// Ten buckets: 0.95 in [0.9,1], 0.1 in [0.1,0.2).
	ten := ScoreBuckets(recs, events, 10)
	if len(ten.Reliability) != 10 || ten.Reliability[9].Events != 1 || ten.Reliability[1].Events != 1 || ten.Reliability[1].Right != 1 {
		t.Errorf("ten buckets: %+v", ten.Reliability)
	}
	if empty := Score(nil, nil); empty.Records != 0 || empty.TypeAccuracy != 0 || len(empty.PerType) != 0 {
		t.Errorf("Score of nothing = %+v", empty)
	}
}

func TestReadSharedDev(t *testing.T) {
	path := shared.Path(t, "data/plover/PLOVER_GSR_dev.json")
	recs, problems, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("problem: %v", p)
	}
	if len(recs) < 100 {
		t.Fatalf("%d records, want the dev half's 179 or so", len(recs))
	}
	known := map[string]bool{}
	for _, typ := range Types() {
		known[typ] = true
	}
	for _, r := range recs {
		if !known[Canonical(r.Type)] {
			t.Errorf("record %d (%s): type %q has no current PLOVER name", r.Index, r.ID, r.Type)
		}
		if r.Text == "" || len(r.Source) == 0 {
			t.Errorf("record %d (%s): no text or no source", r.Index, r.ID)
		}
		for _, a := range append(append([]Actor(nil), r.Source...), r.Target...) {
			if len(Country(a.Code)) != 3 {
				t.Errorf("record %d (%s): actor code %q has no three-letter country part", r.Index, r.ID, a.Code)
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
