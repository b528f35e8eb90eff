package tagger

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// TrainOptions controls training.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 8).
	// The epoch whose averaged weights score best on dev is kept.
	Epochs int
	// Seed fixes the shuffling of the training sentences (default 1).
	Seed uint64
	// DictMinCount and DictMinRatio select the tag dictionary: words seen
	// at least DictMinCount times with one label at least DictMinRatio of
	// the time are tagged by lookup (defaults 20 and 0.97).
	DictMinCount int
	DictMinRatio float64
	// Prune drops averaged weights whose magnitude is below it (default
	// 0.5), keeping the model small; a negative value keeps every weight.
	Prune float64
	// OnePass trains only the first, left-to-right pass. By default a
	// second pass is trained on the first pass's tags of the training
	// data, obtained by Folds-fold jackknifing (default 5).
	OnePass bool
	Folds   int
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 20
	}
	if o.DictMinRatio <= 0 {
		o.DictMinRatio = 0.97
	}
	if o.Prune < 0 {
		o.Prune = 0
	} else if o.Prune == 0 {
		o.Prune = 0.5
	}
	if o.Folds < 2 {
		o.Folds = 5
	}
}

// trainer holds one pass's perceptron weights while training: one dense
// row of weights and of update-time-weighted sums per feature that has
// been updated at least once.
type trainer struct {
	nl   int
	rows map[uint64]int32
	w    []float32 // current weights, row-major
	u    []float32 // sum of c*delta, for averaging (Daumé's trick)
	keys []uint64  // row -> feature key
	c    float64   // instances seen + 1
}

func newTrainer(nl int) *trainer { return &trainer{nl: nl, rows: map[uint64]int32{}, c: 1} }

func (t *trainer) row(key uint64, create bool) int {
	if r, ok := t.rows[key]; ok {
		return int(r)
	}
	if !create {
		return -1
	}
	r := len(t.keys)
	t.rows[key] = int32(r)
	t.keys = append(t.keys, key)
	t.w = append(t.w, make([]float32, t.nl)...)
	t.u = append(t.u, make([]float32, t.nl)...)
	return r
}

func (t *trainer) predict(f []uint64, scores []float32) int {
	clear(scores)
	for _, k := range f {
		r := t.row(k, false)
		if r < 0 {
			continue
		}
		ws := t.w[r*t.nl : (r+1)*t.nl]
		for l, v := range ws {
			scores[l] += v
		}
	}
	best := 0
	for l, s := range scores {
		if s > scores[best] {
			best = l
		}
	}
	return best
}

func (t *trainer) update(f []uint64, gold, guess int) {
	c := float32(t.c)
	for _, k := range f {
		r := t.row(k, true)
		t.w[r*t.nl+gold]++
		t.u[r*t.nl+gold] += c
		t.w[r*t.nl+guess]--
		t.u[r*t.nl+guess] -= c
	}
}

// table returns the averaged weights as a table, dropping weights whose
// magnitude is below prune.
func (t *trainer) table(prune float64) *table {
	var out []feature
	for r, key := range t.keys {
		var f feature
		for l := 0; l < t.nl; l++ {
			i := r*t.nl + l
			v := float64(t.w[i]) - float64(t.u[i])/t.c
			q := quantize(v)
			if math.Abs(v) < prune || q == 0 {
				continue
			}
			f.labs = append(f.labs, uint8(l))
			f.wts = append(f.wts, q)
		}
		if len(f.labs) > 0 {
			f.key = key
			out = append(out, f)
		}
	}
	return newTable(out)
}

// instance is one training sentence.
type instance struct {
	words []string
	gold  []int
	q     []uint64 // first-pass tags with padding, for the second pass
}

// labelSet is the joint (UPOS, XPOS) label set with a tag dictionary.
type labelSet struct {
	upos, xpos []string
	index      map[[2]string]int
	tagdict    map[string]uint8
}

