package parser

// state is one sentence being parsed: its encoded words and the parser
// configuration (stack, buffer, arcs built so far). Node 0 is the
// artificial root, nodes 1..n are the words and node n+1 is a sentinel
// "no node" whose attributes are all idNone. States are pooled and reused.
type state struct {
	n    int32
	feat Features

	// Encoded words, indexed by node.
	w, t, u, lm, sh []int32
	c4, c6, cf      []int32 // cluster prefixes (FeaturesClusters only)
	suf             []uint64
	cum             []int32 // cum[i]: commas among words 1..i

	// Configuration.
	stack              []int32
	b                  int32 // first buffer node; the buffer is b..n
	head               []int32
	lab                []int16
	lc1, lc2, rc1, rc2 []int32
	nlv, nrv           []int32
	lset, rset         []uint64
	inStack            []bool

	// Scratch space.
	feats  []uint64
	fb     []uint32
	lfeats []uint64
	lb     []uint32
	lsc    []int32
	lscF   []float32
	touch  int16
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// init sizes the state for a sentence of n words and fills the word
// encodings from the given columns (lemmas, upos and xpos may be shorter
// than words or nil; missing values count as unknown).
func (st *state) init(m *Model, words, lemmas, upos, xpos []string) {
	n := len(words)
	st.n = int32(n)
	st.feat = m.feat
	size := n + 2
	st.w = grow32(st.w, size)
	st.t = grow32(st.t, size)
	st.u = grow32(st.u, size)
	st.lm = grow32(st.lm, size)
	st.sh = grow32(st.sh, size)
	st.cum = grow32(st.cum, size)
	clus := m.feat == FeaturesClusters
	if clus {
		st.c4 = grow32(st.c4, size)
		st.c6 = grow32(st.c6, size)
		st.cf = grow32(st.cf, size)
		st.c4[0], st.c6[0], st.cf[0] = idRoot, idRoot, idRoot
		st.c4[n+1], st.c6[n+1], st.cf[n+1] = idNone, idNone, idNone
	}
	if cap(st.suf) < size {
		st.suf = make([]uint64, size)
	}
	st.suf = st.suf[:size]
	// Root and sentinel.
	st.w[0], st.t[0], st.u[0], st.lm[0], st.sh[0], st.suf[0] = idRoot, idRoot, idRoot, idRoot, idRoot, idRoot
	st.w[n+1], st.t[n+1], st.u[n+1], st.lm[n+1], st.sh[n+1], st.suf[n+1] = idNone, idNone, idNone, idNone, idNone, idNone
	st.cum[0] = 0
	for i, word := range words {
		j := i + 1
		h, suf, shape := normHash(word)
		id, ok := m.wordID[h]
		if !ok {
			id = idUnk
		}
		st.w[j], st.suf[j], st.sh[j] = id, suf|1<<63, shape
		if clus {
			st.c4[j], st.c6[j], st.cf[j] = clusterIDs(m.cl, word)
		}
		// A missing lemma (no lemmatizer ran) is "none", which training
		// also sees (LemmaDropout); a lemma outside the vocabulary is
		// "unknown".
		st.lm[j] = idNone
		if i < len(lemmas) && lemmas[i] != "" && lemmas[i] != "_" {
			st.lm[j] = idUnk
			lh, _, _ := normHash(lemmas[i])
			if id, ok := m.lemmaID[lh]; ok {
				st.lm[j] = id
			}
		}
		st.t[j], st.u[j] = idUnk, idUnk
		if i < len(xpos) {
			if id, ok := m.xposID[xpos[i]]; ok {
				st.t[j] = id
			}
		}
		if i < len(upos) {
			if id, ok := m.uposID[upos[i]]; ok {
				st.u[j] = id
			}
		}
		c := int32(0)
		if isComma(word) {
			c = 1
		}
		st.cum[j] = st.cum[j-1] + c
	}
	st.cum[n+1] = st.cum[n]
	st.reset()
}

// reset empties the configuration: the stack holds the root, the buffer
// every word.
func (st *state) reset() {
	size := int(st.n) + 2
	none := st.n + 1
	st.head = grow32(st.head, size)
	st.lc1 = grow32(st.lc1, size)
	st.lc2 = grow32(st.lc2, size)
	st.rc1 = grow32(st.rc1, size)
	st.rc2 = grow32(st.rc2, size)
	st.nlv = grow32(st.nlv, size)
	st.nrv = grow32(st.nrv, size)
	if cap(st.lab) < size {
		st.lab = make([]int16, size)
		st.lset = make([]uint64, size)
		st.rset = make([]uint64, size)
		st.inStack = make([]bool, size)
	}
	st.lab = st.lab[:size]
	st.lset = st.lset[:size]
	st.rset = st.rset[:size]
	st.inStack = st.inStack[:size]
	for i := 0; i < size; i++ {
		st.head[i] = -1
		st.lab[i] = 0
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = none, none, none, none
		st.nlv[i], st.nrv[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
		st.inStack[i] = false
	}
	st.stack = append(st.stack[:0], 0)
	st.inStack[0] = true
	st.b = 1
}

// terminal reports whether the parse is complete.
func (st *state) terminal() bool { return st.b > st.n && len(st.stack) == 1 }

// valid reports which transitions are allowed. The root can take only one
// dependent, attached last (RIGHT with s1 = root needs an empty buffer),
// so every parse is a single tree.
func (st *state) valid() (shift, left, right bool) {
	bufOK := st.b <= st.n
	k := len(st.stack)
	shift = bufOK
	left = k >= 2 && bufOK
	right = k >= 2 && (st.stack[k-2] != 0 || !bufOK)
	return
}

// apply performs transition a; for arcs, l is the label id.
func (st *state) apply(a int, l int16) {
	k := len(st.stack)
	switch a {
	case actShift:
		st.stack = append(st.stack, st.b)
		st.inStack[st.b] = true
		st.b++
	case actLeft:
		d, h := st.stack[k-1], st.b
		st.stack = st.stack[:k-1]
		st.inStack[d] = false
		st.head[d], st.lab[d] = h, l
		st.lc2[h], st.lc1[h] = st.lc1[h], d
		st.nlv[h]++
		st.lset[h] |= 1 << (uint(l) & 63)
	case actRight:
		d, h := st.stack[k-1], st.stack[k-2]
		st.stack = st.stack[:k-1]
		st.inStack[d] = false
		st.head[d], st.lab[d] = h, l
		st.rc2[h], st.rc1[h] = st.rc1[h], d
		st.nrv[h]++
		st.rset[h] |= 1 << (uint(l) & 63)
	}
}

// arc returns the head and dependent that transition a would attach.
func (st *state) arc(a int) (h, d int32) {
	k := len(st.stack)
	if a == actLeft {
		return st.b, st.stack[k-1]
	}
	return st.stack[k-2], st.stack[k-1]
}
