package parser

// Feature templates are hashed: each feature is the 64-bit mix of its
// template number and its atomic values, and the top bits of that hash
// pick a row of the weight table. The template number is assigned by the
// order of the calls below, so the order is part of the model format:
// changing it requires retraining (modelVersion guards this).

const (
	seedT = 0x243F6A8885A308D3
	seedL = 0x13198A2E03707344
	mulA  = 0x9E3779B97F4A7C15
	mulB  = 0xBF58476D1CE4E5B9
)

func mix(h, v uint64) uint64 {
	h = (h ^ v) * mulA
	return h ^ h>>29
}

// fx accumulates the hashed features of one configuration.
type fx struct {
	out  []uint64
	tmpl uint64
}

func (f *fx) next() uint64 {
	f.tmpl++
	return f.tmpl * mulB
}

func (f *fx) f1(a int32) { f.out = append(f.out, mix(f.next(), uint64(a))) }
func (f *fx) f2(a, b int32) {
	f.out = append(f.out, mix(mix(f.next(), uint64(a)), uint64(b)))
}
func (f *fx) f3(a, b, c int32) {
	f.out = append(f.out, mix(mix(mix(f.next(), uint64(a)), uint64(b)), uint64(c)))
}
func (f *fx) f4(a, b, c, d int32) {
	f.out = append(f.out, mix(mix(mix(mix(f.next(), uint64(a)), uint64(b)), uint64(c)), uint64(d)))
}
func (f *fx) fs(s uint64, a int32) { f.out = append(f.out, mix(mix(f.next(), s), uint64(a))) }

// dist buckets the distance between two nodes.
func dist(a, b, none int32) int32 {
	if a == none || b == none {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return d + 1
	case d <= 6:
		return 6
	case d <= 10:
		return 7
	case d <= 20:
		return 8
	}
	return 9
}

func capv(v, max int32) int32 {
	if v > max {
		return max
	}
	return v
}

