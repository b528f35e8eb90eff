package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/text"
)

func init() {
	register(&command{name: "segment", summary: "split a story into tokens, sentences and credits", run: runSegment})
	registerEval("tokens", "token-boundary agreement with UD English-EWT", runEvalTokens)
}

// runSegment prints the sentences and credits of a story read from a file
// or standard input, with their byte offsets; --tokens adds the tokens.
func runSegment(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "segment", "[--tokens] [FILE]")
	tokens := fs.Bool("tokens", false, "print each sentence's tokens (normalised forms)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("segment takes at most one file, got %d", len(pos))
	}
	var data []byte
	name := "-"
	if len(pos) == 1 && pos[0] != "-" {
		name = pos[0]
		data, err = os.ReadFile(name)
	} else {
		data, err = io.ReadAll(e.stdin)
	}
	if err != nil {
		return fmt.Errorf("read story %s: %w", name, err)
	}
	d := doc.New(name, string(data))
	if err := text.New().Process(ctx, d); err != nil {
		return err
	}
	for _, c := range d.Credits {
		fmt.Fprintf(e.stdout, "credit %s [%d,%d) %q", c.Kind, c.Start, c.End, d.Slice(c.Span))
		if len(c.Sources) > 0 {
			fmt.Fprintf(e.stdout, " sources=%q", c.Sources)
		}
		if c.Place != "" {
			fmt.Fprintf(e.stdout, " place=%q", c.Place)
		}
		if c.Date != "" {
			fmt.Fprintf(e.stdout, " date=%q", c.Date)
		}
		fmt.Fprintln(e.stdout)
	}
	for i, s := range d.Sentences {
		fmt.Fprintf(e.stdout, "%d\t%d\t[%d,%d)\t%s\n", i, s.Paragraph, s.Start, s.End, d.Slice(s.Span))
		if *tokens {
			for _, t := range d.SentenceTokens(i) {
				fmt.Fprintf(e.stdout, "\t%d\t%d\t%s\n", t.Start, t.End, t.Norm)
			}
		}
	}
	for _, er := range d.Errors {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, er)
	}
	return nil
}

// runEvalTokens scores the tokenizer against the gold tokens of a CoNLL-U
// file, by default the UD English-EWT dev set in ../shared.
func runEvalTokens(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval tokens", "[--file FILE.conllu] [--show N]")
	file := fs.String("file", "", "CoNLL-U file (default: ../shared/data/ud-ewt/en_ewt-ud-dev.conllu)")
	show := fs.Int("show", 0, "print this many sentences tokenized differently from the gold standard")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("eval tokens takes no arguments, got %q", pos)
	}
	if *file == "" {
		dir, ok := shared.Dir()
		if !ok {
			return fmt.Errorf("eval tokens: shared data directory %s not found; pass --file", dir)
		}
		*file = filepath.Join(dir, "data", "ud-ewt", "en_ewt-ud-dev.conllu")
	}
	sents, err := conllu.ReadFile(*file)
	if err != nil {
		return fmt.Errorf("eval tokens: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s: %v\n", *file, text.EvalCoNLLU(sents))
	for _, m := range text.Mismatches(sents, *show) {
		fmt.Fprintln(e.stdout, m)
	}
	return nil
}
