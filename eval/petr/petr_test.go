package petr

import (
	"context"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

const sample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a comment
spanning lines -->
<Environment>
    <Verbfile>V.txt</Verbfile>
    <Actorfile>A.txt</Actorfile>
    <Include>valid DEMO</Include>
</Environment>
<Sentences>
<Config option="require_dyad" value='false' />
<Sentence source='DEMO' date="19950101" id="D_1" sentence="true">
<!-- test record -->
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode='010' sourcecode="&quot;X Y&quot;" targetcode="---"></EventCoding>
<Text>
Arnor restored ties
with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	restored	restore	VERB	VBD	_	0	root	_	_
3	ties	tie	NOUN	NNS	_	2	dobj	_	_
4	with	with	ADP	IN	_	5	case	_	_
5	Gondor	Gondor	PROPN	NNP	_	2	nmod	_	_
6	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Sentence source="ERROR" date="19950101" id="E_1" sentence="true" />
<Sentence date="19950101" id="N_2" sentence="false">
<EventCoding noevents="True"> </EventCoding>
<Text>x</Text>
<Parse>(ROOT (S (NP (NNP x))))</Parse>
</Sentence>
</Sentences>
</Validation>
`

func TestRead(t *testing.T) {
	s, err := Read(strings.NewReader(sample), "sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Env.Verbfile != "V.txt" || s.Env.Actorfile != "A.txt" || len(s.Env.Include) != 2 {
		t.Errorf("environment = %+v", s.Env)
	}
	if len(s.Records) != 3 {
		t.Fatalf("%d records", len(s.Records))
	}
	r := s.Records[0]
	if r.ID != "D_1" || r.Line != 12 || r.Category() != "DEMO" || r.Kind != CoNLLU || r.ParseLine != 20 {
		t.Errorf("record = %+v", r)
	}
	if r.Text != "Arnor restored ties\nwith Gondor." {
		t.Errorf("text = %q", r.Text)
	}
	want := []Coding{{"ARN", "GON", "050"}, {`"X Y"`, "---", "010"}}
	if len(r.Expected) != 2 || r.Expected[0] != want[0] || r.Expected[1] != want[1] {
		t.Errorf("expected = %+v", r.Expected)
	}
	if r.Config["require_dyad"] != "false" {
		t.Errorf("config = %v", r.Config)
	}
	if !s.Records[1].Sentence || s.Records[1].ID != "E_1" {
		t.Errorf("self-closing record = %+v", s.Records[1])
	}
	n := s.Records[2]
	if !n.NoEvents || n.Kind != Treebank || n.Sentence || n.Category() != "N" {
		t.Errorf("noevents record = %+v", n)
	}
	d, err := r.Doc("sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Arnor restored ties with Gondor." || len(d.Tokens) != 6 || d.Date != "1995-01-01" {
		t.Fatalf("doc = %q, %d tokens, date %s", d.Text, len(d.Tokens), d.Date)
	}
	for i, sp := range [][2]int{{0, 5}, {6, 14}, {15, 19}, {20, 24}, {25, 31}, {31, 32}} {
		if d.Tokens[i].Start != sp[0] || d.Tokens[i].End != sp[1] {
			t.Errorf("token %d at [%d,%d), want %v", i, d.Tokens[i].Start, d.Tokens[i].End, sp)
		}
	}
	if d.Tokens[0].Head != 1 || d.Tokens[1].Head != -1 {
		t.Errorf("heads %d %d", d.Tokens[0].Head, d.Tokens[1].Head)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tt := range []struct {
		src  string
		line int
	}{
		{"<Sentences>\n<Sentence id='x'>\n<Text>a</Text>\n", 2},
		{"<Sentences>\n\n<EventCoding eventcode='1'/>", 3},
		{"<Sentence id='a'>\n<EventCoding sourcecode='A'/>\n</Sentence>", 2},
		{"<Sentences>\n<!-- open", 2},
		{"<Sentence id='a'>\n<Text>x</Parse>\n</Sentence>", 2},
	} {
		_, err := Read(strings.NewReader(tt.src), "bad.xml")
		se, ok := err.(*SyntaxError)
		if !ok || se.Line != tt.line || se.File != "bad.xml" {
			t.Errorf("Read(%q) error = %v, want bad.xml:%d", tt.src, err, tt.line)
		}
	}
	s, _ := Read(strings.NewReader(sample), "sample.xml")
	r := s.Records[0]
	r.Parse = "1\tA\tA\tX\tX\t_\tx\tdep\t_\t_"
	if _, err := r.Doc("sample.xml"); err == nil || !strings.Contains(err.Error(), "sample.xml:20") {
		t.Errorf("bad parse error = %v", err)
	}
}

func TestScore(t *testing.T) {
	r := &Record{ID: "a", Expected: []Coding{{"A", "B", "1"}, {"A", "B", "1"}}}
	if o := Score(r, []Coding{{"A", "B", "1"}}, nil); !o.Correct {
		t.Errorf("duplicate expected codings: %+v", o)
	}
	if o := Score(r, []Coding{{"A", "B", "1"}, {"B", "A", "1"}}, nil); o.Correct || len(o.Extra) != 1 {
		t.Errorf("extra coding: %+v", o)
	}
	e := &Record{ID: "e", Error: "dateline", Expected: []Coding{{"A", "B", "1"}}}
	if o := Score(e, nil, nil); !o.Correct {
		t.Errorf("error record with no events: %+v", o)
	}
	res := Summarize([]Outcome{Score(r, nil, nil), Score(e, nil, nil)})
	if res.Records != 2 || res.Correct != 1 || res.Missed != 1 || res.PerCategory["a"].Records != 1 {
		t.Errorf("summary = %+v", res)
	}
}

// TestUnitSuite runs the coder over the PETRARCH unit-test suite with its
// CoNLL-U parses and the suite's own dictionaries. The floor is the
// accuracy measured when the test was written (see docs/events.md); it
// guards against regressions.
func TestUnitSuite(t *testing.T) {
	path := shared.Path(t, "data/petrarch/text/PETR.UnitTest.records.ud.xml")
	s, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := LoadDictionaries(shared.Path(t, "data/petrarch/dictionaries"), s.Env)
	if err != nil {
		t.Fatal(err)
	}
	var outs []Outcome
	for i := range s.Records {
		r := &s.Records[i]
		got, err := ds.Code(context.Background(), s.File, r, true, nil)
		outs = append(outs, Score(r, got, err))
	}
	res := Summarize(outs)
	t.Logf("accuracy %.3f (%d/%d), extra %d, missed %d", res.Accuracy, res.Correct, res.Records, res.Extra, res.Missed)
	if res.Records != 284 {
		t.Errorf("%d records, want 284", res.Records)
	}
	if res.Accuracy < unitSuiteFloor {
		t.Errorf("accuracy %.3f below the floor %.3f", res.Accuracy, unitSuiteFloor)
	}
}

const unitSuiteFloor = 0.18

func TestGigaWordSample(t *testing.T) {
	s, err := ReadFile(shared.Path(t, "data/petrarch/text/GigaWord.sample.PETR.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) < 20 {
		t.Fatalf("%d records", len(s.Records))
	}
	withText := 0
	for _, r := range s.Records {
		if r.ID == "" || r.Kind != Treebank || !r.Sentence || r.Date == "" {
			t.Errorf("record %q (line %d): kind %s, date %q", r.ID, r.Line, r.Kind, r.Date)
		}
		if r.Text != "" {
			withText++
		}
	}
	// the file's TEST_ records hold a parse but an empty Text
	if withText < 50 {
		t.Errorf("only %d records with text", withText)
	}
}
