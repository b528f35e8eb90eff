package actor

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func writePetr(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPetrarchActorsLoad(t *testing.T) {
	p := writePetr(t, "fict.actors.txt", `<!-- fictional actors for a test -->
GONDOR [GON]
MINAS_TIRITH [GONGOV]
ARAGORN_ELESSAR  # a dated role
+ARAGORN
[GONMIL 30100101-30181231]
[GONGOV >30190325]
`)
	f, err := SniffFormat(p)
	if err != nil || f != FormatPetrarchActor {
		t.Fatalf("format = %v, %v", f, err)
	}
	kb, err := WithFiles(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, date, want string }{
		{"Aragorn Elessar", "3015-06-01", "GONMIL"},
		{"Aragorn", "3020-01-01", "GONGOV"},
		{"Minas Tirith", "3020-01-01", "GONGOV"},
		{"Gondor", "3020-01-01", "GON"},
	}
	for _, c := range cases {
		ms := kb.Lookup(c.name, c.date)
		if len(ms) == 0 || ms[0].Code != c.want {
			t.Errorf("Lookup(%q, %s) = %+v, want %s", c.name, c.date, ms, c.want)
			continue
		}
		if !strings.Contains(ms[0].Source, "petrarch:fict.actors.txt") {
			t.Errorf("%q source = %q", c.name, ms[0].Source)
		}
	}
	// The embedded base is untouched.
	base, _ := Default()
	if ms := base.Lookup("Aragorn Elessar", "3015-06-01"); len(ms) != 0 {
		t.Errorf("the embedded base changed: %+v", ms)
	}
}

func TestPetrarchAgentsLoad(t *testing.T) {
	p := writePetr(t, "fict.agents.txt", "RANGER [~MIL]\nHOBBIT_ELDER {HOBBIT_ELDERS} [~GOV]\n")
	if f, _ := SniffFormat(p); f != FormatPetrarchAgent {
		t.Fatalf("format = %v", f)
	}
	kb, err := LoadAny(p)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, n := range kb.Nouns {
		got[n.Text] = n.Sector
	}
	if got["ranger"] != "MIL" || got["hobbit elder"] != "GOV" {
		t.Errorf("nouns = %v", got)
	}
}

func TestPetrarchBadLineNamesFile(t *testing.T) {
	p := writePetr(t, "bad.actors.txt", "GONDOR [GON]\nMORDOR [MOR 3019xx-]\n")
	_, err := LoadAny(p)
	if err == nil || !strings.Contains(err.Error(), "bad.actors.txt") {
		t.Errorf("err = %v, want one naming the file", err)
	}
}

func TestPhoenixCountriesLoad(t *testing.T) {
	p := shared.Path(t, "data/petrarch/dictionaries/Phoenix.Countries.actors.txt")
	kb, err := LoadPetrarchActors(p)
	var w *Warnings
	if err != nil && !errors.As(err, &w) {
		t.Fatal(err)
	}
	// The few malformed lines of the file are reported by file and line,
	// and the rest loads.
	if err != nil && !strings.Contains(err.Error(), "Phoenix.Countries.actors.txt:") {
		t.Errorf("warning does not name the file and line: %v", err)
	}
	if len(kb.People) < 100 || len(kb.Actors) < 50 {
		t.Errorf("people %d actors %d", len(kb.People), len(kb.Actors))
	}
}
