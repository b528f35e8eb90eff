package doc

import "testing"

func TestSpansAndLookups(t *testing.T) {
	d := New("t", "Kyiv said.\nMinsk agreed.")
	d.Tokens = []Token{{Start: 0, End: 4}, {Start: 5, End: 9}, {Start: 9, End: 10}, {Start: 11, End: 16}, {Start: 17, End: 23}, {Start: 23, End: 24}}
	d.Sentences = []Sentence{{Span: Span{0, 10}, First: 0, Last: 3}, {Span: Span{11, 24}, First: 3, Last: 6}}
	if got := d.TokenText(3); got != "Minsk" {
		t.Errorf("TokenText = %q", got)
	}
	if got := d.TokenSpan(1, 3); got != (Span{5, 10}) {
		t.Errorf("TokenSpan = %v", got)
	}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 9: 2, 10: -1, 23: 5, 24: -1} {
		if got := d.TokenAt(off); got != want {
			t.Errorf("TokenAt(%d) = %d, want %d", off, got, want)
		}
	}
	if f, l := d.TokensIn(Span{5, 16}); f != 1 || l != 4 {
		t.Errorf("TokensIn = %d,%d", f, l)
	}
	if s := d.SentenceOf(12); s != 1 {
		t.Errorf("SentenceOf = %d", s)
	}
	if s := d.SentenceOf(10); s != -1 {
		t.Errorf("SentenceOf(10) = %d", s)
	}
	if p := d.Position(13); p.Line != 2 || p.Column != 3 {
		t.Errorf("Position = %v", p)
	}
	if got := d.Slice(Span{20, 99}); got != "" {
		t.Errorf("out-of-range slice = %q", got)
	}
	if n := len(d.SentenceTokens(1)); n != 3 {
		t.Errorf("SentenceTokens = %d", n)
	}
}

func TestEnumsPrintNames(t *testing.T) {
	checks := map[string]string{
		PER.String(): "PER", GROUP.String(): "GROUP", EntityType(99).String(): "UNKNOWN",
		Direct.String(): "direct", Mixed.String(): "mixed", Deny.String(): "deny",
		Threatened.String(): "threatened", MentionPronoun.String(): "pronoun",
		CreditInputs.String(): "inputs", CreditKind(42).String(): "CreditKind(42)",
		(LayerTokens | LayerDeps).String(): "tokens+deps", Layer(0).String(): "none",
	}
	for got, want := range checks {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if ParseEntityType("NORP") != NORP || ParseEntityType("x") != TypeUnknown {
		t.Error("ParseEntityType")
	}
	if s, ok := ParseStance("deny"); !ok || s != Deny {
		t.Error("ParseStance")
	}
}

func TestQuad(t *testing.T) {
	for code, want := range map[string]int{"010": 1, "0356": 1, "057": 1, "0874": 2, "111": 3, "138": 3, "15": 4, "190": 4, "2041": 4, "": 0, "9": 0, "xx1": 0, "210": 0} {
		if got := QuadOf(code); got != want {
			t.Errorf("QuadOf(%q) = %d, want %d", code, got, want)
		}
	}
	if r := (Event{CAMEO: "0874"}).Root(); r != "08" {
		t.Errorf("Root = %q", r)
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty list is an error")
	}
	l.Add(9, "tokenize", "invalid UTF-8")
	l.Add(2, "tokenize", "NUL byte")
	l.Sort()
	if l[0].Offset != 2 || l.Err() == nil || l.Error() != "tokenize: offset 2: NUL byte (and 1 more errors)" {
		t.Errorf("list = %v", l)
	}
}
