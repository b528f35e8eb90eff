package event_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

const testVerbs = `
--- RESTORE [064] ---
RESTORE
- * TIES [050]

--- MEET [040:040] ---
MEET {MET MEETING MEETS}

--- ATTACK [190] ---
ATTACK

--- CRITICIZE [111] ---
CRITICIZE

--- SAY [---] ---
SAY {SAID SAYS}

~ a (a b ATTACK) SAY = a b 015
`

func verbsOf(t testing.TB) *petrarch.Verbs {
	t.Helper()
	verbs, err := petrarch.ReadVerbs(strings.NewReader(testVerbs), "test.verbs")
	if err != nil {
		t.Fatal(err)
	}
	return verbs
}

func testCoder(t *testing.T, opt event.Options) *event.Coder {
	t.Helper()
	verbs := verbsOf(t)
	actors := petrarch.NewActors()
	if err := actors.ReadActors(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\n"), "test.actors"); err != nil {
		t.Fatal(err)
	}
	return event.NewCoder(verbs, &event.DictActors{Actors: actors}, opt)
}

func TestCoder(t *testing.T) {
	type ev struct {
		src, code, tgt string
		neg            bool
		mod            doc.Modality
		trigger        [2]int
	}
	tests := []struct {
		name string
		rows [][5]string
		opt  event.Options
		want []ev
	}{
		{"pattern", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"restored", "VBD", "restore", "0", "root"},
			{"ties", "NNS", "tie", "2", "dobj"},
			{"with", "IN", "with", "5", "case"},
			{"Gondor", "NNP", "Gondor", "2", "nmod"},
		}, event.Options{}, []ev{{"ARN", "050", "GON", false, 0, [2]int{6, 14}}}},
		{"compound source, one event per pair", [][5]string{
			{"Arnor", "NNP", "Arnor", "4", "nsubj"},
			{"and", "CC", "and", "1", "cc"},
			{"Mordor", "NNP", "Mordor", "1", "conj"},
			{"attacked", "VBD", "attack", "0", "root"},
			{"Gondor", "NNP", "Gondor", "4", "dobj"},
		}, event.Options{}, []ev{{"ARN", "190", "GON", false, 0, [2]int{17, 25}}, {"MOR", "190", "GON", false, 0, [2]int{17, 25}}}},
		{"symmetric code both ways", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"met", "VBD", "meet", "0", "root"},
			{"Gondor", "NNP", "Gondor", "2", "dobj"},
		}, event.Options{}, []ev{{"ARN", "040", "GON", false, 0, [2]int{6, 9}}, {"GON", "040", "ARN", false, 0, [2]int{6, 9}}}},
		{"passive: the agent is the source", [][5]string{
			{"Gondor", "NNP", "Gondor", "3", "nsubjpass"},
			{"was", "VBD", "be", "3", "auxpass"},
			{"criticized", "VBN", "criticize", "0", "root"},
			{"by", "IN", "by", "5", "case"},
			{"Arnor", "NNP", "Arnor", "3", "nmod"},
		}, event.Options{}, []ev{{"ARN", "111", "GON", false, 0, [2]int{11, 21}}}},
		{"negation and modality are flagged", [][5]string{
			{"Arnor", "NNP", "Arnor", "4", "nsubj"},
			{"will", "MD", "will", "4", "aux"},
			{"not", "RB", "not", "4", "neg"},
			{"attack", "VB", "attack", "0", "root"},
			{"Gondor", "NNP", "Gondor", "4", "dobj"},
		}, event.Options{}, []ev{{"ARN", "190", "GON", true, doc.Intended, [2]int{15, 21}}}},
		{"negated intended attack is intent to de-escalate", [][5]string{
			{"Arnor", "NNP", "Arnor", "4", "nsubj"},
			{"will", "MD", "will", "4", "aux"},
			{"not", "RB", "not", "4", "neg"},
			{"attack", "VB", "attack", "0", "root"},
			{"Gondor", "NNP", "Gondor", "4", "dobj"},
		}, event.Options{IntentCodes: true}, []ev{{"ARN", "0356", "GON", true, doc.Intended, [2]int{15, 21}}}},
		{"uncoded verb gives no default 010", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"Gondor", "NNP", "Gondor", "2", "dobj"},
		}, event.Options{}, nil},
		{"no target actor, no event", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"attacked", "VBD", "attack", "0", "root"},
			{"crowds", "NNS", "crowd", "2", "dobj"},
		}, event.Options{}, nil},
		{"reported speech: claimed by the speaker", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"Mordor", "NNP", "Mordor", "4", "nsubj"},
			{"attacked", "VBD", "attack", "2", "ccomp"},
			{"Gondor", "NNP", "Gondor", "4", "dobj"},
		}, event.Options{Nested: true}, []ev{{"MOR", "190", "GON", false, 0, [2]int{18, 26}}}},
		{"transformation: saying one attacked is claiming it", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"Arnor", "NNP", "Arnor", "4", "nsubj"},
			{"attacked", "VBD", "attack", "2", "ccomp"},
			{"Gondor", "NNP", "Gondor", "4", "dobj"},
		}, event.Options{Nested: true}, []ev{{"ARN", "015", "GON", false, 0, [2]int{17, 25}}}},
		{"said it would attack: a threat", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"it", "PRP", "it", "5", "nsubj"},
			{"would", "MD", "would", "5", "aux"},
			{"attack", "VB", "attack", "2", "ccomp"},
			{"Gondor", "NNP", "Gondor", "5", "dobj"},
		}, event.Options{Nested: true, IntentCodes: true}, []ev{{"ARN", "1384", "GON", false, doc.Intended, [2]int{20, 26}}}},
		{"monadic events when allowed", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"attacked", "VBD", "attack", "0", "root"},
			{"crowds", "NNS", "crowd", "2", "dobj"},
		}, event.Options{AllowMonadic: true}, []ev{{"ARN", "190", "---", false, 0, [2]int{6, 14}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("1995-01-01", tt.rows)
			if err := testCoder(t, tt.opt).Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Events) != len(tt.want) {
				t.Fatalf("got %d events %+v, want %d", len(d.Events), d.Events, len(tt.want))
			}
			for i, w := range tt.want {
				e := d.Events[i]
				if e.Source.Code != w.src || e.CAMEO != w.code || e.Target.Code != w.tgt || e.Negated != w.neg || e.Modality != w.mod ||
					e.Trigger != (doc.Span{Start: w.trigger[0], End: w.trigger[1]}) {
					t.Errorf("event %d = %s %s %s neg=%v mod=%s trigger=%v, want %+v", i, e.Source.Code, e.CAMEO, e.Target.Code, e.Negated, e.Modality, e.Trigger, w)
				}
				if tt.name == "reported speech: claimed by the speaker" && (len(e.ClaimedBy) != 1 || e.ClaimedBy[0].Code != "ARN") {
					t.Errorf("claimed by %+v", e.ClaimedBy)
				}
				if !e.Evidence.Contains(e.Trigger) || e.Confidence <= 0 || e.Confidence > 1 || e.ID == "" {
					t.Errorf("event %d: evidence %v, confidence %v, id %q", i, e.Evidence, e.Confidence, e.ID)
				}
			}
		})
	}
}

