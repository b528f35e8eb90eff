package attrib

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/wirecoder/wirecoder/doc"
)

// GoldSpan is an annotated byte span [Start, End) of a story's text with
// its role.
type GoldSpan struct {
	Role       Role
	Start, End int
}

// Example is one annotated story: a Doc carrying the pipeline's layers and
// one annotator's spans. Several Examples may share a Doc.
type Example struct {
	Doc   *doc.Doc
	Spans []GoldSpan
}

// Labels returns the gold BIO label of every token of d: a token takes a
// role when it lies inside a span of that role (cue before source before
// content when spans collide), and begins a span when the token before it
// lies outside that same span.
func Labels(d *doc.Doc, spans []GoldSpan) []Label {
	n := len(d.Tokens)
	out := make([]Label, n)
	id := make([]int, n)
	prio := [numRoles]int{Source: 1, Cue: 2, Content: 0}
	for si, s := range spans {
		if s.Role >= numRoles {
			continue
		}
		for i, t := range d.Tokens {
			if t.Start >= s.Start && t.End <= s.End && t.End > t.Start {
				if r, ok := out[i].Role(); ok && prio[r] >= prio[s.Role] {
					continue
				}
				out[i] = iLabel(s.Role)
				id[i] = si + 1
			}
		}
	}
	for i := range out {
		if out[i] == O {
			continue
		}
		if i == 0 || id[i-1] != id[i] {
			r, _ := out[i].Role()
			out[i] = bLabel(r)
		}
	}
	return out
}

// TrainOptions controls training.
type TrainOptions struct {
	Bits   uint8  // the feature table has 1<<Bits rows (default 17)
	Epochs int    // passes over the training set (default 10)
	Seed   uint64 // seed of the visiting order
}

// Score is token-level overlap precision, recall and F1 per role, the
// PolNeAR measure.
type Score struct {
	P, R, F [numRoles]float64
}

// Mean returns the mean F1 over the roles.
func (s Score) Mean() float64 { return (s.F[0] + s.F[1] + s.F[2]) / 3 }

// String formats the score.
func (s Score) String() string {
	return fmt.Sprintf("source %.3f (P %.3f R %.3f) cue %.3f (P %.3f R %.3f) content %.3f (P %.3f R %.3f) mean %.3f",
		s.F[Source], s.P[Source], s.R[Source], s.F[Cue], s.P[Cue], s.R[Cue], s.F[Content], s.P[Content], s.R[Content], s.Mean())
}

// Evaluate tags each example's Doc (once per Doc) and scores the tags
// against its spans by token overlap, weighting each annotation of a Doc
// equally.
func (m *Model) Evaluate(examples []Example, lex Lexicon) Score {
	return evaluate(examples, func(d *doc.Doc) []Label { return m.Tag(d, lex) })
}

func evaluate(examples []Example, tag func(d *doc.Doc) []Label) Score {
	nAnn := map[*doc.Doc]int{}
	for _, e := range examples {
		nAnn[e.Doc]++
	}
	cache := map[*doc.Doc][]Label{}
	var tp, np, ng [numRoles]float64
	for _, e := range examples {
		pred, ok := cache[e.Doc]
		if !ok {
			pred = tag(e.Doc)
			cache[e.Doc] = pred
		}
		gold := Labels(e.Doc, e.Spans)
		w := 1 / float64(nAnn[e.Doc])
		for i := range gold {
			pr, pok := pred[i].Role()
			gr, gok := gold[i].Role()
			if pok {
				np[pr] += w
			}
			if gok {
				ng[gr] += w
			}
			if pok && gok && pr == gr {
				tp[pr] += w
			}
		}
	}
	var s Score
	for r := range numRoles {
		if np[r] > 0 {
			s.P[r] = tp[r] / np[r]
		}
		if ng[r] > 0 {
			s.R[r] = tp[r] / ng[r]
		}
		if s.P[r]+s.R[r] > 0 {
			s.F[r] = 2 * s.P[r] * s.R[r] / (s.P[r] + s.R[r])
		}
	}
	return s
}

// encoded is a training example with its features computed.
type encoded struct {
	feats [][]uint32
	gold  []Label
}

