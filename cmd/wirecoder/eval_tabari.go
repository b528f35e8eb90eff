package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/wirecoder/wirecoder/eval/tabari"
	"github.com/wirecoder/wirecoder/internal/shared"
)

func init() {
	registerEval("tabari", "run the TABARI validation suite (Validate.project) with TABARI semantics", runEvalTabari)
}

func runEvalTabari(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval tabari", "[--project FILE] [--format table|json] [--all] [--failures]")
	project := fs.String("project", "", "TABARI .project file (default: ../shared/data/tabari/Validate.project)")
	format := fs.String("format", "table", "output format: table|json")
	all := fs.Bool("all", false, "also score the records after "+tabari.FinalID+" (they need other settings)")
	failures := fs.Bool("failures", false, "list the records coded wrongly (to stderr)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, "table", "json"); err != nil {
		return err
	}
	if *project == "" {
		dir, ok := shared.Dir()
		if !ok {
			return usagef("--project FILE is required (shared data directory %s not found)", dir)
		}
		*project = filepath.Join(dir, "data", "tabari", "Validate.project")
	}
	suite, err := tabari.Load(*project)
	if err != nil {
		return err
	}
	for _, p := range suite.Problems {
		fmt.Fprintf(e.stderr, "warning: %v\n", p)
	}
	sc, err := suite.Run(ctx, *all, nil)
	if err != nil {
		return err
	}
	if *failures {
		for _, f := range sc.Failures {
			want := f.Record.Special.String()
			if f.Record.Special == tabari.NoSpecial {
				want = eventList(f.Record.Expected)
			}
			got := eventList(f.Got.Events)
			if f.Got.Discard || f.Got.Complex {
				got = f.Got.Special().String()
			}
			fmt.Fprintf(e.stderr, "FAIL %s (line %d)\n  want %s\n  got  %s\n", f.Record.ID, f.Record.Line, want, got)
		}
	}
	res := sc.Result()
	if *format == "json" {
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("encode result: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	fmt.Fprintf(e.stdout, "TABARI validation: %d records, %d correct, accuracy %.3f (extra %d, missed %d, unchecked %d)\n",
		res.Records, res.Correct, res.Accuracy, res.Extra, res.Missed, res.Unchecked)
	fmt.Fprintf(e.stdout, "%-12s %7s %7s %8s\n", "category", "records", "correct", "accuracy")
	for _, k := range res.Categories() {
		c := res.PerCategory[k]
		fmt.Fprintf(e.stdout, "%-12s %7d %7d %8.3f\n", k, c.Records, c.Correct, c.Accuracy)
	}
	return nil
}

func eventList(ev []tabari.Event) string {
	if len(ev) == 0 {
		return "(none)"
	}
	s := make([]string, len(ev))
	for i, x := range ev {
		s[i] = x.String()
	}
	return strings.Join(s, " ")
}