// commas counts the commas strictly between nodes a < b, capped at 3.
func (st *state) commas(a, b int32) int32 {
	none := st.n + 1
	if a == none || b == none || b-a < 2 {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	return capv(st.cum[b-1]-st.cum[a], 3)
}

func (st *state) prev(i int32) int32 {
	if i <= 1 || i > st.n {
		return st.n + 1
	}
	return i - 1
}

func (st *state) next(i int32) int32 {
	if i < 1 || i >= st.n {
		return st.n + 1
	}
	return i + 1
}

func lsetID(s uint64) int32 { return int32(s ^ s>>32) }

// transFeatures computes the hashed features of the current configuration
// for the transition classifier. Every feature costs a random memory
// access at parse time, so the set is kept to the informative ones.
func (st *state) transFeatures() []uint64 {
	none := st.n + 1
	k := len(st.stack)
	s0, s1, s2 := none, none, none
	if k >= 1 {
		s0 = st.stack[k-1]
	}
	if k >= 2 {
		s1 = st.stack[k-2]
	}
	if k >= 3 {
		s2 = st.stack[k-3]
	}
	b0, b1, b2 := none, none, none
	if st.b <= st.n {
		b0 = st.b
	}
	if st.b+1 <= st.n {
		b1 = st.b + 1
	}
	if st.b+2 <= st.n {
		b2 = st.b + 2
	}
	w, t, u, lm, lab := st.w, st.t, st.u, st.lm, st.lab
	s0l1, s0l2, s0r1, s0r2 := st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]
	s1l1, s1r1 := st.lc1[s1], st.rc1[s1]
	b0l1, b0l2 := st.lc1[b0], st.lc2[b0]
	d01 := dist(s0, b0, none)
	d10 := dist(s1, s0, none)

	full := st.feat != FeaturesFast // FeaturesClusters extends FeaturesFull
	f := fx{out: st.feats[:0], tmpl: seedT}
	f.f1(0) // bias
	// Single positions.
	f.f1(w[s0])
	f.f1(t[s0])
	f.f2(w[s0], t[s0])
	f.f1(w[s1])
	f.f1(t[s1])
	f.f2(w[s1], t[s1])
	f.f1(w[b0])
	f.f1(t[b0])
	f.f2(w[b0], t[b0])
	f.f1(w[b1])
	f.f2(w[b1], t[b1])
	f.f1(t[b2])
	f.f1(t[s2])
	if full {
		f.f1(t[b1])
		f.f1(u[s0])
		f.f1(u[b0])
	}
	f.f1(lm[s0])
	f.f1(lm[b0])
	f.f2(u[s0], u[b0])
	f.fs(st.suf[s0], t[s0])
	f.fs(st.suf[b0], t[b0])
	f.f2(st.sh[b0], u[b0])
	// Pairs s0-b0 (a LEFT candidate).
	f.f4(w[s0], t[s0], w[b0], t[b0])
	f.f3(w[s0], t[s0], w[b0])
	f.f3(w[s0], w[b0], t[b0])
	f.f3(w[s0], t[s0], t[b0])
	f.f3(t[s0], w[b0], t[b0])
	f.f2(w[s0], w[b0])
	f.f2(t[s0], t[b0])
	f.f2(t[b0], t[b1])
	if full {
		f.f2(lm[s0], lm[b0])
		f.f2(w[b0], t[b1])
	}
	// Pairs s1-s0 (a RIGHT candidate).
	f.f4(w[s1], t[s1], w[s0], t[s0])
	f.f3(w[s1], t[s1], t[s0])
	f.f3(t[s1], w[s0], t[s0])
	f.f2(w[s1], w[s0])
	f.f2(t[s1], t[s0])
	f.f2(u[s1], u[s0])
	if full {
		f.f2(lm[s1], lm[s0])
		f.f2(w[s1], t[s0])
		f.f2(t[s1], w[s0])
	}
	// Triples of tags.
	f.f3(t[b0], t[b1], t[b2])
	f.f3(t[s0], t[b0], t[b1])
	f.f3(t[s1], t[s0], t[b0])
	f.f3(t[s2], t[s1], t[s0])
	f.f3(t[s1], w[s0], t[b0])
	if full {
		f.f3(u[s1], u[s0], u[b0])
		f.f3(u[s0], u[b0], u[b1])
		f.f3(t[s1], t[s0], w[b0])
	}
	// Children.
	f.f3(t[s0], t[s0l1], t[b0])
	f.f3(t[s0], t[s0r1], t[b0])
	f.f3(t[s0], t[b0], t[b0l1])
	f.f3(t[s1], t[s0], t[s0l1])
	f.f3(t[s1], t[s0], t[s0r1])
	f.f3(t[s1], t[s1r1], t[s0])
	f.f3(t[s1], t[s1l1], t[s0])
	if full {
		f.f3(t[s0], t[s0l1], t[s0l2])
		f.f3(t[s0], t[s0r1], t[s0r2])
		f.f3(t[b0], t[b0l1], t[b0l2])
		f.f2(w[s0l1], t[s0])
		f.f2(w[s0r1], t[s0])
		f.f2(w[b0l1], t[b0])
		f.f3(t[s1], int32(lab[s1r1]), int32(lab[st.rc2[s1]]))
	}
	f.f3(t[s0l1], int32(lab[s0l1]), t[s0])
	f.f3(t[s0r1], int32(lab[s0r1]), t[s0])
	f.f3(t[b0l1], int32(lab[b0l1]), t[b0])
	f.f2(int32(lab[s1r1]), t[s1])
	f.f3(t[s0], int32(lab[s0l1]), int32(lab[s0l2]))
	f.f3(t[s0], int32(lab[s0r1]), int32(lab[s0r2]))
	f.f3(t[b0], int32(lab[b0l1]), int32(lab[b0l2]))
	f.f3(w[s0], int32(lab[s0r1]), t[b0])
	// Distance.
	f.f2(w[s0], d01)
	f.f2(t[s0], d01)
	f.f2(t[b0], d01)
	f.f3(t[s0], t[b0], d01)
	f.f3(t[s1], t[s0], d10)
	f.f3(w[s1], t[s0], d10)
	if full {
		f.f2(w[b0], d01)
		f.f3(w[s0], w[b0], d01)
	}
	// Valency.
	f.f2(t[s0], capv(st.nrv[s0], 4))
	f.f2(t[s0], capv(st.nlv[s0], 4))
	f.f2(t[b0], capv(st.nlv[b0], 4))
	f.f2(t[s1], capv(st.nrv[s1], 4))
	if full {
		f.f2(w[s0], capv(st.nrv[s0], 4))
		f.f2(w[b0], capv(st.nlv[b0], 4))
	}
	// Label sets.
	f.f2(t[s0], lsetID(st.lset[s0]))
	f.f2(t[s0], lsetID(st.rset[s0]))
	f.f2(t[b0], lsetID(st.lset[b0]))
	f.f3(t[s1], lsetID(st.rset[s1]), t[s0])
	if full {
		f.f2(w[s0], lsetID(st.rset[s0]))
	}
	// Surface context.
	f.f3(t[st.prev(s0)], t[s0], t[b0])
	f.f3(t[s0], t[st.next(s0)], t[b0])
	f.f3(t[s0], t[st.prev(b0)], t[b0])
	f.f3(t[s1], t[st.next(s1)], t[s0])
	if full {
		f.f2(w[st.prev(b0)], t[b0])
		f.f2(w[st.next(s0)], t[s0])
	}
	// Punctuation between candidates (appositions, reported speech,
	// coordination) and what is left of the sentence.
	f.f3(t[s0], t[b0], st.commas(s0, b0))
	f.f4(t[s1], t[s0], st.commas(s1, s0), d10)
	f.f2(capv(max(st.n-st.b+1, 0), 8), t[s0])
	if full {
		f.f4(u[s1], u[s0], st.commas(s1, s0), d10)
		f.fs(st.suf[s0], t[b0])
		f.fs(st.suf[b0], t[s0])
	}
	if st.feat == FeaturesClusters {
		// Word-cluster prefixes (Koo et al. 2008): coarse (4 bits),
		// finer (6 bits) and whole paths stand in for words and tags.
		c4, c6, cf := st.c4, st.c6, st.cf
		f.f2(cf[s0], t[s0])
		f.f2(cf[b0], t[b0])
		f.f2(c6[s1], t[s1])
		f.f2(c6[b1], t[b1])
		f.f2(c4[s0], c4[b0])
		f.f2(c6[s0], c6[b0])
		f.f4(c4[s0], t[s0], c4[b0], t[b0])
		f.f2(c6[s1], c6[s0])
		f.f4(c4[s1], t[s1], c4[s0], t[s0])
		f.f3(c4[s0l1], c4[s0], t[b0])
		f.f3(c4[s0r1], c4[s0], t[b0])
		f.f3(c4[b0l1], c4[b0], t[s0])
	}
	st.feats = f.out
	return f.out
}

