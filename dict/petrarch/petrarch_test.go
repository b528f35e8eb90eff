package petrarch

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

const verbSrc = `<!-- test dictionary -->
&CURRENCY
+DOLLARS
+SWISS FRANCS
+YEN_

&AUX_  # no plurals
+WILL

--- GRANT [070] ---
GRANT
GIVE {GAVE GIVEN GIVING}  # irregular
CONTRIBUTE [071]
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- * &CURRENCY [903]
- $ HAS_* (TO +) [071:072]
- BROKEN PATTERN
- * (UNCLOSED [1]

~ a (a b ATTACK) SAY = a b 015
~ bad transform
`

func TestReadVerbs(t *testing.T) {
	v, err := ReadVerbs(strings.NewReader(verbSrc), "test.verbs")
	if v == nil {
		t.Fatalf("ReadVerbs returned no dictionary: %v", err)
	}
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 3 {
		t.Fatalf("want 3 line errors, got %v", err)
	}
	for i, want := range []int{17, 18, 21} {
		if el[i].Line != want || el[i].File != "test.verbs" {
			t.Errorf("error %d at %s:%d, want test.verbs:%d (%v)", i, el[i].File, el[i].Line, want, el[i])
		}
	}
	if got := v.Synsets["&CURRENCY"].Phrases; !reflect.DeepEqual(got, [][]string{
		{"DOLLARS"}, {"DOLLARSES"}, {"SWISS", "FRANCS"}, {"SWISS", "FRANCSES"}, {"YEN"}}) {
		t.Errorf("currency phrases = %v", got)
	}
	if got := v.Synsets["&AUX"].Phrases; !reflect.DeepEqual(got, [][]string{{"WILL"}}) {
		t.Errorf("aux phrases = %v", got)
	}
	if len(v.Blocks) != 1 || v.Blocks[0].Name != "GRANT" || v.Blocks[0].Code != "070" {
		t.Fatalf("blocks = %+v", v.Blocks)
	}
	b := v.Blocks[0]
	if len(b.Verbs) != 4 || len(b.Patterns) != 2 {
		t.Fatalf("block has %d verbs, %d patterns", len(b.Verbs), len(b.Patterns))
	}
	tests := []struct {
		form  string
		words []string
		head  int
		code  string
	}{
		{"GRANTED", []string{"GRANT"}, 0, "070"},
		{"GRANTS", []string{"GRANT"}, 0, "070"},
		{"GAVE", []string{"GIVE"}, 0, "070"},
		{"CONTRIBUTING", []string{"CONTRIBUTE"}, 0, "071"},
		{"TAPPED", []string{"WIRE", "TAP"}, 1, "070"},
	}
	for _, tt := range tests {
		vs := v.Lookup(tt.form)
		if len(vs) != 1 {
			t.Errorf("Lookup(%s) = %d verbs", tt.form, len(vs))
			continue
		}
		if !reflect.DeepEqual(vs[0].Words, tt.words) || vs[0].Head != tt.head || vs[0].Code != tt.code || vs[0].Block != b {
			t.Errorf("Lookup(%s) = %+v", tt.form, vs[0])
		}
	}
	if len(v.Lookup("GIVES")) != 0 {
		t.Error("irregular verb got regular forms")
	}
	p := b.Patterns[1]
	want := Pattern{
		Before: []Elem{{Kind: ElemSource, Text: "$"}, {Kind: ElemWord, Text: "HAS"}},
		After:  []Elem{{Kind: ElemWord, Text: "TO", Group: GroupPrep, InPrep: true}, {Kind: ElemTarget, Text: "+", Group: GroupPrep, InPrep: true}},
		Code:   "071:072", Line: 16,
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("pattern = %+v\nwant %+v", p, want)
	}
	if n, ok := v.SynsetMatch("&CURRENCY", []string{"A", "SWISS", "FRANCS"}, 1); !ok || n != 2 {
		t.Errorf("SynsetMatch = %d, %v", n, ok)
	}
	if len(v.Transforms) != 1 || v.Transforms[0].Verb != "SAY" || v.Transforms[0].ResultCode != "015" {
		t.Errorf("transforms = %+v", v.Transforms)
	}
}

func TestInflections(t *testing.T) {
	for base, want := range map[string][]string{
		"ATTACK": {"ATTACKS", "ATTACKED", "ATTACKING"},
		"ARRIVE": {"ARRIVES", "ARRIVED", "ARRIVING"},
		"CARRY":  {"CARRIES", "CARRIED", "CARRYING"},
		"PRESS":  {"PRESSES", "PRESSED", "PRESSING"},
		"AGREE":  {"AGREES", "AGREED", "AGREEING"},
	} {
		if got := Inflections(base); !reflect.DeepEqual(got, want) {
			t.Errorf("Inflections(%s) = %v, want %v", base, got, want)
		}
	}
}

