package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"
)

// TrainOptions control Train. The zero value gives the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 12).
	// The model kept is the averaged model of the epoch that scores best
	// on dev (the last epoch when dev is empty).
	Epochs int
	// Seed fixes the order in which sentences are visited (default 1).
	Seed uint64
	// MinCount drops features seen fewer times in the training data
	// (default 2).
	MinCount int
	// Gazetteer gives the name lists for gazetteer features; nil uses the
	// embedded default. NoGazetteer trains without them.
	Gazetteer   *Gazetteer
	NoGazetteer bool
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
}

// DefaultGazetteer returns the embedded gazetteer, generated from
// GeoNames, countries.json, Archigos and Wikidata by ner/internal/gazgen.
func DefaultGazetteer() (*Gazetteer, error) {
	return ParseGazetteer(gazetteerText, "gazetteer/gazetteer.txt")
}

// encoded is a sentence as feature rows and gold labels.
type encoded struct {
	feats [][]int32 // per token, the rows of its known features
	gold  []int
}

// Train trains an averaged structured perceptron on train, choosing the
// epoch by exact-span F1 on dev, and writes progress to log (which may be
// nil). Training is deterministic for given data and options. Tags are
// mapped to PER, ORG, LOC and O; an I- tag that does not continue an
// entity of its type is read as B-.
func Train(train, dev []Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	opt.defaults()
	if log == nil {
		log = io.Discard
	}
	if len(train) == 0 {
		return nil, &Error{Op: "train", Err: errors.New("no training sentences")}
	}
	for _, set := range [][]Sentence{train, dev} {
		for i, s := range set {
			if len(s.Words) != len(s.Tags) {
				return nil, &Error{Op: "train", Err: fmt.Errorf("sentence %d (%q, line %d): %d words but %d tags", i, s.ID, s.Line, len(s.Words), len(s.Tags))}
			}
		}
	}
	gaz := opt.Gazetteer
	if gaz == nil && !opt.NoGazetteer {
		var err error
		if gaz, err = DefaultGazetteer(); err != nil {
			return nil, err
		}
	}
	if opt.NoGazetteer {
		gaz = nil
	}
	start := time.Now()

	// Index the features of the training data.
	counts := map[uint64]int32{}
	var fb featBuf
	for _, s := range train {
		extract(gaz, s.Words, &fb, func(_ int, feats []uint64) {
			for _, h := range feats {
				counts[h]++
			}
		})
	}
	rows := map[uint64]int32{}
	keys := make([]uint64, 0, len(counts))
	for h, c := range counts {
		if int(c) >= opt.MinCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	for i, h := range keys {
		rows[h] = int32(i)
	}
	counts = nil
	encode := func(set []Sentence) []encoded {
		out := make([]encoded, len(set))
		for si, s := range set {
			e := encoded{feats: make([][]int32, len(s.Words)), gold: goldLabels(s.Tags)}
			extract(gaz, s.Words, &fb, func(i int, feats []uint64) {
				ids := make([]int32, 0, len(feats))
				for _, h := range feats {
					if r, ok := rows[h]; ok {
						ids = append(ids, r)
					}
				}
				e.feats[i] = ids
			})
			out[si] = e
		}
		return out
	}
	tr, dv := encode(train), encode(dev)
	nf := len(keys)
	fmt.Fprintf(log, "ner: %d training sentences, %d dev, %d features (min count %d), gazetteer %d entries\n",
		len(train), len(dev), nf, opt.MinCount, gazLen(gaz))

	w := make([]float32, nf*numLabels)
	u := make([]float64, nf*numLabels)
	const nt = (numLabels + 1) * numLabels
	var tw [nt]float32
	var tu [nt]float64
	c := 1.0

	avg := make([]float32, nf*numLabels)
	var tavg [nt]float32
	best := make([]float32, nf*numLabels)
	var tbest [nt]float32
	bestF, bestEpoch := -1.0, 0

	var sc scratch
	decode := func(e encoded, w []float32, tw *[nt]float32) []int {
		n := len(e.gold)
		if cap(sc.score) < n*numLabels {
			sc.score = make([]float32, n*numLabels)
			sc.delta = make([]float32, n*numLabels)
			sc.back = make([]int8, n*numLabels)
		}
		score := sc.score[:n*numLabels]
		clear(score)
		for i, ids := range e.feats {
			row := score[i*numLabels : (i+1)*numLabels]
			for _, r := range ids {
				ws := w[int(r)*numLabels : int(r)*numLabels+numLabels]
				for y := range row {
					row[y] += ws[y]
				}
			}
		}
		return viterbi(score, tw, n, sc.delta[:n*numLabels], sc.back[:n*numLabels])
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			e := tr[si]
			if len(e.gold) == 0 {
				continue
			}
			pred := decode(e, w, &tw)
			for i, g := range e.gold {
				p := pred[i]
				if g != p {
					errs++
					for _, r := range e.feats[i] {
						w[int(r)*numLabels+g]++
						u[int(r)*numLabels+g] += c
						w[int(r)*numLabels+p]--
						u[int(r)*numLabels+p] -= c
					}
				}
				pg, pp := numLabels, numLabels
				if i > 0 {
					pg, pp = e.gold[i-1], pred[i-1]
				}
				if pg != pp || g != p {
					tw[pg*numLabels+g]++
					tu[pg*numLabels+g] += c
					tw[pp*numLabels+p]--
					tu[pp*numLabels+p] -= c
				}
			}
			c++
		}
		for i := range w {
			avg[i] = float32(float64(w[i]) - u[i]/c)
		}
		for i := range tw {
			tavg[i] = float32(float64(tw[i]) - tu[i]/c)
		}
		f := 0.0
		if len(dv) > 0 {
			pred := make([][]string, len(dv))
			for i, e := range dv {
				ids := decode(e, avg, &tavg)
				tags := make([]string, len(ids))
				for k, y := range ids {
					tags[k] = labels[y]
				}
				pred[i] = tags
			}
			s := Score(dev, pred)
			f = s.F1
			fmt.Fprintf(log, "ner: epoch %2d: %6d token errors; dev P %.4f R %.4f F1 %.4f (%s)\n",
				epoch, errs, s.Precision, s.Recall, s.F1, time.Since(start).Round(time.Second))
		} else {
			fmt.Fprintf(log, "ner: epoch %2d: %6d token errors (%s)\n", epoch, errs, time.Since(start).Round(time.Second))
		}
		if len(dv) == 0 || f > bestF {
			bestF, bestEpoch = f, epoch
			copy(best, avg)
			tbest = tavg
		}
	}

	// Keep the features with a non-zero weight.
	m := &Model{gaz: gaz, trans: tbest}
	for i, h := range keys {
		ws := best[i*numLabels : (i+1)*numLabels]
		nz := false
		for _, v := range ws {
			if v != 0 {
				nz = true
			}
		}
		if !nz {
			continue
		}
		m.keys = append(m.keys, h)
		m.weights = append(m.weights, ws...)
	}
	m.rows = newFeatTable(len(m.keys))
	for i, h := range m.keys {
		m.rows.put(h, int32(i))
	}
	m.info = fmt.Sprintf("averaged perceptron, epoch %d of %d, seed %d, min count %d, %d features, %d training sentences",
		bestEpoch, opt.Epochs, opt.Seed, opt.MinCount, len(m.keys), len(train))
	if len(dev) > 0 {
		m.info += fmt.Sprintf(", dev F1 %.4f", bestF)
	}
	fmt.Fprintf(log, "ner: kept epoch %d; %d non-zero features; trained in %s\n", bestEpoch, len(m.keys), time.Since(start).Round(time.Second))
	return m, nil
}

func gazLen(g *Gazetteer) int {
	if g == nil {
		return 0
	}
	return g.Len()
}

// goldLabels maps tags to label indexes, reading an I- tag that does not
// continue an entity of its type as B-.
func goldLabels(tags []string) []int {
	out := make([]int, len(tags))
	prev := 0
	for i, t := range tags {
		y := labelIndex(coreTag(t))
		if y > 0 && y%2 == 0 && prev != y && prev != y-1 {
			y--
		}
		out[i] = y
		prev = y
	}
	return out
}
