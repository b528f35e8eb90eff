package tabari

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestParsePhrase(t *testing.T) {
	L := Literal
	tests := []struct {
		in   string
		want Phrase
	}{
		{"ARNOR", Phrase{{Kind: L, Text: "ARNOR"}}},
		{"ESTONIA_", Phrase{{Kind: L, Text: "ESTONIA", Exact: true}}},
		{"BAN=", Phrase{{Kind: L, Text: "BAN", Exact: true, NoEndings: true}}},
		{"AL_GORE", Phrase{{Kind: L, Text: "AL", Exact: true, Adjacent: true}, {Kind: L, Text: "GORE"}}},
		{"AL GORE", Phrase{{Kind: L, Text: "AL"}, {Kind: L, Text: "GORE"}}},
		{"BACK~ POLICY", Phrase{{Kind: L, Text: "BACK", Adjacent: true}, {Kind: L, Text: "POLICY"}}},
		{"IN_ *", Phrase{{Kind: L, Text: "IN", Exact: true}, {Kind: VerbSlot}}},
		{"+ * FROM $", Phrase{{Kind: Target}, {Kind: VerbSlot}, {Kind: L, Text: "FROM"}, {Kind: Source}}},
		{"*_HELICOPTERS", Phrase{{Kind: VerbSlot, Adjacent: true}, {Kind: L, Text: "HELICOPTERS"}}},
		{"barad-dur", Phrase{{Kind: L, Text: "BARAD", Exact: true, Adjacent: true}, {Kind: L, Text: "DUR"}}},
		{"% * ^ +", Phrase{{Kind: Compound}, {Kind: VerbSlot}, {Kind: Skip}, {Kind: Target}}},
	}
	for _, tc := range tests {
		got, err := ParsePhrase(tc.in)
		if err != nil {
			t.Errorf("ParsePhrase(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParsePhrase(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"", "  ", "A [B]", "X | Y"} {
		if _, err := ParsePhrase(bad); err == nil {
			t.Errorf("ParsePhrase(%q): no error", bad)
		}
	}
}

func TestPhraseCharsAndString(t *testing.T) {
	p, err := ParsePhrase("+ * TO THE NEXT DAY $")
	if err != nil {
		t.Fatal(err)
	}
	if p.Chars() != 12 {
		t.Errorf("Chars = %d, want 12 (manual 5.7.1)", p.Chars())
	}
	if s := p.String(); s != "+ * TO THE NEXT DAY $" {
		t.Errorf("String = %q", s)
	}
}

func TestExpandPattern(t *testing.T) {
	syn := map[string][]string{"&TIES": {"MILITARY", "TRADE_"}}
	got, err := ExpandPattern("* { WAS | IS | WILL_BE }_HERE &TIES", syn)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"* WAS_HERE MILITARY", "* WAS_HERE TRADE_",
		"* IS_HERE MILITARY", "* IS_HERE TRADE_",
		"* WILL_BE_HERE MILITARY", "* WILL_BE_HERE TRADE_",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, bad := range []string{"* { A | B", "* A } B", "* &NOPE"} {
		if _, err := ExpandPattern(bad, syn); err == nil {
			t.Errorf("ExpandPattern(%q): no error", bad)
		}
	}
}

func TestParseEventCode(t *testing.T) {
	tests := []struct {
		in   string
		want EventCode
	}{
		{"064", EventCode{Code: "064"}},
		{"023?", EventCode{Code: "023", Flags: Subordinate}},
		{"111!", EventCode{Code: "111", Flags: Dominant}},
		{"032:033", EventCode{Code: "032", Paired: "033"}},
		{"- - -", EventCode{Flags: Null}},
		{"###", EventCode{Flags: Discard}},
		{"+++", EventCode{Flags: Complex}},
	}
	for _, tc := range tests {
		got, err := ParseEventCode(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseEventCode(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "03$", "032:"} {
		if _, err := ParseEventCode(bad); err == nil {
			t.Errorf("ParseEventCode(%q): no error", bad)
		}
	}
	if s := (Subordinate | Dominant).String(); s != "subordinate|dominant" {
		t.Errorf("flags String = %q", s)
	}
	if s := CodeFlag(0).String(); s != "none" {
		t.Errorf("zero flags String = %q", s)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]int{"950101": 19950101, "011214": 20011214, "301231": 20301231, "310101": 19310101} {
		if got, err := ParseDate(in, false); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if got, err := ParseDate("20150607", true); err != nil || got != 20150607 {
		t.Errorf("ParseDate YYYY = %d, %v", got, err)
	}
	for _, bad := range []string{"9501", "951301", "95010x", "950132"} {
		if _, err := ParseDate(bad, false); err == nil {
			t.Errorf("ParseDate(%q): no error", bad)
		}
	}
}

const actorsText = `<NOUN>
GOATS
</NOUN>
<ADJECTIVE>
AWFUL
</ADJECTIVE>
# a comment
FREEDONIA  [FRE]
SYLVANIA_  [SYL] ; comment
RUFUS ; synonym group
+RUFUS_FIREFLY
  [FREGOV 330101-331231]
  [FRE]
PINKY  [PKY <330101] [---]
WAR_AND_PEACE [FRE/SYL]
BROKEN [
NOCODE
MARX [MRX]
`

func TestReadActors(t *testing.T) {
	a, probs, err := ReadActors(strings.NewReader(actorsText), "test.actors")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Nouns) != 1 || a.Nouns[0].Text != "GOATS" || len(a.Adjectives) != 1 {
		t.Errorf("nouns %v adjectives %v", a.Nouns, a.Adjectives)
	}
	var texts []string
	for _, x := range a.Actors {
		texts = append(texts, x.Text)
	}
	want := []string{"FREEDONIA", "SYLVANIA_", "RUFUS", "RUFUS_FIREFLY", "PINKY", "WAR_AND_PEACE", "MARX"}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("actors %q, want %q", texts, want)
	}
	rufus := a.Actors[3]
	if rufus.Parent != "RUFUS" || rufus.Line != 11 {
		t.Errorf("synonym %+v", rufus)
	}
	if got := rufus.CodeAt(19330615); got != "FREGOV" {
		t.Errorf("CodeAt in range = %q", got)
	}
	if got := rufus.CodeAt(19350101); got != "FRE" {
		t.Errorf("CodeAt out of range = %q", got)
	}
	if got := a.Actors[4].CodeAt(19400101); got != "---" {
		t.Errorf("PINKY after restriction = %q", got)
	}
	if len(probs) != 2 {
		t.Fatalf("problems %v, want 2", probs)
	}
	if probs[0].File != "test.actors" || probs[0].Line != 16 || probs[1].Line != 17 {
		t.Errorf("problems at %s:%d and %d, want lines 16 and 17", probs[0].File, probs[0].Line, probs[1].Line)
	}
	var se *SyntaxError
	if !errors.As(Problems(probs).Err(), &se) || se.Op != "read actors" {
		t.Errorf("Problems.Err() = %v", Problems(probs).Err())
	}
}

func TestReadAgents(t *testing.T) {
	in := "PRESIDENT_ [~GOVPRS]\nHUMAN_RIGHTS_BODY_ [NGO~]\nBADAGENT [GOV]\nDRUMMER ; group\n+PIPER\n [~MUS]\n"
	ag, probs, err := ReadAgents(strings.NewReader(in), "test.agents")
	if err != nil {
		t.Fatal(err)
	}
	if len(ag) != 4 || ag[0].Code != "~GOVPRS" || !ag[0].Suffix() || ag[1].Suffix() || ag[1].Bare() != "NGO" {
		t.Errorf("agents %+v", ag)
	}
	if ag[2].Text != "DRUMMER" || ag[3].Text != "PIPER" || ag[3].Code != "~MUS" {
		t.Errorf("synonym agents %+v", ag[2:])
	}
	if len(probs) != 1 || probs[0].Line != 3 {
		t.Errorf("problems %v, want one at line 3", probs)
	}
}

const verbsText = `<SYNSETS>
&MONEY
+DUCAT
+CROWN_
</SYNSETS>
<TIME>
TOMORROW [+1]
</TIME>
PROMISE  [050]
- * RAIDS  [173]
- * MILLIONS_OF_&MONEY  [071]
BREAK_  [1717]
{BROKE_ BROKEN_}
- * TREATY [161]
MEET  [031:031]
- % * IN  [031]
SAID  [023?]
- pattern without star [010]
CALL  [---]
- * FOR_CEASEFIRE  [014]
`

func TestReadVerbs(t *testing.T) {
	v, probs, err := ReadVerbs(strings.NewReader(verbsText), "test.verbs")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Verbs) != 5 {
		t.Fatalf("%d verbs, want 5", len(v.Verbs))
	}
	if got := v.Synsets["&MONEY"]; !reflect.DeepEqual(got, []string{"DUCAT", "CROWN_"}) {
		t.Errorf("synset %q", got)
	}
	if len(v.Time) != 1 || v.Time[0].Text != "TOMORROW" || v.Time[0].Shift != "+1" {
		t.Errorf("time %+v", v.Time)
	}
	p := v.Verbs[0]
	if len(p.Patterns) != 3 {
		t.Fatalf("PROMISE patterns %d, want 3", len(p.Patterns))
	}
	// longest first, synset designators not counted: MILLIONS_OF_&MONEY
	// (10) before RAIDS (5); its expansions keep file order
	if p.Patterns[0].Phrase.String() != "* MILLIONS_OF_DUCAT" || p.Patterns[0].Len != 10 || p.Patterns[2].Code.Code != "173" {
		t.Errorf("pattern order %v, %v", p.Patterns[0].Phrase, p.Patterns[2].Code)
	}
	b := v.Verbs[1]
	if len(b.Forms) != 2 || b.Forms[1].String() != "BROKEN_" {
		t.Errorf("forms %v", b.Forms)
	}
	if m := v.Verbs[2]; m.Code.Paired != "031" || m.Patterns[0].Phrase[0].Kind != Compound {
		t.Errorf("MEET %+v", m)
	}
	if v.Verbs[3].Code.Flags != Subordinate || !v.Verbs[4].HasCode || v.Verbs[4].Code.Flags != Null {
		t.Errorf("codes %v %v", v.Verbs[3].Code, v.Verbs[4].Code)
	}
	if len(probs) != 1 || probs[0].Line != 18 || !strings.Contains(probs[0].Msg, "verb marker") {
		t.Errorf("problems %v, want the starless pattern at line 18", probs)
	}
}

func TestReadOptions(t *testing.T) {
	in := `// comment
COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN
SET: CODE BY SENTENCE
SET: CONVERT AGENT = TRUE
SET: MINIMUM WORDS = 6
COMMA: MIN = 1 MAX = 8 EMIN=3 EMAX=10
DEFAULT: SOURCE [SRC] PRIOR TARGET [TAR]
LABEL: 010=YIELD
FORWARD: ^^*****NNN*SSS
BOGUS: x
`
	o, probs, err := ReadOptions(strings.NewReader(in), "test.options")
	if err != nil {
		t.Fatal(err)
	}
	want := ComplexRules{Verbs: 5, Conj: 4, NoActPrior: true, Explain: true}
	if o.Complex != want {
		t.Errorf("complex %+v", o.Complex)
	}
	if o.CodeBy != BySentence || o.CodeBy.String() != "sentence" || !o.ConvertAgents || o.MinimumWords != 6 {
		t.Errorf("set: %v %v %v", o.CodeBy, o.ConvertAgents, o.MinimumWords)
	}
	if o.Comma != (CommaRules{Min: 1, Max: 8, BMin: 128, BMax: 0, EMin: 3, EMax: 10}) {
		t.Errorf("comma %+v", o.Comma)
	}
	if o.Default != (Defaults{Source: "SRC", Target: "TAR", Prior: true}) {
		t.Errorf("default %+v", o.Default)
	}
	if o.Labels["010"] != "YIELD" {
		t.Errorf("labels %v", o.Labels)
	}
	if story, sent, ok := o.StorySentence("FRWD-001-004"); !ok || story != "001" || sent != 4 {
		t.Errorf("StorySentence = %q %d %v", story, sent, ok)
	}
	if len(probs) != 1 || probs[0].Line != 10 {
		t.Errorf("problems %v", probs)
	}
	c := o.Clone()
	if err := c.Apply("DEFAULT: OFF"); err != nil || c.Default != (Defaults{}) || o.Default.Source != "SRC" {
		t.Errorf("Clone/Apply: %v %+v %+v", err, c.Default, o.Default)
	}
}

func TestReadProject(t *testing.T) {
	in := "My project\n<actorsfile> a.actors\n<verbsfile>\tv.verbs\n<optionsfile> o.options\n<textfile> t.text\n<textfile> u.text\n<coder> ME\n<session 1> <coder x>\n<errorfile>\n"
	p, probs, err := ReadProject(strings.NewReader(in), filepath.Join("dir", "x.project"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "My project" || p.Actors[0] != filepath.Join("dir", "a.actors") || len(p.Text) != 2 || p.Coder != "ME" || p.Options != filepath.Join("dir", "o.options") {
		t.Errorf("project %+v", p)
	}
	if p.Other["errorfile"] != "" || len(probs) != 0 {
		t.Errorf("other %v problems %v", p.Other, probs)
	}
}

// TestSharedDictionaries reads the TABARI demo dictionaries without
// problems.
func TestSharedDictionaries(t *testing.T) {
	path := shared.Path(t, "data/tabari/Validate.project")
	p, probs, err := ReadProjectFile(path)
	if err != nil || len(probs) > 0 {
		t.Fatalf("project: %v %v", err, probs)
	}
	a, probs, err := ReadActorsFile(p.Actors[0])
	if err != nil || len(probs) > 0 || len(a.Actors) < 100 {
		t.Errorf("actors: %d, %v %v", len(a.Actors), err, probs)
	}
	ag, probs, err := ReadAgentsFile(p.Agents[0])
	if err != nil || len(probs) > 0 || len(ag) < 50 {
		t.Errorf("agents: %d, %v %v", len(ag), err, probs)
	}
	v, probs, err := ReadVerbsFile(p.Verbs[0])
	if err != nil || len(probs) > 0 || len(v.Verbs) < 200 {
		t.Errorf("verbs: %d, %v %v", len(v.Verbs), err, probs)
	}
	o, probs, err := ReadOptionsFile(p.Options)
	if err != nil || len(probs) > 0 || o.Complex.Verbs != 5 {
		t.Errorf("options: %+v, %v %v", o.Complex, err, probs)
	}
}
