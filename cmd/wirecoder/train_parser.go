package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/wirecoder/wirecoder/internal/conllu"
	"github.com/wirecoder/wirecoder/syntax/lemma"
	"github.com/wirecoder/wirecoder/syntax/parser"
	"github.com/wirecoder/wirecoder/syntax/tagger"
)

func init() {
	registerTrainer("parser", "train the dependency parser on UD English-EWT (CoNLL-U)", trainParser)
	registerEval("parser", "score the dependency parser (UAS/LAS) on a CoNLL-U file", evalParser)
}

func trainParser(ctx context.Context, e *env, args []string) error {
	def := parser.DefaultTrainOptions()
	fs := newFlags(e, "train parser", "[--train FILE] [--dev FILE] --out FILE [flags]")
	train := fs.String("train", ewtPath("en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	dev := fs.String("dev", ewtPath("en_ewt-ud-dev.conllu"), "development treebank for model selection (CoNLL-U)")
	test := fs.String("test", "", "optional test treebank to score the trained model on")
	out := fs.String("out", "", "where to write the gzip-compressed model (required)")
	features := fs.String("features", def.Features.String(), "feature set: full, fast, or clusters (full plus word-cluster features)")
	epochs := fs.Int("epochs", def.Epochs, "training epochs")
	seed := fs.Uint64("seed", def.Seed, "random seed")
	noise := fs.Float64("noise", def.TagNoise, "fraction of training tags replaced by plausible wrong tags")
	lemmaDrop := fs.Float64("lemma-drop", def.LemmaDrop, "fraction of training sentences seen without lemmas")
	bits := fs.Uint("bits", def.Bits, "log2 rows of the transition weight table")
	lbits := fs.Uint("label-bits", def.LabelBits, "log2 rows of the label weight table")
	explore := fs.Int("explore-from", def.ExploreFrom, "first epoch that follows the model's mistakes (0: never)")
	prune := fs.Float64("prune", def.Prune, "drop averaged weights smaller than this")
	trainTags := fs.String("train-tags", "gold", "tags and lemmas to train on: gold, or predicted (by the default tagger and lemmatizer)")
	devTags := fs.String("dev-tags", "gold", "tags and lemmas of the dev set for model selection: gold or predicted")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("train parser needs --out FILE")
	}
	if *noise < 0 || *noise >= 1 {
		return usagef("--noise must be in [0,1), not %g", *noise)
	}
	if err := oneOf("train-tags", *trainTags, "gold", "predicted"); err != nil {
		return err
	}
	if err := oneOf("dev-tags", *devTags, "gold", "predicted"); err != nil {
		return err
	}
	feat, err := parser.ParseFeatures(*features)
	if err != nil {
		return usagef("--features: %v", err)
	}
	if *lemmaDrop < 0 || *lemmaDrop > 1 {
		return usagef("--lemma-drop must be in [0,1], not %g", *lemmaDrop)
	}
	trs, err := conllu.ReadFile(*train)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	var devs []conllu.Sentence
	if *dev != "" {
		if devs, err = conllu.ReadFile(*dev); err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
	}
	if *trainTags == "predicted" {
		if trs, err = predictTags(trs); err != nil {
			return fmt.Errorf("train parser: %s: %w", *train, err)
		}
	}
	if *devTags == "predicted" && len(devs) > 0 {
		if devs, err = predictTags(devs); err != nil {
			return fmt.Errorf("train parser: %s: %w", *dev, err)
		}
	}
	opt := def
	opt.Features = feat
	opt.Epochs, opt.Seed, opt.TagNoise, opt.LemmaDrop, opt.Bits, opt.LabelBits, opt.ExploreFrom, opt.Prune =
		*epochs, *seed, *noise, *lemmaDrop, *bits, *lbits, *explore, *prune
	m, err := parser.Train(trs, devs, opt, e.stderr)
	if err != nil {
		file := *train
		var te *parser.TrainError
		if errors.As(err, &te) && te.Set == "dev" {
			file = *dev
		}
		return fmt.Errorf("train parser: %s: %w", file, err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("train parser: writing %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train parser: writing %s: %w", *out, err)
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", *out)
	if *test != "" {
		return scoreParser(e, m, *test, trs, 0.04)
	}
	return nil
}

// predictTags returns copies of sents whose UPOS, XPOS and lemmas are
// those of the default tagger and lemmatizer, as the parser sees them in
// the pipeline.
func predictTags(sents []conllu.Sentence) ([]conllu.Sentence, error) {
	tg, err := tagger.Default()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	lem, err := lemma.Default()
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	out := make([]conllu.Sentence, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		pu, px := tg.Tag(words)
		ws := append([]conllu.Word(nil), s.Words...)
		for j := range ws {
			ws[j].UPOS, ws[j].XPOS = pu[j], px[j]
			ws[j].Lemma = lem.Lemma(words[j], pu[j], px[j])
		}
		s.Words = ws
		out[i] = s
	}
	return out, nil
}

// scoreParser prints the scores of m on gold with gold tags and, when
// noise > 0, with tags corrupted at that rate (confusions learnt from train).
func scoreParser(e *env, m *parser.Model, gold string, train []conllu.Sentence, noise float64) error {
	gs, err := conllu.ReadFile(gold)
	if err != nil {
		return fmt.Errorf("eval parser: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s, gold tags: %s\n", gold, parser.Evaluate(m, gs, nil))
	fmt.Fprintf(e.stdout, "%s, gold tags, no lemmas: %s\n", gold, parser.Evaluate(m, withoutLemmas(gs), nil))
	if noise > 0 && len(train) > 0 {
		noisy := parser.CorruptTags(gs, train, noise, 7)
		fmt.Fprintf(e.stdout, "%s, tags corrupted at %.0f%%: %s\n", gold, noise*100, parser.Evaluate(m, noisy, nil))
	}
	return nil
}

func evalParser(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval parser", "[--gold FILE] [--model FILE] [--noise RATE --train FILE]")
	gold := fs.String("gold", ewtPath("en_ewt-ud-test.conllu"), "gold treebank (CoNLL-U)")
	model := fs.String("model", "", "model file (default: the embedded model)")
	noise := fs.Float64("noise", 0.04, "also score with this fraction of tags corrupted (0: gold tags only)")
	train := fs.String("train", ewtPath("en_ewt-ud-train.conllu"), "treebank the tag confusions for --noise are learnt from")
	predicted := fs.Bool("predicted", false, "also score with the tags and lemmas of the default tagger and lemmatizer")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *noise < 0 || *noise >= 1 {
		return usagef("--noise must be in [0,1), not %g", *noise)
	}
	var m *parser.Model
	var err error
	if *model == "" {
		m, err = parser.Default()
	} else {
		var f *os.File
		if f, err = os.Open(*model); err != nil {
			return fmt.Errorf("eval parser: %w", err)
		}
		m, err = parser.Load(f)
		f.Close()
		if err != nil {
			err = fmt.Errorf("eval parser: %s: %w", *model, err)
		}
	}
	if err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(e.stdout, "model loaded: heap %.1f MB\n", float64(ms.HeapAlloc)/(1<<20))
	var trs []conllu.Sentence
	if *noise > 0 {
		if trs, err = conllu.ReadFile(*train); err != nil {
			return fmt.Errorf("eval parser: %w", err)
		}
	}
	if err := scoreParser(e, m, *gold, trs, *noise); err != nil {
		return err
	}
	if *predicted {
		gs, err := conllu.ReadFile(*gold)
		if err != nil {
			return fmt.Errorf("eval parser: %w", err)
		}
		ps, err := predictTags(gs)
		if err != nil {
			return fmt.Errorf("eval parser: %w", err)
		}
		fmt.Fprintf(e.stdout, "%s, predicted tags and lemmas: %s\n", *gold, parser.Evaluate(m, ps, nil))
	}
	return nil
}

// withoutLemmas returns a copy of ss with every lemma removed, to score the
// parser as it runs when no lemmatizer precedes it.
func withoutLemmas(ss []conllu.Sentence) []conllu.Sentence {
	out := make([]conllu.Sentence, len(ss))
	for i, s := range ss {
		out[i] = s
		out[i].Words = append([]conllu.Word(nil), s.Words...)
		for j := range out[i].Words {
			out[i].Words[j].Lemma = ""
		}
	}
	return out
}
