package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/polnear"
)

func init() {
	registerEval("polnear", "score quote attribution (source, cue, content) on PolNeAR", runEvalPolnear)
}

func runEvalPolnear(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval polnear", "--gold DIR [--format table|json]")
	gold := fs.String("gold", "", "PolNeAR directory holding text/ and attributions/")
	format := fs.String("format", "table", "output format: table|json")
	limit := fs.Int("limit", 0, "score only the first N articles (0: all)")
	dump := fs.String("dump", "", "write each article's predicted spans as JSONL to `FILE` (for error analysis)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("--gold DIR is required")
	}
	if err := oneOf("format", *format, "table", "json"); err != nil {
		return err
	}
	arts, problems, err := polnear.ReadDir(*gold)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "warning: %v\n", p)
	}
	if *limit > 0 && *limit < len(arts) {
		arts = arts[:*limit]
	}
	p, err := newPipeline(coderOptions{})
	if err != nil {
		return err
	}
	var dumpEnc *json.Encoder
	if *dump != "" {
		f, err := os.Create(*dump)
		if err != nil {
			return fmt.Errorf("create dump: %w", err)
		}
		defer f.Close()
		dumpEnc = json.NewEncoder(f)
	}
	var sc polnear.Scorer
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := doc.New(a.Name, a.Text)
		if err := codeDoc(ctx, p, d); err != nil {
			fmt.Fprintf(e.stderr, "warning: %s: %v\n", a.Name, err)
		}
		pred := predictedAttributions(d)
		sc.Add(a, pred, tokenSpans(d))
		if dumpEnc != nil {
			if err := dumpEnc.Encode(map[string]any{"article": a.Name, "pred": pred}); err != nil {
				return fmt.Errorf("write dump: %w", err)
			}
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
	fmt.Fprintf(e.stdout, "PolNeAR: %d articles\n%-8s %-8s %9s %9s %9s\n", res.Articles, "match", "role", "precision", "recall", "f1")
	for _, row := range []struct {
		m string
		r polnear.RoleScores
	}{{"exact", res.Exact}, {"overlap", res.Overlap}} {
		for _, x := range []struct {
			n string
			p polnear.PRF
		}{{"source", row.r.Source}, {"cue", row.r.Cue}, {"content", row.r.Content}} {
			fmt.Fprintf(e.stdout, "%-8s %-8s %9.3f %9.3f %9.3f\n", row.m, x.n, x.p.Precision, x.p.Recall, x.p.F1)
		}
	}
	return nil
}

// predictedAttributions turns a coded story's quotes into PolNeAR spans.
func predictedAttributions(d *doc.Doc) []polnear.Span {
	var out []polnear.Span
	add := func(r polnear.Role, s doc.Span) {
		if s.Len() > 0 {
			out = append(out, polnear.Span{Role: r, Start: s.Start, End: s.End})
		}
	}
	for _, q := range d.Quotes {
		add(polnear.Source, q.Speaker.Span)
		add(polnear.Cue, q.Cue)
		add(polnear.Content, q.Content)
	}
	return out
}

func tokenSpans(d *doc.Doc) [][2]int {
	out := make([][2]int, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = [2]int{t.Start, t.End}
	}
	return out
}
