package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/series"
)

// storyCoder returns the coder that ingest and recode use: the full coding
// pipeline. It is set by the file that assembles the pipeline; nil means
// no coder is linked in.
var storyCoder = newPipelineCoder

var errNoStoryCoder = errors.New("no story coder is linked into this build")

func corpusCoder() (ingest.Coder, error) {
	if storyCoder == nil {
		return nil, errNoStoryCoder
	}
	c, err := storyCoder()
	if err != nil {
		return nil, fmt.Errorf("load coder: %w", err)
	}
	return c, nil
}

func init() {
	register(&command{name: "ingest", summary: "read, code and store stories from files, directories, JSONL, HTML, feeds or URLs", run: runIngest})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--db DSN] [--date YYYY-MM-DD] [--allow-network] [--allow-private] PATH|URL|-...")
	dsn := fs.String("db", "", "database: a SQLite file path or a postgres:// URL (default ./wirecoder.db)")
	date := fs.String("date", "", "story date for inputs that carry none (YYYY-MM-DD)")
	allowNet := fs.Bool("allow-network", false, "fetch http(s) URLs (inputs and feed links)")
	allowPriv := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	workers := fs.Int("workers", 0, "stories coded at once (default: number of CPUs)")
	anyLang := fs.Bool("any-language", false, "store stories that fail the English check")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("ingest needs at least one PATH or URL")
	}
	if *date != "" {
		if _, err := series.Period(*date, "day"); err != nil || len(*date) != 10 {
			return usagef("--date must be YYYY-MM-DD, not %q", *date)
		}
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
	opt := ingest.Options{Date: *date, AllowNetwork: *allowNet, AllowPrivate: *allowPriv, Workers: *workers,
		SkipLanguageCheck: *anyLang, Stdin: e.stdin}
	var bar *progressbar.ProgressBar
	if e.terminal {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		opt.Progress = func(s *ingest.Summary) { bar.Add(1) }
	} else {
		last, lastRead := time.Now(), 0
		opt.Progress = func(s *ingest.Summary) {
			if s.Read-lastRead >= 1000 || time.Since(last) > 5*time.Second {
				last, lastRead = time.Now(), s.Read
				fmt.Fprintf(e.stderr, "ingest: %s\n", s)
			}
		}
	}
	sum, err := ingest.Run(ctx, st, c, inputs, opt)
	if bar != nil {
		bar.Finish()
	}
	if sum != nil {
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			if sum.Failures == nil {
				sum.Failures = []ingest.Failure{}
			}
			if err := enc.Encode(sum); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(e.stdout, "%s\n", sum)
			for _, f := range sum.Failures {
				fmt.Fprintf(e.stdout, "  failed: %s\n", f.Reason)
			}
		}
		if err == nil && sum.Failed > 0 && sum.New+sum.Duplicate+sum.NearDuplicate+sum.NonEnglish == 0 {
			// Some bad records are expected in a corpus; nothing at all is a
			// failure of the run.
			return fmt.Errorf("nothing ingested: %d failed", sum.Failed)
		}
	}
	return err
}
