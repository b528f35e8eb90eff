package quote

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/cameo"
	"github.com/wirecoder/wirecoder/doc"
)

// Claimer is the claims stage. After events are coded, it links each
// event that lies inside a quote's content to that quote (the event's
// quote and claimed_by fields), turns quotes into claims by their
// speakers, and links claims that contradict each other.
type Claimer struct{}

// NewClaimer returns the claims stage.
func NewClaimer() *Claimer { return &Claimer{} }

// ClaimsRequire lists the layers the claims stage reads.
const ClaimsRequire = doc.LayerQuotes | doc.LayerEvents

// Process fills d.Claims and the quote and claimed_by fields of d.Events,
// and codes the rejections that denials make (see rejections).
func (c *Claimer) Process(ctx context.Context, d *doc.Doc) error {
	attribute(d)
	d.Claims = claims(d)
	rejections(d)
	return nil
}

// rejectCode is CAMEO 120, "Reject, not specified below".
const rejectCode = "120"

// rejections codes a denial that contradicts another source as that
// source's rejection: "A spokesperson for Ukraine's border guards dismissed
// the notion of an extra deployment", set against the Belarusian claims it
// denies, is Ukraine rejecting Belarus's account (UKR → BLR, 120). Only a
// denial that coded no event of its own and names a country on each side
// gives one; the target is the contradicted source, a government first.
func rejections(d *doc.Doc) {
	byID := map[string]int{}
	for i, c := range d.Claims {
		byID[c.ID] = i
	}
	quotes := map[string]doc.Quote{}
	for _, q := range d.Quotes {
		quotes[q.ID] = q
	}
	for i := range d.Claims {
		c := &d.Claims[i]
		if c.Stance != doc.Deny || c.Event != "" || len(c.Contradicts) == 0 || country(c.By.Code) == "" {
			continue
		}
		var target doc.Ref
		for _, id := range c.Contradicts {
			o := d.Claims[byID[id]]
			if country(o.By.Code) == "" || country(o.By.Code) == country(c.By.Code) {
				continue
			}
			if target.Code == "" || strings.HasSuffix(o.By.Code, "GOV") && !strings.HasSuffix(target.Code, "GOV") {
				target = o.By
			}
		}
		q, ok := quotes[c.Quote]
		if target.Code == "" || !ok {
			continue
		}
		e := doc.Event{
			ID: fmt.Sprintf("V%d", len(d.Events)+1), Source: c.By, Target: target, CAMEO: rejectCode,
			Plover: cameo.Plover(rejectCode), Date: d.Date, Quote: q.ID, Sent: q.Sent,
			Trigger: q.Cue, Evidence: d.TokenSpan(d.Sentences[q.Sent].First, d.Sentences[q.Sent].Last),
			ClaimedBy: append([]doc.Ref{}, q.Via...), Confidence: 0.5,
		}
		if g, ok := cameo.Goldstein(rejectCode); ok {
			e.Goldstein = g
		}
		if q.Sent < 0 || q.Sent >= len(d.Sentences) {
			e.Evidence = q.Content
		}
		// The claim stays a denial of the other side's proposition; the
		// rejection is the speech act that made it.
		d.Events = append(d.Events, e)
	}
}

// innermostQuote returns the quote with the smallest content that holds
// span s, or -1.
func innermostQuote(d *doc.Doc, s doc.Span) int {
	best := -1
	for i, q := range d.Quotes {
		if q.Content.Contains(s) && (best < 0 || d.Quotes[best].Content.Len() > q.Content.Len()) {
			best = i
		}
	}
	return best
}

// attribute sets each event's quote and claimed_by: the chain of the
// innermost quote that holds it, outermost source first, then the
// speaker. An event that is the speech act itself (its trigger is the
// quote's cue) is claimed by the chain only.
func attribute(d *doc.Doc) {
	for i := range d.Events {
		e := &d.Events[i]
		anchor := e.Trigger
		if anchor.Len() == 0 {
			anchor = e.Evidence
		}
		qi := innermostQuote(d, anchor)
		if qi < 0 {
			// A statement event: the trigger is a cue.
			for j, q := range d.Quotes {
				if q.Cue.Overlaps(anchor) {
					e.Quote = q.ID
					if len(e.ClaimedBy) == 0 {
						e.ClaimedBy = append([]doc.Ref{}, q.Via...)
					}
					_ = j
					break
				}
			}
			continue
		}
		q := d.Quotes[qi]
		e.Quote = q.ID
		chain := append([]doc.Ref{}, q.Via...)
		if q.Speaker.Text != "" {
			chain = append(chain, q.Speaker)
		}
		e.ClaimedBy = chain
	}
}

// claims makes one claim per (quote, event inside its content), and one
// claim for each denial whose content holds no coded event, then links
// contradictions.
func claims(d *doc.Doc) []doc.Claim {
	var out []doc.Claim
	for _, q := range d.Quotes {
		if q.Speaker.Text == "" {
			continue
		}
		n := 0
		for _, e := range d.Events {
			// Every speaker in the chain claims what its quote holds: in
			// "Lukashenko said intelligence had determined that Ukraine had
			// withdrawn troops", both Lukashenko and the intelligence
			// service assert the withdrawal.
			if e.Trigger.Len() > 0 && q.Content.Contains(e.Trigger) {
				out = append(out, doc.Claim{By: q.Speaker, Stance: q.Stance, Event: e.ID, Quote: q.ID})
				n++
			}
		}
		if n == 0 && q.Stance == doc.Deny {
			out = append(out, doc.Claim{By: q.Speaker, Stance: doc.Deny, Quote: q.ID})
		}
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("C%d", i+1)
		out[i].Contradicts = []string{}
	}
	events := map[string]doc.Event{}
	for _, e := range d.Events {
		events[e.ID] = e
	}
	for i := range out {
		for j := range out {
			if i >= j || !contradict(out[i], out[j], events) {
				continue
			}
			out[i].Contradicts = append(out[i].Contradicts, out[j].ID)
			out[j].Contradicts = append(out[j].Contradicts, out[i].ID)
		}
	}
	return out
}

// contradict reports whether one claim denies what the other asserts:
// the same kind of event between the same actors, or a denial with no
// coded event of its own set against another source's claim about an
// event that involves the denier's country.
func contradict(a, b doc.Claim, events map[string]doc.Event) bool {
	if a.Stance == b.Stance || (a.Stance != doc.Deny && b.Stance != doc.Deny) {
		return false
	}
	if sameSource(a.By, b.By) {
		return false
	}
	deny, other := a, b
	if b.Stance == doc.Deny {
		deny, other = b, a
	}
	oe, ok := events[other.Event]
	if !ok {
		return false
	}
	if de, ok := events[deny.Event]; ok {
		return de.Root() == oe.Root() && country(de.Source.Code) == country(oe.Source.Code) &&
			country(de.Target.Code) == country(oe.Target.Code)
	}
	c := country(deny.By.Code)
	if c == "" || c == country(other.By.Code) {
		return false
	}
	return country(oe.Source.Code) == c || country(oe.Target.Code) == c
}

func sameSource(a, b doc.Ref) bool {
	if a.Entity != "" && a.Entity == b.Entity {
		return true
	}
	return a.Entity == "" && b.Entity == "" && a.Text == b.Text
}

// country returns the three-letter country part of an actor code.
func country(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	switch c {
	case "IGO", "NGO", "MNC", "REB", "MIL", "GOV", "MED", "CVL", "OPP", "SPY", "COP", "JUD", "LEG", "BUS", "REF", "EDU":
		return ""
	}
	return c
}
