package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/ner"
)

func init() {
	registerTrainer("ner", "train the named-entity recognizer on Universal NER EWT", trainNER)
}

// trainNER runs "wirecoder train ner": it trains the recognizer on an IOB2
// training file, choosing the epoch on a dev file, and writes the model.
func trainNER(ctx context.Context, e *env, args []string) error {
	dir, _ := shared.Dir()
	root, _ := shared.Root()
	fs := newFlags(e, "train ner", "[--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--seed N]")
	train := fs.String("train", filepath.Join(dir, "data/uner-ewt/en_ewt-ud-train.iob2"), "IOB2 training `file`")
	dev := fs.String("dev", filepath.Join(dir, "data/uner-ewt/en_ewt-ud-dev.iob2"), "IOB2 development `file` that picks the epoch (\"\" for none)")
	out := fs.String("out", filepath.Join(root, "ner/model/ner.model.gz"), "output model `file`")
	epochs := fs.Int("epochs", 12, "training epochs")
	seed := fs.Uint64("seed", 1, "random seed for the visiting order")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times in training")
	ensemble := fs.Int("ensemble", 1, "perceptrons trained side by side with seeds seed, seed+1, ... and averaged")
	method := fs.String("method", "perceptron", "learning method: perceptron|crf")
	l2 := fs.Float64("l2", 1e-4, "CRF: L2 regularisation per sentence")
	rate := fs.Float64("rate", 0.1, "CRF: initial learning rate")
	dropout := fs.Float64("word-dropout", 0, "perceptron: probability of hiding a token's word features at a training step")
	refit := fs.Bool("refit", false, "after choosing the epoch and O penalty on dev, retrain on train+dev")
	noGaz := fs.Bool("no-gazetteer", false, "train without gazetteer features")
	lowerCopies := fs.Int("lower-copies", 1, "add a lower-cased copy of every `k`-th training sentence holding an entity (0: none)")
	upperCopies := fs.Int("upper-copies", 0, "add an upper-cased copy of every `k`-th training sentence holding an entity (0: none)")
	noCl := fs.Bool("no-clusters", false, "train without word-cluster features")
	clFile := fs.String("clusters", "", "word-cluster `file` (gzip, word<TAB>path lines, as written by ner/internal/clustergen; default: the embedded clusters)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *epochs <= 0 || *minCount <= 0 || *ensemble <= 0 {
		return usagef("--epochs, --min-count and --ensemble must be positive")
	}
	meth, ok := ner.ParseMethod(*method)
	if !ok {
		return usagef("--method must be perceptron or crf, not %q", *method)
	}
	trainSet, err := ner.ReadIOB2File(*train)
	if err != nil {
		return err
	}
	var devSet []ner.Sentence
	if *dev != "" {
		if devSet, err = ner.ReadIOB2File(*dev); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var cl *ner.Clusters
	if *clFile != "" {
		if cl, err = ner.ReadClustersFile(*clFile); err != nil {
			return err
		}
	}
	start := time.Now()
	m, err := ner.Train(trainSet, devSet, ner.TrainOptions{Method: meth, L2: *l2, Rate: *rate, Epochs: *epochs, Seed: *seed, MinCount: *minCount, Ensemble: *ensemble, Refit: *refit, WordDropout: *dropout, NoGazetteer: *noGaz, NoClusters: *noCl, Clusters: cl, LowerCopies: *lowerCopies, UpperCopies: *upperCopies}, e.stderr)
	if err != nil {
		return err
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("train ner: writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("train ner: writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	st, _ := os.Stat(*out)
	var size int64
	if st != nil {
		size = st.Size()
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s: %s\n", *out, size, time.Since(start).Round(time.Second), m.Info())
	return nil
}
