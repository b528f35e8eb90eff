package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/petr"
	"github.com/wirecoder/wirecoder/pipeline"
	"github.com/wirecoder/wirecoder/syntax/parser"
	"github.com/wirecoder/wirecoder/syntax/tagger"
	"github.com/wirecoder/wirecoder/text"
)

// petrarchAnnotate is the language pipeline that `eval petrarch` (and
// `eval tabari`) run on a record's text when --use-parse is not given:
// wirecoder's own tokenizer, tagger and parser, as in newPipeline.
var petrarchAnnotate petr.Annotator = languageCore

var (
	languageOnce sync.Once
	languagePipe *pipeline.Pipeline
	languageErr  error
)

// languageCore adds tokens, sentences, POS, lemmas and dependencies to d
// with the project's text, tagger and parser stages, loaded once.
func languageCore(ctx context.Context, d *doc.Doc) error {
	languageOnce.Do(func() {
		tg, err := tagger.Default()
		if err != nil {
			languageErr = fmt.Errorf("load tagger: %w", err)
			return
		}
		ps, err := parser.Default()
		if err != nil {
			languageErr = fmt.Errorf("load parser: %w", err)
			return
		}
		languagePipe, languageErr = pipeline.New(
			pipeline.Step{Name: "text", Assigns: doc.LayerTokens | doc.LayerSentences, Stage: text.New()},
			pipeline.Step{Name: "tagger", Requires: tagger.Requires, Assigns: tagger.Assigns, Stage: tg},
			pipeline.Step{Name: "parser", Requires: doc.LayerTokens | doc.LayerSentences | doc.LayerPOS, Assigns: doc.LayerDeps, Stage: ps},
		)
	})
	if languageErr != nil {
		return languageErr
	}
	return languagePipe.Run(ctx, d)
}

func init() {
	registerEval("petrarch", "score the event coder on a PETRARCH validation file", runEvalPetrarch)
}

func runEvalPetrarch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval petrarch", "--gold FILE.xml --dictionaries DIR [--use-parse] [--format json|table] [-v]")
	gold := fs.String("gold", "", "PETRARCH validation XML file")
	dir := fs.String("dictionaries", "", "directory holding the dictionaries the file's <Environment> names (default: the gold file's ../dictionaries)")
	useParse := fs.Bool("use-parse", false, "use each record's CoNLL-U parse instead of wirecoder's own pipeline")
	format := fs.String("format", "table", "output format: json or table")
	verbose := fs.Bool("v", false, "list the records coded wrongly")
	pairsOnly := fs.Bool("pairs", false, "with -v, list only the records whose (source, target) pairs are wrong")
	verbsFile := fs.String("verbs", "", "verb dictionary to use instead of the one the file's <Environment> names (a name in --dictionaries or a path)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments: %s", strings.Join(pos, " "))
	}
	if *gold == "" {
		return usagef("--gold is required")
	}
	if err := oneOf("format", *format, "json", "table"); err != nil {
		return err
	}
	if !*useParse && petrarchAnnotate == nil {
		return usagef("wirecoder's own language pipeline is not available in this build; pass --use-parse")
	}
	if *dir == "" {
		*dir = filepath.Join(filepath.Dir(filepath.Dir(*gold)), "dictionaries")
	}
	suite, err := petr.ReadFile(*gold)
	if err != nil {
		return err
	}
	if *verbsFile != "" {
		suite.Env.Verbfile = *verbsFile
	}
	ds, err := petr.LoadDictionaries(*dir, suite.Env)
	if err != nil {
		return err
	}
	for _, w := range ds.Warnings {
		fmt.Fprintf(e.stderr, "warning: %v\n", w)
	}
	outs := make([]petr.Outcome, 0, len(suite.Records))
	for i := range suite.Records {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := &suite.Records[i]
		got, err := ds.Code(ctx, suite.File, r, *useParse, petrarchAnnotate)
		outs = append(outs, petr.Score(r, got, err))
	}
	res := petr.Summarize(outs)
	failed := 0
	var first error
	for _, o := range outs {
		if o.Err != nil {
			if failed == 0 {
				first = o.Err
			}
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "warning: %d of %d records could not be coded (scored wrong); first: %v\n", failed, len(outs), first)
	}
	if *verbose {
		for _, o := range outs {
			if o.Correct || (*pairsOnly && o.PairsCorrect) {
				continue
			}
			fmt.Fprintf(e.stdout, "%s (line %d): got %s, extra %s, missed %s", o.Record.ID, o.Record.Line, codings(o.Got), codings(o.Extra), codings(o.Missed))
			if o.Err != nil {
				fmt.Fprintf(e.stdout, ", error: %v", o.Err)
			}
			fmt.Fprintln(e.stdout)
		}
	}
	if *format == "json" {
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("eval petrarch: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	fmt.Fprintf(e.stdout, "%-12s %8s %8s %9s\n", "category", "records", "correct", "accuracy")
	for _, c := range res.Categories() {
		pc := res.PerCategory[c]
		fmt.Fprintf(e.stdout, "%-12s %8d %8d %9.3f\n", c, pc.Records, pc.Correct, pc.Accuracy)
	}
	fmt.Fprintf(e.stdout, "%-12s %8d %8d %9.3f   extra %d, missed %d\n", "all", res.Records, res.Correct, res.Accuracy, res.Extra, res.Missed)
	pairs := 0
	for _, o := range outs {
		if o.PairsCorrect {
			pairs++
		}
	}
	fmt.Fprintf(e.stdout, "records whose (source, target) pairs are right, codes aside: %d (%.3f)\n", pairs, float64(pairs)/float64(max(1, len(outs))))
	return nil
}

func codings(cs []petr.Coding) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Source + "-" + c.Code + "-" + c.Target
	}
	return "[" + strings.Join(parts, " ") + "]"
}
