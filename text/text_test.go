package text

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

type tok struct {
	Start, End int
	Norm       string
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		// Curly and straight apostrophes; clitics split as in EWT.
		{"Ukraine’s troops don't", []tok{{0, 7, "Ukraine"}, {7, 11, "'s"}, {12, 18, "troops"}, {19, 21, "do"}, {21, 24, "n't"}}},
		{"can't won't cannot", []tok{{0, 2, "ca"}, {2, 5, "n't"}, {6, 8, "wo"}, {8, 11, "n't"}, {12, 15, "can"}, {15, 18, "not"}}},
		{"the troops' bases", []tok{{0, 3, "the"}, {4, 10, "troops"}, {10, 11, "'"}, {12, 17, "bases"}}},
		{"O'Brien’d", []tok{{0, 7, "O'Brien"}, {7, 11, "'d"}}},
		// Quotes: curly ones straightened in Norm, offsets unchanged.
		{"‘It’s over,’ she said", []tok{{0, 3, "'"}, {3, 5, "It"}, {5, 9, "'s"}, {10, 14, "over"}, {14, 15, ","}, {15, 18, "'"}, {19, 22, "she"}, {23, 27, "said"}}},
		{`"Yes," he said.`, []tok{{0, 1, `"`}, {1, 4, "Yes"}, {4, 5, ","}, {5, 6, `"`}, {7, 9, "he"}, {10, 14, "said"}, {14, 15, "."}}},
		// The ellipsis character inside a quote.
		{"“…There are", []tok{{0, 3, `"`}, {3, 6, "..."}, {6, 11, "There"}, {12, 15, "are"}}},
		{"wait... what", []tok{{0, 4, "wait"}, {4, 7, "..."}, {8, 12, "what"}}},
		// Parentheses inside quotes.
		{"“those (Ukrainian) troops”", []tok{{0, 3, `"`}, {3, 8, "those"}, {9, 10, "("}, {10, 19, "Ukrainian"}, {19, 20, ")"}, {21, 27, "troops"}, {27, 30, `"`}}},
		// Em and en dashes.
		{"war—and peace – again…", []tok{{0, 3, "war"}, {3, 6, "—"}, {6, 9, "and"}, {10, 15, "peace"}, {16, 19, "–"}, {20, 25, "again"}, {25, 28, "..."}}},
		{"yes -- no", []tok{{0, 3, "yes"}, {4, 6, "--"}, {7, 9, "no"}}},
		// Hyphens: split, except after prefixes and between digits.
		{"his re-election, a long-term plan", []tok{{0, 3, "his"}, {4, 15, "re-election"}, {15, 16, ","}, {17, 18, "a"}, {19, 23, "long"}, {23, 24, "-"}, {24, 28, "term"}, {29, 33, "plan"}}},
		// Abbreviations keep their period; a sentence period stays apart.
		{"Mr. Smith met Gen. Ivanov in the U.S. on Jan. 5.", []tok{{0, 3, "Mr."}, {4, 9, "Smith"}, {10, 13, "met"}, {14, 18, "Gen."}, {19, 25, "Ivanov"}, {26, 28, "in"}, {29, 32, "the"}, {33, 37, "U.S."}, {38, 40, "on"}, {41, 45, "Jan."}, {46, 47, "5"}, {47, 48, "."}}},
		{"in the U.S.", []tok{{0, 2, "in"}, {3, 6, "the"}, {7, 10, "U.S"}, {10, 11, "."}}},
		{"No. 5 was no.", []tok{{0, 3, "No."}, {4, 5, "5"}, {6, 9, "was"}, {10, 12, "no"}, {12, 13, "."}}},
		// Numbers.
		{"1,000 troops; 3.5% rise; on 2022-02-24.", []tok{{0, 5, "1,000"}, {6, 12, "troops"}, {12, 13, ";"}, {14, 17, "3.5"}, {17, 18, "%"}, {19, 23, "rise"}, {23, 24, ";"}, {25, 27, "on"}, {28, 38, "2022-02-24"}, {38, 39, "."}}},
		{"$185m at 10:30, the 20th in 1990s", []tok{{0, 1, "$"}, {1, 4, "185"}, {4, 5, "m"}, {6, 8, "at"}, {9, 14, "10:30"}, {14, 15, ","}, {16, 19, "the"}, {20, 24, "20th"}, {25, 27, "in"}, {28, 33, "1990s"}}},
		// URLs and e-mail addresses stay whole, without trailing punctuation.
		{"See https://www.reuters.com/world/ now.", []tok{{0, 3, "See"}, {4, 34, "https://www.reuters.com/world/"}, {35, 38, "now"}, {38, 39, "."}}},
		{"(www.example.com/a_(b)).", []tok{{0, 1, "("}, {1, 22, "www.example.com/a_(b)"}, {22, 23, ")"}, {23, 24, "."}}},
		{"Mail press@example.org today.", []tok{{0, 4, "Mail"}, {5, 22, "press@example.org"}, {23, 28, "today"}, {28, 29, "."}}},
		// Unicode letters and white space.
		{"Zelenskiy\u00a0said «Київ»", []tok{{0, 9, "Zelenskiy"}, {11, 15, "said"}, {16, 18, "«"}, {18, 26, "Київ"}, {26, 28, "»"}}},
		{"", nil},
	}
	for _, tt := range tests {
		got := Tokenize(tt.in)
		var gt []tok
		for _, g := range got {
			gt = append(gt, tok{g.Start, g.End, g.Norm})
			if g.Sent != -1 || g.Head != -1 {
				t.Errorf("Tokenize(%q): token %v has Sent %d Head %d, want -1 -1", tt.in, g, g.Sent, g.Head)
			}
		}
		if !reflect.DeepEqual(gt, tt.want) {
			t.Errorf("Tokenize(%q)\n got %v\nwant %v", tt.in, gt, tt.want)
		}
	}
}