func newLabelSet(train []conllu.Sentence, opt TrainOptions) (*labelSet, error) {
	seen := map[[2]string]bool{}
	for _, s := range train {
		for wi, w := range s.Words {
			if w.UPOS == "" || w.XPOS == "" || w.UPOS == "_" {
				return nil, &Error{Op: "train", Msg: fmt.Sprintf("sentence %q (line %d) word %d %q has no UPOS or XPOS", s.ID, s.Line, wi+1, w.Form)}
			}
			seen[[2]string{w.UPOS, w.XPOS}] = true
		}
	}
	if len(seen) == 0 {
		return nil, &Error{Op: "train", Msg: "no training words"}
	}
	if len(seen) > maxLabels {
		return nil, &Error{Op: "train", Msg: fmt.Sprintf("%d (UPOS, XPOS) labels, at most %d supported", len(seen), maxLabels)}
	}
	pairs := make([][2]string, 0, len(seen))
	for p := range seen {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	ls := &labelSet{index: map[[2]string]int{}, tagdict: map[string]uint8{}}
	for i, p := range pairs {
		ls.index[p] = i
		ls.upos = append(ls.upos, p[0])
		ls.xpos = append(ls.xpos, p[1])
	}
	counts := map[string][]int{}
	for _, s := range train {
		for _, w := range s.Words {
			c := counts[w.Form]
			if c == nil {
				c = make([]int, len(pairs))
				counts[w.Form] = c
			}
			c[ls.index[[2]string{w.UPOS, w.XPOS}]]++
		}
	}
	for w, c := range counts {
		total, best := 0, 0
		for l, n := range c {
			total += n
			if n > c[best] {
				best = l
			}
		}
		if total >= opt.DictMinCount && float64(c[best])/float64(total) >= opt.DictMinRatio {
			ls.tagdict[w] = uint8(best)
		}
	}
	return ls, nil
}

// Train trains a tagger on train, keeping for each pass the epoch that
// scores best on dev (the last epoch when dev is empty). Progress goes to
// log when it is not nil. Training is deterministic for given data and
// options.
func Train(train, dev []conllu.Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	opt.defaults()
	if log == nil {
		log = io.Discard
	}
	ls, err := newLabelSet(train, opt)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "tagger: %d sentences, %d labels, %d tag-dictionary words\n", len(train), len(ls.upos), len(ls.tagdict))
	data := make([]instance, len(train))
	for i, s := range train {
		in := instance{words: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
		for j, w := range s.Words {
			in.words[j] = w.Form
			in.gold[j] = ls.index[[2]string{w.UPOS, w.XPOS}]
		}
		data[i] = in
	}
	first, ep1 := trainPass(ls, data, dev, nil, opt, opt.Epochs, log, "pass 1")
	if opt.OnePass {
		return newModel(ls.upos, ls.xpos, ls.tagdict, first), nil
	}
	// Jackknife: tag each fold with a first pass trained on the others,
	// for the number of epochs that was best on dev.
	k := opt.Folds
	for fold := range k {
		var rest []instance
		for i := range data {
			if i%k != fold {
				rest = append(rest, data[i])
			}
		}
		t, _ := trainPass(ls, rest, nil, nil, opt, ep1, io.Discard, "")
		m := newModel(ls.upos, ls.xpos, ls.tagdict, t)
		right, total := 0, 0
		for i := fold; i < len(data); i += k {
			in := &data[i]
			s := m.getScratch(len(in.words))
			prepare(s.ws, in.words)
			m.run(in.words, s, 1)
			in.q = make([]uint64, len(in.words)+4)
			setHistory(in.q, s.labels)
			for j, l := range s.labels {
				if int(l) == in.gold[j] {
					right++
				}
				total++
			}
		}
		fmt.Fprintf(log, "jackknife fold %d/%d: first-pass accuracy %.4f\n", fold+1, k, float64(right)/float64(total))
	}
	second, _ := trainPass(ls, data, dev, first, opt, opt.Epochs, log, "pass 2")
	return newModel(ls.upos, ls.xpos, ls.tagdict, first, second), nil
}

// trainPass trains one pass for up to epochs epochs and returns the table
// of the epoch that scored best on dev, and that epoch. With first == nil
// it trains the first pass; otherwise the second, reading each instance's
// first-pass tags q, while dev is tagged by first and then the new pass.
func trainPass(ls *labelSet, data []instance, dev []conllu.Sentence, first *table, opt TrainOptions, epochs int, log io.Writer, name string) (*table, int) {
	nl := len(ls.upos)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	seed2 := uint64(0x7a6767)
	nf := nFeatures
	if first != nil {
		seed2++
		nf = nFeatures2
	}
	rng := rand.New(rand.NewPCG(opt.Seed, seed2))
	t := newTrainer(nl)
	scores := make([]float32, nl)
	var ws []wordInfo
	f := make([]uint64, nf)
	var best *table
	bestAcc, bestEp := -1.0, 0
	for ep := 1; ep <= epochs; ep++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, di := range order {
			in := data[di]
			if cap(ws) < len(in.words)+4 {
				ws = make([]wordInfo, len(in.words)+4)
			}
			ws = ws[:len(in.words)+4]
			prepare(ws, in.words)
			p1, p2 := uint64(histStart1), uint64(histStart2)
			for i, w := range in.words {
				gold := in.gold[i]
				var guess int
				if l, ok := ls.tagdict[w]; ok {
					guess = int(l)
				} else {
					if first == nil {
						extract(ws, i, p1, p2, f)
					} else {
						extract2(ws, in.q, i, p1, p2, f)
					}
					guess = t.predict(f, scores)
					if guess != gold {
						t.update(f, gold, guess)
					}
					t.c++
				}
				if guess == gold {
					right++
				}
				total++
				p2, p1 = p1, uint64(guess)
			}
		}
		if len(dev) == 0 && ep < epochs {
			continue
		}
		tab := t.table(opt.Prune)
		if len(dev) == 0 {
			return tab, ep
		}
		m := newModel(ls.upos, ls.xpos, ls.tagdict, tab)
		if first != nil {
			m = newModel(ls.upos, ls.xpos, ls.tagdict, first, tab)
		}
		sc := Evaluate(m, nil, dev)
		fmt.Fprintf(log, "%s epoch %d: train %.4f, dev UPOS %.4f XPOS %.4f joint %.4f, %d features, %d rows, %s\n",
			name, ep, float64(right)/float64(total), sc.UPOS, sc.XPOS, sc.Joint, tab.n, len(t.keys), time.Since(start).Round(time.Millisecond))
		if sc.Joint >= bestAcc {
			best, bestAcc, bestEp = tab, sc.Joint, ep
		}
	}
	return best, bestEp
}
