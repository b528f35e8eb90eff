package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/evalutil"
	"github.com/wirecoder/wirecoder/eval/pentaclass"
)

func init() {
	registerEval("pentaclass", "score the five-class CAMEO label of the top event on ConfliBERT sentences", runEvalPentaclass)
}

func runEvalPentaclass(ctx context.Context, e *env, args []string) error {
	return evalPentaclass(ctx, e, args, newEventEvalCoder)
}

// evalPentaclass runs "wirecoder eval pentaclass" with the coder that
// newCoder returns.
func evalPentaclass(ctx context.Context, e *env, args []string, newCoder func() (eventEvalCoder, error)) error {
	fs, fl := newEventEvalFlags(e, "eval pentaclass", "FILE.tsv", "gold `file`: sentence TAB label 0-4", "sentences")
	if err := fl.parse(fs, args); err != nil {
		return err
	}
	gold, format, limit, reliability, buckets, verbose, markdown, workers := fl.gold, fl.format, fl.limit, fl.reliability, fl.buckets, fl.verbose, fl.markdown, fl.workers
	sents, problems, err := pentaclass.ReadFile(*gold)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "warning: %v\n", p)
	}
	if len(sents) == 0 {
		return fmt.Errorf("eval pentaclass: %s: no sentences to score", *gold)
	}
	if *limit > 0 && *limit < len(sents) {
		sents = sents[:*limit]
	}
	code, err := newCoder()
	if err != nil {
		return fmt.Errorf("eval pentaclass: %w", err)
	}
	docs := make([]*doc.Doc, len(sents))
	for i, s := range sents {
		docs[i] = doc.New(fmt.Sprintf("line-%d", s.Line), s.Text)
	}
	events, err := codeEvalStories(ctx, e, "sentences", docs, *workers, code)
	if err != nil {
		return err
	}
	res := pentaclass.ScoreBuckets(sents, events, *buckets)
	if *verbose {
		for i, s := range sents {
			pred, conf, ok := pentaclass.Predict(events[i])
			if pred == s.Label {
				continue
			}
			top := "(no event)"
			if ok {
				top = fmt.Sprintf("%d (%.2f)", pred, conf)
			}
			fmt.Fprintf(e.stderr, "wrong: line %d: gold %d, top %s: %s\n", s.Line, s.Label, top, clip(s.Text, 160))
		}
	}
	if *format == "json" {
		if *reliability {
			if err := printReliabilityLine(e.stdout, "pentaclass", res.Reliability); err != nil {
				return err
			}
		}
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("eval pentaclass: encode result: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	w := e.stdout
	fmt.Fprintf(w, "pentaclass %s: %d sentences, %d with no event (predicted 0)\n", *gold, res.Sentences, res.NoEvent)
	fmt.Fprintf(w, "accuracy %.3f  macro-F1 %.3f\n\n", res.Accuracy, res.MacroF1)
	fmt.Fprintf(w, "%-20s %6s %9s %9s %9s %9s\n", "class", "gold", "predicted", "precision", "recall", "f1")
	for c := 0; c < pentaclass.NumClasses; c++ {
		p := res.PerClass[c]
		fmt.Fprintf(w, "%-20s %6d %9d %9.3f %9.3f %9.3f\n", fmt.Sprintf("%d %s", c, pentaclass.Class(c)), p.Gold, p.Predicted, p.Precision, p.Recall, p.F1)
	}
	fmt.Fprintf(w, "\nconfusion (rows gold, columns predicted):\n%6s", "")
	for c := 0; c < pentaclass.NumClasses; c++ {
		fmt.Fprintf(w, " %6d", c)
	}
	fmt.Fprintln(w)
	for g := 0; g < pentaclass.NumClasses; g++ {
		fmt.Fprintf(w, "%6d", g)
		for p := 0; p < pentaclass.NumClasses; p++ {
			fmt.Fprintf(w, " %6d", res.Confusion[g][p])
		}
		fmt.Fprintln(w)
	}
	if *reliability {
		fmt.Fprintln(w, "\nreliability of the top event's confidence (right = class right; sentences with an event):")
		write := evalutil.WriteReliability
		if *markdown {
			write = evalutil.WriteReliabilityMarkdown
		}
		if err := write(w, res.Reliability); err != nil {
			return err
		}
	}
	return nil
}
