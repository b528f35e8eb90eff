package storetest

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// Rule is one line of RuleCoder's table: when a sentence holds Trigger,
// Source did CAMEO to Target.
type Rule struct {
	Trigger        string
	Source, Target doc.Ref
	CAMEO          string
	Goldstein      float64
	Plover         string
	// Date, when set, dates the event (YYYY-MM or YYYY-MM-DD) and marks it
	// historical; otherwise the event takes the story date.
	Date string
}

// Speaker attributes the quotes of a sentence that holds Cue to Ref.
type Speaker struct {
	Cue string
	Ref doc.Ref
}

// RuleCoder is a test double for ingest.Coder: it codes stories from a
// small rule table so that tests of storage, series and exports have
// deterministic events, quotes and claims. It is not a coder for real use.
type RuleCoder struct {
	Rules    []Rule
	Speakers []Speaker
	// Denials are words that make a sentence's quotes and claims deny.
	Denials []string
	// Version is reported by Versions as {"rules": Version}.
	Version string
	// Fail, when set, makes Code fail for texts that contain it.
	Fail string
}

var (
	blr    = doc.Ref{Entity: "E1", Text: "Belarus", Code: "BLR"}
	blrMil = doc.Ref{Entity: "E2", Text: "Belarusian troops", Code: "BLRMIL"}
	blrGov = doc.Ref{Entity: "E3", Text: "Lukashenko", Code: "BLRGOV"}
	ukr    = doc.Ref{Entity: "E4", Text: "Ukraine", Code: "UKR"}
	ukrMil = doc.Ref{Entity: "E5", Text: "Ukraine's border guards", Code: "UKRMIL"}
	rus    = doc.Ref{Entity: "E6", Text: "Russia", Code: "RUS"}
)

// NewRuleCoder returns a RuleCoder whose rules code the test stories of
// this package and the seed story of ../shared.
func NewRuleCoder() *RuleCoder {
	return &RuleCoder{
		Version: "1",
		Rules: []Rule{
			// TestStory.
			{Trigger: "accused Ukraine", Source: blr, Target: ukr, CAMEO: "112", Goldstein: -2, Plover: "ACCUSE"},
			{Trigger: "moved extra units", Source: blrMil, Target: ukr, CAMEO: "152", Goldstein: -7.2, Plover: "MOBILIZE"},
			{Trigger: "rejected the charge", Source: ukrMil, Target: blr, CAMEO: "111", Goldstein: -2, Plover: "ACCUSE"},
			{Trigger: "talks with Kyiv", Source: blrGov, Target: ukr, CAMEO: "036", Goldstein: 4, Plover: "CONSULT"},
			{Trigger: "February 2022 invasion", Source: rus, Target: ukr, CAMEO: "190", Goldstein: -10, Plover: "ASSAULT", Date: "2022-02"},
			// The seed story (../shared/seed/belarus-border.txt).
			{Trigger: "reinforcing its border", Source: blrMil, Target: ukr, CAMEO: "152", Goldstein: -7.2, Plover: "MOBILIZE"},
			{Trigger: "withdrawn troops", Source: ukrMil, Target: blr, CAMEO: "087", Goldstein: 9, Plover: "RETREAT"},
			{Trigger: "pull back our troops", Source: blrGov, Target: ukr, CAMEO: "087", Goldstein: 9, Plover: "RETREAT"},
			{Trigger: "dismissed the notion", Source: ukrMil, Target: blr, CAMEO: "111", Goldstein: -2, Plover: "ACCUSE"},
		},
		Speakers: []Speaker{
			{Cue: "quoted him", Ref: blrGov},
			{Cue: "was quoted", Ref: blrGov},
			{Cue: "it said", Ref: ukrMil},
			{Cue: "spokesman", Ref: ukrMil},
		},
		Denials: []string{"no ", "not ", "rejected", "dismissed"},
	}
}

// Versions reports the rule table's version.
func (c *RuleCoder) Versions() map[string]string { return map[string]string{"rules": c.Version} }

// Clone returns a copy with a different version, for recode tests.
func (c *RuleCoder) Clone(version string) *RuleCoder {
	n := *c
	n.Rules = append([]Rule(nil), c.Rules...)
	n.Version = version
	return &n
}

