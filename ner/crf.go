package ner

import (
	"math"
	"math/rand/v2"
)

// crf is a linear-chain CRF trained by stochastic gradient descent on the
// negative log-likelihood with L2 regularisation (Bottou's CRF-SGD): the
// weights are scale*v, so the decay of every weight costs one multiply.
type crf struct {
	v     []float64 // emission weights, numLabels per feature row, divided by scale
	tv    [nt]float64
	scale float64
	lr0   float64
	l2    float64
	t     float64 // sentences seen
	n     float64 // training sentences
	rng   *rand.Rand
	order []int

	// scratch
	alpha, beta, emit []float64
}

func newCRF(nf, n int, opt TrainOptions, rng *rand.Rand, order []int) *crf {
	return &crf{v: make([]float64, nf*numLabels), scale: 1, lr0: opt.Rate, l2: opt.L2,
		n: float64(n), rng: rng, order: order}
}

func logSumExp(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if math.IsInf(b, -1) {
		return a
	}
	if a > b {
		return a + math.Log1p(math.Exp(b-a))
	}
	return b + math.Log1p(math.Exp(a-b))
}

// addWeights adds k times the current weights.
func (c *crf) addWeights(w []float32, tw *[nt]float32, k float64) {
	for i, v := range c.v {
		w[i] += float32(v * c.scale * k)
	}
	for i, v := range c.tv {
		tw[i] += float32(v * c.scale * k)
	}
}

// epoch makes one SGD pass and returns the number of tokens the Viterbi
// path under the weights before each update got wrong.
func (c *crf) epoch(tr []encoded, _ func(e encoded, w []float32, tw *[nt]float32, oPenalty float32) []int) int {
	c.rng.Shuffle(len(c.order), func(i, j int) { c.order[i], c.order[j] = c.order[j], c.order[i] })
	errs := 0
	neg := math.Inf(-1)
	for _, si := range c.order {
		e := tr[si]
		n := len(e.gold)
		if n == 0 {
			continue
		}
		lr := c.lr0 / (1 + c.lr0*c.l2*c.t)
		c.t++
		if cap(c.emit) < n*numLabels {
			c.emit = make([]float64, n*numLabels)
			c.alpha = make([]float64, n*numLabels)
			c.beta = make([]float64, n*numLabels)
		}
		emit, alpha, beta := c.emit[:n*numLabels], c.alpha[:n*numLabels], c.beta[:n*numLabels]
		clear(emit)
		for i, ids := range e.feats {
			row := emit[i*numLabels : (i+1)*numLabels]
			for _, r := range ids {
				ws := c.v[int(r)*numLabels : int(r)*numLabels+numLabels]
				for y := range row {
					row[y] += ws[y]
				}
			}
			for y := range row {
				row[y] *= c.scale
			}
		}
		var trans [nt]float64
		for i, v := range c.tv {
			trans[i] = v * c.scale
		}
		// Forward.
		for y := 0; y < numLabels; y++ {
			alpha[y] = neg
			if allowed[numLabels][y] {
				alpha[y] = trans[numLabels*numLabels+y] + emit[y]
			}
		}
		for i := 1; i < n; i++ {
			for y := 0; y < numLabels; y++ {
				a := neg
				for p := 0; p < numLabels; p++ {
					if allowed[p][y] {
						a = logSumExp(a, alpha[(i-1)*numLabels+p]+trans[p*numLabels+y])
					}
				}
				alpha[i*numLabels+y] = a + emit[i*numLabels+y]
			}
		}
		// Backward.
		for y := 0; y < numLabels; y++ {
			beta[(n-1)*numLabels+y] = 0
		}
		for i := n - 2; i >= 0; i-- {
			for p := 0; p < numLabels; p++ {
				b := neg
				for y := 0; y < numLabels; y++ {
					if allowed[p][y] {
						b = logSumExp(b, trans[p*numLabels+y]+emit[(i+1)*numLabels+y]+beta[(i+1)*numLabels+y])
					}
				}
				beta[i*numLabels+p] = b
			}
		}
		z := neg
		for y := 0; y < numLabels; y++ {
			z = logSumExp(z, alpha[(n-1)*numLabels+y])
		}
		// Count errors of the marginal argmax (cheap, for the log).
		// Decay all weights, then step along the gradient.
		c.scale *= 1 - lr*c.l2
		if c.scale < 1e-9 {
			for i := range c.v {
				c.v[i] *= c.scale
			}
			for i := range c.tv {
				c.tv[i] *= c.scale
			}
			c.scale = 1
		}
		step := lr / c.scale
		for i := 0; i < n; i++ {
			var g [numLabels]float64
			best, arg := neg, 0
			for y := 0; y < numLabels; y++ {
				lp := alpha[i*numLabels+y] + beta[i*numLabels+y] - z
				g[y] = math.Exp(lp)
				if lp > best {
					best, arg = lp, y
				}
			}
			if arg != e.gold[i] {
				errs++
			}
			g[e.gold[i]]--
			for _, r := range e.feats[i] {
				ws := c.v[int(r)*numLabels : int(r)*numLabels+numLabels]
				for y := range ws {
					ws[y] -= step * g[y]
				}
			}
		}
		// Transition gradient: expected minus gold pair counts.
		var tg [nt]float64
		for y := 0; y < numLabels; y++ {
			if allowed[numLabels][y] {
				tg[numLabels*numLabels+y] += math.Exp(alpha[y] + beta[y] - z)
			}
		}
		for i := 1; i < n; i++ {
			for p := 0; p < numLabels; p++ {
				for y := 0; y < numLabels; y++ {
					if allowed[p][y] {
						tg[p*numLabels+y] += math.Exp(alpha[(i-1)*numLabels+p] + trans[p*numLabels+y] + emit[i*numLabels+y] + beta[i*numLabels+y] - z)
					}
				}
			}
		}
		tg[numLabels*numLabels+e.gold[0]]--
		for i := 1; i < n; i++ {
			tg[e.gold[i-1]*numLabels+e.gold[i]]--
		}
		for i := range c.tv {
			c.tv[i] -= step * tg[i]
		}
	}
	return errs
}
