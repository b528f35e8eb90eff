package main

import (
	"context"
	"fmt"
	"time"

	"github.com/wirecoder/wirecoder/when"
)

func init() {
	register(&command{name: "when", summary: "normalise time expressions against a story date", run: runWhen})
}

// runWhen prints the normalised value of each expression argument:
//
//	wirecoder when --date 2024-07-13 "late last month" "on Saturday"
func runWhen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "when", "[--date YYYY-MM-DD] [--future] EXPRESSION...")
	date := fs.String("date", time.Now().UTC().Format("2006-01-02"), "story date")
	future := fs.Bool("future", false, "read the expressions in a future-tense context (\"on Saturday\" is the next one)")
	window := fs.Duration("window", when.DefaultWindow, "reporting window for the historical flag")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("when needs at least one expression")
	}
	story, err := time.Parse("2006-01-02", *date)
	if err != nil {
		return usagef("--date %q is not YYYY-MM-DD", *date)
	}
	for _, expr := range pos {
		v, until, fut, ok := when.NormalizeRange(expr, story, !*future)
		if !ok {
			fmt.Fprintf(e.stdout, "%s\t-\n", expr)
			continue
		}
		hist := when.HistoricalRange(v, until, *date, *window)
		if until == "" {
			until = "-"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\tuntil=%s\tfuture=%v\thistorical=%v\n", expr, v, until, fut, hist)
	}
	return nil
}