func TestSpaceAfter(t *testing.T) {
	toks := Tokenize("Hi, you.\nOk")
	want := []bool{false, true, false, true, false}
	for i, tk := range toks {
		if tk.SpaceAfter != want[i] {
			t.Errorf("token %d %v: SpaceAfter %v, want %v", i, tk, tk.SpaceAfter, want[i])
		}
	}
}

func TestNormSharesText(t *testing.T) {
	s := "Belarusian troops"
	toks := Tokenize(s)
	if len(toks) != 2 {
		t.Fatalf("got %d tokens", len(toks))
	}
	if n := testing.AllocsPerRun(10, func() { _ = normalize(s[:10]) }); n != 0 {
		t.Errorf("normalize of an unchanged ASCII token allocates %v times", n)
	}
}

type sent struct{ Start, End, First, Last, Paragraph int }

func segment(t *testing.T, in string) *doc.Doc {
	t.Helper()
	d := doc.New("t", in)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatalf("Process(%q): %v", in, err)
	}
	checkDoc(t, d)
	return d
}

func TestSegment(t *testing.T) {
	tests := []struct {
		in      string
		want    []sent
		credits []doc.Credit
	}{
		// A dateline at the start of the story; the first sentence starts
		// after the dash.
		{"KYIV, July 13 (Reuters) - Ukraine said on Saturday it had repelled attacks. Russia denied it.",
			[]sent{{26, 75, 8, 17, 0}, {76, 93, 17, 21, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 25}, Kind: doc.CreditDateline, Sources: []string{"Reuters"}, Place: "KYIV", Date: "July 13"}}},
		{"WASHINGTON (AP) — The Senate voted. It passed 51-49.",
			[]sent{{20, 37, 5, 9, 0}, {38, 54, 9, 13, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 19}, Kind: doc.CreditDateline, Sources: []string{"AP"}, Place: "WASHINGTON"}}},
		// A byline, then a dateline at the start of a paragraph.
		{"By Jane Doe\nMOSCOW, Jan. 5 (Reuters/AFP) - Talks resumed.",
			[]sent{{43, 57, 13, 16, 1}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 11}, Kind: doc.CreditByline},
				{Span: doc.Span{Start: 12, End: 42}, Kind: doc.CreditDateline, Sources: []string{"Reuters", "AFP"}, Place: "MOSCOW", Date: "Jan. 5"}}},
		{"By Jane Doe and John Roe, Reuters\nTalks resumed.",
			[]sent{{34, 48, 8, 11, 1}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 33}, Kind: doc.CreditByline, Sources: []string{"Reuters"}}}},
		// A quote ending with its cue is one sentence; a new opening quote
		// after a sentence end starts a sentence; a quote of two sentences
		// splits between them.
		{"“…are now gone,” BelTA quoted him as saying. “We are ready. We will fight,” he said.",
			[]sent{{0, 50, 0, 13, 0}, {51, 67, 13, 18, 0}, {68, 94, 18, 26, 0}}, nil},
		{`"Why?" he asked. "Because."`,
			[]sent{{0, 16, 0, 7, 0}, {17, 27, 7, 11, 0}}, nil},
		// Abbreviations: no break after a title or before a number; a break
		// when the next word clearly starts a sentence.
		{"He met Mr. Smith in the U.S. The talks ended.",
			[]sent{{0, 28, 0, 7, 0}, {29, 45, 7, 11, 0}}, nil},
		{"Gen. Ivanov and Dr. Lee met on Jan. 5 in Geneva. No deal was reached.",
			[]sent{{0, 48, 0, 12, 0}, {49, 69, 12, 17, 0}}, nil},
		{"The U.S. Army said 3.5% of 1,000 troops left.",
			[]sent{{0, 45, 0, 11, 0}}, nil},
		{"It ended at 3 p.m. (1200 GMT). Talks resume at 9 a.m. “We are ready,” he said.",
			[]sent{{0, 30, 0, 10, 0}, {31, 53, 10, 15, 0}, {54, 82, 15, 24, 0}}, nil},
		// Paragraphs: a newline or a blank line ends one.
		{"One paragraph\nSecond paragraph. Still second.\n\nThird",
			[]sent{{0, 13, 0, 2, 0}, {14, 31, 2, 5, 1}, {32, 45, 5, 8, 1}, {47, 52, 8, 9, 2}}, nil},
		// Credit lines are not sentences.
		{"Troops left.\n(Reporting by Jane Doe in Kyiv; Editing by John Smith)",
			[]sent{{0, 12, 0, 3, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 13, End: 67}, Kind: doc.CreditEditing}}},
		{"Troops left. (With inputs from Reuters and AFP)",
			[]sent{{0, 12, 0, 3, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 13, End: 47}, Kind: doc.CreditInputs, Sources: []string{"Reuters", "AFP"}}}},
		// Parentheses that are not a credit stay in their sentence.
		{"Troops left. (They came back.)",
			[]sent{{0, 12, 0, 3, 0}, {13, 30, 3, 9, 0}}, nil},
		// An agency dateline with the place in title case; a region after
		// the place.
		{"Kyiv (AFP) - Ukraine said it had repelled attacks.",
			[]sent{{13, 50, 5, 12, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 12}, Kind: doc.CreditDateline, Sources: []string{"AFP"}, Place: "Kyiv"}}},
		{"KYIV, Ukraine (AP) — Russian forces shelled the city.",
			[]sent{{23, 55, 7, 13, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 22}, Kind: doc.CreditDateline, Sources: []string{"AP"}, Place: "KYIV"}}},
		{"Biden (Democrat) - the man.",
			[]sent{{0, 27, 0, 8, 0}}, nil},
		// A quote ending in "?" followed by its attribution is one sentence.
		{"“Why now?” Foreign Minister Ivan Petrov asked. He left.",
			[]sent{{0, 50, 0, 11, 0}, {51, 59, 11, 14, 0}}, nil},
		{"“Why now?” Petrov left.",
			[]sent{{0, 14, 0, 5, 0}, {15, 27, 5, 8, 0}}, nil},
		// An opening quote mark used to close a quote.
		{"It was “Mostly False.“ He left.",
			[]sent{{0, 26, 0, 7, 0}, {27, 35, 7, 10, 0}}, nil},
		// A number that starts with its decimal point.
		{"It fell .5 points.",
			[]sent{{0, 18, 0, 5, 0}}, nil},
		// Agency credits without a place, and TASS's style.
		{"(Bloomberg) -- Oil rose.",
			[]sent{{15, 24, 4, 7, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 14}, Kind: doc.CreditDateline, Sources: []string{"Bloomberg"}}}},
		{"MOSCOW, July 13. /TASS/. Talks began.",
			[]sent{{25, 37, 9, 12, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 24}, Kind: doc.CreditDateline, Sources: []string{"TASS"}, Place: "MOSCOW", Date: "July 13"}}},
		// Reuters' closing boilerplate.
		{"Talks began.\nOur Standards: The Thomson Reuters Trust Principles.",
			[]sent{{0, 12, 0, 3, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 13, End: 65}, Kind: doc.CreditUnknown}}},
		{"EXCLUSIVE-Russia plans talks.",
			[]sent{{0, 29, 0, 6, 0}}, nil},
		{"WASHINGTON — The Senate voted.",
			[]sent{{15, 32, 2, 6, 0}},
			[]doc.Credit{{Span: doc.Span{Start: 0, End: 14}, Kind: doc.CreditDateline, Place: "WASHINGTON"}}},
		// A capitalised word that is not a dateline.
		{"NATO said it would act.",
			[]sent{{0, 23, 0, 6, 0}}, nil},
		{"", nil, nil},
		{" \n\n ", nil, nil},
	}
	for _, tt := range tests {
		d := segment(t, tt.in)
		var got []sent
		for _, s := range d.Sentences {
			got = append(got, sent{s.Start, s.End, s.First, s.Last, s.Paragraph})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Process(%q) sentences\n got %v\nwant %v", tt.in, got, tt.want)
			for _, s := range d.Sentences {
				t.Logf("  %q", d.Slice(s.Span))
			}
		}
		if len(d.Credits) != 0 || len(tt.credits) != 0 {
			if !reflect.DeepEqual(d.Credits, tt.credits) {
				t.Errorf("Process(%q) credits\n got %+v\nwant %+v", tt.in, d.Credits, tt.credits)
			}
		}
		if len(d.Errors) != 0 {
			t.Errorf("Process(%q): unexpected errors %v", tt.in, d.Errors)
		}
	}
}

