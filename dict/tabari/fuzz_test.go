package tabari

import (
	"strings"
	"testing"
)

// The fuzz targets check that the readers never panic and that every
// problem names the file and a line inside the input.

func checkProblems(t *testing.T, in string, probs Problems) {
	lines := strings.Count(in, "\n") + 1
	for _, p := range probs {
		if p.File != "fuzz" || p.Line < 1 || p.Line > lines {
			t.Fatalf("problem %v outside the input (%d lines)", p, lines)
		}
	}
}

func FuzzReadActors(f *testing.F) {
	f.Add(actorsText)
	f.Add("X [A 990101-010101] [B]\n+Y\n  [C >950101]\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, probs, _ := ReadActors(strings.NewReader(in), "fuzz")
		checkProblems(t, in, probs)
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add("PRESIDENT_ [~GOVPRS]\nX\n+Y\n [NGO~]\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, probs, _ := ReadAgents(strings.NewReader(in), "fuzz")
		checkProblems(t, in, probs)
	})
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbsText)
	f.Add("A [1]\n- { B | { C | D } }_* &X [2]\n")
	f.Fuzz(func(t *testing.T, in string) {
		v, probs, _ := ReadVerbs(strings.NewReader(in), "fuzz")
		checkProblems(t, in, probs)
		for _, vb := range v.Verbs {
			for _, p := range vb.Patterns {
				n := 0
				for _, e := range p.Phrase {
					if e.Kind == VerbSlot {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("pattern %q has %d verb slots", p.Text, n)
				}
			}
		}
	})
}

func FuzzReadOptions(f *testing.F) {
	f.Add("COMPLEX: VERBS[5] CONJ[4]\nCOMMA: MIN=1 MAX=2\nDEFAULT: SOURCE [A] PRIOR\nSET: CODE ALL\nFORWARD: ^^NNN*SSS OFF\n")
	f.Fuzz(func(t *testing.T, in string) {
		o, probs, _ := ReadOptions(strings.NewReader(in), "fuzz")
		checkProblems(t, in, probs)
		o.StorySentence(in)
	})
}

func FuzzReadProject(f *testing.F) {
	f.Add("title\n<actorsfile> a\n<textfile> b\n<session 1>\n<x\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, probs, _ := ReadProject(strings.NewReader(in), "fuzz")
		checkProblems(t, in, probs)
	})
}

func FuzzParsePhrase(f *testing.F) {
	for _, s := range []string{"AL_GORE", "+ * FROM $", "BACK~ POLICY", "X=", "_ * _"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParsePhrase(in)
		if err == nil && len(p) == 0 {
			t.Fatal("empty phrase without error")
		}
		if _, err := ExpandPattern(in, map[string][]string{"&A": {"B"}}); err != nil {
			return
		}
	})
}
