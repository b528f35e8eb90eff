package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/storyio"
)

// codeSeed runs the whole default pipeline over the seed story.
func codeSeed(t *testing.T) *doc.Doc {
	t.Helper()
	p, err := newPipeline(coderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := shared.Path(t, "seed/belarus-border.txt")
	s, err := storyio.ReadText(strings.NewReader(readFile(t, path)), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Date = "2024-07-13"
	d := s.Doc()
	if err := codeDoc(context.Background(), p, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// quoteWith returns the first quote whose content contains frag.
func quoteWith(d *doc.Doc, frag string) (doc.Quote, bool) {
	for _, q := range d.Quotes {
		if strings.Contains(d.Slice(q.Content), frag) {
			return q, true
		}
	}
	return doc.Quote{}, false
}

func viaCodes(q doc.Quote) string {
	var s []string
	for _, v := range q.Via {
		s = append(s, v.Code)
	}
	return strings.Join(s, ">")
}

// TestSeedActors checks the actor issue's list on the seed story.
func TestSeedActors(t *testing.T) {
	d := codeSeed(t)
	codeOf := func(mention string) string {
		for _, e := range d.Entities {
			for _, mi := range e.Mentions {
				if d.Slice(d.Mentions[mi].Span) == mention {
					return e.Actor.Code
				}
			}
		}
		return ""
	}
	for mention, want := range map[string]string{
		"Belarusian President Alexander Lukashenko": "BLRGOV",
		"The Belarusian president":                  "BLRGOV",
		"Kremlin leader Vladimir Putin":             "RUSGOV",
		"BelTA":                                     "BLRMED",
		"Belarusian intelligence":                   "BLRSPY",
		"regional officials":                        "BLRGOV",
		"Belarus":                                   "BLR",
		"Russia":                                    "RUS",
		"his country":                               "BLR",
	} {
		if got := codeOf(mention); got != want {
			t.Errorf("%q → %q, want %q", mention, got, want)
		}
	}
	if got := codeOf("Ukraine’s border guards"); !strings.HasPrefix(got, "UKR") || len(got) < 6 {
		t.Errorf("Ukraine’s border guards → %q, want UKR with a security sector", got)
	}
	if got := codeOf("The country’s defence ministry"); got != "BLRMIL" && got != "BLRGOV" {
		t.Errorf("defence ministry → %q", got)
	}
	// Lukashenko's pronouns: "him" in "BelTA quoted him", "he" in "he was
	// quoted" and "he told".
	var luka doc.Entity
	for _, e := range d.Entities {
		if e.Actor.Code == "BLRGOV" && strings.Contains(e.Name, "Lukashenko") {
			luka = e
		}
	}
	got := map[string]int{}
	for _, mi := range luka.Mentions {
		got[d.Slice(d.Mentions[mi].Span)]++
	}
	if got["Lukashenko"] < 2 || got["him"] < 1 || got["he"] < 3 {
		t.Errorf("Lukashenko's mentions = %v", got)
	}
}

// TestSeedQuotes checks the quote issue's list on the seed story.
func TestSeedQuotes(t *testing.T) {
	d := codeSeed(t)
	direct := []string{"That means that those", "There are now no difficulties", "Well, friends", "So that it is understood"}
	for i, frag := range direct {
		q, ok := quoteWith(d, frag)
		if !ok {
			t.Errorf("no quote holds %q", frag)
			continue
		}
		if q.Kind != doc.Direct || q.Speaker.Code != "BLRGOV" {
			t.Errorf("%q: kind %s speaker %+v, want a direct quote by BLRGOV", frag, q.Kind, q.Speaker)
		}
		if i < 2 && viaCodes(q) != "BLRMED" {
			t.Errorf("%q: via %q, want BelTA (BLRMED)", frag, viaCodes(q))
		}
	}
	if q, ok := quoteWith(d, "From the outset the Belarusians"); !ok || !strings.HasPrefix(q.Speaker.Code, "UKR") {
		t.Errorf("border guards' statement: %+v", q)
	}
	if q, ok := quoteWith(d, "cause for concern"); !ok || q.Speaker.Code != "RUS" {
		t.Errorf("cause for concern: %+v", q)
	}
	if q, ok := quoteWith(d, "the notion of an extra deployment"); !ok || q.Stance != doc.Deny || !strings.HasPrefix(q.Speaker.Code, "UKR") {
		t.Errorf("the dismissal: %+v", q)
	} else if q.Channel == "" {
		t.Errorf("the dismissal has no channel")
	}
	if q, ok := quoteWith(d, "the additional Belarusian troops dispatched"); !ok {
		t.Errorf("no quote for the meeting of regional officials")
	} else {
		// The innermost quote is Lukashenko's, via BelTA, to the officials.
		inner := q
		for _, o := range d.Quotes {
			if o.Content.Contains(inner.Content) && o.Content.Len() < inner.Content.Len() || o.Content.Len() < inner.Content.Len() && strings.Contains(d.Slice(o.Content), "the additional Belarusian troops") {
				inner = o
			}
		}
		if inner.Speaker.Code != "BLRGOV" || viaCodes(inner) != "BLRMED" || inner.Addressee != "regional officials" {
			t.Errorf("he told a meeting: speaker %+v via %q addressee %q", inner.Speaker, viaCodes(inner), inner.Addressee)
		}
	}
	for _, frag := range []string{"it was reinforcing its border", "a division of multiple launch rocket systems"} {
		if q, ok := quoteWith(d, frag); !ok || q.Speaker.Code != "BLRMIL" && q.Speaker.Code != "BLRGOV" {
			t.Errorf("ministry statement %q: %+v", frag, q)
		}
	}
	var intel doc.Quote
	for _, q := range d.Quotes {
		if q.Speaker.Code == "BLRSPY" {
			intel = q
		}
	}
	if viaCodes(intel) != "BLRMED>BLRGOV" || !strings.Contains(d.Slice(intel.Content), "Ukraine had withdrawn troops") {
		t.Errorf("Belarusian intelligence's finding: via %q content %q", viaCodes(intel), d.Slice(intel.Content))
	}
}

// TestSeedContradiction checks that the Ukrainian denial contradicts
// Lukashenko's claim that Ukraine had withdrawn its reinforcements.
func TestSeedContradiction(t *testing.T) {
	d := codeSeed(t)
	events := map[string]doc.Event{}
	for _, e := range d.Events {
		events[e.ID] = e
	}
	claims := map[string]doc.Claim{}
	for _, c := range d.Claims {
		claims[c.ID] = c
	}
	found := false
	for _, c := range d.Claims {
		if c.Stance != doc.Deny || !strings.HasPrefix(c.By.Code, "UKR") {
			continue
		}
		for _, id := range c.Contradicts {
			o := claims[id]
			e := events[o.Event]
			if o.By.Code == "BLRGOV" && strings.HasPrefix(e.Source.Code, "UKR") && e.Root() == "08" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no Ukrainian denial contradicts Lukashenko's claim of a Ukrainian withdrawal; claims: %+v", d.Claims)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
