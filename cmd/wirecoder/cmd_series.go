package main

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/wirecoder/wirecoder/series"
)

func init() {
	register(&command{name: "series", summary: "dyadic time series: events, Goldstein, quad classes and tension per period", run: runSeries})
}

func runSeries(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "series", "--dyad BLR-UKR [--by day|week|month] [--directed] [--db DSN] [--format F]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	dyad := fs.String("dyad", "", "two countries, e.g. BLR-UKR")
	by := fs.String("by", "week", "period: day|week|month (weeks start on Monday)")
	directed := fs.Bool("directed", false, "count only events from the first country to the second")
	from := fs.String("from", "", "first event date")
	to := fs.String("to", "", "last event date")
	format := fs.String("format", "json", "output: json|table|jsonl|csv")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dyad == "" {
		return usagef("series needs --dyad, e.g. --dyad BLR-UKR")
	}
	d, err := series.ParseDyad(*dyad)
	if err != nil {
		return usagef("--dyad: %v", err)
	}
	if err := oneOf("by", *by, "day", "week", "month"); err != nil {
		return err
	}
	if err := oneOf("format", *format, corpusFormats...); err != nil {
		return err
	}
	if err := checkDateFlag("from", *from); err != nil {
		return err
	}
	if err := checkDateFlag("to", *to); err != nil {
		return err
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := series.Build(ctx, st, series.Options{Dyad: d, By: *by, Directed: *directed, From: *from, To: *to})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	t := &corpusTable{header: []string{"period", "events", "goldstein_sum", "goldstein_mean", "q1", "q2", "q3", "q4", "tension", "event_ids"}}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, p := range s.Series {
		t.rows = append(t.rows, []string{p.Period, strconv.Itoa(p.Events), f(p.GoldsteinSum), f(p.GoldsteinMean),
			strconv.Itoa(p.Quad[0]), strconv.Itoa(p.Quad[1]), strconv.Itoa(p.Quad[2]), strconv.Itoa(p.Quad[3]),
			f(p.Tension), strings.Join(p.EventIDs, " ")})
		t.values = append(t.values, p)
	}
	return t.write(e.stdout, *format)
}
