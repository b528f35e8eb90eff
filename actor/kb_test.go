package actor

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "user.kb")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFileErrors(t *testing.T) {
	for _, c := range []struct {
		text string
		line int
		msg  string
	}{
		{"# ok\ncountry BL | Belarus\n", 2, "not three capital letters"},
		{"actor blrmed | BelTA\n", 1, "not a CAMEO code"},
		{"actor BLRMED\n", 1, "has no names"},
		{"country\n", 1, "no key"},
		{"\n\nrole X | RUSGOV | 2012-13 | | president\n", 3, "not YYYY"},
		{"role X | RUSGOV | 2012 | 2010 | president\n", 1, "ends (2010) before it starts"},
		{"frobnicate X | y\n", 1, "unknown record kind"},
		{"person X | Y | gender=x\n", 1, "gender"},
		{"sector MILITARY | troops\n", 1, "three-letter"},
		{"sector MIL | troops | number=q\n", 1, "number"},
		{"actor BLRMED | BelTA | type=BANK\n", 1, "entity type"},
		{"@source\n", 1, "@source needs a name"},
	} {
		p := writeFile(t, c.text)
		_, err := LoadFile(p)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v is not a *ParseError", c.text, err)
			continue
		}
		if pe.File != p || pe.Line != c.line || !strings.Contains(pe.Msg, c.msg) || pe.Op != "parse" {
			t.Errorf("%q: got %s:%d %q, want line %d containing %q", c.text, pe.File, pe.Line, pe.Msg, c.line, c.msg)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("%s:%d:", p, c.line)) {
			t.Errorf("error %q does not name file and line", err)
		}
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing.kb")); err == nil || !strings.Contains(err.Error(), "missing.kb") {
		t.Errorf("missing file: error %v does not name the file", err)
	}
}

// TestMerge extends the embedded base with a user file: a new person with
// a dated role, a new organisation and a later role for a known person.
func TestMerge(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, `@source my-desk
person Ivan Testov | Testov | gender=m
role Ivan Testov | BLRMIL | 2023-01-01 | 2024-12-31 | Commander of the Western Operational Command
role Ivan Testov | BLRGOV | 2025-01-01 | | Defence adviser
actor BLRNGO | Viasna | type=ORG
role Alexander Lukashenko | BLRELI | 2031-01-01 | | retired (hypothetical)
`)
	user, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	kb := def.Clone()
	kb.Merge(user)
	for _, c := range []struct{ name, date, code, source string }{
		{"Testov", "2024-06-01", "BLRMIL", "my-desk"},
		{"Ivan Testov", "2025-06-01", "BLRGOV", "my-desk"},
		{"Viasna", "", "BLRNGO", "my-desk"},
		{"Lukashenko", "2032-01-01", "BLRELI", "my-desk"},
		{"Lukashenko", "2024-07-13", "BLRGOV", "curated:leaders.kb"},
	} {
		ms := kb.Lookup(c.name, c.date)
		if len(ms) == 0 || ms[0].Code != c.code || ms[0].Source != c.source {
			t.Errorf("Lookup(%q, %q) = %+v, want code %s from %s", c.name, c.date, ms, c.code, c.source)
		}
	}
	// The default base is unchanged.
	if ms := def.Lookup("Testov", ""); len(ms) != 0 {
		t.Errorf("Merge into a clone changed the default base: %+v", ms)
	}
	// The merged base resolves mentions too.
	d := testDoc("Ivan Testov said Viasna activists were detained.", "2024-03-01")
	if err := NewResolver(kb).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) < 2 || d.Mentions[0].Actor.Code != "BLRMIL" || d.Slice(d.Mentions[1].Span) != "Viasna activists" || d.Mentions[1].Actor.Code != "BLRNGO" {
		var got []string
		for _, m := range d.Mentions {
			got = append(got, d.Slice(m.Span)+"="+m.Actor.Code)
		}
		t.Errorf("mentions %v, want Ivan Testov=BLRMIL, Viasna activists=BLRNGO", got)
	}
}

func TestLookup(t *testing.T) {
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, date string
		code, role string
		current    bool
	}{
		{"Putin", "2010-01-01", "RUSGOV", "Prime Minister of Russia", true},
		{"Putin", "2013-01-01", "RUSGOV", "President of Russia", true},
		{"Putin", "1999-01-01", "RUSSPY", "Director of the FSB", true},
		{"vladimir putin", "2020-01-01", "RUSGOV", "President of Russia", true},
		{"Biden", "2019-06-01", "USAELI", "former Vice President of the United States", false},
		{"Starmer", "", "GBRGOV", "Prime Minister of the United Kingdom", true},
		{"the Kremlin", "", "RUSGOV", "ORG metonym", false},
		{"Minsk", "", "BLRGOV", "capital of Belarus (as metonym)", false},
		{"border guards", "", "COP", "sector noun", false},
		{"NATO", "", "IGOWSTNAT", "ORG name", false},
	} {
		ms := kb.Lookup(c.name, c.date)
		if len(ms) == 0 {
			t.Errorf("Lookup(%q, %q): no match", c.name, c.date)
			continue
		}
		m := ms[0]
		if m.Code != c.code || m.Role != c.role || m.Current != c.current || m.Source == "" {
			t.Errorf("Lookup(%q, %q) = %+v, want %s %q current=%v with a source", c.name, c.date, m, c.code, c.role, c.current)
		}
	}
	if ms := kb.Lookup("Xyzzy Plugh", ""); len(ms) != 0 {
		t.Errorf("Lookup of an unknown name = %+v", ms)
	}
	h := kb.History("Putin")
	if len(h) < 5 || h[0].Code != "RUSSPY" {
		t.Errorf("History(Putin) = %+v, want every role, oldest (RUSSPY) first", h)
	}
}

func TestRoleOn(t *testing.T) {
	p := &Person{Name: "X", Roles: []Role{
		{Code: "AAAGOV", From: "2000", Until: "2004", Source: "archigos-4.1"},
		{Code: "AAAMIL", From: "2005-03", Until: "2006-02-15", Source: "wikidata"},
	}}
	for _, c := range []struct {
		date, code string
		ok         bool
	}{
		{"1999-12-31", "AAA", false},
		{"2000-01-01", "AAAGOV", true},
		{"2004-12-31", "AAAGOV", true},
		{"2005-02-28", "AAAELI", false},
		{"2005-03-01", "AAAMIL", true},
		{"2006-02-15", "AAAMIL", true},
		{"2006-02-16", "AAAELI", false},
		{"", "AAAELI", false},
	} {
		r, ok := p.RoleOn(c.date)
		if r.Code != c.code || ok != c.ok {
			t.Errorf("RoleOn(%q) = %s %v, want %s %v", c.date, r.Code, ok, c.code, c.ok)
		}
	}
}

func TestKindString(t *testing.T) {
	for k := Kind(0); k <= KindCapital+1; k++ {
		if k.String() == "" {
			t.Errorf("Kind(%d) prints empty", k)
		}
	}
	if KindPerson.String() != "person" || Kind(200).String() != "unknown" {
		t.Errorf("kind names: %s %s", KindPerson, Kind(200))
	}
}

func TestWeakPersonAttr(t *testing.T) {
	p := writeFile(t, "person Thompson (BRB) | Thompson | weak=2\n")
	if _, err := LoadFile(p); err == nil || !strings.Contains(err.Error(), "weak") {
		t.Errorf("weak=2: error %v", err)
	}
}
