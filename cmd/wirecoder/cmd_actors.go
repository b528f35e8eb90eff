package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/wirecoder/wirecoder/actor"
)

var actorsTasks = &taskGroup{name: "actors", tasks: map[string]task{}}

func init() {
	register(&command{name: "actors", summary: "query and check the actor knowledge base (lookup, check)", run: actorsTasks.run})
	actorsTasks.add("lookup", task{"show what the knowledge base says of a name on a date, with sources", runActorsLookup})
	actorsTasks.add("check", task{"check actor files (--actors format) and report what they hold", runActorsCheck})
}

// fileList is a repeatable string flag.
type fileList []string

// String joins the files for flag's help.
func (f *fileList) String() string { return strings.Join(*f, ",") }

// Set adds one file; the flag may repeat.
func (f *fileList) Set(s string) error { *f = append(*f, s); return nil }

func runActorsLookup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "actors lookup", "NAME [--date YYYY-MM-DD] [--actors FILE]... [--format table|json] [--all]")
	date := fs.String("date", "", "the date to resolve roles on (YYYY-MM-DD); empty for the latest roles")
	format := fs.String("format", "table", "output format: table or json")
	all := fs.Bool("all", false, "list every dated role of each person, not only the one valid on --date")
	var files fileList
	fs.Var(&files, "actors", "an extra actor file in the knowledge-base format (repeatable)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("actors lookup needs one NAME (quote names of several words), got %d arguments", len(pos))
	}
	if err := oneOf("format", *format, "table", "json"); err != nil {
		return err
	}
	if *date != "" && !actor.ValidDate(*date) {
		return usagef("--date %q is not YYYY-MM-DD", *date)
	}
	if *all && *date != "" {
		return usagef("--all lists every role; it takes no --date")
	}
	kb, err := actor.WithFiles(files...)
	if err != nil {
		if kb == nil {
			return err
		}
		fmt.Fprintf(e.stderr, "warning: %v\n", err)
	}
	var ms []actor.Match
	if *all {
		ms = kb.History(pos[0])
	} else {
		ms = kb.Lookup(pos[0], *date)
	}
	if len(ms) == 0 {
		return fmt.Errorf("no knowledge-base entry is spelled %q", pos[0])
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ms)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tCODE\tROLE\tFROM\tUNTIL\tSOURCE\tCURRENT")
	for _, m := range ms {
		code := m.Code
		if code == "" {
			code = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%v\n", m.Name, m.Kind, code, m.Role,
			dash(m.From), dash(m.Until), m.Source, m.Current)
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runActorsCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "actors check", "FILE...")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("actors check needs at least one FILE")
	}
	for _, f := range pos {
		kb, err := actor.LoadAny(f)
		if err != nil {
			return err
		}
		roles := 0
		for _, p := range kb.People {
			roles += len(p.Roles)
		}
		fmt.Fprintf(e.stdout, "%s: %d countries, %d actors, %d persons with %d roles, %d nouns\n",
			f, len(kb.Countries), len(kb.Actors), len(kb.People), roles, len(kb.Nouns))
	}
	return nil
}
