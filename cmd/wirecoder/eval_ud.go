package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/syntax/lemma"
	"github.com/wirecoder/wirecoder/syntax/parser"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

func init() {
	registerEval("ud", "score the tagger, lemmatizer and parser on a CoNLL-U treebank (gold tokenization)", runEvalUD)
}

// udResult is the JSON form of `wirecoder eval ud`.
type udResult struct {
	Task            string  `json:"task"`
	Sentences       int     `json:"sentences"`
	Tokens          int     `json:"tokens"`
	UPOS            float64 `json:"upos"`
	XPOS            float64 `json:"xpos"`
	Lemma           float64 `json:"lemma"`
	UAS             float64 `json:"uas"`
	LAS             float64 `json:"las"`
	TokensPerSecond float64 `json:"tokens_per_second"`
}

// runEvalUD tags, lemmatizes and parses each gold sentence from its gold
// words, as the whole language core does inside `wirecoder code`, and
// scores every word (punctuation included). Speed is the wall-clock rate
// of tagging plus lemmatizing plus parsing on one goroutine.
func runEvalUD(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval ud", "--gold FILE.conllu [--format table|json]")
	gold := fs.String("gold", "", "gold treebank (CoNLL-U)")
	format := fs.String("format", "table", "output format: table|json")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" {
		return usagef("--gold FILE.conllu is required")
	}
	if err := oneOf("format", *format, "table", "json"); err != nil {
		return err
	}
	sents, err := conllu.ReadFile(*gold)
	if err != nil {
		return err
	}
	tg, err := tagger.Default()
	if err != nil {
		return fmt.Errorf("load tagger: %w", err)
	}
	lem, err := lemma.Default()
	if err != nil {
		return fmt.Errorf("load lemmatizer: %w", err)
	}
	ps, err := parser.Default()
	if err != nil {
		return fmt.Errorf("load parser: %w", err)
	}
	var r udResult
	r.Task = "ud"
	var upos, xpos, lem1, uas, las int
	var busy time.Duration
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		start := time.Now()
		pu, px := tg.Tag(words)
		lemmas := make([]string, len(words))
		for i := range words {
			lemmas[i] = lem.Lemma(words[i], pu[i], px[i])
		}
		heads, deps := ps.Parse(words, lemmas, pu, px)
		busy += time.Since(start)
		for i, w := range s.Words {
			if pu[i] == w.UPOS {
				upos++
			}
			if px[i] == w.XPOS {
				xpos++
			}
			if lemmas[i] == w.Lemma {
				lem1++
			}
			if heads[i]+1 == w.Head {
				uas++
				if deps[i] == w.Dep {
					las++
				}
			}
		}
		r.Sentences++
		r.Tokens += len(words)
	}
	if r.Tokens > 0 {
		n := float64(r.Tokens)
		r.UPOS, r.XPOS, r.Lemma = float64(upos)/n, float64(xpos)/n, float64(lem1)/n
		r.UAS, r.LAS = float64(uas)/n, float64(las)/n
	}
	if busy > 0 {
		r.TokensPerSecond = float64(r.Tokens) / busy.Seconds()
	}
	if *format == "json" {
		b, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encode result: %w", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return nil
	}
	fmt.Fprintf(e.stdout, "UD %s: %d sentences, %d tokens\n  UPOS  %.4f\n  XPOS  %.4f\n  lemma %.4f\n  UAS   %.4f\n  LAS   %.4f\n  %.0f tokens/s (tag + lemma + parse, one goroutine)\n",
		*gold, r.Sentences, r.Tokens, r.UPOS, r.XPOS, r.Lemma, r.UAS, r.LAS, r.TokensPerSecond)
	return nil
}