// checkDoc checks the invariants of a segmented document: tokens in order,
// within the text and not overlapping; every byte that is not white space
// or a control character covered by a token; sentences in order, covering
// their tokens; every token in a sentence or a credit.
func checkDoc(t testing.TB, d *doc.Doc) {
	t.Helper()
	checkTokens(t, d.Text, d.Tokens)
	inCredit := make([]bool, len(d.Tokens))
	for _, c := range d.Credits {
		if !c.Valid(len(d.Text)) || c.Start >= c.End {
			t.Fatalf("credit %+v out of range", c)
		}
		f, l := d.TokensIn(c.Span)
		for k := f; k < l; k++ {
			inCredit[k] = true
			if d.Tokens[k].Sent != -1 {
				t.Fatalf("token %d in credit %q has Sent %d", k, d.Slice(c.Span), d.Tokens[k].Sent)
			}
		}
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First >= s.Last || s.First < next || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d %+v: bad token range (previous ended at %d)", i, s, next)
		}
		for k := next; k < s.First; k++ {
			if !inCredit[k] {
				t.Fatalf("token %d %q is in no sentence and no credit", k, d.TokenText(k))
			}
		}
		if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d span %v does not match its tokens", i, s.Span)
		}
		if i > 0 && s.Paragraph < d.Sentences[i-1].Paragraph {
			t.Fatalf("sentence %d: paragraph %d after %d", i, s.Paragraph, d.Sentences[i-1].Paragraph)
		}
		for k := s.First; k < s.Last; k++ {
			if d.Tokens[k].Sent != i {
				t.Fatalf("token %d in sentence %d has Sent %d", k, i, d.Tokens[k].Sent)
			}
			if k > s.First && lineBreak(d.Text[d.Tokens[k-1].End:d.Tokens[k].Start]) {
				t.Fatalf("sentence %d %q crosses a line break before token %d", i, d.Slice(s.Span), k)
			}
		}
		if i > 0 && s.Paragraph == d.Sentences[i-1].Paragraph {
			if lineBreak(d.Text[d.Sentences[i-1].End:s.Start]) {
				t.Fatalf("sentences %d and %d: same paragraph across a line break", i-1, i)
			}
		}
		next = s.Last
	}
	for k := next; k < len(d.Tokens); k++ {
		if !inCredit[k] {
			t.Fatalf("token %d %q is in no sentence and no credit", k, d.TokenText(k))
		}
	}
}

