package store

import (
	"fmt"
	"sort"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// StoryID returns the stable story id for a content hash: "s" and the
// first 16 hex digits.
func StoryID(hash string) string {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return "s" + hash
}

// Country returns the country part of an actor code: its first three
// letters upper-cased, or "" when the code is shorter.
func Country(code string) string {
	if len(code) < 3 {
		return ""
	}
	return strings.ToUpper(code[:3])
}

// RowsFromV1 flattens a coded story into the rows of the events, quotes
// and claims tables. Row ids are prefixed with storyID; the story-level
// fields (story date, near-duplicate link) are filled in by Put.
//
// Local ids that are empty or repeated (a coder's bug) are made unique
// ("E3", "E1.2") so that one story's rows never collide.
func RowsFromV1(storyID string, v *doc.V1) (events []Event, quotes []Quote, claims []Claim) {
	events = make([]Event, 0, len(v.Events))
	evIDs := uniquer{}
	for i, e := range v.Events {
		e.ID = evIDs.id(e.ID, "E", i)
		events = append(events, Event{
			ID: storyID + "-" + e.ID, StoryID: storyID, LocalID: e.ID,
			SourceCode: e.Source.Code, SourceText: e.Source.Text,
			TargetCode: e.Target.Code, TargetText: e.Target.Text,
			CAMEO: e.CAMEO, Root: e.Root, Quad: e.Quad, Goldstein: e.Goldstein,
			PloverType: e.Plover.Type, PloverMode: e.Plover.Mode,
			PloverContext: strings.Join(e.Plover.Context, ","),
			Negated:       e.Negated, Modality: e.Modality, Historical: e.Historical,
			Date: e.Date, PlaceName: e.Place.Name, PlaceCountry: e.Place.Country,
			Lat: e.Place.Lat, Lon: e.Place.Lon, HasPlace: e.Place != (doc.V1Place{}),
			Quote: e.Quote, Sentence: e.Sentence,
			TriggerStart: e.Trigger.Start, TriggerEnd: e.Trigger.End, Trigger: e.Trigger.Text,
			EvidenceFrom: e.Evidence.Start, EvidenceTo: e.Evidence.End,
			Confidence: e.Confidence, URL: v.URL,
		})
	}
	quotes = make([]Quote, 0, len(v.Quotes))
	qIDs := uniquer{}
	for i, q := range v.Quotes {
		q.ID = qIDs.id(q.ID, "Q", i)
		via := make([]string, 0, len(q.Via))
		for _, r := range q.Via {
			via = append(via, refString(r))
		}
		quotes = append(quotes, Quote{
			ID: storyID + "-" + q.ID, StoryID: storyID, LocalID: q.ID, Kind: q.Kind,
			SpeakerCode: q.Speaker.Code, SpeakerText: q.Speaker.Text,
			Via: strings.Join(via, " > "), Cue: q.Cue.Text, Content: q.Content.Text,
			Stance: q.Stance, Channel: q.Channel, Addressee: q.Addressee, Sentence: q.Sentence,
		})
	}
	claims = make([]Claim, 0, len(v.Claims))
	cIDs := uniquer{}
	for i, c := range v.Claims {
		c.ID = cIDs.id(c.ID, "C", i)
		ev := ""
		if c.Event != "" {
			ev = storyID + "-" + c.Event
		}
		contra := make([]string, 0, len(c.Contradicts))
		for _, x := range c.Contradicts {
			contra = append(contra, storyID+"-"+x)
		}
		sort.Strings(contra)
		claims = append(claims, Claim{
			ID: storyID + "-" + c.ID, StoryID: storyID, LocalID: c.ID,
			ByCode: c.By.Code, ByText: c.By.Text, Stance: c.Stance, Event: ev,
			Contradicts: strings.Join(contra, ","), Quote: c.Quote,
		})
	}
	return events, quotes, claims
}

func refString(r doc.Ref) string {
	switch {
	case r.Code != "" && r.Text != "":
		return fmt.Sprintf("%s (%s)", r.Text, r.Code)
	case r.Code != "":
		return r.Code
	}
	return r.Text
}

// When returns the date an event is placed at: its own date when the coder
// gave one, otherwise the story date.
func When(eventDate, storyDate string) string {
	if eventDate != "" {
		return eventDate
	}
	return storyDate
}

// uniquer hands out row ids that are unique within one story.
type uniquer map[string]int

// id returns want when it is new, prefix+(i+1) when want is empty, and
// want.2, want.3, ... for repeats.
func (u uniquer) id(want, prefix string, i int) string {
	if want == "" {
		want = fmt.Sprintf("%s%d", prefix, i+1)
	}
	id := want
	for n := 2; u[id] > 0; n++ {
		id = fmt.Sprintf("%s.%d", want, n)
	}
	u[id]++
	return id
}
