package cameo

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

var ploverTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true,
	"AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true,
	"THREATEN": true, "PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true,
	"ASSAULT": true,
}

func TestEveryCodeComplete(t *testing.T) {
	codes := Codes()
	if len(codes) != 311 {
		t.Fatalf("codebook has %d codes, want 311", len(codes))
	}
	for _, c := range codes {
		if Name(c) == "" {
			t.Errorf("%s: no name", c)
		}
		if _, ok := Goldstein(c); !ok {
			t.Errorf("%s: no Goldstein score", c)
		}
		if q := Quad(c); q < 1 || q > 4 {
			t.Errorf("%s: quad %d", c, q)
		}
		if p := Plover(c); !ploverTypes[p.Type] {
			t.Errorf("%s: PLOVER type %q", c, p.Type)
		}
		if Root(c) != c[:2] {
			t.Errorf("%s: root %q", c, Root(c))
		}
	}
}

func TestMatchesSharedCodeList(t *testing.T) {
	path := shared.Path(t, "data/cameo/eventcodes.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		code, name, _ := strings.Cut(sc.Text(), "\t")
		n++
		if got := Name(code); got != name {
			t.Errorf("Name(%s) = %q, want %q (regenerate with go run ./cameo/internal/gen)", code, got, name)
		}
	}
	if n != len(Codes()) {
		t.Errorf("shared list has %d codes, codebook %d", n, len(Codes()))
	}
}

func TestLookups(t *testing.T) {
	tests := []struct {
		code      string
		valid     bool
		name      string
		gold      float64
		goldOK    bool
		quad      int
		root      string
		typ, mode string
		context   string
	}{
		{"0874", true, "Retreat or surrender militarily", 10, true, 2, "08", "RETREAT", "disarm", "military"},
		{"190", true, "Use conventional military force, not specified below", -10, true, 4, "19", "ASSAULT", "", "military"},
		// 175 is listed twice in the map; pro_autocracy moves from mode to context.
		{"175", true, "Use tactics of violent repression", -9, true, 4, "17", "ASSAULT", "", "pro_autocracy,military"},
		{"1322", true, "Threaten to ban political parties or politicians", -5.8, true, 3, "13", "THREATEN", "ban", "pro_autocracy"},
		// "ease" is no longer a mode.
		{"085", true, "Ease economic sanctions, boycott, embargo", 7, true, 2, "08", "RETREAT", "", "economic"},
		// appeals mirror demands.
		{"0233", true, "Appeal for humanitarian aid", 3.4, true, 1, "02", "REQUEST", "assist", "human_security"},
		{"015", true, "Acknowledge or claim responsibility", 0, true, 1, "01", "AGREE", "", "diplomatic"},
		// invalid codes fall back to their ancestors for Goldstein and PLOVER.
		{"0879", false, "", 9, true, 2, "08", "RETREAT", "disarm", "military"},
		{"1213", false, "", -4, true, 3, "12", "REJECT", "assist", ""},
		{"223", false, "", 0, false, 0, "", "", "", ""},
		{"", false, "", 0, false, 0, "", "", "", ""},
		{"x", false, "", 0, false, 0, "", "", "", ""},
	}
	for _, tt := range tests {
		if got := Valid(tt.code); got != tt.valid {
			t.Errorf("Valid(%q) = %v", tt.code, got)
		}
		if got := Name(tt.code); got != tt.name {
			t.Errorf("Name(%q) = %q, want %q", tt.code, got, tt.name)
		}
		g, ok := Goldstein(tt.code)
		if g != tt.gold || ok != tt.goldOK {
			t.Errorf("Goldstein(%q) = %v, %v, want %v, %v", tt.code, g, ok, tt.gold, tt.goldOK)
		}
		if got := Quad(tt.code); got != tt.quad {
			t.Errorf("Quad(%q) = %d, want %d", tt.code, got, tt.quad)
		}
		if got := Root(tt.code); got != tt.root {
			t.Errorf("Root(%q) = %q, want %q", tt.code, got, tt.root)
		}
		p := Plover(tt.code)
		if p.Type != tt.typ || p.Mode != tt.mode || strings.Join(p.Context, ",") != tt.context {
			t.Errorf("Plover(%q) = %+v, want %s/%s/%s", tt.code, p, tt.typ, tt.mode, tt.context)
		}
	}
}

func TestPloverContextIsCopy(t *testing.T) {
	p := Plover("175")
	p.Context[0] = "changed"
	if Plover("175").Context[0] != "pro_autocracy" {
		t.Fatal("Plover returned the codebook's own slice")
	}
}

func TestPloverRule(t *testing.T) {
	for code, want := range map[string]string{"0874": "map", "010": "own", "0233": "mirror 1033", "02": "mirror 100", "08": "root 080", "9": ""} {
		if got := PloverRule(code); got != want {
			t.Errorf("PloverRule(%q) = %q, want %q", code, got, want)
		}
	}
}