// checkTokens checks the token invariants.
func checkTokens(t testing.TB, s string, toks []doc.Token) {
	t.Helper()
	pos := 0
	for i, tk := range toks {
		if tk.Start < pos || tk.End <= tk.Start || tk.End > len(s) {
			t.Fatalf("token %d [%d,%d) out of order or range (previous end %d, len %d)", i, tk.Start, tk.End, pos, len(s))
		}
		checkGap(t, s, pos, tk.Start)
		if tk.Norm == "" {
			t.Fatalf("token %d [%d,%d) has an empty Norm", i, tk.Start, tk.End)
		}
		pos = tk.End
	}
	checkGap(t, s, pos, len(s))
}

// checkGap checks that s[a:b] holds only white space and control
// characters.
func checkGap(t testing.TB, s string, a, b int) {
	t.Helper()
	for k := a; k < b; {
		r, w := utf8.DecodeRuneInString(s[k:b])
		if r == utf8.RuneError && w == 1 {
			t.Fatalf("invalid byte at %d not covered by a token", k)
		}
		var cl uint8
		if r < utf8.RuneSelf {
			cl = asciiClass[r]
		} else {
			cl = runeClass(r)
		}
		if cl != clSpace && cl != clCtrl {
			t.Fatalf("byte %d (%q) not covered by a token", k, r)
		}
		k += w
	}
}

