package event_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/cameo"
	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

// newsCoder is the default dictionary with a small actor dictionary, the
// options the project's pipeline uses.
func newsCoder(t *testing.T) *event.Coder {
	t.Helper()
	verbs, err := event.DefaultVerbs()
	if err != nil {
		t.Fatal(err)
	}
	actors := petrarch.NewActors()
	const dict = "ARNOR [ARN]\nGONDOR [GON]\nGONDORIAN [GON]\nMORDOR [MOR]\n"
	if err := actors.ReadActors(strings.NewReader(dict), "test.actors"); err != nil {
		t.Fatal(err)
	}
	return event.NewCoder(verbs, &event.DictActors{Actors: actors},
		event.Options{IntentCodes: true, Nested: true, SubjectOnly: true})
}

// The patterns added for news language: troops pulled back, sent back or
// returned to base (087x), borders reinforced and troops deployed (15x),
// nominal events, and no statement events with a target inside the
// reported clause or for merely relaying.
func TestNewsPatterns(t *testing.T) {
	type ev struct{ src, code, tgt, date string }
	tests := []struct {
		name  string
		rows  [][5]string
		times []doc.TimeExpr
		want  []ev
	}{
		{"passive send back: the troops' own retreat", [][5]string{
			{"Gondorian", "JJ", "Gondorian", "2", "amod"},
			{"troops", "NNS", "troops", "5", "nsubj:pass"},
			{"were", "VBD", "be", "5", "aux"},
			{"being", "VBG", "be", "5", "aux:pass"},
			{"sent", "VBN", "send", "0", "root"},
			{"back", "RB", "back", "5", "advmod"},
			{"to", "IN", "to", "9", "case"},
			{"their", "PRP$", "their", "9", "nmod:poss"},
			{"bases", "NNS", "base", "6", "obl"},
		}, nil, []ev{{"GON", "0874", "---", "2024-07-13"}}},
		{"pull back troops from the border", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"pulled", "VBD", "pull", "0", "root"},
			{"back", "RP", "back", "2", "compound:prt"},
			{"its", "PRP$", "its", "5", "nmod:poss"},
			{"troops", "NNS", "troops", "2", "obj"},
			{"from", "IN", "from", "8", "case"},
			{"the", "DT", "the", "8", "det"},
			{"border", "NN", "border", "2", "obl"},
		}, nil, []ev{{"ARN", "0874", "---", "2024-07-13"}}},
		{"troops return to their bases", [][5]string{
			{"Gondorian", "JJ", "Gondorian", "2", "amod"},
			{"troops", "NNS", "troops", "4", "nsubj"},
			{"should", "MD", "should", "4", "aux"},
			{"return", "VB", "return", "0", "root"},
			{"to", "IN", "to", "7", "case"},
			{"their", "PRP$", "their", "7", "nmod:poss"},
			{"bases", "NNS", "base", "4", "obl"},
		}, nil, []ev{{"GON", "0874", "---", "2024-07-13"}}},
		{"reinforce the border", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"reinforced", "VBD", "reinforce", "0", "root"},
			{"its", "PRP$", "its", "4", "nmod:poss"},
			{"border", "NN", "border", "2", "obj"},
		}, nil, []ev{{"ARN", "154", "---", "2024-07-13"}}},
		{"deploy troops", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"deployed", "VBD", "deploy", "0", "root"},
			{"extra", "JJ", "extra", "4", "amod"},
			{"troops", "NNS", "troops", "2", "obj"},
		}, nil, []ev{{"ARN", "154", "---", "2024-07-13"}}},
		{"withdraw troops from a country", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"withdrew", "VBD", "withdraw", "0", "root"},
			{"troops", "NNS", "troops", "2", "obj"},
			{"from", "IN", "from", "5", "case"},
			{"Gondor", "NNP", "Gondor", "2", "obl"},
		}, nil, []ev{{"ARN", "0874", "GON", "2024-07-13"}}},
		{"nominal: dated invasion launched by the subject", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"launched", "VBD", "launch", "0", "root"},
			{"the", "DT", "the", "6", "det"},
			{"February", "NNP", "February", "6", "compound"},
			{"2022", "CD", "2022", "4", "nummod"},
			{"invasion", "NN", "invasion", "2", "obj"},
			{"of", "IN", "of", "8", "case"},
			{"Gondor", "NNP", "Gondor", "6", "nmod"},
		}, []doc.TimeExpr{{Span: doc.Span{Start: 22, End: 35}, Value: "2022-02"}}, []ev{{"ARN", "190", "GON", "2022-02"}}},
		{"nominal: possessor source", [][5]string{
			{"Gondor", "NNP", "Gondor", "2", "nsubj"},
			{"condemned", "VBD", "condemn", "0", "root"},
			{"Arnor", "NNP", "Arnor", "5", "nmod:poss"},
			{"'s", "POS", "'s", "3", "case"},
			{"attack", "NN", "attack", "2", "obj"},
			{"on", "IN", "on", "7", "case"},
			{"Mordor", "NNP", "Mordor", "5", "nmod"},
		}, nil, []ev{{"GON", "112", "ARN", "2024-07-13"}, {"ARN", "190", "MOR", "2024-07-13"}}},
		{"nominal: demonym on a compound, posture without target", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"cited", "VBD", "cite", "0", "root"},
			{"a", "DT", "a", "6", "det"},
			{"Gondorian", "JJ", "Gondorian", "5", "amod"},
			{"troop", "NN", "troop", "6", "compound"},
			{"buildup", "NN", "buildup", "2", "obj"},
		}, nil, []ev{{"GON", "154", "---", "2024-07-13"}}},
		{"said: the target in the reported clause is not the statement's", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"Gondor", "NNP", "Gondor", "4", "nsubj"},
			{"withdrew", "VBD", "withdraw", "2", "ccomp"},
			{"troops", "NNS", "troops", "4", "obj"},
			{"from", "IN", "from", "7", "case"},
			{"Mordor", "NNP", "Mordor", "4", "obl"},
		}, nil, []ev{{"GON", "0874", "MOR", "2024-07-13"}}},
		{"urge: an appeal; what is urged is not done", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"urged", "VBD", "urge", "0", "root"},
			{"Gondor", "NNP", "Gondor", "2", "iobj"},
			{"to", "TO", "to", "5", "mark"},
			{"attack", "VB", "attack", "2", "xcomp"},
			{"Mordor", "NNP", "Mordor", "5", "obj"},
		}, nil, []ev{{"ARN", "020", "GON", "2024-07-13"}, {"GON", "190", "MOR", "2024-07-13"}}},
		{"a verb the tagger took for an adjective", [][5]string{
			{"Gondorian", "JJ", "Gondorian", "2", "amod"},
			{"guerrillas", "NNS", "guerrilla", "7", "nsubj"},
			{"attacked", "JJ", "attacked", "5", "amod"},
			{"two", "CD", "two", "5", "nummod"},
			{"Mordor", "NNP", "Mordor", "2", "nmod"},
			{"police", "NNS", "police", "7", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
		}, nil, []ev{{"GON", "190", "MOR", "2024-07-13"}}},
		{"reject: 120 when no pattern is more specific", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"rejected", "VBD", "reject", "0", "root"},
			{"Gondorian", "JJ", "Gondorian", "4", "amod"},
			{"assertions", "NNS", "assertion", "2", "obj"},
		}, nil, []ev{{"ARN", "120", "GON", "2024-07-13"}}},
		{"refuse to", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"refused", "VBD", "refuse", "0", "root"},
			{"to", "TO", "to", "4", "mark"},
			{"meet", "VB", "meet", "2", "xcomp"},
			{"Gondor", "NNP", "Gondor", "4", "obj"},
		}, nil, []ev{{"ARN", "120", "GON", "2024-07-13"}, {"ARN", "040", "GON", "2024-07-13"}}},
		{"said that Y must: a demand of Y", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"said", "VBD", "say", "0", "root"},
			{"Gondor", "NNP", "Gondor", "5", "nsubj"},
			{"must", "MD", "must", "5", "aux"},
			{"change", "VB", "change", "2", "ccomp"},
			{"course", "NN", "course", "5", "obj"},
		}, nil, []ev{{"ARN", "100", "GON", "2024-07-13"}}},
		{"nominal: a compound subject holds talks with each other", [][5]string{
			{"Arnor", "NNP", "Arnor", "4", "nsubj"},
			{"and", "CC", "and", "3", "cc"},
			{"Gondor", "NNP", "Gondor", "1", "conj"},
			{"held", "VBD", "hold", "0", "root"},
			{"talks", "NNS", "talk", "4", "obj"},
		}, nil, []ev{{"ARN", "046", "GON", "2024-07-13"}, {"GON", "046", "ARN", "2024-07-13"}}},
		{"relaying is no statement", [][5]string{
			{"Arnor", "NNP", "Arnor", "2", "nsubj"},
			{"quoted", "VBD", "quote", "0", "root"},
			{"Gondor", "NNP", "Gondor", "2", "obj"},
		}, nil, nil},
	}
	c := newsCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("2024-07-13", tt.rows)
			d.Times = tt.times
			if err := c.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []ev
			for _, e := range d.Events {
				got = append(got, ev{e.Source.Code, e.CAMEO, e.Target.Code, e.Date})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("events = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("event %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// Every noun of the default nominal dictionary has a valid CAMEO code.
func TestDefaultNouns(t *testing.T) {
	ns, err := event.DefaultNouns()
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) < 40 {
		t.Fatalf("only %d nouns", len(ns))
	}
	for w, n := range ns {
		if !cameo.Valid(n.Code) {
			t.Errorf("%s: %s is not a CAMEO 1.1b3 code", w, n.Code)
		}
	}
	if _, err := event.ReadNouns("INVASION 19x\n", "bad.nouns"); err == nil {
		t.Error("a malformed code was accepted")
	}
	if _, err := event.ReadNouns("INVASION 190 sideways\n", "bad.nouns"); err == nil || !strings.Contains(err.Error(), "bad.nouns:1") {
		t.Errorf("bad role: err = %v, want one naming bad.nouns:1", err)
	}
}

// What one refuses or fails to do is negated: "Arnor refused to meet
// Gondor" gives the refusal and a negated meeting.
func TestRefusedIsNegated(t *testing.T) {
	d := parsed("2024-07-13", [][5]string{
		{"Arnor", "NNP", "Arnor", "2", "nsubj"},
		{"refused", "VBD", "refuse", "0", "root"},
		{"to", "TO", "to", "4", "mark"},
		{"meet", "VB", "meet", "2", "xcomp"},
		{"Gondor", "NNP", "Gondor", "4", "obj"},
	})
	if err := newsCoder(t).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		if neg := e.CAMEO == "040"; e.Negated != neg {
			t.Errorf("%s %s %s: negated %v, want %v", e.Source.Code, e.CAMEO, e.Target.Code, e.Negated, neg)
		}
	}
}