const actorSrc = `ARNOR_  [ARN]
GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
CARAS GALADHON [ELF]
ENT
	[ENT]
BAD  
	[XX 2001-1999]
`

func TestReadActors(t *testing.T) {
	a := NewActors()
	err := a.ReadActors(strings.NewReader(actorSrc), "test.actors")
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 11 {
		t.Fatalf("want one error on line 11, got %v", err)
	}
	tests := []struct {
		words []string
		date  int
		code  string
		n     int
	}{
		{[]string{"ARNOR", "IS"}, 19950101, "ARN", 1},
		{[]string{"SMEAGOL"}, 19940101, "HOB", 1},
		{[]string{"SMEAGOL"}, 19950601, "HOB", 1}, // bounds are inclusive; the first rule wins
		{[]string{"GOLLUM"}, 19970101, "HOBGOV", 1},
		{[]string{"GOLLUM"}, 20010101, "HOBREB", 1},
		{[]string{"CARAS", "OLD", "GALADHON"}, 19950101, "ELF", 3}, // a blank allows words between
		{[]string{"ENT"}, 19950101, "ENT", 1},
	}
	for _, tt := range tests {
		act, n := a.Match(tt.words)
		if act == nil {
			t.Errorf("Match(%v) = nil", tt.words)
			continue
		}
		if got := act.CodeOn(tt.date); got != tt.code || n != tt.n {
			t.Errorf("Match(%v) on %d = %s/%d, want %s/%d", tt.words, tt.date, got, n, tt.code, tt.n)
		}
	}
	if act, _ := a.Match([]string{"CARAS"}); act != nil {
		t.Error("partial phrase matched")
	}
}

func TestParseDate(t *testing.T) {
	for s, want := range map[string]int{"950601": 19950601, "300101": 20300101, "310101": 19310101, "20120229": 20120229} {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%s) = %d, %v", s, got, err)
		}
	}
	for _, s := range []string{"20100229", "19991301", "9008223", "", "abcdef", "20100931"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
}

const agentSrc = `!PERSON! = MAN, MEN, WOMAN
PRESIDENT [~GOV]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
NOCODE
`

func TestReadAgents(t *testing.T) {
	a, err := ReadAgents(strings.NewReader(agentSrc), "test.agents")
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 7 {
		t.Fatalf("want one error on line 7, got %v", err)
	}
	tests := []struct {
		words  []string
		code   string
		prefix bool
	}{
		{[]string{"PRESIDENTS"}, "GOV", false},
		{[]string{"POLICE"}, "COP", false},
		{[]string{"GOLDEN", "GEESE"}, "GGS", false},
		{[]string{"CONGRESSWOMAN"}, "LEG", false},
		{[]string{"HUMAN", "RIGHTS", "BODIES"}, "NGO", true},
	}
	for _, tt := range tests {
		ag, _ := a.Match(tt.words)
		if ag == nil || ag.Code != tt.code || ag.Prefix != tt.prefix {
			t.Errorf("Match(%v) = %+v", tt.words, ag)
		}
	}
	if ag, _ := a.Match([]string{"POLICES"}); ag != nil {
		t.Error("{} still formed a plural")
	}
}

func TestDiscards(t *testing.T) {
	d, err := ReadDiscards(strings.NewReader("BASEBALL\n+TYPHOON   # story\nAFRICAN NATIONS CUP\nEXACT_\n"), "d")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		s     string
		story bool
		ok    bool
	}{
		{"A TYPHOON HIT", true, true},
		{"THE BASEBALLS", false, true},
		{"THE AFRICAN NATIONS CUP", false, true},
		{"AFRICAN CUP", false, false},
		{"EXACTLY", false, false},
		{"EXACT", false, true},
	} {
		e, ok := d.Check(strings.Fields(tt.s))
		if ok != tt.ok || (ok && e.Story != tt.story) {
			t.Errorf("Check(%q) = %+v, %v", tt.s, e, ok)
		}
	}
}

