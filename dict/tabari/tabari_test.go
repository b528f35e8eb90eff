package tabari

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestReadProject(t *testing.T) {
	p, err := ReadProject(strings.NewReader("Demo project\n<actorsfile> \tA.actors\n<verbsfile> V.verbs\n<coder> X\n<session 1> <coder pas>\nstray\n"), "p")
	var el petrarch.ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 6 {
		t.Fatalf("want one error on line 6, got %v", err)
	}
	if p.Title != "Demo project" || p.Files["actorsfile"] != "A.actors" || p.Files["verbsfile"] != "V.verbs" || p.Coder != "X" || p.Sessions != 1 {
		t.Errorf("project = %+v", p)
	}
}

func TestReadOptions(t *testing.T) {
	o, err := ReadOptions(strings.NewReader("// comment\nCOMPLEX: VERBS[5]\nSET: LABEL = TRUE\nLABEL: 031=MEET\nnonsense\n~~\nLABEL: 1=X\n"), "o")
	var el petrarch.ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 5 {
		t.Fatalf("want one error on line 5, got %v", err)
	}
	if len(o.Commands) != 3 || o.Set["LABEL"] != "TRUE" || o.Labels["031"] != "MEET" || len(o.Labels) != 1 {
		t.Errorf("options = %+v", o)
	}
}

func TestReadActors(t *testing.T) {
	src := "<NOUN>\nBEES\n</NOUN>\nARNOR  [ARN]\n+ARNORIAN\nENT  [### <890101] [ENT] ; comment\nALBRIGHT  [USAGOV 991201-010114] [---]\nBAD [X 2001-1999]\n"
	a, err := ReadActors(strings.NewReader(src), "a")
	var el petrarch.ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 8 {
		t.Fatalf("want one error on line 8, got %v", err)
	}
	if !reflect.DeepEqual(a.Nouns, []string{"BEES"}) {
		t.Errorf("nouns = %v", a.Nouns)
	}
	for _, tt := range []struct {
		w    string
		date int
		code string
	}{
		{"ARNORIAN", 19950101, "ARN"},
		{"ENT", 19800101, "###"},
		{"ENT", 19950101, "ENT"},
		{"ALBRIGHT", 20000101, "USAGOV"},
		{"ALBRIGHT", 20050101, "---"},
	} {
		act, _ := a.Match([]string{tt.w})
		if act == nil || act.CodeOn(tt.date) != tt.code {
			t.Errorf("%s on %d: %+v", tt.w, tt.date, act)
		}
	}
}

func TestReadVerbs(t *testing.T) {
	src := `<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC
</SYNSETS>
<TIME>
YESTERDAY [-1]
WHEN_PEACE_COMES [+++]
</TIME>
ACT_ [100]
{ ACTING_ ACTXD_ }
- SAID WOULD * NOW  [101]
ASK  [090]
- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT }  [172] ;pas
- * THE_NEAT~_PLACE [027]
ATTEND  [031!]
- * { BROKEN [1]
`
	v, err := ReadVerbs(strings.NewReader(src), "v")
	var el petrarch.ErrorList
	if !errors.As(err, &el) || len(el) != 1 || el[0].Line != 17 {
		t.Fatalf("want one error on line 17, got %v", err)
	}
	if len(v.Blocks) != 3 || len(v.Synsets["&TIETYPES"].Phrases) != 2 || len(v.Times) != 2 || v.Times[0].Days != -1 || v.Times[1].Code != "+++" {
		t.Fatalf("verbs: %d blocks, times %+v", len(v.Blocks), v.Times)
	}
	if vs := v.Lookup("ACTING"); len(vs) != 1 || vs[0].Code != "100" {
		t.Errorf("ACTING = %+v", vs)
	}
	if len(v.Lookup("ACTS")) != 0 {
		t.Error("ACT_ is exact but got regular forms")
	}
	if vs := v.Lookup("ASKED"); len(vs) != 1 || len(vs[0].Block.Patterns) != 3 {
		t.Fatalf("ASKED = %+v", vs)
	}
	ask := v.Lookup("ASK")[0].Block.Patterns
	if ask[0].After[1].Text != "ECONOMIC" || ask[1].After[1].Text != "TOTAL" || ask[2].After[1].Text != "NEAT" {
		t.Errorf("ASK patterns %+v", ask)
	}
	if vs := v.Lookup("ATTENDED"); len(vs) != 1 || vs[0].Code != "031" {
		t.Errorf("ATTENDED = %+v", vs)
	}
}

func TestSharedTABARIFiles(t *testing.T) {
	dir := shared.Path(t, "data/tabari")
	p, err := ReadProjectFile(dir + "/Validate.project")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadOptionsFile(dir + "/" + p.Files["optionsfile"]); err != nil {
		t.Error(err)
	}
	a, err := ReadActorsFile(dir + "/" + p.Files["actorsfile"])
	if err != nil || len(a.Entries) < 100 {
		t.Errorf("actors: %d, %v", len(a.Entries), err)
	}
	if g, err := ReadAgentsFile(dir + "/" + p.Files["agentsfile"]); err != nil || len(g.Entries) < 80 {
		t.Errorf("agents: %v", err)
	}
	v, err := ReadVerbsFile(dir + "/" + p.Files["verbsfile"])
	if err != nil || len(v.Blocks) < 250 {
		t.Errorf("verbs: %d blocks, %v", len(v.Blocks), err)
	}
}