// TestBelarusBorder is the first acceptance story: 16 sentences, then the
// credit line.
func TestBelarusBorder(t *testing.T) {
	path := shared.Path(t, "seed/belarus-border.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := segment(t, string(b))
	want := [][2]string{
		{"Belarusian", "bases"}, {"The", "buildup"}, {"They", "readiness"},
		{"Lukashenko", "areas"}, {"That", "saying"}, {"There", "none"},
		{"BelTA", "bases"}, {"Well", "saying"}, {"So", "forces"},
		{"A", "deployment"}, {"From", "said"}, {"Russia", "concern"},
		{"Lukashenko", "conflict"}, {"The", "term"}, {"The", "meetings"},
		{"Russia", "Belarus"},
	}
	if len(d.Sentences) != len(want) {
		for _, s := range d.Sentences {
			t.Logf("%q", d.Slice(s.Span))
		}
		t.Fatalf("got %d sentences, want %d", len(d.Sentences), len(want))
	}
	for i, s := range d.Sentences {
		var words []string
		for k := s.First; k < s.Last; k++ {
			if r, _ := utf8.DecodeRuneInString(d.TokenText(k)); isWord(r) {
				words = append(words, d.TokenText(k))
			}
		}
		if len(words) == 0 || words[0] != want[i][0] || words[len(words)-1] != want[i][1] {
			t.Errorf("sentence %d %q: words %v..., want %q ... %q", i, d.Slice(s.Span), words[:min(len(words), 1)], want[i][0], want[i][1])
		}
		if strings.TrimSpace(d.Slice(s.Span)) != d.Slice(s.Span) {
			t.Errorf("sentence %d has surrounding space", i)
		}
	}
	// Quotes stay with their sentences.
	if got := d.Slice(d.Sentences[4].Span); !strings.HasPrefix(got, "“That means") || !strings.HasSuffix(got, "as saying.") {
		t.Errorf("sentence 4 = %q", got)
	}
	if got := d.Slice(d.Sentences[5].Span); !strings.HasPrefix(got, "“…There") || !strings.HasSuffix(got, "none.”") {
		t.Errorf("sentence 5 = %q", got)
	}
	if len(d.Credits) != 1 {
		t.Fatalf("got %d credits, want 1: %+v", len(d.Credits), d.Credits)
	}
	c := d.Credits[0]
	if c.Kind != doc.CreditInputs || d.Slice(c.Span) != "(With inputs from Reuters)" || !reflect.DeepEqual(c.Sources, []string{"Reuters"}) {
		t.Errorf("credit = %+v %q", c, d.Slice(c.Span))
	}
	if c.Start < d.Sentences[15].End {
		t.Errorf("credit starts at %d, before the last sentence ends at %d", c.Start, d.Sentences[15].End)
	}
	for i, tk := range d.Tokens {
		if d.Text[tk.Start:tk.End] != d.TokenText(i) || tk.Norm == "" {
			t.Fatalf("token %d", i)
		}
	}
	if len(d.Errors) != 0 {
		t.Errorf("errors: %v", d.Errors)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		in       string
		toks     []tok
		errs     []int // offsets of the recorded errors
		sentence int   // number of sentences
	}{
		// Invalid UTF-8: each bad byte is a token of its own.
		{"ab\xffcd ok.", []tok{{0, 2, "ab"}, {2, 3, "\uFFFD"}, {3, 5, "cd"}, {6, 8, "ok"}, {8, 9, "."}}, []int{2}, 1},
		{"\xe2\x80 x", []tok{{0, 1, "\uFFFD"}, {1, 2, "\uFFFD"}, {3, 4, "x"}}, []int{0, 1}, 1},
		// NUL and other control characters are white space.
		{"a\x00b\x07c", []tok{{0, 1, "a"}, {2, 3, "b"}, {4, 5, "c"}}, []int{1, 3}, 1},
		{"one\u0085two", []tok{{0, 3, "one"}, {5, 8, "two"}}, nil, 2},
		{"\x00\x00", nil, []int{0, 1}, 0},
	}
	for _, tt := range tests {
		d := segment(t, tt.in)
		var got []tok
		for _, g := range d.Tokens {
			got = append(got, tok{g.Start, g.End, g.Norm})
		}
		if !reflect.DeepEqual(got, tt.toks) {
			t.Errorf("Process(%q) tokens\n got %v\nwant %v", tt.in, got, tt.toks)
		}
		var offs []int
		for _, e := range d.Errors {
			if e.Op != "tokenize" {
				t.Errorf("Process(%q): error %v has Op %q", tt.in, e, e.Op)
			}
			offs = append(offs, e.Offset)
		}
		if !reflect.DeepEqual(offs, tt.errs) {
			t.Errorf("Process(%q) errors at %v, want %v (%v)", tt.in, offs, tt.errs, d.Errors)
		}
		if len(d.Sentences) != tt.sentence {
			t.Errorf("Process(%q): %d sentences, want %d", tt.in, len(d.Sentences), tt.sentence)
		}
	}
}

func TestErrorCap(t *testing.T) {
	d := segment(t, strings.Repeat("\x00", 1000))
	if len(d.Errors) != maxErrors+1 {
		t.Errorf("got %d errors, want %d", len(d.Errors), maxErrors+1)
	}
}

func TestNilDoc(t *testing.T) {
	if err := New().Process(context.Background(), nil); err == nil {
		t.Error("Process(nil): no error")
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := doc.New("c", "Text.")
	if err := New().Process(ctx, d); err == nil {
		t.Error("Process with a canceled context: no error")
	}
}

// TestLarge checks that a few megabytes of news-like text, and a quarter
// megabyte of each of several pathological inputs, are segmented in
// linear time. The bound, 0.1 MB/s, is loose enough for a loaded machine
// and tight enough to catch quadratic behaviour, which would take minutes
// on a quarter of a million tokens.
func TestLarge(t *testing.T) {
	para := newsText(1)
	const n = 1 << 18
	cases := []struct{ name, in string }{
		{"news", strings.Repeat(para, (2<<20)/len(para))},
		{"one word", strings.Repeat("a", n)},
		{"dots", strings.Repeat("a.", n/2)},
		{"hyphens", strings.Repeat("ab-", n/3)},
		{"credits", strings.Repeat("(With inputs from A.) ", n/22)},
		{"open parens", strings.Repeat("(", n)},
		{"quotes", strings.Repeat("\u201c", n/3)},
		{"abbreviations", strings.Repeat("U.S. ", n/5)},
		{"dateline", strings.Repeat("KYIV, ", n/6)},
		{"url", "http://" + strings.Repeat("a", n)},
		{"commas", strings.Repeat("ab,", n/3)},
		{"apostrophes", strings.Repeat("a'", n/2)},
		{"bad bytes", strings.Repeat("\xff", n)},
		{"controls", strings.Repeat("\x00a", n/2)},
	}
	for _, c := range cases {
		start := time.Now()
		d := doc.New(c.name, c.in)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		el := time.Since(start)
		t.Logf("%s: %d bytes, %d tokens in %v", c.name, len(c.in), len(d.Tokens), el)
		if mbs := float64(len(c.in)) / el.Seconds() / 1e6; mbs < 0.1 {
			t.Errorf("%s: %.2f MB/s", c.name, mbs)
		}
		checkDoc(t, d)
	}
}

func TestLayers(t *testing.T) {
	if got := New().Layers(); got != doc.LayerTokens|doc.LayerSentences {
		t.Errorf("Layers() = %v", got)
	}
}

// lineBreak reports whether gap holds a line break.
func lineBreak(gap string) bool {
	return strings.ContainsAny(gap, "\n\r\v\f\u0085\u2028\u2029")
}

// TestConcurrent runs one Segmenter on several goroutines; run it with
// -race.
func TestConcurrent(t *testing.T) {
	seg := New()
	in := newsText(2)[:20000]
	want := doc.New("w", in)
	if err := seg.Process(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	errc := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			d := doc.New("c", in)
			if err := seg.Process(context.Background(), d); err != nil {
				errc <- err.Error()
				return
			}
			if !reflect.DeepEqual(d.Tokens, want.Tokens) || !reflect.DeepEqual(d.Sentences, want.Sentences) || !reflect.DeepEqual(d.Credits, want.Credits) {
				errc <- "different result"
				return
			}
			errc <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if msg := <-errc; msg != "" {
			t.Error(msg)
		}
	}
}
