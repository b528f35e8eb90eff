package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/wirecoder/wirecoder/ingest"
)

func init() {
	register(&command{name: "recode", summary: "re-code stored stories whose model or dictionary versions changed", run: runRecode})
}

func runRecode(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "recode", "[--db DSN] [--all] [--dry-run] [--json]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	all := fs.Bool("all", false, "re-code every story, whatever its versions")
	dry := fs.Bool("dry-run", false, "report what would change without storing it")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := corpusCoder()
	if err != nil {
		return err
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingest.Recode(ctx, st, c, ingest.RecodeOptions{All: *all, DryRun: *dry})
	if sum != nil {
		if *asJSON {
			if sum.Failures == nil {
				sum.Failures = []ingest.Failure{}
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(sum); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(e.stdout, "stories %d, recoded %d, events added %d, removed %d, failed %d\n",
				sum.Stories, sum.Recoded, sum.EventsAdded, sum.EventsRemoved, sum.Failed)
			for _, f := range sum.Failures {
				fmt.Fprintf(e.stdout, "  failed: %s\n", f.Reason)
			}
		}
	}
	return err
}
