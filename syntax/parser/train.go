package parser

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// TrainOptions control training. The zero value is not useful; start
// from DefaultTrainOptions.
type TrainOptions struct {
	Epochs      int      // passes over the training data
	Features    Features // feature set
	Seed        uint64   // seed of every random choice (order, exploration, tag noise)
	TagNoise    float64  // fraction of training tokens whose tags are replaced by a plausible wrong tag each epoch
	LemmaDrop   float64  // fraction of training sentences seen without lemmas each epoch (Parse may be given none)
	ExploreFrom int      // first epoch (1-based) in which the dynamic oracle follows the model's mistakes
	ExploreP    float64  // probability of following a wrong prediction once exploring
	Bits        uint     // log2 of the rows of the transition weight table
	LabelBits   uint     // log2 of the rows of the label weight table
	MinCount    int      // a word or lemma needs this many training occurrences to get its own id
	Prune       float64  // averaged weights with a smaller magnitude are dropped
}

// DefaultTrainOptions returns the options the embedded model was trained
// with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{
		Epochs:      14,
		Seed:        1,
		TagNoise:    0.04,
		LemmaDrop:   0.5,
		ExploreFrom: 2,
		ExploreP:    0.9,
		Bits:        20,
		LabelBits:   18,
		MinCount:    2,
		Prune:       1e-3,
	}
}

// TrainError reports a training sentence that is not a well-formed tree.
type TrainError struct {
	Op   string // "train"
	Set  string // "train" or "dev"
	ID   string // sent_id
	Line int    // line of the sentence in its file
	Msg  string
}

// Error formats the error with the sentence's id and line.
func (e *TrainError) Error() string {
	return fmt.Sprintf("%s: %s sentence %q at line %d: %s", e.Op, e.Set, e.ID, e.Line, e.Msg)
}

// example is one training sentence with its projectivised gold tree.
type example struct {
	words, lemmas, upos, xpos []string
	gold                      []int32 // gold head of node i (1..n); gold[0] = -1
	glab                      []int16 // gold label id of node i
	kidStart, kids            []int32 // gold children of node i: kids[kidStart[i]:kidStart[i+1]]
}

// checkTree verifies that heads (1-based, 0 = root) form a tree.
func checkTree(heads []int) error {
	n := len(heads)
	roots := 0
	for i, h := range heads {
		if h < 0 || h > n {
			return fmt.Errorf("word %d: head %d out of range 0..%d", i+1, h, n)
		}
		if h == i+1 {
			return fmt.Errorf("word %d is its own head", i+1)
		}
		if h == 0 {
			roots++
		}
	}
	if roots == 0 {
		return errors.New("no root")
	}
	for i := range heads {
		j, steps := i+1, 0
		for j != 0 {
			j = heads[j-1]
			steps++
			if steps > n {
				return fmt.Errorf("word %d: cycle", i+1)
			}
		}
	}
	return nil
}

