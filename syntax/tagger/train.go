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
	// 0.5), keeping the model small.
	Prune float64
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
}

// trainer holds the perceptron's weights while training: one dense row
// of weights and of update-time-weighted sums per feature that has been
// updated at least once.
type trainer struct {
	nl   int
	rows map[uint64]int32
	w    []float32 // current weights, row-major
	u    []float32 // sum of c*delta, for averaging (Daumé's trick)
	keys []uint64  // row -> feature key
	c    float64   // instances seen + 1
}

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

func (t *trainer) predict(f *[nFeatures]uint64, scores []float32) int {
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

func (t *trainer) update(f *[nFeatures]uint64, gold, guess int) {
	c := float32(t.c)
	for _, k := range f {
		r := t.row(k, true)
		t.w[r*t.nl+gold]++
		t.u[r*t.nl+gold] += c
		t.w[r*t.nl+guess]--
		t.u[r*t.nl+guess] -= c
	}
}

// average returns the averaged weights as sparse features, dropping
// weights whose magnitude is below prune.
func (t *trainer) average(prune float64) []feature {
	var out []feature
	for r, key := range t.keys {
		var f feature
		for l := 0; l < t.nl; l++ {
			i := r*t.nl + l
			v := float64(t.w[i]) - float64(t.u[i])/t.c
			if math.Abs(v) < prune || v == 0 {
				continue
			}
			f.labs = append(f.labs, uint8(l))
			f.wts = append(f.wts, float32(v))
		}
		if len(f.labs) > 0 {
			f.key = key
			out = append(out, f)
		}
	}
	return out
}

// Train trains a tagger on train, keeping the epoch that scores best on
// dev (the last epoch when dev is empty). Progress goes to log when it is
// not nil. Training is deterministic for given data and options.
func Train(train, dev []conllu.Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	opt.defaults()
	if log == nil {
		log = io.Discard
	}
	// Labels, sorted for determinism.
	type pair struct{ u, x string }
	seen := map[pair]bool{}
	for _, s := range train {
		for wi, w := range s.Words {
			if w.UPOS == "" || w.XPOS == "" || w.UPOS == "_" {
				return nil, &Error{Op: "train", Msg: fmt.Sprintf("sentence %q (line %d) word %d %q has no UPOS or XPOS", s.ID, s.Line, wi+1, w.Form)}
			}
			seen[pair{w.UPOS, w.XPOS}] = true
		}
	}
	if len(seen) == 0 {
		return nil, &Error{Op: "train", Msg: "no training words"}
	}
	if len(seen) > maxLabels {
		return nil, &Error{Op: "train", Msg: fmt.Sprintf("%d (UPOS, XPOS) labels, at most %d supported", len(seen), maxLabels)}
	}
	pairs := make([]pair, 0, len(seen))
	for p := range seen {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].u != pairs[j].u {
			return pairs[i].u < pairs[j].u
		}
		return pairs[i].x < pairs[j].x
	})
	labelOf := map[pair]int{}
	upos, xpos := make([]string, len(pairs)), make([]string, len(pairs))
	for i, p := range pairs {
		labelOf[p] = i
		upos[i], xpos[i] = p.u, p.x
	}
	nl := len(pairs)

	// Tag dictionary.
	counts := map[string][]int{}
	for _, s := range train {
		for _, w := range s.Words {
			c := counts[w.Form]
			if c == nil {
				c = make([]int, nl)
				counts[w.Form] = c
			}
			c[labelOf[pair{w.UPOS, w.XPOS}]]++
		}
	}
	tagdict := map[string]uint8{}
	for w, c := range counts {
		total, best := 0, 0
		for l, n := range c {
			total += n
			if n > c[best] {
				best = l
			}
		}
		if total >= opt.DictMinCount && float64(c[best])/float64(total) >= opt.DictMinRatio {
			tagdict[w] = uint8(best)
		}
	}
	fmt.Fprintf(log, "tagger: %d sentences, %d labels, %d tag-dictionary words\n", len(train), nl, len(tagdict))

	// Gold labels and word lists.
	type inst struct {
		words []string
		gold  []int
	}
	data := make([]inst, len(train))
	for i, s := range train {
		in := inst{words: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
		for j, w := range s.Words {
			in.words[j] = w.Form
			in.gold[j] = labelOf[pair{w.UPOS, w.XPOS}]
		}
		data[i] = in
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a6767))
	t := &trainer{nl: nl, rows: map[uint64]int32{}, c: 1}
	scores := make([]float32, nl)
	var ws []wordInfo
	var f [nFeatures]uint64
	var best *Model
	bestAcc := -1.0
	for ep := 1; ep <= opt.Epochs; ep++ {
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
				guess, ok := 0, false
				var l uint8
				if l, ok = tagdict[w]; ok {
					guess = int(l)
				} else {
					extract(ws, i, p1, p2, &f)
					guess = t.predict(&f, scores)
					if guess != gold {
						t.update(&f, gold, guess)
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
		m := build(upos, xpos, tagdict, t.average(opt.Prune))
		acc := -1.0
		if len(dev) > 0 {
			sc := Evaluate(m, nil, dev)
			acc = sc.Joint
			fmt.Fprintf(log, "epoch %d: train %.4f, dev UPOS %.4f XPOS %.4f joint %.4f, %d features, %d rows, %s\n",
				ep, float64(right)/float64(total), sc.UPOS, sc.XPOS, sc.Joint, m.NumFeatures(), len(t.keys), time.Since(start).Round(time.Millisecond))
		} else {
			fmt.Fprintf(log, "epoch %d: train %.4f, %d features, %s\n", ep, float64(right)/float64(total), m.NumFeatures(), time.Since(start).Round(time.Millisecond))
		}
		if acc >= bestAcc {
			best, bestAcc = m, acc
		}
	}
	return best, nil
}