// labelFeatures computes the hashed features for labelling the arc h -> d.
// The subtree of d is complete when it is attached.
func (st *state) labelFeatures(h, d int32) []uint64 {
	if st.feat == FeaturesFast {
		return st.labelFeaturesFast(h, d)
	}
	return st.labelFeaturesFull(h, d)
}

// labelFeaturesFast is the smaller label feature set of FeaturesFast.
func (st *state) labelFeaturesFast(h, d int32) []uint64 {
	none := st.n + 1
	dir := int32(1)
	if d > h {
		dir = 2
	}
	w, t, u, lm, lab := st.w, st.t, st.u, st.lm, st.lab
	dl1, dr1 := st.lc1[d], st.rc1[d]
	hl1 := st.lc1[h]
	dd := dist(h, d, none)
	f := fx{out: st.lfeats[:0], tmpl: seedL}
	f.f1(dir)
	f.f2(dir, w[h])
	f.f3(dir, w[h], t[h])
	f.f2(dir, w[d])
	f.f3(dir, w[d], t[d])
	f.f2(dir, lm[h])
	f.f3(dir, u[h], u[d])
	f.f3(dir, t[h], t[d])
	f.f3(dir, w[h], t[d])
	f.f3(dir, t[h], w[d])
	f.f3(dir, lm[h], lm[d])
	f.f4(dir, t[h], t[d], dd)
	f.fs(st.suf[d], t[d]*4+dir)
	f.f3(dir, st.sh[d], t[d])
	f.f4(dir, t[d], lsetID(st.lset[d]), lsetID(st.rset[d]))
	f.f4(dir, t[d], int32(lab[dl1]), w[dl1])
	f.f3(dir, w[dl1], lm[h])
	f.f4(dir, t[d], int32(lab[dr1]), t[h])
	f.f3(dir, t[h], lsetID(st.lset[h]))
	f.f4(dir, t[h], int32(lab[hl1]), w[hl1])
	f.f4(dir, t[d], lsetID(st.lset[h]), t[h])
	f.f4(dir, t[d], t[h], st.commas(h, d))
	f.f4(dir, t[st.prev(d)], t[d], t[h])
	f.f4(dir, t[d], t[st.next(d)], t[h])
	f.f4(dir, t[h], t[st.next(h)], t[d])
	st.lfeats = f.out
	return f.out
}