// projectivize lifts non-projective arcs (Nivre & Nilsson 2005 without
// label encoding): while some arc is non-projective, the shortest such arc
// h -> d is replaced by head(h) -> d. heads are 1-based (0 = root), with
// heads[0] unused. It reports how many arcs were lifted.
func projectivize(heads []int32) int {
	n := int32(len(heads) - 1)
	lifted := 0
	dominates := func(h, x int32) bool {
		for x != -1 && x != 0 {
			if x == h {
				return true
			}
			x = heads[x]
		}
		return h == 0
	}
	for {
		best, bestLen := int32(-1), int32(math.MaxInt32)
		for d := int32(1); d <= n; d++ {
			h := heads[d]
			lo, hi := h, d
			if lo > hi {
				lo, hi = hi, lo
			}
			if hi-lo >= bestLen {
				continue
			}
			for x := lo + 1; x < hi; x++ {
				if !dominates(h, x) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return lifted
		}
		heads[best] = heads[heads[best]]
		lifted++
	}
}

// vocab counts strings and keeps those seen at least min times, most
// frequent first (ties by name), for a deterministic id order.
func vocab(counts map[string]int, min int) []string {
	var out []string
	for k, c := range counts {
		if c >= min {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// newExample converts a CoNLL-U sentence.
func newExample(s conllu.Sentence, set string, labelID map[string]int16) (*example, int, error) {
	n := len(s.Words)
	hs := make([]int, n)
	for i, w := range s.Words {
		hs[i] = w.Head
	}
	if err := checkTree(hs); err != nil {
		return nil, 0, &TrainError{Op: "train", Set: set, ID: s.ID, Line: s.Line, Msg: err.Error()}
	}
	ex := &example{gold: make([]int32, n+1), glab: make([]int16, n+1)}
	ex.gold[0] = -1
	for i, w := range s.Words {
		ex.words = append(ex.words, w.Form)
		ex.lemmas = append(ex.lemmas, w.Lemma)
		ex.upos = append(ex.upos, w.UPOS)
		ex.xpos = append(ex.xpos, w.XPOS)
		ex.gold[i+1] = int32(w.Head)
		ex.glab[i+1] = labelID[w.Dep]
	}
	lifted := projectivize(ex.gold)
	ex.kidStart = make([]int32, n+3)
	for d := 1; d <= n; d++ {
		ex.kidStart[ex.gold[d]+1]++
	}
	for i := 1; i < len(ex.kidStart); i++ {
		ex.kidStart[i] += ex.kidStart[i-1]
	}
	ex.kids = make([]int32, n)
	fill := append([]int32(nil), ex.kidStart...)
	for d := int32(1); d <= int32(n); d++ {
		h := ex.gold[d]
		ex.kids[fill[h]] = d
		fill[h]++
	}
	return ex, lifted, nil
}

// costs returns the number of gold arcs each transition would make
// unreachable (Goldberg & Nivre 2013, arc-hybrid).
func (ex *example) costs(st *state, okS, okL, okR bool) (c [numActs]int) {
	k := len(st.stack)
	s0 := st.stack[k-1]
	b := st.b
	n := st.n
	kidsInBuffer := func(x int32) int {
		c := 0
		for _, kd := range ex.kids[ex.kidStart[x]:ex.kidStart[x+1]] {
			if kd >= b {
				c++
			}
		}
		return c
	}
	const inf = 1 << 20
	c = [numActs]int{inf, inf, inf}
	if okL {
		h := ex.gold[s0]
		v := kidsInBuffer(s0)
		if (k >= 2 && h == st.stack[k-2]) || (h > b && h <= n) {
			v++
		}
		c[actLeft] = v
	}
	if okR {
		h := ex.gold[s0]
		v := kidsInBuffer(s0)
		if h >= b && h <= n {
			v++
		}
		c[actRight] = v
	}
	if okS {
		v := 0
		if h := ex.gold[b]; h >= 0 && st.inStack[h] && h != s0 {
			v++
		}
		for _, kd := range ex.kids[ex.kidStart[b]:ex.kidStart[b+1]] {
			if st.inStack[kd] {
				v++
			}
		}
		c[actShift] = v
	}
	return c
}

// trainer holds the float weights being learnt, with the running sums for
// averaging (Daumé's trick: average = w - acc/c).
type trainer struct {
	m          *Model // vocabularies and table sizes
	wT, wL     []float32
	accT, accL []float64
	cT, cL     float64
	opt        TrainOptions
	rng        *rand.Rand
	noise      *noiser
}

func (tr *trainer) updateT(fb []uint32, good, bad int) {
	w, acc, c := tr.wT, tr.accT, tr.cT
	for _, k := range fb {
		i := int(k) * rowT
		w[i+good]++
		acc[i+good] += c
		w[i+bad]--
		acc[i+bad] -= c
	}
}

func (tr *trainer) updateL(fb []uint32, good, bad int16) {
	nl := tr.m.nl
	w, acc, c := tr.wL, tr.accL, tr.cL
	for _, k := range fb {
		i := int(k) * nl
		w[i+int(good)-1]++
		acc[i+int(good)-1] += c
		w[i+int(bad)-1]--
		acc[i+int(bad)-1] -= c
	}
}

// predictLabel is Model.predictLabel with the float training weights.
func (tr *trainer) predictLabel(st *state, h, d int32) int16 {
	m := tr.m
	st.lb = buckets(st.labelFeatures(h, d), m.bitsL, st.lb)
	if cap(st.lscF) < m.nl {
		st.lscF = make([]float32, m.nl)
	}
	st.lscF = st.lscF[:m.nl]
	scoreLabelsF(tr.wL, m.nl, st.lb, st.lscF)
	best, bs := -1, float32(0)
	for j, v := range st.lscF {
		if int16(j+1) == m.rootLab {
			continue
		}
		if best < 0 || v > bs {
			best, bs = j, v
		}
	}
	return int16(best + 1)
}

// sentence trains on one example; explore says whether to follow the
// model's mistakes.
func (tr *trainer) sentence(st *state, ex *example, upos, xpos []string, explore bool) {
	m := tr.m
	lemmas := ex.lemmas
	if tr.opt.LemmaDrop > 0 && tr.rng.Float64() < tr.opt.LemmaDrop {
		lemmas = nil
	}
	st.init(m, ex.words, lemmas, upos, xpos)
	for !st.terminal() {
		okS, okL, okR := st.valid()
		cost := ex.costs(st, okS, okL, okR)
		var a int
		nvalid := 0
		for _, ok := range [numActs]bool{okS, okL, okR} {
			if ok {
				nvalid++
			}
		}
		if nvalid == 1 {
			a = pick([numActs]float32{}, okS, okL, okR)
		} else {
			st.fb = buckets(st.transFeatures(), m.bitsT, st.fb)
			sc := scoreTransF(tr.wT, st.fb)
			p := pick(sc, okS, okL, okR)
			minCost := cost[0]
			for _, v := range cost[1:] {
				minCost = min(minCost, v)
			}
			g, gs := -1, float32(0)
			for x := 0; x < numActs; x++ {
				if cost[x] == minCost && (g < 0 || sc[x] > gs) {
					g, gs = x, sc[x]
				}
			}
			tr.cT++
			a = p
			if cost[p] > minCost {
				tr.updateT(st.fb, g, p)
				if !explore || tr.rng.Float64() >= tr.opt.ExploreP {
					a = g
				}
			}
		}
		var l int16
		if a != actShift {
			h, d := st.arc(a)
			if h == 0 && m.rootLab > 0 {
				l = m.rootLab
			} else {
				l = tr.predictLabel(st, h, d)
				if ex.gold[d] == h && ex.glab[d] > 0 && ex.glab[d] != m.rootLab {
					tr.cL++
					if gl := ex.glab[d]; gl != l {
						tr.updateL(st.lb, gl, l)
					}
				}
			}
		}
		st.apply(a, l)
	}
}

// quantize converts float weights (rows of width in) to int16 rows of
// width out, with one scale for the whole table; weights smaller than
// prune in magnitude are dropped. It returns the table and the number of
// non-zero weights.
func quantize(w []float32, in, out int, prune float32) ([]int16, int) {
	var maxAbs float32
	for _, v := range w {
		if v < 0 {
			v = -v
		}
		maxAbs = max(maxAbs, v)
	}
	rows := len(w) / in
	q := makeTable(rows * out)
	if maxAbs == 0 {
		return q, 0
	}
	scale := 32000 / maxAbs
	nz := 0
	for r := 0; r < rows; r++ {
		for j, v := range w[r*in : (r+1)*in] {
			if v > -prune && v < prune {
				continue
			}
			x := int16(math.Round(float64(v * scale)))
			if x != 0 {
				q[r*out+j] = x
				nz++
			}
		}
	}
	return q, nz
}

// averaged returns a model with the averaged, pruned and quantized
// weights, and the number of non-zero weights.
func (tr *trainer) averaged() (*Model, int) {
	m := tr.m
	am := &Model{xpos: m.xpos, upos: m.upos, labels: m.labels, words: m.words, lemmas: m.lemmas,
		bitsT: m.bitsT, bitsL: m.bitsL, feat: m.feat, cl: m.cl}
	avg := func(w []float32, acc []float64, c float64) []float32 {
		a := make([]float32, len(w))
		for i, v := range w {
			if v != 0 || acc[i] != 0 {
				a[i] = v - float32(acc[i]/c)
			}
		}
		return a
	}
	var n1, n2 int
	am.qT, n1 = quantize(avg(tr.wT, tr.accT, tr.cT), rowT, rowT, float32(tr.opt.Prune))
	am.qL, n2 = quantize(avg(tr.wL, tr.accL, tr.cL), m.nl, rowL, float32(tr.opt.Prune))
	am.index()
	return am, n1 + n2
}

// Train trains a parser on train, choosing the epoch whose averaged model
// scores the best LAS on dev (with gold tags). Progress goes to log (which
// may be nil). Training is deterministic for given data and options.
func Train(train, dev []conllu.Sentence, opt TrainOptions, log io.Writer) (*Model, error) {
	if log == nil {
		log = io.Discard
	}
	if len(train) == 0 {
		return nil, errors.New("parser: train: no training sentences")
	}
	if opt.Epochs <= 0 {
		return nil, fmt.Errorf("parser: train: epochs must be positive, not %d", opt.Epochs)
	}
	if opt.Features >= numFeatures {
		return nil, fmt.Errorf("parser: train: unknown feature set %v", opt.Features)
	}
	if opt.Bits < 10 || opt.Bits > 24 || opt.LabelBits < 8 || opt.LabelBits > 20 {
		return nil, fmt.Errorf("parser: train: table bits %d/%d outside 10..24/8..20", opt.Bits, opt.LabelBits)
	}
	start := time.Now()
	// Vocabularies.
	wc, lc, xc, uc, dc := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			wc[normForm(w.Form)]++
			if w.Lemma != "_" && w.Lemma != "" {
				lc[normForm(w.Lemma)]++
			}
			xc[w.XPOS]++
			uc[w.UPOS]++
			dc[w.Dep]++
		}
	}
	m := &Model{
		words: vocab(wc, max(opt.MinCount, 1)), lemmas: vocab(lc, max(opt.MinCount, 1)),
		xpos: vocab(xc, 1), upos: vocab(uc, 1), labels: vocab(dc, 1),
		bitsT: opt.Bits, bitsL: opt.LabelBits, feat: opt.Features,
	}
	if opt.Features == FeaturesClusters {
		cl, err := defaultClusters()
		if err != nil {
			return nil, fmt.Errorf("parser: train: %w", err)
		}
		m.cl = cl
	}
	m.index()
	labelID := make(map[string]int16, len(m.labels))
	for i, l := range m.labels {
		labelID[l] = int16(i + 1)
	}
	exs := make([]*example, 0, len(train))
	lifted := 0
	for _, s := range train {
		ex, nl, err := newExample(s, "train", labelID)
		if err != nil {
			return nil, err
		}
		lifted += nl
		exs = append(exs, ex)
	}
	for _, s := range dev {
		hs := make([]int, len(s.Words))
		for i, w := range s.Words {
			hs[i] = w.Head
		}
		if err := checkTree(hs); err != nil {
			return nil, &TrainError{Op: "train", Set: "dev", ID: s.ID, Line: s.Line, Msg: err.Error()}
		}
	}
	fmt.Fprintf(log, "parser: %d training sentences, %d words, %d lemmas, %d labels, %d xpos; %d non-projective arcs lifted\n",
		len(exs), len(m.words), len(m.lemmas), len(m.labels), len(m.xpos), lifted)

	if m.nl > rowL {
		return nil, fmt.Errorf("parser: train: %d labels, at most %d supported", m.nl, rowL)
	}
	tr := &trainer{m: m, opt: opt,
		wT: make([]float32, (1<<opt.Bits)*rowT), wL: make([]float32, (1<<opt.LabelBits)*m.nl),
		accT: make([]float64, (1<<opt.Bits)*rowT), accL: make([]float64, (1<<opt.LabelBits)*m.nl),
		cT: 1, cL: 1,
		rng: rand.New(rand.NewPCG(opt.Seed, 0x5eed)),
	}
	if opt.TagNoise > 0 {
		tr.noise = newNoiser(train, opt.TagNoise)
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	st := new(state)
	var upos, xpos []string
	var best *Model
	bestLAS, kept := -1.0, 0
	for ep := 1; ep <= opt.Epochs; ep++ {
		t0 := time.Now()
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := opt.ExploreFrom > 0 && ep >= opt.ExploreFrom
		for _, i := range order {
			ex := exs[i]
			upos, xpos = ex.upos, ex.xpos
			if tr.noise != nil {
				upos, xpos = tr.noise.corrupt(ex.words, ex.upos, ex.xpos, tr.rng)
			}
			tr.sentence(st, ex, upos, xpos, explore)
		}
		am, nz := tr.averaged()
		line := fmt.Sprintf("epoch %2d: %.1fs", ep, time.Since(t0).Seconds())
		if len(dev) > 0 {
			sc := Evaluate(am, dev, nil)
			line += fmt.Sprintf("  dev UAS %.4f LAS %.4f", sc.UAS, sc.LAS)
			if sc.LAS > bestLAS {
				bestLAS, best, kept = sc.LAS, am, nz
				line += " *"
			}
		} else {
			best, kept = am, nz
		}
		fmt.Fprintln(log, line)
	}
	fmt.Fprintf(log, "parser: trained in %s; %d non-zero weights kept\n", time.Since(start).Round(time.Second), kept)
	return best, nil
}
