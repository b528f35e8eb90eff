package tabari

import (
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/dict/petrarch"
)

func FuzzReadTABARI(f *testing.F) {
	f.Add("<SYNSETS>\n&A\n+B C\n</SYNSETS>\nACT_ [100]\n{ ACTING_ }\n- * FOR { X | Y_Z } [1]\n")
	f.Add("ENT  [### <890101] [ENT]\n+X\nALB [USAGOV 991201-010114] [---]\n")
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Count(s, "\n") + 1
		check := func(err error) {
			if el, ok := err.(petrarch.ErrorList); ok {
				for _, e := range el {
					if e.Line < 1 || e.Line > lines {
						t.Fatalf("error outside the input: %v", e)
					}
				}
			}
		}
		v, err := ReadVerbs(strings.NewReader(s), "f")
		check(err)
		for _, b := range v.Blocks {
			for _, vb := range b.Verbs {
				v.Lookup(vb.Forms[0])
			}
		}
		a, err := ReadActors(strings.NewReader(s), "f")
		check(err)
		for _, e := range a.Entries {
			e.CodeOn(20000101)
		}
		_, err = ReadOptions(strings.NewReader(s), "f")
		check(err)
		_, err = ReadProject(strings.NewReader(s), "f")
		check(err)
	})
}
