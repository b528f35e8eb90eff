package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/syntax/lemma"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

func init() {
	registerTrainer("tagger", "train the POS tagger and lemmatizer on UD EWT", trainTagger)
	registerTrainer("lemma", "train only the lemmatizer on UD EWT", trainLemma)
}

// trainLemma trains the lemmatizer alone (it takes seconds; the tagger
// takes minutes).
func trainLemma(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train lemma", "[--train FILE] [--out FILE]")
	trainPath := fs.String("train", ewtPath("en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	out := fs.String("out", "syntax/lemma/model/lemma.txt.gz", "lemmatizer model file to write")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("train lemma takes no arguments, got %q", pos)
	}
	if *trainPath == "" || *out == "" {
		return usagef("--train and --out are required (no ../shared/data/ud-ewt found)")
	}
	train, err := conllu.ReadFile(*trainPath)
	if err != nil {
		return fmt.Errorf("train lemma: %w", err)
	}
	lem, err := lemma.Train(train)
	if err != nil {
		return fmt.Errorf("train lemmatizer on %s: %w", *trainPath, err)
	}
	if err := writeTaggerModel(*out, lem.Save); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	return nil
}

// ewtPath returns the path of an EWT file in the shared data, or "" when
// the shared data is absent.
func ewtPath(name string) string {
	d, ok := shared.Dir()
	if !ok {
		return ""
	}
	return filepath.Join(d, "data", "ud-ewt", name)
}

// trainTagger trains the tagger and the lemmatizer and writes them to two
// gzip-compressed model files (--out and --lemma-out).
func trainTagger(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train tagger", "[--train FILE] [--dev FILE] [--test FILE] [--out FILE] [--lemma-out FILE] [--epochs N] [--seed N]")
	trainPath := fs.String("train", ewtPath("en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	devPath := fs.String("dev", ewtPath("en_ewt-ud-dev.conllu"), "development treebank for epoch selection (CoNLL-U; empty: keep the last epoch)")
	testPath := fs.String("test", "", "optional test treebank to score the result on (CoNLL-U)")
	out := fs.String("out", "syntax/tagger/model/tagger.bin.gz", "tagger model file to write")
	lemOut := fs.String("lemma-out", "syntax/lemma/model/lemma.txt.gz", "lemmatizer model file to write")
	epochs := fs.Int("epochs", 8, "training epochs")
	seed := fs.Uint64("seed", 1, "seed for shuffling the training sentences")
	onePass := fs.Bool("one-pass", false, "train only the left-to-right first pass (faster tagging, lower accuracy)")
	dictCount := fs.Int("dict-min-count", 20, "tag dictionary: minimum occurrences of a word")
	dictRatio := fs.Float64("dict-min-ratio", 0.97, "tag dictionary: minimum share of the word's most frequent tag")
	prune := fs.Float64("prune", 0.5, "drop averaged weights smaller than this in magnitude")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("train tagger takes no arguments, got %q", pos)
	}
	if *epochs < 1 {
		return usagef("--epochs must be at least 1, not %d", *epochs)
	}
	if *out == "" || *lemOut == "" {
		return usagef("--out and --lemma-out must not be empty")
	}
	if *trainPath == "" {
		return usagef("--train is required (no ../shared/data/ud-ewt found)")
	}
	start := time.Now()
	train, err := conllu.ReadFile(*trainPath)
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	var dev []conllu.Sentence
	if *devPath != "" {
		if dev, err = conllu.ReadFile(*devPath); err != nil {
			return fmt.Errorf("train tagger: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m, err := tagger.Train(train, dev, tagger.TrainOptions{Epochs: *epochs, Seed: *seed, Prune: *prune, OnePass: *onePass,
		DictMinCount: *dictCount, DictMinRatio: *dictRatio}, e.stderr)
	if err != nil {
		return fmt.Errorf("train tagger on %s: %w", *trainPath, err)
	}
	lem, err := lemma.Train(train)
	if err != nil {
		return fmt.Errorf("train lemmatizer on %s: %w", *trainPath, err)
	}
	if err := writeTaggerModel(*out, m.Save); err != nil {
		return err
	}
	if err := writeTaggerModel(*lemOut, lem.Save); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "trained in %s; wrote %s and %s\n", time.Since(start).Round(time.Second), *out, *lemOut)
	if len(dev) > 0 {
		fmt.Fprintf(e.stdout, "dev:  %s\n", tagger.Evaluate(m, lem, dev))
	}
	if *testPath != "" {
		test, err := conllu.ReadFile(*testPath)
		if err != nil {
			return fmt.Errorf("train tagger: %w", err)
		}
		fmt.Fprintf(e.stdout, "test: %s\n", tagger.Evaluate(m, lem, test))
	}
	return nil
}

// writeTaggerModel writes a model file through save, atomically.
func writeTaggerModel(path string, save func(w io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := save(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write model %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write model %s: %w", path, err)
	}
	return nil
}
