package main

import "flag"

// eventEvalFlags are the flags that `eval plover` and `eval pentaclass`
// share.
type eventEvalFlags struct {
	gold        *string
	format      *string
	limit       *int
	reliability *bool
	buckets     *int
	verbose     *bool
	markdown    *bool
	workers     *int
}

// newEventEvalFlags declares the shared flags of an event eval; unit names
// what is scored ("records", "sentences") and goldHelp describes --gold.
func newEventEvalFlags(e *env, name, goldUsage, goldHelp, unit string) (*flag.FlagSet, *eventEvalFlags) {
	fs := newFlags(e, name, "--gold "+goldUsage+" [--format json|table] [--limit N] [--reliability [--buckets N] [--markdown]] [--workers N] [-v]")
	return fs, &eventEvalFlags{
		gold:        fs.String("gold", "", goldHelp),
		format:      fs.String("format", "table", "output format: json|table"),
		limit:       fs.Int("limit", 0, "score only the first `N` "+unit+" (0: all)"),
		reliability: fs.Bool("reliability", false, "also print the confidence reliability table"),
		buckets:     fs.Int("buckets", 5, "with --reliability: the number of equal confidence buckets"),
		verbose:     fs.Bool("v", false, "list the "+unit+" scored wrong (to stderr)"),
		markdown:    fs.Bool("markdown", false, "with --reliability and the table format: print the reliability table as Markdown, for the docs"),
		workers:     fs.Int("workers", 0, "coding workers (0: GOMAXPROCS)"),
	}
}

// parse parses args and checks the shared flags.
func (f *eventEvalFlags) parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *f.gold == "" {
		return usagef("--gold FILE is required")
	}
	if err := oneOf("format", *f.format, "json", "table"); err != nil {
		return err
	}
	if *f.limit < 0 || *f.workers < 0 {
		return usagef("--limit and --workers must not be negative")
	}
	if *f.buckets < 1 || *f.buckets > 100 {
		return usagef("--buckets must be 1-100, not %d", *f.buckets)
	}
	return nil
}