func TestSharedDictionaries(t *testing.T) {
	dir := shared.Path(t, "data/petrarch/dictionaries")
	for _, tt := range []struct {
		file                string
		blocks, minPatterns int
	}{
		{"PETR.Validate.verbs.txt", 261, 470},
		{"CAMEO.2.0.txt", 397, 4600},
	} {
		v, err := ReadVerbsFile(dir + "/" + tt.file)
		if v == nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range v.Blocks {
			n += len(b.Patterns)
		}
		if len(v.Blocks) != tt.blocks || n < tt.minPatterns {
			t.Errorf("%s: %d blocks, %d patterns (err %v)", tt.file, len(v.Blocks), n, err)
		}
	}
	a := NewActors()
	if err := a.ReadActorsFile(dir + "/Phoenix.Countries.actors.txt"); err != nil {
		var el ErrorList
		if !errors.As(err, &el) || len(el) > 10 {
			t.Fatal(err)
		}
	}
	if act, _ := a.Match([]string{"AFGHANISTAN"}); act == nil || act.CodeOn(20150101) != "AFG" {
		t.Errorf("AFGHANISTAN = %+v", act)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	v, _ := ReadVerbs(strings.NewReader(verbSrc), "test.verbs")
	var b strings.Builder
	if err := v.Write(&b); err != nil {
		t.Fatal(err)
	}
	w, err := ReadVerbs(strings.NewReader(b.String()), "written.verbs")
	if err != nil {
		t.Fatalf("written dictionary does not read back: %v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(v.Synsets["&CURRENCY"].Phrases, w.Synsets["&CURRENCY"].Phrases) {
		t.Errorf("synset %v != %v", v.Synsets["&CURRENCY"].Phrases, w.Synsets["&CURRENCY"].Phrases)
	}
	if len(w.Blocks) != 1 || len(w.Blocks[0].Verbs) != 4 || len(w.Blocks[0].Patterns) != 2 || len(w.Transforms) != 1 {
		t.Fatalf("written dictionary: %s", b.String())
	}
	for i, vb := range v.Blocks[0].Verbs {
		wb := w.Blocks[0].Verbs[i]
		if !reflect.DeepEqual(vb.Words, wb.Words) || vb.Head != wb.Head || !reflect.DeepEqual(vb.Forms, wb.Forms) || vb.Code != wb.Code {
			t.Errorf("verb %d: %+v != %+v", i, vb, wb)
		}
	}
	for i, p := range v.Blocks[0].Patterns {
		q := w.Blocks[0].Patterns[i]
		if !reflect.DeepEqual(p.Before, q.Before) || !reflect.DeepEqual(p.After, q.After) || p.Code != q.Code {
			t.Errorf("pattern %d: %+v != %+v", i, p, q)
		}
	}
}

func TestWriteRoundTripCAMEO(t *testing.T) {
	v, _ := ReadVerbsFile(shared.Path(t, "data/petrarch/dictionaries/CAMEO.2.0.txt"))
	var b strings.Builder
	if err := v.Write(&b); err != nil {
		t.Fatal(err)
	}
	w, err := ReadVerbs(strings.NewReader(b.String()), "written.verbs")
	if el, ok := err.(ErrorList); ok {
		for _, e := range el {
			// CAMEO.2.0 uses &WEATHER and &DEMONSTRATION without defining them
			if !strings.Contains(e.Msg, "before it is defined") {
				t.Errorf("written CAMEO.2.0 does not read back cleanly: %v", e)
			}
		}
	} else if err != nil {
		t.Fatal(err)
	}
	if len(w.Blocks) != len(v.Blocks) || len(w.Synsets) != len(v.Synsets) || len(w.Transforms) != len(v.Transforms) {
		t.Fatalf("blocks %d/%d, synsets %d/%d", len(w.Blocks), len(v.Blocks), len(w.Synsets), len(v.Synsets))
	}
	flat := func(es []Elem) string {
		var s []string
		for _, e := range es {
			s = append(s, fmt.Sprint(e.Kind, e.Text, e.Joined))
		}
		return strings.Join(s, " ")
	}
	for i, b := range v.Blocks {
		wb := w.Blocks[i]
		if len(wb.Verbs) != len(b.Verbs) || len(wb.Patterns) != len(b.Patterns) {
			t.Fatalf("block %s: %d/%d verbs, %d/%d patterns", b.Name, len(wb.Verbs), len(b.Verbs), len(wb.Patterns), len(b.Patterns))
		}
		for k, p := range b.Patterns {
			q := wb.Patterns[k]
			if flat(p.Before) != flat(q.Before) || flat(p.After) != flat(q.After) || p.Code != q.Code {
				t.Errorf("block %s pattern line %d: %s * %s != %s * %s", b.Name, p.Line, flat(p.Before), flat(p.After), flat(q.Before), flat(q.After))
			}
		}
		for k, vb := range b.Verbs {
			if !reflect.DeepEqual(vb.Forms, wb.Verbs[k].Forms) {
				t.Errorf("verb %v forms %v != %v", vb.Words, vb.Forms, wb.Verbs[k].Forms)
			}
		}
	}
}
