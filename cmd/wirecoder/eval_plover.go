package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/evalutil"
	"github.com/wirecoder/wirecoder/eval/plover"
	"github.com/wirecoder/wirecoder/storyio"
)

func init() {
	registerEval("plover", "score event types and actors of the top event on PLOVER gold records", runEvalPlover)
}

// eventEvalCoder codes one story in place. The eval commands take it as a
// parameter so that tests can run them with a fake coder.
type eventEvalCoder func(ctx context.Context, d *doc.Doc) error

// newEventEvalCoder returns the project's coding pipeline as a eventEvalCoder.
func newEventEvalCoder() (eventEvalCoder, error) {
	p, err := newPipeline(coderOptions{})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, d *doc.Doc) error { return codeDoc(ctx, p, d) }, nil
}

// codeEvalStories codes docs on a pool of workers (results in input order),
// returns each story's events, prints coding failures as warnings in input
// order, and reports the rate to stderr.
func codeEvalStories(ctx context.Context, e *env, what string, docs []*doc.Doc, workers int, code eventEvalCoder) ([][]doc.Event, error) {
	start := time.Now()
	errs, err := evalutil.Map(ctx, len(docs), workers, func(ctx context.Context, i int) error {
		return code(ctx, docs[i])
	})
	if err != nil {
		return nil, fmt.Errorf("code %s: %w", what, err)
	}
	for i, err := range errs {
		if err != nil {
			fmt.Fprintf(e.stderr, "warning: %s %s: %v\n", what, docs[i].ID, err)
		}
	}
	el := time.Since(start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(len(docs)) / el
	}
	fmt.Fprintf(e.stderr, "coded %d %s in %.2fs: %.1f %s/s\n", len(docs), what, el, rate, what)
	out := make([][]doc.Event, len(docs))
	for i, d := range docs {
		out[i] = d.Events
	}
	return out, nil
}

// printReliabilityLine prints the reliability table as one JSON line.
func printReliabilityLine(w io.Writer, task string, buckets []evalutil.Bucket) error {
	b, err := json.Marshal(struct {
		Task        string            `json:"task"`
		Reliability []evalutil.Bucket `json:"reliability"`
		ECE         float64           `json:"ece"`
	}{task, buckets, evalutil.ECE(buckets)})
	if err != nil {
		return fmt.Errorf("encode reliability: %w", err)
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func runEvalPlover(ctx context.Context, e *env, args []string) error {
	return evalPlover(ctx, e, args, newEventEvalCoder)
}

// evalPlover runs "wirecoder eval plover" with the coder that newCoder
// returns.
func evalPlover(ctx context.Context, e *env, args []string, newCoder func() (eventEvalCoder, error)) error {
	fs, fl := newEventEvalFlags(e, "eval plover", "FILE.json", "PLOVER gold `file` (JSON array or JSON Lines)", "records")
	if err := fl.parse(fs, args); err != nil {
		return err
	}
	gold, format, limit, reliability, buckets, verbose, markdown, workers := fl.gold, fl.format, fl.limit, fl.reliability, fl.buckets, fl.verbose, fl.markdown, fl.workers
	recs, problems, err := plover.ReadFile(*gold)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "warning: %v\n", p)
	}
	if len(recs) == 0 {
		return fmt.Errorf("eval plover: %s: no records to score", *gold)
	}
	if *limit > 0 && *limit < len(recs) {
		recs = recs[:*limit]
	}
	code, err := newCoder()
	if err != nil {
		return fmt.Errorf("eval plover: %w", err)
	}
	docs := make([]*doc.Doc, len(recs))
	for i, r := range recs {
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("record-%d", r.Index)
		}
		d := doc.New(id, r.Text)
		if r.Date != "" {
			if date, ok := storyio.NormalizeDate(r.Date); ok {
				d.Date = date
			} else {
				fmt.Fprintf(e.stderr, "warning: %s: record %d (%s): date %q is not YYYY-MM-DD; coded without a date\n", *gold, r.Index, r.ID, r.Date)
			}
		}
		docs[i] = d
	}
	events, err := codeEvalStories(ctx, e, "records", docs, *workers, code)
	if err != nil {
		return err
	}
	res := plover.ScoreBuckets(recs, events, *buckets)
	if *verbose {
		for i, r := range recs {
			o := plover.ScoreRecord(r, events[i])
			if o.TypeRight {
				continue
			}
			pred := o.Predicted
			if !o.HasEvent {
				pred = "(no event)"
			}
			fmt.Fprintf(e.stderr, "wrong: %s: gold %s, top %s (%.2f): %s\n", r.ID, o.Gold, pred, o.Confidence, clip(r.Text, 160))
		}
	}
	if *format == "json" {
		if *reliability {
			if err := printReliabilityLine(e.stdout, "plover", res.Reliability); err != nil {
				return err
			}
		}
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("eval plover: encode result: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	w := e.stdout
	fmt.Fprintf(w, "PLOVER %s: %d records, %d with no event\n", *gold, res.Records, res.NoEvent)
	fmt.Fprintf(w, "%-12s %7s %7s %9s %9s\n", "type", "records", "correct", "accuracy", "predicted")
	for _, t := range res.TypeNames() {
		ts := res.PerType[t]
		fmt.Fprintf(w, "%-12s %7d %7d %9.3f %9d\n", t, ts.Records, ts.Correct, ts.Accuracy, ts.Predicted)
	}
	fmt.Fprintf(w, "%-12s %7d %7d %9.3f\n", "all", res.Records, res.Correct, res.TypeAccuracy)
	fmt.Fprintf(w, "\n%-8s %7s %9s %9s %9s %9s\n", "actor", "records", "country", "accuracy", "full", "accuracy")
	fmt.Fprintf(w, "%-8s %7d %9d %9.3f %9d %9.3f\n", "source", res.SourceRecords, res.SourceCountry, res.SourceAccuracy, res.SourceFull, res.SourceFullAccuracy)
	fmt.Fprintf(w, "%-8s %7d %9d %9.3f %9d %9.3f\n", "target", res.TargetRecords, res.TargetCountry, res.TargetAccuracy, res.TargetFull, res.TargetFullAccuracy)
	if *reliability {
		fmt.Fprintln(w, "\nreliability of the top event's confidence (right = type right):")
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
