package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	dtabari "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/petr"
	"github.com/wirecoder/wirecoder/eval/tabari"
	"github.com/wirecoder/wirecoder/event"
)

func init() {
	registerEval("tabari", "score the event coder on TABARI's validation records", runEvalTabari)
}

// runEvalTabari scores the coder on a TABARI project's validation text
// with the project's own dictionaries. TABARI's records carry no parse, so
// the command needs the language pipeline (petrarchAnnotate).
func runEvalTabari(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval tabari", "--project Validate.project [--format json|table] [-v]")
	project := fs.String("project", "", "TABARI .project file")
	format := fs.String("format", "table", "output format: json or table")
	verbose := fs.Bool("v", false, "list the records coded wrongly")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments: %s", strings.Join(pos, " "))
	}
	if *project == "" {
		return usagef("--project is required")
	}
	if err := oneOf("format", *format, "json", "table"); err != nil {
		return err
	}
	if petrarchAnnotate == nil {
		return usagef("wirecoder's own language pipeline is not available in this build, and TABARI's records carry no parse")
	}
	p, err := dtabari.ReadProjectFile(*project)
	if err != nil && p == nil {
		return err
	}
	dir := filepath.Dir(*project)
	file := func(tag string) (string, error) {
		f := p.Files[tag]
		if f == "" {
			return "", fmt.Errorf("eval tabari: %s names no <%s>", *project, tag)
		}
		return filepath.Join(dir, f), nil
	}
	warn := func(err error) error {
		var el petrarch.ErrorList
		if errors.As(err, &el) {
			for _, w := range el {
				fmt.Fprintf(e.stderr, "warning: %v\n", w)
			}
			return nil
		}
		return err
	}
	vf, err := file("verbsfile")
	if err != nil {
		return err
	}
	verbs, err := dtabari.ReadVerbsFile(vf)
	if verbs == nil {
		return err
	}
	if err := warn(err); err != nil {
		return err
	}
	af, err := file("actorsfile")
	if err != nil {
		return err
	}
	actors, err := dtabari.ReadActorsFile(af)
	if actors == nil {
		return err
	}
	if err := warn(err); err != nil {
		return err
	}
	var agents *petrarch.Agents
	if gf, err := file("agentsfile"); err == nil {
		agents, err = dtabari.ReadAgentsFile(gf)
		if agents == nil {
			return err
		}
		if err := warn(err); err != nil {
			return err
		}
	}
	tf, err := file("textfile")
	if err != nil {
		return err
	}
	recs, err := tabari.ReadFile(tf)
	if err != nil {
		return err
	}
	coder := event.NewCoder(verbs.Verbs, &event.DictActors{Actors: actors.Actors, Agents: agents}, event.Options{})
	var outs []petr.Outcome
	for i := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &recs[i]
		pr := &petr.Record{ID: r.ID, Source: r.Category(), Line: r.Line, Expected: r.Expected, NoEvents: r.NoEvents}
		d := doc.New(r.ID, r.Text)
		if len(r.Date) == 6 {
			if dd, err := petrarch.ParseDate(r.Date); err == nil {
				d.Date = fmt.Sprintf("%04d-%02d-%02d", dd/10000, dd/100%100, dd%100)
			}
		}
		var got []petr.Coding
		err := petrarchAnnotate(ctx, d)
		if err == nil {
			err = coder.Process(ctx, d)
		}
		for _, ev := range d.Events {
			got = append(got, petr.Coding{Source: ev.Source.Code, Target: ev.Target.Code, Code: ev.CAMEO})
		}
		outs = append(outs, petr.Score(pr, got, err))
	}
	res := petr.Summarize(outs)
	res.Task = "tabari"
	if *verbose {
		for _, o := range outs {
			if !o.Correct {
				fmt.Fprintf(e.stdout, "%s (line %d): got %s, extra %s, missed %s\n", o.Record.ID, o.Record.Line, codings(o.Got), codings(o.Extra), codings(o.Missed))
			}
		}
	}
	if *format == "json" {
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("eval tabari: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	for _, c := range res.Categories() {
		pc := res.PerCategory[c]
		fmt.Fprintf(e.stdout, "%-12s %8d %8d %9.3f\n", c, pc.Records, pc.Correct, pc.Accuracy)
	}
	fmt.Fprintf(e.stdout, "%-12s %8d %8d %9.3f   extra %d, missed %d\n", "all", res.Records, res.Correct, res.Accuracy, res.Extra, res.Missed)
	return nil
}