// Train fits an averaged structured perceptron on train, keeping the
// epoch that scores best on dev (by mean overlap F1) when dev is not
// empty. Progress goes to log. Training is deterministic for a seed.
func Train(train, dev []Example, lex Lexicon, opt TrainOptions, log io.Writer) (*Model, Score, error) {
	if opt.Bits == 0 {
		opt.Bits = 17
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Bits < 4 || opt.Bits > 24 {
		return nil, Score{}, &Error{"train", fmt.Errorf("table size 2^%d out of range", opt.Bits)}
	}
	if len(train) == 0 {
		return nil, Score{}, &Error{"train", errors.New("no training examples")}
	}
	if log == nil {
		log = io.Discard
	}
	featCache := map[*doc.Doc][][]uint32{}
	var tr []encoded
	for _, e := range train {
		if len(e.Doc.Tokens) == 0 {
			continue
		}
		f, ok := featCache[e.Doc]
		if !ok {
			x := newExtractor(e.Doc, lex, opt.Bits)
			f = make([][]uint32, len(e.Doc.Tokens))
			for i := range f {
				f[i] = x.features(i, nil)
			}
			featCache[e.Doc] = f
		}
		tr = append(tr, encoded{feats: f, gold: Labels(e.Doc, e.Spans)})
	}
	const L = int(numLabels)
	rows := 1 << opt.Bits
	p := &perceptron{w: make([]float32, rows*L), u: make([]float64, rows*L), c: 1}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestScore := Score{}
	bestEpoch := 0
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			errs += p.step(tr[k])
			toks += len(tr[k].gold)
		}
		m := p.averaged(opt.Bits)
		if len(dev) == 0 {
			best, bestEpoch = m, ep
			fmt.Fprintf(log, "epoch %d: %d/%d training tokens wrong\n", ep, errs, toks)
			continue
		}
		s := m.Evaluate(dev, lex)
		fmt.Fprintf(log, "epoch %d: %d/%d training tokens wrong; dev %v\n", ep, errs, toks, s)
		if best == nil || s.Mean() > bestScore.Mean() {
			best, bestScore, bestEpoch = m, s, ep
		}
	}
	fmt.Fprintf(log, "kept epoch %d\n", bestEpoch)
	if len(dev) > 0 {
		bestScore = tuneBias(best, dev, lex, log)
	}
	return best, bestScore, nil
}

// perceptron holds the weights being learned and, for averaging, the sum
// of each update times the step at which it was made.
type perceptron struct {
	w     []float32
	u     []float64
	trans [numLabels + 1][numLabels]float32
	tu    [numLabels + 1][numLabels]float64
	c     float64
}

func (p *perceptron) step(e encoded) int {
	const L = int(numLabels)
	n := len(e.gold)
	emit := make([]float32, n*L)
	for i, fs := range e.feats {
		row := emit[i*L : (i+1)*L]
		for _, f := range fs {
			ws := p.w[int(f)*L : int(f)*L+L]
			for y := range row {
				row[y] += ws[y]
			}
		}
	}
	pred := viterbi(emit, &p.trans, n)
	errs := 0
	prevG, prevP := L, L
	for i := 0; i < n; i++ {
		g, y := int(e.gold[i]), int(pred[i])
		if g != y {
			errs++
			for _, f := range e.feats[i] {
				p.w[int(f)*L+g]++
				p.u[int(f)*L+g] += p.c
				p.w[int(f)*L+y]--
				p.u[int(f)*L+y] -= p.c
			}
		}
		if g != y || prevG != prevP {
			p.trans[prevG][g]++
			p.tu[prevG][g] += p.c
			p.trans[prevP][y]--
			p.tu[prevP][y] -= p.c
		}
		prevG, prevP = g, y
	}
	p.c++
	return errs
}

// averaged returns the model with the averaged weights w - u/c.
func (p *perceptron) averaged(bits uint8) *Model {
	m := &Model{bits: bits, w: make([]float32, len(p.w))}
	for i, v := range p.w {
		if v != 0 || p.u[i] != 0 {
			m.w[i] = float32(float64(v) - p.u[i]/p.c)
		}
	}
	for a := range p.trans {
		for b := range p.trans[a] {
			m.trans[a][b] = float32(float64(p.trans[a][b]) - p.tu[a][b]/p.c)
		}
	}
	return m
}

// biasGrid are the role biases tried on dev.
var biasGrid = []float32{-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32}

// tuneBias chooses, role by role, the emission bias that maximises that
// role's overlap F1 on dev (two rounds of coordinate ascent), and returns
// the final dev score.
func tuneBias(m *Model, dev []Example, lex Lexicon, log io.Writer) Score {
	// Features do not depend on the biases: compute emissions once.
	type pre struct {
		emit []float32
		n    int
	}
	cache := map[*doc.Doc]pre{}
	for _, e := range dev {
		if _, ok := cache[e.Doc]; ok || len(e.Doc.Tokens) == 0 {
			continue
		}
		m.bias = [numRoles]float32{}
		cache[e.Doc] = pre{m.emissions(e.Doc, lex), len(e.Doc.Tokens)}
	}
	score := func(b [numRoles]float32) Score {
		return evaluate(dev, func(d *doc.Doc) []Label {
			p, ok := cache[d]
			if !ok {
				return make([]Label, len(d.Tokens))
			}
			emit := make([]float32, len(p.emit))
			copy(emit, p.emit)
			const L = int(numLabels)
			for i := 0; i < p.n; i++ {
				for y := 1; y < L; y++ {
					emit[i*L+y] += b[(y-1)/2]
				}
			}
			return viterbi(emit, &m.trans, p.n)
		})
	}
	var b [numRoles]float32
	cur := score(b)
	for round := 0; round < 2; round++ {
		for r := range numRoles {
			bestV, bestF := b[r], cur.F[r]
			for _, v := range biasGrid {
				t := b
				t[r] = v
				if s := score(t); s.F[r] > bestF+1e-9 {
					bestV, bestF = v, s.F[r]
				}
			}
			b[r] = bestV
			cur = score(b)
		}
	}
	m.bias = b
	fmt.Fprintf(log, "role biases source %g cue %g content %g: dev %v\n", b[Source], b[Cue], b[Content], cur)
	return cur
}