func TestCoderBadInput(t *testing.T) {
	d := parsed("1995-01-01", [][5]string{
		{"Arnor", "NNP", "Arnor", "2", "nsubj"},
		{"attacked", "VBD", "attack", "1", "root"}, // a cycle
		{"Gondor", "NNP", "Gondor", "2", "dobj"},
	})
	if err := testCoder(t, event.Options{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 0 || len(d.Errors) != 1 || d.Errors[0].Offset != 0 {
		t.Errorf("events %v, errors %v", d.Events, d.Errors)
	}
	d = parsed("1995-01-01", [][5]string{{"Arnor", "NNP", "Arnor", "9", "nsubj"}})
	if err := testCoder(t, event.Options{}).Process(context.Background(), d); err != nil || len(d.Errors) != 1 {
		t.Errorf("head out of range: err %v, doc errors %v", err, d.Errors)
	}
	var nilCoder *event.Coder
	if err := nilCoder.Process(context.Background(), doc.New("x", "")); err == nil {
		t.Error("nil coder did not fail")
	}
}

func TestMergeRepeats(t *testing.T) {
	rows := [][5]string{
		{"Arnor", "NNP", "Arnor", "2", "nsubj"},
		{"attacked", "VBD", "attack", "0", "root"},
		{"Gondor", "NNP", "Gondor", "2", "dobj"},
	}
	d := parsed("1995-01-01", append(append([][5]string{}, rows...), rows...))
	// two sentences: fix the second one's heads and the sentence split
	for i := 3; i < 6; i++ {
		if d.Tokens[i].Head >= 0 {
			d.Tokens[i].Head += 3
		}
	}
	d.Sentences = []doc.Sentence{
		{Span: doc.Span{Start: 0, End: d.Tokens[2].End}, First: 0, Last: 3},
		{Span: doc.Span{Start: d.Tokens[3].Start, End: d.Tokens[5].End}, First: 3, Last: 6},
	}
	if err := testCoder(t, event.Options{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || len(d.Events[0].Mentions) != 1 || d.Events[0].Mentions[0] != (doc.Span{Start: 22, End: 43}) {
		t.Fatalf("events %+v", d.Events)
	}
	d.Events = nil
	if err := testCoder(t, event.Options{KeepRepeats: true}).Process(context.Background(), d); err != nil || len(d.Events) != 2 {
		t.Fatalf("KeepRepeats: %d events, %v", len(d.Events), err)
	}
}

func TestEventDate(t *testing.T) {
	rows := [][5]string{
		{"In", "IN", "in", "2", "case"},
		{"2022", "CD", "2022", "4", "nmod"},
		{"Arnor", "NNP", "Arnor", "4", "nsubj"},
		{"attacked", "VBD", "attack", "0", "root"},
		{"Gondor", "NNP", "Gondor", "4", "dobj"},
	}
	for _, tt := range []struct {
		times      []doc.TimeExpr
		date       string
		historical bool
	}{
		{nil, "2024-07-13", false},
		{[]doc.TimeExpr{{Span: doc.Span{Start: 3, End: 7}, Value: "2022"}}, "2022", true},
		{[]doc.TimeExpr{{Span: doc.Span{Start: 3, End: 7}, Value: "2024-07"}}, "2024-07", false},
		{[]doc.TimeExpr{{Span: doc.Span{Start: 3, End: 7}, Value: "2024-06"}}, "2024-06", false}, // "late last month"
		{[]doc.TimeExpr{{Span: doc.Span{Start: 3, End: 7}, Value: "2022-02"}}, "2022-02", true},
		{[]doc.TimeExpr{{Span: doc.Span{Start: 40, End: 44}, Value: "2022"}}, "2024-07-13", false}, // outside the clause
		{[]doc.TimeExpr{{Span: doc.Span{Start: 3, End: 7}, Value: "2026", Future: true}}, "2024-07-13", false},
	} {
		d := parsed("2024-07-13", rows)
		d.Times = tt.times
		if err := testCoder(t, event.Options{}).Process(context.Background(), d); err != nil || len(d.Events) != 1 {
			t.Fatalf("events %v, %v", d.Events, err)
		}
		if e := d.Events[0]; e.Date != tt.date || e.Historical != tt.historical {
			t.Errorf("times %v: date %q historical %v, want %q %v", tt.times, e.Date, e.Historical, tt.date, tt.historical)
		}
	}
}

func TestQuotes(t *testing.T) {
	d := parsed("1995-01-01", [][5]string{
		{"Arnor", "NNP", "Arnor", "2", "nsubj"},
		{"attacked", "VBD", "attack", "0", "root"},
		{"Gondor", "NNP", "Gondor", "2", "dobj"},
	})
	d.Quotes = []doc.Quote{{ID: "Q1", Speaker: doc.Ref{Code: "MOR", Text: "Mordor"}, Via: []doc.Ref{{Code: "BRE", Text: "Bree radio"}},
		Content: doc.Span{Start: 0, End: len(d.Text)}}}
	if err := testCoder(t, event.Options{}).Process(context.Background(), d); err != nil || len(d.Events) != 1 {
		t.Fatalf("events %v, %v", d.Events, err)
	}
	e := d.Events[0]
	if e.Quote != "Q1" || len(e.ClaimedBy) != 2 || e.ClaimedBy[0].Code != "BRE" || e.ClaimedBy[1].Code != "MOR" {
		t.Errorf("quote %q, claimed by %+v", e.Quote, e.ClaimedBy)
	}
}
