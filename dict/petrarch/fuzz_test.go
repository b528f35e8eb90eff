package petrarch

import (
	"strings"
	"testing"
)

// The fuzz targets check that no input makes a reader panic and that every
// reported error names the file and a line inside the input.

func checkErrs(t *testing.T, err error, name string, lines int) {
	t.Helper()
	if el, ok := err.(ErrorList); ok {
		for _, e := range el {
			if e.File != name || e.Line < 1 || e.Line > lines+1 {
				t.Fatalf("bad error position: %v (input has %d lines)", e, lines)
			}
		}
	}
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbSrc)
	f.Add("--- X [1] ---\nX\n- * (A {B &C}) $ [2:3]\n&C\n+D_E\n")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ReadVerbs(strings.NewReader(s), "fuzz")
		if v == nil {
			t.Fatalf("nil dictionary: %v", err)
		}
		checkErrs(t, err, "fuzz", strings.Count(s, "\n")+1)
		for _, b := range v.Blocks {
			for _, vb := range b.Verbs {
				if vb.Head < 0 || vb.Head >= len(vb.Words) {
					t.Fatalf("head %d out of %v", vb.Head, vb.Words)
				}
			}
		}
		v.SynsetMatch("&C", []string{"D", "E"}, 0)
		v.Codes()
	})
}

func FuzzReadActors(f *testing.F) {
	f.Add(actorSrc)
	f.Add("X_Y [A]\n+Z\n\t[B >20010101]\n\t[C 990101-000101]\n")
	f.Fuzz(func(t *testing.T, s string) {
		a := NewActors()
		err := a.ReadActors(strings.NewReader(s), "fuzz")
		checkErrs(t, err, "fuzz", strings.Count(s, "\n")+1)
		for _, e := range a.Entries {
			e.CodeOn(20000101)
			for _, p := range e.Names {
				a.Match(p.Words)
			}
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add(agentSrc)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ReadAgents(strings.NewReader(s), "fuzz")
		checkErrs(t, err, "fuzz", strings.Count(s, "\n")+1)
		for _, e := range a.Entries {
			a.Match(e.Phrase.Words)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Add("950601")
	f.Add("20120229")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && (d < 10101 || d%100 == 0) {
			t.Fatalf("ParseDate(%q) = %d", s, d)
		}
	})
}
