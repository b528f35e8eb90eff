package quote

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/text"
)

// segment tokenizes and splits a story; these tests run without a parse,
// on the word-order rules.
func segment(t testing.TB, s string) *doc.Doc {
	t.Helper()
	d := doc.New("t", s)
	if err := text.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	d.Layers |= doc.LayerTokens | doc.LayerSentences
	return d
}

type wantQuote struct {
	kind, speaker, cue, content string
	via                         string
	addressee                   string
}

func TestDirectQuotesByWordOrder(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []wantQuote
	}{
		{"cue after, told", `“We will not retreat,” the general told reporters.`,
			[]wantQuote{{kind: "direct", speaker: "general", cue: "told", content: `“We will not retreat,”`, addressee: "reporters"}}},
		{"inverted", `“The talks are over,” said Smith.`,
			[]wantQuote{{kind: "direct", speaker: "Smith", cue: "said", content: `“The talks are over,”`}}},
		{"cue before with colon", `The minister said: “Our borders are safe.”`,
			[]wantQuote{{kind: "direct", speaker: "minister", cue: "said", content: `“Our borders are safe.”`}}},
		{"bare colon", `Lukashenko: “We have to pull back our troops now.”`,
			[]wantQuote{{kind: "direct", speaker: "Lukashenko", cue: ":", content: `“We have to pull back our troops now.”`}}},
		{"quoting outlet", `“The troops are gone,” BelTA quoted him as saying. “There are no difficulties with our neighbours now.”`,
			[]wantQuote{
				{kind: "direct", speaker: "him", cue: "quoted him as saying", content: `“The troops are gone,”`, via: "BelTA"},
				{kind: "direct", speaker: "him", cue: "quoted him as saying", content: `“There are no difficulties with our neighbours now.”`, via: "BelTA"},
			}},
		{"passive quoting inherits outlet", "“One,” TASS quoted her as saying.\n“We must leave the border area today,” she was quoted as saying.",
			[]wantQuote{
				{kind: "direct", speaker: "her", cue: "quoted her as saying", content: `“One,”`, via: "TASS"},
				{kind: "direct", speaker: "she", cue: "was quoted as saying", content: `“We must leave the border area today,”`, via: "TASS"},
			}},
		{"scare quotes are not speech", `Moscow calls the war a so-called “special operation” in its media.`, nil},
		{"multi-paragraph quote", "“The first part of the statement runs here.\n“And the second part follows it,” the envoy said.",
			[]wantQuote{{kind: "direct", speaker: "envoy", cue: "said", content: "“The first part of the statement runs here.\n“And the second part follows it,”"}}},
		{"unbalanced quote", `“This never closes, the spokesman said and left the room quickly.`,
			[]wantQuote{{kind: "direct", speaker: "", cue: "", content: `“This never closes, the spokesman said and left the room quickly.`}}},
		{"straight quotes", `"Nothing has changed," a diplomat said on Friday.`,
			[]wantQuote{{kind: "direct", speaker: "diplomat", cue: "said", content: `"Nothing has changed,"`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := segment(t, c.in)
			if err := New().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Quotes) != len(c.want) {
				t.Fatalf("got %d quotes, want %d: %s", len(d.Quotes), len(c.want), dump(d))
			}
			for i, w := range c.want {
				q := d.Quotes[i]
				got := wantQuote{kind: q.Kind.String(), speaker: lastWord(q.Speaker.Text), cue: d.Slice(q.Cue),
					content: d.Slice(q.Content), via: refTexts(q.Via), addressee: q.Addressee}
				if w.speaker != "" {
					w.speaker = lastWord(w.speaker)
				}
				if got != w {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, got, w)
				}
				if q.ID != fmt.Sprintf("Q%d", i+1) {
					t.Errorf("quote %d id %q", i, q.ID)
				}
			}
		})
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func refTexts(rs []doc.Ref) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.Text)
	}
	return strings.Join(s, ">")
}

func dump(d *doc.Doc) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		fmt.Fprintf(&b, "\n  %s %s speaker=%q cue=%q content=%q via=%s", q.ID, q.Kind, q.Speaker.Text, d.Slice(q.Cue), d.Slice(q.Content), refTexts(q.Via))
	}
	return b.String()
}

func TestUnbalancedAndOddInputNeverPanics(t *testing.T) {
	for _, s := range []string{
		`”`, `“`, `" " " "`, `””“““ said he.`, "“a\n\n”b said", `He said: ”`, `“ ,” said`, "\"\n\"\n\"",
	} {
		d := segment(t, s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Errorf("%q: %v", s, err)
		}
		for _, q := range d.Quotes {
			if !q.Content.Valid(len(s)) || !q.Cue.Valid(len(s)) {
				t.Errorf("%q: bad spans %+v", s, q)
			}
		}
	}
}

