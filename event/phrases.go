package event

import (
	"sort"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// The phrase structure of one sentence, built from its dependency parse
// the way PETRARCH builds it from a constituency parse: noun phrases
// ("NE") that may carry an actor, and compound phrases ("NEC") whose
// members each may.

type itemKind uint8

const (
	itWord itemKind = iota
	itNEStart
	itNEEnd
	itNECStart
	itNECEnd
)

// item is one element of the linear sequence that patterns match.
type item struct {
	kind itemKind
	word string // upper-case word (itWord)
	tok  int    // token index (itWord)
	ne   int    // the noun phrase holding a word or marker, -1 when none
	nec  int    // the compound holding it, -1 when none
	skip bool   // a word PETRARCH never matches after the verb (THE, A, numbers, ...)
}

// nphrase is one noun phrase of a sentence.
type nphrase struct {
	Phrase
	ref   doc.Ref
	coded bool
	nec   int // compound index or -1
}

// compound is a compound noun phrase: "Arnor and Gondor".
type compound struct {
	members []int
}

// block is a noun phrase or compound as it sits in the sentence: the
// token range it consumes.
type block struct {
	first, last int // token range [first, last]
	ne, nec     int // exactly one is >= 0
	head        int // head token of the (first) member
}

type analysis struct {
	d     *doc.Doc
	first int // first token of the sentence
	last  int // one past the last token
	kids  [][]int
	words []string // upper-case words, per token (relative)
	// nmodCache holds firstNmod per token (relative), -2 until computed.
	nmodCache []int
	scratch   []bool
	// wordSet holds the sentence's words, to skip patterns quickly.
	wordSet map[string]struct{}
	// buffers kept for reuse when the analysis is pooled
	counts, back []int
	covered      []bool
	lowerBuf     []item
	upperBuf     []item
	regionBuf    []int
	nps          []nphrase
	comps        []compound
	blocks       []block
	inBlock      []int // per token (relative): block index or -1
	items        []item
	itemAt       []int // per token (relative): index of its first item, -1 inside a block
}

var skipWords = map[string]bool{
	"THE": true, "A": true, "AN": true, "IT": true, "HE": true, "THEY": true, "HER": true,
	"HAS": true, "HAD": true, "HAVE": true, "SOME": true, "FEW": true, "THAT": true,
	"HUNDRED": true, "THOUSAND": true, "MILLION": true, "BILLION": true, "TRILLION": true,
	"DOZEN": true, "ONE": true, "TWO": true, "THREE": true, "FOUR": true, "FIVE": true,
	"SIX": true, "SEVEN": true, "EIGHT": true, "NINE": true, "DOLLAR": true, "DUCAT": true,
}

func isSkipWord(w string) bool {
	if skipWords[w] {
		return true
	}
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// reuse returns buf resized to n zero elements, reusing its storage when
// it is large enough.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		buf = buf[:n]
		clear(buf)
		return buf
	}
	return make([]T, n)
}

func baseDep(dep string) string {
	if i := strings.IndexByte(dep, ':'); i >= 0 {
		return dep[:i]
	}
	return dep
}

func (a *analysis) tok(i int) *doc.Token { return &a.d.Tokens[i] }

func (a *analysis) nominal(i int) bool {
	t := a.tok(i)
	switch t.UPOS {
	case "NOUN", "PROPN", "PRON", "NUM":
		return true
	case "":
		return strings.HasPrefix(t.XPOS, "NN") || t.XPOS == "PRP" || t.XPOS == "CD"
	}
	return false
}

func (a *analysis) isVerb(i int) bool {
	t := a.tok(i)
	if t.XPOS != "" {
		return strings.HasPrefix(t.XPOS, "VB")
	}
	return t.UPOS == "VERB" || t.UPOS == "AUX"
}

// wordOf returns the upper-case form of token i.
func (a *analysis) wordOf(i int) string {
	if i >= a.first && i < a.last && a.words != nil {
		return a.words[i-a.first]
	}
	t := a.tok(i)
	w := t.Norm
	if w == "" {
		w = a.d.TokenText(i)
	}
	return upper(w)
}

