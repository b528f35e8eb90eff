package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Method is a training method.
type Method uint8

// The training methods.
const (
	Perceptron Method = iota // averaged structured perceptron
	CRF                      // linear-chain CRF, SGD with L2 regularisation
)

var methodNames = [...]string{Perceptron: "perceptron", CRF: "crf"}

// String returns the method's name.
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", uint8(m))
}

// ParseMethod returns the method named s and whether it is known.
func ParseMethod(s string) (Method, bool) {
	for i, n := range methodNames {
		if n == s {
			return Method(i), true
		}
	}
	return Perceptron, false
}

// TrainOptions control Train. The zero value gives the defaults.
type TrainOptions struct {
	// Method is the learning method (default Perceptron).
	Method Method
	// L2 is the CRF's L2 regularisation strength per sentence (default
	// 1e-4); Rate its initial learning rate (default 0.1).
	L2, Rate float64
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
	// Clusters gives the word clusters for cluster features; nil uses the
	// embedded default. NoClusters trains without them.
	Clusters   *Clusters
	NoClusters bool
	// Ensemble is the number of perceptrons trained side by side with
	// seeds Seed, Seed+1, ...; the model is the mean of their averaged
	// weights (default 1).
	Ensemble int
	// Refit, when dev is given, retrains on train and dev together for the
	// epoch count and with the O penalty chosen on dev.
	Refit bool
	// OPenalty is the penalty on O used when there is no dev data to tune
	// it on.
	OPenalty float32
	// WordDropout is the probability, for each token at each perceptron
	// step, of hiding the features of the word's identity, so that the
	// model learns to use context and shape for unseen names (default 0).
	WordDropout float64
	// LowerCopies adds, for every k-th training sentence that holds an
	// entity (k = LowerCopies), a lower-cased copy with the same tags, so
	// that the model learns to find names in uncapitalised text (0: none).
	LowerCopies int
	// UpperCopies does the same with upper-cased copies.
	UpperCopies int
	// NoPenalty skips tuning, on dev, a penalty on the O label's score
	// that trades precision for recall.
	NoPenalty bool
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.L2 <= 0 {
		o.L2 = 1e-4
	}
	if o.Rate <= 0 {
		o.Rate = 0.1
	}
	if o.Ensemble <= 0 {
		o.Ensemble = 1
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
	nlex  []uint8   // per token, how many of its first features are the word's identity
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
	cl := opt.Clusters
	if cl == nil && !opt.NoClusters {
		var err error
		if cl, err = DefaultClusters(); err != nil {
			return nil, err
		}
	}
	if opt.NoClusters {
		cl = nil
	}
	start := time.Now()
	orig := train // refit re-augments train+dev from the originals
	if opt.LowerCopies > 0 {
		train = withCaseCopies(train, opt.LowerCopies, strings.ToLower)
	}
	if opt.UpperCopies > 0 {
		train = withCaseCopies(train, opt.UpperCopies, strings.ToUpper)
	}

	// Index the features of the training data.
	counts := map[uint64]int32{}
	var fb featBuf
	for _, s := range train {
		extract(gaz, cl, s.Words, &fb, func(_ int, feats []uint64) {
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
			e := encoded{feats: make([][]int32, len(s.Words)), nlex: make([]uint8, len(s.Words)), gold: goldLabels(s.Tags)}
			extract(gaz, cl, s.Words, &fb, func(i int, feats []uint64) {
				ids := make([]int32, 0, len(feats))
				// The word as written and lower-cased come first, so
				// that word dropout can skip them.
				for _, k := range [...]int{lexWord, lexLower} {
					if r, ok := rows[feats[k]]; ok {
						ids = append(ids, r)
					}
				}
				e.nlex[i] = uint8(len(ids))
				for k, h := range feats {
					if k == lexWord || k == lexLower {
						continue
					}
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
	fmt.Fprintf(log, "ner: %d training sentences, %d dev, %d features (min count %d), gazetteer %d entries, %d clustered words\n",
		len(train), len(dev), nf, opt.MinCount, gazLen(gaz), cl.Len())

	members := make([]learner, opt.Ensemble)
	for k := range members {
		rng := rand.New(rand.NewPCG(opt.Seed+uint64(k), 0x6e6572))
		order := make([]int, len(tr))
		for i := range order {
			order[i] = i
		}
		switch opt.Method {
		case CRF:
			members[k] = newCRF(nf, len(tr), opt, rng, order)
		default:
			members[k] = &member{w: make([]float32, nf*numLabels), u: make([]float64, nf*numLabels), c: 1, rng: rng, order: order, dropout: opt.WordDropout}
		}
	}

	avg := make([]float32, nf*numLabels)
	var tavg [nt]float32
	best := make([]float32, nf*numLabels)
	var tbest [nt]float32
	bestF, bestEpoch := -1.0, 0

	var sc scratch
	decode := func(e encoded, w []float32, tw *[nt]float32, oPenalty float32) []int {
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
			row[0] -= oPenalty
		}
		return viterbi(score, tw, n, sc.delta[:n*numLabels], sc.back[:n*numLabels])
	}
	devF1 := func(w []float32, tw *[nt]float32, oPenalty float32) Scores {
		pred := make([][]string, len(dv))
		for i, e := range dv {
			ids := decode(e, w, tw, oPenalty)
			tags := make([]string, len(ids))
			for k, y := range ids {
				tags[k] = labels[y]
			}
			pred[i] = tags
		}
		return Score(dev, pred)
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		errs := 0
		clear(avg)
		clear(tavg[:])
		for _, mb := range members {
			errs += mb.epoch(tr, decode)
			mb.addWeights(avg, &tavg, 1/float64(len(members)))
		}
		f := 0.0
		if len(dv) > 0 {
			s := devF1(avg, &tavg, 0)
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

	// Tune the penalty on O that trades precision for recall on dev.
	penalty := opt.OPenalty
	if len(dv) > 0 && !opt.NoPenalty {
		for k := 1; k <= 20; k++ {
			p := float32(k) * 0.5
			s := devF1(best, &tbest, p)
			if s.F1 > bestF {
				bestF, penalty = s.F1, p
			}
		}
		fmt.Fprintf(log, "ner: O penalty %.2f: dev F1 %.4f\n", penalty, bestF)
	}
	if opt.Refit && len(dev) > 0 {
		fmt.Fprintf(log, "ner: refitting on train+dev for %d epochs with O penalty %.2f\n", bestEpoch, penalty)
		all := append(append([]Sentence(nil), orig...), dev...)
		ro := opt
		ro.Refit, ro.Epochs, ro.OPenalty, ro.NoPenalty = false, bestEpoch, penalty, true
		m, err := Train(all, nil, ro, log)
		if err != nil {
			return nil, err
		}
		m.info += fmt.Sprintf("; refit on train+dev after dev F1 %.4f", bestF)
		return m, nil
	}

	// Keep the features with a non-zero weight.
	m := &Model{gaz: gaz, cl: cl, trans: tbest, oPenalty: penalty}
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
	m.info = fmt.Sprintf("%s x%d, epoch %d of %d, seed %d, min count %d, O penalty %.2f, %d features, %d training sentences",
		opt.Method, opt.Ensemble, bestEpoch, opt.Epochs, opt.Seed, opt.MinCount, penalty, len(m.keys), len(train))
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

const nt = (numLabels + 1) * numLabels

// member is one perceptron of the ensemble: its current weights, the sums
// for averaging, its instance counter and its visiting order.
type member struct {
	w     []float32
	u     []float64
	tw    [nt]float32
	tu    [nt]float64
	c     float64
	rng   *rand.Rand
	order []int
	// dropout is the probability of hiding a token's word identity
	// features from one training step.
	dropout float64
	view    [][]int32
}

// learner is one model being trained: a perceptron or a CRF.
type learner interface {
	// epoch makes one pass over the training sentences in a fresh random
	// order and returns the number of tokens it got wrong.
	epoch(tr []encoded, decode func(e encoded, w []float32, tw *[nt]float32, oPenalty float32) []int) int
	// addWeights adds k times the learner's current weights to w and tw.
	addWeights(w []float32, tw *[nt]float32, k float64)
}

// addWeights adds k times the averaged weights.
func (mb *member) addWeights(avg []float32, tavg *[nt]float32, k float64) {
	for i := range mb.w {
		avg[i] += float32((float64(mb.w[i]) - mb.u[i]/mb.c) * k)
	}
	for i := range mb.tw {
		tavg[i] += float32((float64(mb.tw[i]) - mb.tu[i]/mb.c) * k)
	}
}

// epoch makes one pass over the training sentences in a fresh random order
// and returns the number of tokens it got wrong.
func (mb *member) epoch(tr []encoded, decode func(e encoded, w []float32, tw *[nt]float32, oPenalty float32) []int) int {
	mb.rng.Shuffle(len(mb.order), func(i, j int) { mb.order[i], mb.order[j] = mb.order[j], mb.order[i] })
	errs := 0
	w, u, c := mb.w, mb.u, mb.c
	for _, si := range mb.order {
		e := tr[si]
		if len(e.gold) == 0 {
			continue
		}
		if mb.dropout > 0 {
			mb.view = append(mb.view[:0], e.feats...)
			for i := range mb.view {
				if mb.rng.Float64() < mb.dropout {
					mb.view[i] = mb.view[i][e.nlex[i]:]
				}
			}
			e.feats = mb.view
		}
		pred := decode(e, w, &mb.tw, 0)
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
				mb.tw[pg*numLabels+g]++
				mb.tu[pg*numLabels+g] += c
				mb.tw[pp*numLabels+p]--
				mb.tu[pp*numLabels+p] -= c
			}
		}
		c++
	}
	mb.c = c
	return errs
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

// withCaseCopies returns train followed by copies, re-cased by recase, of
// every k-th sentence that holds an entity and that recase changes.
// Copies already in train (added by an earlier call) are not copied again.
func withCaseCopies(train []Sentence, k int, recase func(string) string) []Sentence {
	out := slices.Clone(train)
	seen := 0
	for _, s := range train {
		if s.copied {
			continue
		}
		if len(Spans(s.Tags)) == 0 {
			continue
		}
		changed := false
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = recase(w)
			changed = changed || words[i] != w
		}
		if !changed {
			continue
		}
		seen++
		if seen%k != 0 {
			continue
		}
		c := s
		c.Words, c.copied = words, true
		out = append(out, c)
	}
	return out
}