func TestClaimsAndContradictions(t *testing.T) {
	// Two sources: one says Gondor withdrew troops, the other dismisses it.
	d := segment(t, "Gondor’s king said that Osgiliath had withdrawn troops. Osgiliath’s army dismissed the claim.")
	king := doc.Ref{Entity: "E1", Text: "Gondor’s king", Code: "GONGOV"}
	army := doc.Ref{Entity: "E2", Text: "Osgiliath’s army", Code: "OSGMIL"}
	said := strings.Index(d.Text, "said")
	dismissed := strings.Index(d.Text, "dismissed")
	withdrawn := strings.Index(d.Text, "withdrawn")
	d.Quotes = []doc.Quote{
		{ID: "Q1", Kind: doc.Indirect, Speaker: king, Via: []doc.Ref{{Text: "BelTA", Code: "GONMED"}},
			Cue: doc.Span{Start: said, End: said + 4}, Content: doc.Span{Start: said + 5, End: strings.Index(d.Text, ".")}},
		{ID: "Q2", Kind: doc.Indirect, Speaker: army, Stance: doc.Deny,
			Cue: doc.Span{Start: dismissed, End: dismissed + 9}, Content: doc.Span{Start: dismissed + 10, End: len(d.Text) - 1}},
	}
	d.Events = []doc.Event{{ID: "V1", CAMEO: "0874", Source: doc.Ref{Text: "Osgiliath", Code: "OSG"},
		Trigger: doc.Span{Start: withdrawn, End: withdrawn + 9}, Evidence: doc.Span{Start: said + 5, End: said + 40}}}
	if err := NewClaimer().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	e := d.Events[0]
	if e.Quote != "Q1" || refTexts(e.ClaimedBy) != "BelTA>Gondor’s king" {
		t.Errorf("event quote %q claimed_by %q", e.Quote, refTexts(e.ClaimedBy))
	}
	if len(d.Claims) != 2 {
		t.Fatalf("claims = %+v", d.Claims)
	}
	c1, c2 := d.Claims[0], d.Claims[1]
	if c1.By.Entity != "E1" || c1.Stance != doc.Assert || c1.Event != "V1" || c2.Stance != doc.Deny || c2.Event != "" {
		t.Errorf("claims = %+v", d.Claims)
	}
	if strings.Join(c1.Contradicts, ",") != "C2" || strings.Join(c2.Contradicts, ",") != "C1" {
		t.Errorf("contradictions = %v / %v", c1.Contradicts, c2.Contradicts)
	}
}

func Example() {
	d := doc.New("ex", "“The border is calm,” the minister told reporters in Minsk.")
	_ = text.New().Process(context.Background(), d)
	d.Layers |= doc.LayerTokens | doc.LayerSentences
	_ = New().Process(context.Background(), d)
	for _, q := range d.Quotes {
		fmt.Printf("%s %s: speaker %q, cue %q, to %q\n  %s\n", q.ID, q.Kind, q.Speaker.Text, d.Slice(q.Cue), q.Addressee, d.Slice(q.Content))
	}
	// Output:
	// Q1 direct: speaker "the minister", cue "told", to "reporters"
	//   “The border is calm,”
}

func TestDenialBecomesRejection(t *testing.T) {
	d := segment(t, "Gondor’s king said that Osgiliath had withdrawn troops. Osgiliath’s army dismissed the claim.")
	king := doc.Ref{Entity: "E1", Text: "Gondor’s king", Code: "GONGOV"}
	army := doc.Ref{Entity: "E2", Text: "Osgiliath’s army", Code: "OSGMIL"}
	said := strings.Index(d.Text, "said")
	dismissed := strings.Index(d.Text, "dismissed")
	withdrawn := strings.Index(d.Text, "withdrawn")
	d.Quotes = []doc.Quote{
		{ID: "Q1", Kind: doc.Indirect, Speaker: king, Cue: doc.Span{Start: said, End: said + 4},
			Content: doc.Span{Start: said + 5, End: strings.Index(d.Text, ".")}, Sent: 0},
		{ID: "Q2", Kind: doc.Indirect, Speaker: army, Stance: doc.Deny, Sent: 1,
			Cue: doc.Span{Start: dismissed, End: dismissed + 9}, Content: doc.Span{Start: dismissed + 10, End: len(d.Text) - 1}},
	}
	d.Events = []doc.Event{{ID: "V1", CAMEO: "0874", Source: doc.Ref{Text: "Osgiliath", Code: "OSG"},
		Trigger: doc.Span{Start: withdrawn, End: withdrawn + 9}}}
	if err := NewClaimer().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 {
		t.Fatalf("events = %+v", d.Events)
	}
	r := d.Events[1]
	if r.CAMEO != "120" || r.Source.Code != "OSGMIL" || r.Target.Code != "GONGOV" || d.Slice(r.Trigger) != "dismissed" || r.Plover.Type == "" {
		t.Errorf("rejection = %+v", r)
	}
	if !r.Evidence.Contains(r.Trigger) {
		t.Errorf("evidence %v does not hold the trigger %v", r.Evidence, r.Trigger)
	}
}