// upper upper-cases s, without allocating when it already is.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('a' <= c && c <= 'z') {
			return strings.ToUpper(s)
		}
	}
	return s
}

func (a *analysis) possMarker(i int) bool {
	t := a.tok(i)
	return t.XPOS == "POS" || (baseDep(t.Dep) == "case" && (a.wordOf(i) == "'S" || a.wordOf(i) == "'"))
}

func (a *analysis) punct(i int) bool {
	t := a.tok(i)
	return t.UPOS == "PUNCT" || baseDep(t.Dep) == "punct"
}

// internalDeps are the relations that keep a dependent inside its head's
// noun phrase.
var internalDeps = map[string]bool{
	"det": true, "amod": true, "compound": true, "name": true, "flat": true, "fixed": true,
	"nummod": true, "case": true, "advmod": true, "mwe": true, "goeswith": true, "neg": true,
	"nmod:poss": true,
}

// firstNmod returns the nominal modifier that PETRARCH keeps inside the
// noun phrase of i: its first prepositional modifier, when that has none
// of its own; -1 otherwise.
func (a *analysis) firstNmod(i int) int {
	if a.nmodCache != nil {
		if v := a.nmodCache[i-a.first]; v != -2 {
			return v
		}
		v := a.computeFirstNmod(i)
		a.nmodCache[i-a.first] = v
		return v
	}
	return a.computeFirstNmod(i)
}

func (a *analysis) computeFirstNmod(i int) int {
	if !a.nominal(i) || a.tok(i).UPOS == "PRON" {
		return -1
	}
	for _, c := range a.kids[i-a.first] {
		dep := a.tok(c).Dep
		if baseDep(dep) != "nmod" || dep == "nmod:poss" || dep == "nmod:tmod" || dep == "nmod:npmod" || c < i {
			continue
		}
		if !a.nominal(c) {
			return -1
		}
		for _, g := range a.kids[c-a.first] {
			gd := a.tok(g).Dep
			if baseDep(gd) == "nmod" && gd != "nmod:poss" {
				return -1
			}
		}
		hasCase := false
		for _, g := range a.kids[c-a.first] {
			if baseDep(a.tok(g).Dep) == "case" {
				hasCase = true
			}
		}
		if !hasCase {
			return -1
		}
		return c
	}
	return -1
}

// included reports whether child c of t belongs to t's noun phrase.
func (a *analysis) included(t, c int) bool {
	dep := a.tok(c).Dep
	if a.punct(c) {
		return false
	}
	if dep == "nmod:desc" {
		return true // a title before a name: "Prime Minister Romendacil"
	}
	if internalDeps[dep] || internalDeps[baseDep(dep)] {
		if baseDep(dep) == "nmod" && dep != "nmod:poss" {
			return false
		}
		return true
	}
	switch baseDep(dep) {
	case "conj", "cc":
		return !a.nominal(t) // "awful and evil minister"
	case "nmod":
		return c == a.firstNmod(t)
	case "appos":
		// "Gryffindor's head Minerva McGonagall": an apposition without
		// a comma belongs to the phrase
		l := a.leftmost(c)
		return a.nominal(t) && l > a.first && !a.punct(l-1)
	}
	return false
}

// leftmost returns the first token of t's subtree.
func (a *analysis) leftmost(t int) int {
	l := t
	for _, c := range a.kids[t-a.first] {
		if x := a.leftmost(c); x < l {
			l = x
		}
	}
	return l
}

const maxVariants = 16

func product(xs, ys [][]int) [][]int {
	if len(ys) == 0 {
		return xs
	}
	if len(ys) == 1 {
		// the common case: extend every alternative in place (each owns
		// its slice)
		for i := range xs {
			xs[i] = append(xs[i], ys[0]...)
		}
		return xs
	}
	out := make([][]int, 0, len(xs)*len(ys))
	for _, x := range xs {
		for _, y := range ys {
			if len(out) >= maxVariants {
				return out
			}
			z := make([]int, 0, len(x)+len(y))
			z = append(append(z, x...), y...)
			out = append(out, z)
		}
	}
	return out
}

func (a *analysis) nominalConj(t int) []int {
	var cs []int
	for _, c := range a.kids[t-a.first] {
		if baseDep(a.tok(c).Dep) == "conj" && a.nominal(c) {
			cs = append(cs, c)
		}
	}
	return cs
}

// alts returns the token sets of the noun phrase headed by t: several
// when a modifier inside it is a compound ("the ambassadors of Arnor,
// Osgiliath and Gondor" stands for three phrases).
func (a *analysis) alts(t int) [][]int { return a.altsTop(t, false) }

// altsTop is alts; for the head of a top-level phrase (top) its case
// marker stays out: "on Wednesday" is the phrase "Wednesday".
func (a *analysis) altsTop(t int, top bool) [][]int {
	if !a.branches(t) {
		// the common case, one phrase: gather its tokens in one slice
		return [][]int{a.gather(t, top, make([]int, 0, 8))}
	}
	res := [][]int{{t}}
	for _, c := range a.kids[t-a.first] {
		if !a.included(t, c) {
			continue
		}
		if top && baseDep(a.tok(c).Dep) == "case" {
			continue
		}
		res = product(res, a.childAlts(c))
	}
	return res
}

// branches reports whether the phrase under t holds a compound modifier,
// so that it stands for several phrases.
func (a *analysis) branches(t int) bool {
	for _, c := range a.kids[t-a.first] {
		if !a.included(t, c) {
			continue
		}
		if (a.nominal(c) && len(a.nominalConj(c)) > 0) || a.branches(c) {
			return true
		}
	}
	return false
}

// gather appends t and the tokens of its phrase to buf.
func (a *analysis) gather(t int, top bool, buf []int) []int {
	buf = append(buf, t)
	for _, c := range a.kids[t-a.first] {
		if !a.included(t, c) || (top && baseDep(a.tok(c).Dep) == "case") {
			continue
		}
		buf = a.gather(c, false, buf)
	}
	return buf
}

// childAlts returns the token sets a dependent c contributes to its
// head's phrase: one per member when c is a compound ("of Arnor,
// Osgiliath and Gondor").
func (a *analysis) childAlts(c int) [][]int {
	if !a.nominal(c) || len(a.nominalConj(c)) == 0 {
		return a.alts(c)
	}
	ca := a.alts(c)
	var marks []int
	for _, g := range a.kids[c-a.first] {
		if baseDep(a.tok(g).Dep) == "case" {
			marks = append(marks, g)
		}
	}
	for _, cj := range a.nominalConj(c) {
		for _, x := range a.alts(cj) {
			ca = append(ca, append(append([]int(nil), marks...), x...))
		}
	}
	return ca
}

// listMembers returns the members of a list that a parser took for an
// apposition with its own conjuncts ("Mordor, the Shire, Arnor and
// Bree"): the apposition and its conjuncts.
func (a *analysis) listMembers(t int) []int {
	for _, c := range a.kids[t-a.first] {
		if baseDep(a.tok(c).Dep) == "appos" && a.nominal(c) && !a.included(t, c) {
			if cj := a.nominalConj(c); len(cj) > 0 {
				return append([]int{c}, cj...)
			}
		}
	}
	return nil
}

// build finds the noun phrases and compounds of the sentence and lays out
// its item sequence.
func (a *analysis) build(actors ActorFinder, newActorLength int) {
	n := a.last - a.first
	words := reuse(a.words, n)
	oldNmod := a.nmodCache
	a.words, a.nmodCache = nil, nil // stale from the sentence before
	for i := range words {
		words[i] = a.wordOf(a.first + i)
	}
	a.words = words
	if a.wordSet == nil {
		a.wordSet = make(map[string]struct{}, 2*n)
	}
	clear(a.wordSet)
	for _, w := range words {
		a.wordSet[w] = struct{}{}
	}
	// children lists share one backing array
	counts := reuse(a.counts, n)
	a.counts = counts
	for i := a.first; i < a.last; i++ {
		if h := a.tok(i).Head; h >= a.first && h < a.last && h != i {
			counts[h-a.first]++
		}
	}
	back := reuse(a.back, n)[:0]
	a.back = back
	a.kids = reuse(a.kids, n)
	for k, c := range counts {
		a.kids[k] = back[len(back) : len(back) : len(back)+c]
		back = back[:len(back)+c]
	}
	for i := a.first; i < a.last; i++ {
		if h := a.tok(i).Head; h >= a.first && h < a.last && h != i {
			a.kids[h-a.first] = append(a.kids[h-a.first], i)
		}
	}
	a.nmodCache = reuse(oldNmod, n)
	for i := range a.nmodCache {
		a.nmodCache[i] = -2
	}
	a.scratch = reuse(a.scratch, n)
	a.items = reuse(a.items, 2*n)[:0]
	a.nps = reuse(a.nps, n/2+1)[:0]
	a.comps = a.comps[:0]
	a.blocks = a.blocks[:0]
	// heads of top-level phrases
	covered := reuse(a.covered, n)
	a.covered = covered
	type top struct {
		head    int
		members [][]int
	}
	var tops []top
	for i := a.first; i < a.last; i++ {
		if !a.nominal(i) || covered[i-a.first] {
			continue
		}
		h := a.tok(i).Head
		if h >= a.first && h < a.last && h != i {
			if a.included(h, i) && a.inPhrase(h) {
				continue
			}
			if baseDep(a.tok(i).Dep) == "conj" && a.nominal(h) {
				continue // a member of h's compound
			}
		}
		members := a.altsTop(i, true)
		conj := a.nominalConj(i)
		list := false
		if len(conj) == 0 {
			conj = a.listMembers(i)
			list = len(conj) > 0
		}
		if len(conj) > 0 {
			var left, right [][]int
			last := conj[len(conj)-1]
			for _, c := range a.kids[i-a.first] {
				if !a.included(i, c) {
					continue
				}
				switch d := baseDep(a.tok(c).Dep); {
				case c < i && d != "det" && d != "case":
					left = product(orUnit(left), a.alts(c))
				case c > last && !list:
					right = product(orUnit(right), a.childAlts(c))
				}
			}
			for _, c := range conj {
				var ca [][]int
				if list {
					ca = [][]int{{c}}
					for _, g := range a.kids[c-a.first] {
						if d := baseDep(a.tok(g).Dep); d != "conj" && d != "cc" && a.included(c, g) {
							ca = product(ca, a.childAlts(g))
						}
					}
				} else {
					ca = a.altsTop(c, true)
				}
				if left != nil && !a.hasLeftMods(c) {
					ca = product(ca, left)
				}
				if right != nil {
					ca = product(ca, right)
				}
				members = append(members, ca...)
			}
		}
		for _, m := range members {
			for _, t := range m {
				covered[t-a.first] = true
			}
		}
		tops = append(tops, top{head: i, members: members})
	}
	a.inBlock = reuse(a.inBlock, n)
	for i := range a.inBlock {
		a.inBlock[i] = -1
	}
	for _, tp := range tops {
		b := block{first: a.last, last: -1, ne: -1, nec: -1, head: tp.head}
		var nes []int
		for _, m := range tp.members {
			sort.Ints(m)
			m = dedup(m)
			if m[0] < b.first {
				b.first = m[0]
			}
			if m[len(m)-1] > b.last {
				b.last = m[len(m)-1]
			}
			p := Phrase{Tokens: m, Head: tp.head}
			for _, t := range m {
				if a.possMarker(t) || a.punct(t) {
					continue
				}
				w := a.wordOf(t)
				if len(w) > 2 && (strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "’S")) {
					w = strings.TrimSuffix(strings.TrimSuffix(w, "'S"), "’S") // "Arnor's" as one token
				}
				p.Words = append(p.Words, w)
			}
			np := nphrase{Phrase: p, nec: -1}
			if len(p.Words) > 0 {
				np.ref, np.coded = actors.Actor(a.d, p)
			}
			if !np.coded && newActorLength > 0 && len(p.Words) > 0 && len(p.Words) <= newActorLength {
				np.ref = doc.Ref{Text: phraseText(a.d, p), Code: `"` + strings.Join(p.Words, " ") + `"`, Span: phraseSpan(a.d, p)}
				np.coded = true
			}
			a.nps = append(a.nps, np)
			nes = append(nes, len(a.nps)-1)
		}
		// a block may not swallow an earlier one
		overlap := false
		for t := b.first; t <= b.last; t++ {
			if a.inBlock[t-a.first] >= 0 {
				overlap = true
				break
			}
		}
		if overlap {
			a.nps = a.nps[:len(a.nps)-len(nes)]
			continue
		}
		if len(nes) == 1 {
			b.ne = nes[0]
		} else {
			a.comps = append(a.comps, compound{members: nes})
			b.nec = len(a.comps) - 1
			for _, x := range nes {
				a.nps[x].nec = b.nec
			}
		}
		a.blocks = append(a.blocks, b)
		for t := b.first; t <= b.last; t++ {
			a.inBlock[t-a.first] = len(a.blocks) - 1
		}
	}
	// lay out the items
	a.itemAt = reuse(a.itemAt, n)
	for i := a.first; i < a.last; i++ {
		bi := a.inBlock[i-a.first]
		if bi < 0 {
			a.itemAt[i-a.first] = len(a.items)
			w := a.wordOf(i)
			a.items = append(a.items, item{kind: itWord, word: w, tok: i, ne: -1, nec: -1, skip: isSkipWord(w)})
			continue
		}
		b := a.blocks[bi]
		a.itemAt[i-a.first] = -1
		if i != b.first {
			continue
		}
		a.itemAt[i-a.first] = len(a.items)
		if b.ne >= 0 {
			a.emitNE(b.ne, -1)
			continue
		}
		a.items = append(a.items, item{kind: itNECStart, ne: -1, nec: b.nec, tok: i})
		for _, x := range a.comps[b.nec].members {
			a.emitNE(x, b.nec)
		}
		a.items = append(a.items, item{kind: itNECEnd, ne: -1, nec: b.nec, tok: b.last})
	}
}

