package when

import (
	"time"

	"github.com/wirecoder/wirecoder/doc"
)

// Dating is the date the story gives an event.
type Dating struct {
	// Date is the value of the time expression the event is dated by
	// (YYYY, YYYY-MM or YYYY-MM-DD; the start of a range), or the story
	// date when its sentence has none.
	Date string
	// Until is the end of the expression's range, or "".
	Until string
	// Historical reports a date before the story's reporting window
	// (HistoricalRange with the given window).
	Historical bool
	// Expr is the index into Doc.Times of the expression used, or -1 when
	// the story date stood in.
	Expr int
}

// EventDate dates an event whose trigger starts at byte offset off in
// sentence sent of d (after Tagger.Process): by the time expression of
// that sentence nearest to the trigger (distance 0 when the expression
// holds off; the earlier one on a tie), else by the story date. window is
// the reporting window for the historical flag (DefaultWindow when 0).
func EventDate(d *doc.Doc, sent, off int, window time.Duration) Dating {
	best, bestDist := -1, 0
	for i, t := range d.Times {
		if t.Sent != sent {
			continue
		}
		dist := 0
		switch {
		case off < t.Start:
			dist = t.Start - off
		case off >= t.End:
			dist = off - t.End + 1
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return Dating{Date: d.Date, Expr: -1}
	}
	t := d.Times[best]
	return Dating{Date: t.Value, Until: t.Until, Historical: HistoricalRange(t.Value, t.Until, d.Date, window), Expr: best}
}
