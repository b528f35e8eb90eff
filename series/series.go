// Package series turns stored events into dyadic time series: per period,
// the count of events between two countries, their Goldstein sum and mean,
// the counts per CAMEO quad class, a tension index (docs/series.md) and
// the ids of the events behind the point.
//
// Events are placed at the date they happened (an event's own date when
// the coder gave one, else its story's date), not when they were
// reported; near-duplicate stories (reprints) count once; negated events
// ("did not attack") are left out.
package series

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/wirecoder/wirecoder/store"
)

// Options selects a series.
type Options struct {
	// Dyad is the two countries, e.g. {"BLR", "UKR"}.
	Dyad [2]string
	// By is the period: "day", "week" (weeks start on Monday) or "month".
	By string
	// Directed counts only events from Dyad[0] to Dyad[1].
	Directed bool
	// From and To bound the event dates (inclusive), if set.
	From, To string
}

// Point is one period of a series.
type Point struct {
	// Period is the day (YYYY-MM-DD), the Monday that starts the week
	// (YYYY-MM-DD) or the month (YYYY-MM).
	Period        string   `json:"period"`
	Events        int      `json:"events"`
	GoldsteinSum  float64  `json:"goldstein_sum"`
	GoldsteinMean float64  `json:"goldstein_mean"`
	Quad          [4]int   `json:"quad"`
	Tension       float64  `json:"tension"`
	EventIDs      []string `json:"event_ids"`
}

// Series is a dyadic time series, in period order.
type Series struct {
	Dyad   string  `json:"dyad"`
	By     string  `json:"by"`
	Series []Point `json:"series"`
}

// ParseDyad parses "BLR-UKR" into its two country codes (upper-cased).
func ParseDyad(s string) ([2]string, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
	if !ok || len(a) != 3 || len(b) != 3 {
		return [2]string{}, fmt.Errorf("dyad %q: want two three-letter codes joined by '-', e.g. BLR-UKR", s)
	}
	return [2]string{a, b}, nil
}

// Period returns the period a date falls in. Dates known only to the month
// (YYYY-MM) or year (YYYY) are placed on their first day.
func Period(date, by string) (string, error) {
	switch len(date) {
	case 4:
		date += "-01-01"
	case 7:
		date += "-01"
	}
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return "", fmt.Errorf("date %q: %w", date, err)
	}
	switch by {
	case "day":
		return t.Format("2006-01-02"), nil
	case "week":
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return t.AddDate(0, 0, -back).Format("2006-01-02"), nil
	case "month":
		return t.Format("2006-01"), nil
	}
	return "", fmt.Errorf("period %q: want day, week or month", by)
}

// Build reads the dyad's events from the store and computes the series.
func Build(ctx context.Context, st store.Store, opt Options) (*Series, error) {
	if opt.By == "" {
		opt.By = "week"
	}
	if _, err := Period("2000-01-01", opt.By); err != nil {
		return nil, err
	}
	evs, err := st.Events(ctx, store.EventFilter{
		Dyad: opt.Dyad, Directed: opt.Directed, IncludeHistorical: true, CanonicalOnly: true,
		From: opt.From, To: opt.To,
	})
	if err != nil {
		return nil, fmt.Errorf("series %s-%s: %w", opt.Dyad[0], opt.Dyad[1], err)
	}
	return Compute(evs, opt)
}

// Compute builds the series from events already selected for the dyad; it
// skips negated events, events of near-duplicate stories and events
// without a date.
func Compute(evs []store.Event, opt Options) (*Series, error) {
	if opt.By == "" {
		opt.By = "week"
	}
	s := &Series{Dyad: opt.Dyad[0] + "-" + opt.Dyad[1], By: opt.By, Series: []Point{}}
	byPeriod := map[string]*Point{}
	var sums = map[string]*tensionSum{}
	for _, e := range evs {
		if e.Negated || e.DupOf != "" {
			continue
		}
		when := store.When(e.Date, e.StoryDate)
		if when == "" {
			continue
		}
		p, err := Period(when, opt.By)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
		pt := byPeriod[p]
		if pt == nil {
			pt = &Point{Period: p, EventIDs: []string{}}
			byPeriod[p] = pt
			sums[p] = &tensionSum{}
		}
		pt.Events++
		pt.GoldsteinSum += e.Goldstein
		if e.Quad >= 1 && e.Quad <= 4 {
			pt.Quad[e.Quad-1]++
		}
		sums[p].add(e.Quad, e.Goldstein)
		pt.EventIDs = append(pt.EventIDs, e.ID)
	}
	for p, pt := range byPeriod {
		pt.GoldsteinSum = round(pt.GoldsteinSum)
		pt.GoldsteinMean = round(pt.GoldsteinSum / float64(pt.Events))
		pt.Tension = round(sums[p].index())
		sort.Strings(pt.EventIDs)
		s.Series = append(s.Series, *pt)
	}
	sort.Slice(s.Series, func(i, j int) bool { return s.Series[i].Period < s.Series[j].Period })
	return s, nil
}

// tensionSum accumulates the tension index of one period.
type tensionSum struct {
	hostile, friendly float64
	n                 int
}

// add counts one event: its quad class gives the direction (3 and 4
// conflict, 1 and 2 cooperation), the size of its Goldstein score the
// weight, at least 1 so that no coded event weighs nothing.
func (t *tensionSum) add(quad int, goldstein float64) {
	w := math.Max(math.Abs(goldstein), 1)
	switch quad {
	case 1, 2:
		t.friendly += w
	case 3, 4:
		t.hostile += w
	default:
		return
	}
	t.n++
}

// index is (hostile - friendly) / (10 (n + 1)): in (-1, 1), positive when
// conflict outweighs cooperation, shrunk towards 0 when few events back it.
func (t *tensionSum) index() float64 {
	return (t.hostile - t.friendly) / (10 * float64(t.n+1))
}

// Tension returns the tension index of a set of events given by their quad
// classes and Goldstein scores (see docs/series.md).
func Tension(quads []int, goldstein []float64) float64 {
	var t tensionSum
	for i := range quads {
		t.add(quads[i], goldstein[i])
	}
	return round(t.index())
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }
