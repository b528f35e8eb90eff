package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/wirecoder/wirecoder/ner"
)

func init() {
	registerEval("ner", "score the named-entity recognizer on an IOB2 gold file (exact spans)", evalNER)
}

// nerEvalResult is the JSON form of "wirecoder eval ner".
type nerEvalResult struct {
	Task      string            `json:"task"`
	Precision float64           `json:"precision"`
	Recall    float64           `json:"recall"`
	F1        float64           `json:"f1"`
	PerType   map[string]nerPRF `json:"per_type"`
}

type nerPRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// evalNER runs "wirecoder eval ner": it tags the words of a gold IOB2 file
// and prints exact-span precision, recall and F1, overall and per type.
func evalNER(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval ner", "--gold FILE.iob2 [--format json|table] [--model FILE]")
	gold := fs.String("gold", "", "IOB2 gold `file`")
	format := fs.String("format", "table", "output format: json|table")
	modelPath := fs.String("model", "", "model `file` (default: the embedded model)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *gold == "" {
		return usagef("--gold FILE is required")
	}
	if err := oneOf("format", *format, "json", "table"); err != nil {
		return err
	}
	var m *ner.Model
	if *modelPath != "" {
		f, err := os.Open(*modelPath)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		m, err = ner.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval ner: %s: %w", *modelPath, err)
		}
	} else if m, err = ner.Default(); err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	sents, err := ner.ReadIOB2File(*gold)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s := ner.Evaluate(m, sents)
	if *format == "json" {
		res := nerEvalResult{Task: "ner", Precision: s.Precision, Recall: s.Recall, F1: s.F1, PerType: map[string]nerPRF{}}
		for t, p := range s.PerType {
			res.PerType[t] = nerPRF{p.Precision, p.Recall, p.F1}
		}
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %d sentences\n", *gold, len(sents))
	fmt.Fprintf(e.stdout, "%-8s %9s %9s %9s %6s %6s %7s\n", "type", "precision", "recall", "f1", "gold", "pred", "correct")
	row := func(name string, p ner.PRF) {
		fmt.Fprintf(e.stdout, "%-8s %9.4f %9.4f %9.4f %6d %6d %7d\n", name, p.Precision, p.Recall, p.F1, p.Gold, p.Pred, p.Correct)
	}
	for _, t := range ner.Types() {
		row(t.String(), s.PerType[t.String()])
	}
	row("overall", s.PRF)
	return nil
}
