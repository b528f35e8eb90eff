package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/polnear"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/pipeline"
	"github.com/wirecoder/wirecoder/quote"
	"github.com/wirecoder/wirecoder/quote/attrib"
)

func init() {
	registerTrainer("attrib", "train the attribution tagger (source, cue, content) on PolNeAR", trainAttrib)
}

// attribLexicon is the quote stage's cue lexicon, as the tagger's features
// see it.
func attribLexicon(norm, lemma string) int { return int(quote.CueClassOf(norm, lemma)) }

// trainAttrib runs "wirecoder train attrib": it runs the pipeline up to
// actor resolution over PolNeAR train and dev, trains the tagger on train
// choosing the epoch on dev, and writes the model.
func trainAttrib(ctx context.Context, e *env, args []string) error {
	dir, _ := shared.Dir()
	root, _ := shared.Root()
	fs := newFlags(e, "train attrib", "[--train DIR] [--dev DIR] [--out FILE] [--epochs N] [--seed N] [--bits N] [--annotations first|all]")
	train := fs.String("train", filepath.Join(dir, "data/polnear/train"), "PolNeAR training `dir` (text/ and attributions/)")
	dev := fs.String("dev", filepath.Join(dir, "data/polnear/dev"), "PolNeAR development `dir` that picks the epoch (\"\" for none)")
	out := fs.String("out", filepath.Join(root, "quote/attrib/model/attrib.model.gz"), "output model `file`")
	epochs := fs.Int("epochs", 80, "training epochs")
	seed := fs.Uint64("seed", 1, "random seed for the visiting order")
	bits := fs.Int("bits", 17, "the hashed feature table has 2^N rows")
	anns := fs.String("annotations", "all", "annotations of each training article to learn from: first|all")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *epochs <= 0 || *bits < 4 || *bits > 24 {
		return usagef("--epochs must be positive and --bits within 4..24")
	}
	if err := oneOf("annotations", *anns, "first", "all"); err != nil {
		return err
	}
	if *train == "" {
		return usagef("--train DIR is required")
	}
	start := time.Now()
	p, err := attribPipeline()
	if err != nil {
		return err
	}
	trainSet, err := attribExamples(ctx, e.stderr, p, *train, *anns == "first")
	if err != nil {
		return err
	}
	var devSet []attrib.Example
	if *dev != "" {
		if devSet, err = attribExamples(ctx, e.stderr, p, *dev, false); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "prepared %d training and %d dev annotations in %s\n", len(trainSet), len(devSet), time.Since(start).Round(time.Second))
	m, score, err := attrib.Train(trainSet, devSet, attribLexicon, attrib.TrainOptions{Bits: uint8(*bits), Epochs: *epochs, Seed: *seed}, e.stderr)
	if err != nil {
		return err
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("train attrib: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("train attrib: writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("train attrib: writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fmt.Errorf("train attrib: %w", err)
	}
	var size int64
	if st, err := os.Stat(*out); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s; dev token overlap F1: %v\n", *out, size, time.Since(start).Round(time.Second), score)
	return nil
}

// attribPipeline is the coding pipeline up to actor resolution: the layers
// the tagger's features read.
func attribPipeline() (*pipeline.Pipeline, error) {
	steps, err := pipelineSteps(coderOptions{})
	if err != nil {
		return nil, err
	}
	var keep []pipeline.Step
	for _, s := range steps {
		keep = append(keep, s)
		if s.Name == "actors" {
			break
		}
	}
	return pipeline.New(keep...)
}

// attribExamples reads a PolNeAR directory and runs p over each article,
// returning one example per annotation (or only the first of each
// article). Two workers share the machine.
func attribExamples(ctx context.Context, stderr io.Writer, p *pipeline.Pipeline, dir string, firstOnly bool) ([]attrib.Example, error) {
	arts, problems, err := polnear.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, pr := range problems {
		fmt.Fprintf(stderr, "warning: %v\n", pr)
	}
	docs := make([]*doc.Doc, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := doc.New(arts[i].Name, arts[i].Text)
				if err := p.Run(ctx, d); err != nil {
					fmt.Fprintf(stderr, "warning: %s: %v\n", arts[i].Name, err)
				}
				docs[i] = d
			}
		}()
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []attrib.Example
	for i, a := range arts {
		for k, ann := range a.Annotations {
			if firstOnly && k > 0 {
				break
			}
			ex := attrib.Example{Doc: docs[i]}
			for _, s := range ann.Spans {
				ex.Spans = append(ex.Spans, attrib.GoldSpan{Role: attrib.Role(s.Role), Start: s.Start, End: s.End})
			}
			out = append(out, ex)
		}
	}
	return out, nil
}
