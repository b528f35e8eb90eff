package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strconv"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/store"
)

// RecodeSummary reports what Recode changed.
type RecodeSummary struct {
	Stories int `json:"stories"` // stories examined
	Recoded int `json:"recoded"` // stories whose versions differed and were coded again
	// EventsAdded and EventsRemoved count events by identity (code,
	// source, target, sentence and trigger): an event the new coding gives
	// that the old did not is added, and the other way round removed.
	EventsAdded   int       `json:"events_added"`
	EventsRemoved int       `json:"events_removed"`
	Failed        int       `json:"failed"`
	Failures      []Failure `json:"failures"`
}

// RecodeOptions controls Recode.
type RecodeOptions struct {
	// All recodes every story, whatever its versions.
	All bool
	// DryRun codes and counts changes without storing them.
	DryRun bool
	// Progress, when set, is called after each story.
	Progress func(s *RecodeSummary)
}

// Recode codes again every stored story whose recorded versions differ
// from the coder's, replacing its events, quotes and claims, and reports
// the events added and removed.
func Recode(ctx context.Context, st store.Store, c Coder, opt RecodeOptions) (*RecodeSummary, error) {
	ids, err := st.StoryIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("recode: list stories: %w", err)
	}
	versions := c.Versions()
	sum := &RecodeSummary{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		sum.Stories++
		s, err := st.Story(ctx, id)
		if err != nil {
			return sum, fmt.Errorf("recode: %w", err)
		}
		if !opt.All && maps.Equal(s.Versions, versions) {
			continue
		}
		added, removed, err := recodeOne(ctx, st, c, versions, s, opt.DryRun)
		if err != nil {
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Where: "story " + id, Err: err, Reason: err.Error()})
			continue
		}
		sum.Recoded++
		sum.EventsAdded += added
		sum.EventsRemoved += removed
		if opt.Progress != nil {
			opt.Progress(sum)
		}
	}
	return sum, nil
}

func recodeOne(ctx context.Context, st store.Store, c Coder, versions map[string]string, s *store.Story, dry bool) (added, removed int, err error) {
	old := map[string]int{}
	if len(s.V1) > 0 {
		var v doc.V1
		if err := json.Unmarshal(s.V1, &v); err != nil {
			return 0, 0, fmt.Errorf("decode stored coding: %w", err)
		}
		for _, e := range v.Events {
			old[eventKey(e)]++
		}
	}
	d := doc.New(s.ExtID, s.Text)
	if d.ID == "" {
		d.ID = s.ID
	}
	d.Title, d.Date, d.Source, d.URL = s.Title, s.Date, s.Source, s.URL
	rec := &store.Record{Story: *s}
	rec.Story.Versions = versions
	if err := CodeRecord(ctx, c, d, rec); err != nil {
		return 0, 0, &Error{Op: "code", Where: "story " + s.ID, Err: err}
	}
	for _, e := range d.Events {
		k := eventKey(doc.V1Event{CAMEO: e.CAMEO, Source: e.Source, Target: e.Target, Sentence: e.Sent,
			Trigger: doc.V1Span{Start: e.Trigger.Start, End: e.Trigger.End}})
		if old[k] > 0 {
			old[k]--
		} else {
			added++
		}
	}
	for _, n := range old {
		removed += n
	}
	if dry {
		return added, removed, nil
	}
	if err := st.Recode(ctx, rec); err != nil {
		return 0, 0, err
	}
	return added, removed, nil
}

func eventKey(e doc.V1Event) string {
	return e.CAMEO + "|" + e.Source.Code + "|" + e.Target.Code + "|" + strconv.Itoa(e.Sentence) + "|" +
		strconv.Itoa(e.Trigger.Start) + "-" + strconv.Itoa(e.Trigger.End)
}