func orUnit(x [][]int) [][]int {
	if x == nil {
		return [][]int{{}}
	}
	return x
}

func (a *analysis) hasLeftMods(c int) bool {
	for _, g := range a.kids[c-a.first] {
		if g < c && a.included(c, g) {
			d := baseDep(a.tok(g).Dep)
			if d != "det" && d != "case" {
				return true
			}
		}
	}
	return false
}

// inPhrase reports whether token h heads or belongs to a noun phrase, so
// that its included dependents belong to that phrase.
func (a *analysis) inPhrase(h int) bool {
	for x := h; x >= a.first && x < a.last; {
		if a.nominal(x) {
			return true
		}
		p := a.tok(x).Head
		if p < a.first || p >= a.last || p == x || !a.included(p, x) {
			return false
		}
		x = p
	}
	return false
}

func dedup(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func (a *analysis) emitNE(x, nec int) {
	np := &a.nps[x]
	a.items = append(a.items, item{kind: itNEStart, ne: x, nec: nec, tok: np.Tokens[0]})
	for _, t := range np.Tokens {
		if a.possMarker(t) || a.punct(t) {
			continue
		}
		w := a.wordOf(t)
		a.items = append(a.items, item{kind: itWord, word: w, tok: t, ne: x, nec: nec, skip: isSkipWord(w)})
	}
	a.items = append(a.items, item{kind: itNEEnd, ne: x, nec: nec, tok: np.Tokens[len(np.Tokens)-1]})
}