// labelFeaturesFull is the label feature set of FeaturesFull.
func (st *state) labelFeaturesFull(h, d int32) []uint64 {
	none := st.n + 1
	dir := int32(1)
	if d > h {
		dir = 2
	}
	w, t, u, lm, lab := st.w, st.t, st.u, st.lm, st.lab
	dl1, dr1, dl2, dr2 := st.lc1[d], st.rc1[d], st.lc2[d], st.rc2[d]
	hl1, hr1 := st.lc1[h], st.rc1[h]
	dd := dist(h, d, none)
	f := fx{out: st.lfeats[:0], tmpl: seedL}
	f.f1(dir)
	f.f2(dir, w[h])
	f.f2(dir, t[h])
	f.f3(dir, w[h], t[h])
	f.f2(dir, w[d])
	f.f2(dir, t[d])
	f.f3(dir, w[d], t[d])
	f.f2(dir, lm[h])
	f.f2(dir, lm[d])
	f.f3(dir, u[h], u[d])
	f.f3(dir, t[h], t[d])
	f.f3(dir, w[h], t[d])
	f.f3(dir, t[h], w[d])
	f.f3(dir, w[h], w[d])
	f.f3(dir, lm[h], lm[d])
	f.f3(dir, lm[h], t[d])
	f.f4(dir, t[h], t[d], dd)
	f.f4(dir, u[h], u[d], dd)
	f.fs(st.suf[d], t[d]*4+dir)
	f.fs(st.suf[h], t[h]*4+dir)
	f.f3(dir, st.sh[d], t[d])
	f.f3(dir, st.sh[h], t[h])
	// The dependent's (complete) subtree.
	f.f3(dir, t[d], lsetID(st.lset[d]))
	f.f3(dir, t[d], lsetID(st.rset[d]))
	f.f4(dir, t[d], lsetID(st.lset[d]), lsetID(st.rset[d]))
	f.f4(dir, t[d], int32(lab[dl1]), w[dl1])
	f.f3(dir, w[dl1], t[h])
	f.f3(dir, w[dl1], lm[h])
	f.f3(dir, int32(lab[dl1]), int32(lab[dl2]))
	f.f4(dir, t[d], int32(lab[dr1]), w[dr1])
	f.f3(dir, int32(lab[dr1]), int32(lab[dr2]))
	f.f3(dir, w[dl2], t[d])
	f.f4(dir, t[d], capv(st.nlv[d], 3), capv(st.nrv[d], 3))
	// The head's children so far.
	f.f3(dir, t[h], lsetID(st.lset[h]))
	f.f3(dir, t[h], lsetID(st.rset[h]))
	f.f4(dir, t[h], int32(lab[hl1]), w[hl1])
	f.f4(dir, t[h], int32(lab[hr1]), t[d])
	f.f4(dir, t[d], lsetID(st.lset[h]), t[h])
	// Context.
	f.f4(dir, t[d], t[h], st.commas(h, d))
	f.f4(dir, t[st.prev(d)], t[d], t[h])
	f.f4(dir, t[d], t[st.next(d)], t[h])
	f.f4(dir, t[st.prev(h)], t[h], t[d])
	f.f4(dir, t[h], t[st.next(h)], t[d])
	f.f3(dir, w[st.prev(d)], t[d])
	if st.feat == FeaturesClusters {
		c4, c6, cf := st.c4, st.c6, st.cf
		f.f3(dir, c6[h], c6[d])
		f.f4(dir, c4[h], c4[d], t[d])
		f.f3(dir, cf[d], t[d])
		f.f3(dir, cf[h], t[h])
		f.f4(dir, t[h], c6[d], dd)
	}
	st.lfeats = f.out
	return f.out
}

// buckets maps hashed features to rows of a table of 2^bits rows.
func buckets(fs []uint64, bits uint, out []uint32) []uint32 {
	out = out[:0]
	sh := 64 - bits
	for _, h := range fs {
		h *= mulB
		out = append(out, uint32(h>>sh))
	}
	return out
}

// scoreTrans returns the scores of the three transitions.
func scoreTrans(q []int16, fb []uint32) (sc [numActs]int32) {
	var a, b, c int32
	for _, k := range fb {
		r := q[k*rowT : k*rowT+rowT : k*rowT+rowT]
		a += int32(r[0])
		b += int32(r[1])
		c += int32(r[2])
	}
	sc[0], sc[1], sc[2] = a, b, c
	return
}

// scoreLabels sets sc (len nl) to the label scores of the features. A
// first pass touches both cache lines of every row so that the memory
// accesses overlap.
func scoreLabels(q []int16, fb []uint32, sc []int32) int16 {
	var touch int16
	for _, k := range fb {
		off := int(k) * rowL
		r := q[off : off+rowL : off+rowL]
		touch |= r[0] | r[rowL/2]
	}
	for i := range sc {
		sc[i] = 0
	}
	nl := len(sc)
	for _, k := range fb {
		off := int(k) * rowL
		r := q[off : off+nl : off+nl]
		s := sc[:len(r)]
		for j, v := range r {
			s[j] += int32(v)
		}
	}
	return touch
}

// scoreTransF and scoreLabelsF score with the float weights of training.
func scoreTransF(w []float32, fb []uint32) (sc [numActs]float32) {
	var a, b, c float32
	for _, k := range fb {
		r := w[k*rowT : k*rowT+rowT : k*rowT+rowT]
		a += r[0]
		b += r[1]
		c += r[2]
	}
	sc[0], sc[1], sc[2] = a, b, c
	return
}

func scoreLabelsF(w []float32, nl int, fb []uint32, sc []float32) {
	for i := range sc {
		sc[i] = 0
	}
	sc = sc[:nl]
	for _, k := range fb {
		off := int(k) * nl
		r := w[off : off+nl : off+nl]
		for j, v := range r {
			sc[j] += v
		}
	}
}
