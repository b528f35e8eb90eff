package text

import (
	"context"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

// fuzzSeeds are the starting inputs of both fuzz tests; testdata/fuzz holds
// more.
var fuzzSeeds = []string{
	"",
	"KYIV, July 13 (Reuters) - Ukraine’s troops don't “…are now gone,” BelTA said.\n(With inputs from Reuters)",
	"Mr. Smith met Gen. Ivanov in the U.S. on Jan. 5. The talks ended.",
	"1,000 troops; 3.5% rise; on 2022-02-24. See https://example.com/a_(b)). Mail a@b.org.",
	"war—and peace – again… “those (Ukrainian) troops” re-election long-term can't cannot",
	"ab\xffcd\x00\x07 \u0085 \u2028 \xe2\x80",
	"By Jane Doe\nMOSCOW, Jan. 5 (Reuters/AFP) - Talks resumed.\n(Reporting by A; Editing by B)",
	"\"Why?\" he asked. \"Because.\" ' '' ``",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkTokens(t, s, toks)
		for i, tk := range toks {
			if tk.Sent != -1 || tk.Head != -1 {
				t.Fatalf("token %d: Sent %d Head %d", i, tk.Sent, tk.Head)
			}
			if tk.SpaceAfter != spaceAt(s, tk.End) {
				t.Fatalf("token %d [%d,%d): SpaceAfter %v", i, tk.Start, tk.End, tk.SpaceAfter)
			}
		}
	})
}

func FuzzSegment(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc.New("fuzz", s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d)
		for _, e := range d.Errors {
			if e.Op != "tokenize" || e.Offset < 0 || e.Offset > len(s) {
				t.Fatalf("bad error entry %+v", e)
			}
		}
		for i, c := range d.Credits {
			if i > 0 && c.Start < d.Credits[i-1].End {
				t.Fatalf("credits %d and %d overlap", i-1, i)
			}
		}
	})
}