// Code splits the text into sentences at ". ", "? ", "! " and line breaks,
// then adds an event per rule whose trigger a sentence holds, a direct
// quote per quoted passage, and a claim per quote for the last event told
// before it in its paragraph.
func (c *RuleCoder) Code(ctx context.Context, d *doc.Doc) error {
	if c.Fail != "" && strings.Contains(d.Text, c.Fail) {
		return fmt.Errorf("rule coder: refusing story %q", d.ID)
	}
	d.Sentences = d.Sentences[:0]
	start := 0
	t := d.Text
	for i := 0; i < len(t); i++ {
		end := -1
		switch {
		case t[i] == '\n':
			end = i
		case (t[i] == '.' || t[i] == '?' || t[i] == '!') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\n'):
			end = i + 1
		}
		if end < 0 {
			continue
		}
		if s := trimSpan(t, start, end); s.Len() > 0 {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: s})
		}
		start = end
	}
	if s := trimSpan(t, start, len(t)); s.Len() > 0 {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: s})
	}
	for si, s := range d.Sentences {
		text := d.Slice(s.Span)
		deny := false
		for _, w := range c.Denials {
			if strings.Contains(text, w) {
				deny = true
			}
		}
		stance := doc.Assert
		if deny {
			stance = doc.Deny
		}
		var speaker doc.Ref
		for _, sp := range c.Speakers {
			if strings.Contains(text, sp.Cue) {
				speaker = sp.Ref
				break
			}
		}
		var quoteID string
		for _, q := range quoted(text) {
			quoteID = fmt.Sprintf("Q%d", len(d.Quotes)+1)
			d.Quotes = append(d.Quotes, doc.Quote{ID: quoteID, Kind: doc.Direct, Speaker: speaker,
				Content: doc.Span{Start: s.Start + q.Start, End: s.Start + q.End}, Stance: stance, Sent: si})
		}
		for _, r := range c.Rules {
			at := strings.Index(text, r.Trigger)
			if at < 0 {
				continue
			}
			ev := doc.Event{
				ID: fmt.Sprintf("E%d", len(d.Events)+1), Source: r.Source, Target: r.Target,
				CAMEO: r.CAMEO, Goldstein: r.Goldstein, Plover: doc.Plover{Type: r.Plover, Mode: "", Context: []string{"military"}},
				Date: d.Date, Sent: si, Trigger: doc.Span{Start: s.Start + at, End: s.Start + at + len(r.Trigger)},
				Evidence: s.Span, Confidence: 0.9, Quote: quoteID,
			}
			if r.Date != "" {
				ev.Date, ev.Historical = r.Date, true
			}
			d.Events = append(d.Events, ev)
		}
	}
	// A quote claims the last event told before it in its paragraph.
	for _, q := range d.Quotes {
		for i := len(d.Events) - 1; i >= 0; i-- {
			e := d.Events[i]
			if e.Trigger.Start < q.Content.Start && !strings.Contains(d.Text[e.Trigger.Start:q.Content.Start], "\n") {
				d.Claims = append(d.Claims, doc.Claim{ID: fmt.Sprintf("C%d", len(d.Claims)+1), By: q.Speaker,
					Stance: q.Stance, Event: e.ID, Quote: q.ID})
				break
			}
		}
	}
	d.Layers |= doc.LayerSentences | doc.LayerQuotes | doc.LayerEvents | doc.LayerClaims
	return nil
}

func trimSpan(t string, start, end int) doc.Span {
	for start < end && (t[start] == ' ' || t[start] == '\n' || t[start] == '\r' || t[start] == '\t') {
		start++
	}
	for end > start && (t[end-1] == ' ' || t[end-1] == '\n' || t[end-1] == '\r' || t[end-1] == '\t') {
		end--
	}
	return doc.Span{Start: start, End: end}
}

// quoted returns the spans (relative to s) of passages between “ and ” or
// between pairs of straight double quotes.
func quoted(s string) []doc.Span {
	var out []doc.Span
	for i := 0; i < len(s); {
		open, w := -1, 0
		if j := strings.Index(s[i:], "“"); j >= 0 {
			open, w = i+j, len("“")
		}
		if j := strings.IndexByte(s[i:], '"'); j >= 0 && (open < 0 || i+j < open) {
			open, w = i+j, 1
		}
		if open < 0 {
			break
		}
		closer := "”"
		if w == 1 {
			closer = `"`
		}
		k := strings.Index(s[open+w:], closer)
		if k < 0 {
			break
		}
		out = append(out, doc.Span{Start: open + w, End: open + w + k})
		i = open + w + k + len(closer)
	}
	return out
}
