package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the FNV-1a hash of its template
// number and its strings; the model maps hashes to weight rows. Changing a
// template's number or strings invalidates trained models.
const (
	fBias = iota
	fWord
	fLower
	fShape
	fShort
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrev1
	fNext1
	fPrev2
	fNext2
	fShapePrevCur
	fShapeCurNext
	fShort3
	fBiPrev
	fBiNext
	fFirstShape
	fGzExact
	fGzLower
	fGzBegin
	fGzInside
	fGzPrevExact
	fGzNextExact
	fGzPrevSpan
	fGzNextSpan
	fLen
	fSentCase
	fPrevWord // retired (it did worse on dev); kept so that the numbers stay stable
	fNextWord // retired, as fPrevWord
	fGzLBegin
	fGzLInside
	fRunFirst
	fRunLast
	fRunPos
	fCl4
	fCl6
	fCl10
	fCl20
	fClPrev
	fClNext
)

// Positions in extract's feature list of the word's identity features.
const (
	lexWord  = 1
	lexLower = 2
)

// featBuf holds the per-token values that features are built from, reused
// between sentences.
type featBuf struct {
	lower, shape, short []string
	exact, low          []uint16
	begin, inside       []uint16
	lbegin, linside     []uint16
	runStart, runEnd    []int    // the capitalised run holding each token, or -1
	cl                  []string // the cluster path of each token, or ""
	feats               []uint64
}

func (b *featBuf) reset(n int) {
	grow := func(s []string) []string {
		if cap(s) < n {
			return make([]string, n)
		}
		return s[:n]
	}
	grow16 := func(s []uint16) []uint16 {
		if cap(s) < n {
			return make([]uint16, n)
		}
		return s[:n]
	}
	b.lower, b.shape, b.short, b.cl = grow(b.lower), grow(b.shape), grow(b.short), grow(b.cl)
	b.exact, b.low, b.begin, b.inside = grow16(b.exact), grow16(b.low), grow16(b.begin), grow16(b.inside)
	b.lbegin, b.linside = grow16(b.lbegin), grow16(b.linside)
	growI := func(s []int) []int {
		if cap(s) < n {
			return make([]int, n)
		}
		return s[:n]
	}
	b.runStart, b.runEnd = growI(b.runStart), growI(b.runEnd)
}

const (
	hashSeed  uint64 = 14695981039346656037
	hashPrime uint64 = 1099511628211
)

func hStart(tpl int) uint64 {
	h := hashSeed
	h ^= uint64(tpl)
	h *= hashPrime
	return h
}

func hStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashPrime
	}
	h ^= 0x1f
	h *= hashPrime
	return h
}

func hInt(h uint64, v int) uint64 {
	h ^= uint64(v) + 0x100
	h *= hashPrime
	return h
}

// shape maps a word to its character classes: "Xxxx", "XX", "dd.d".
// Runs longer than four collapse.
func wordShape(w string) (full, short string) {
	var fb, sb strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'l'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			fb.WriteRune(c)
		}
		if run == 1 {
			sb.WriteRune(c)
		}
		last = c
	}
	return fb.String(), sb.String()
}

// prefix and suffix return the first/last n runes of s, or s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return s
		}
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// sentCase classifies a sentence by its capitalisation: 0 mixed, 1 headline
// (most words capitalised), 2 all lower case, 3 all upper case.
func sentCase(words []string) int {
	var letters, caps, upper, lower int
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case strings.ToUpper(w) == w:
			upper++
			caps++
		case unicode.IsUpper(r):
			caps++
		case strings.ToLower(w) == w:
			lower++
		}
	}
	switch {
	case letters < 3:
		return 0
	case upper == letters:
		return 3
	case lower == letters:
		return 2
	case caps*5 >= letters*4:
		return 1
	}
	return 0
}

// extract computes the features of every token of words and calls emit
// with the token index and its feature hashes (a buffer reused between
// calls). g and cl may be nil.
func extract(g *Gazetteer, cl *Clusters, words []string, b *featBuf, emit func(i int, feats []uint64)) {
	n := len(words)
	b.reset(n)
	for i, w := range words {
		b.lower[i] = strings.ToLower(w)
		b.shape[i], b.short[i] = wordShape(w)
		b.cl[i] = cl.Path(b.lower[i])
		if g != nil {
			b.exact[i] = bits(g.exact, seqHash(seqSeed, w))
			b.low[i] = bits(g.lower, seqHash(seqSeed, b.lower[i]))
		}
	}
	if g != nil {
		g.match(words, b.begin, b.inside)
		matchSeq(g.lseq, b.lower, b.lbegin, b.linside)
	} else {
		clear(b.begin)
		clear(b.inside)
		clear(b.lbegin)
		clear(b.linside)
		clear(b.exact)
		clear(b.low)
	}
	sc := sentCase(words)
	capRuns(words, b.runStart, b.runEnd)
	at := func(s []string, i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return s[i]
	}
	at16 := func(s []uint16, i int) uint16 {
		if i < 0 || i >= n {
			return 0
		}
		return s[i]
	}
	for i, w := range words {
		f := b.feats[:0]
		lw := b.lower[i]
		f = append(f,
			hStart(fBias),
			hStr(hStart(fWord), w),
			hStr(hStart(fLower), lw),
			hStr(hStart(fShape), b.shape[i]),
			hStr(hStart(fShort), b.short[i]),
			hStr(hStart(fPre1), prefix(lw, 1)),
			hStr(hStart(fPre2), prefix(lw, 2)),
			hStr(hStart(fPre3), prefix(lw, 3)),
			hStr(hStart(fPre4), prefix(lw, 4)),
			hStr(hStart(fSuf1), suffix(lw, 1)),
			hStr(hStart(fSuf2), suffix(lw, 2)),
			hStr(hStart(fSuf3), suffix(lw, 3)),
			hStr(hStart(fSuf4), suffix(lw, 4)),
			hStr(hStart(fPrev1), at(b.lower, i-1)),
			hStr(hStart(fNext1), at(b.lower, i+1)),
			hStr(hStart(fPrev2), at(b.lower, i-2)),
			hStr(hStart(fNext2), at(b.lower, i+2)),
			hStr(hStr(hStart(fShapePrevCur), at(b.short, i-1)), b.shape[i]),
			hStr(hStr(hStart(fShapeCurNext), b.shape[i]), at(b.short, i+1)),
			hStr(hStr(hStr(hStart(fShort3), at(b.short, i-1)), b.short[i]), at(b.short, i+1)),
			hStr(hStr(hStart(fBiPrev), at(b.lower, i-1)), lw),
			hStr(hStr(hStart(fBiNext), lw), at(b.lower, i+1)),
			hInt(hStr(hStart(fSentCase), b.short[i]), sc),
		)
		if i == 0 {
			f = append(f, hStr(hStart(fFirstShape), b.short[i]))
		}
		l := utf8.RuneCountInString(w)
		if l > 6 {
			l = 6
		}
		f = append(f, hInt(hStart(fLen), l))
		for t := 0; t < numGz; t++ {
			bit := uint16(1) << t
			if b.exact[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzExact), t))
			}
			if b.low[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzLower), t))
			}
			if b.begin[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzBegin), t))
			}
			if b.inside[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzInside), t))
			}
			if b.lbegin[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzLBegin), t))
			}
			if b.linside[i]&bit != 0 {
				f = append(f, hInt(hStart(fGzLInside), t))
			}
			if at16(b.exact, i-1)&bit != 0 {
				f = append(f, hInt(hStart(fGzPrevExact), t))
			}
			if at16(b.exact, i+1)&bit != 0 {
				f = append(f, hInt(hStart(fGzNextExact), t))
			}
			if (at16(b.begin, i-1)|at16(b.inside, i-1))&bit != 0 {
				f = append(f, hInt(hStart(fGzPrevSpan), t))
			}
			if (at16(b.begin, i+1)|at16(b.inside, i+1))&bit != 0 {
				f = append(f, hInt(hStart(fGzNextSpan), t))
			}
		}
		if rs := b.runStart[i]; rs >= 0 {
			re := b.runEnd[i]
			pos := 1 // inside
			switch {
			case re-rs == 1:
				pos = 0 // alone
			case i == rs:
				pos = 2 // first
			case i == re-1:
				pos = 3 // last
			}
			f = append(f,
				hInt(hStr(hStart(fRunFirst), b.lower[rs]), pos),
				hInt(hStr(hStart(fRunLast), b.lower[re-1]), pos),
				hInt(hInt(hStart(fRunPos), min(re-rs, 5)), pos))
		}
		if p := b.cl[i]; p != "" {
			f = append(f,
				hStr(hStart(fCl4), prefix(p, 4)),
				hStr(hStart(fCl6), prefix(p, 6)),
				hStr(hStart(fCl10), prefix(p, 10)),
				hStr(hStart(fCl20), p))
		}
		if i > 0 && b.cl[i-1] != "" {
			f = append(f, hStr(hStart(fClPrev), prefix(b.cl[i-1], 6)))
		}
		if i+1 < n && b.cl[i+1] != "" {
			f = append(f, hStr(hStart(fClNext), prefix(b.cl[i+1], 6)))
		}
		b.feats = f
		emit(i, f)
	}
}

// capRuns finds the runs of capitalised words, which may hold the
// connectors "of", "and", "&", "-", "for", "de", "the" between capitalised
// words ("Department of Housing and Urban Development"), and sets, for each
// token in a run of two or more tokens or a lone capitalised token, the
// run's bounds [start, end); other tokens get -1.
func capRuns(words []string, start, end []int) {
	n := len(words)
	isCap := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) || (unicode.IsDigit(r) && len(w) > 1 && strings.ToLower(w) != w)
	}
	isConn := func(w string) bool {
		switch w {
		case "of", "and", "&", "-", "for", "de", "the", "on", "'s":
			return true
		}
		return false
	}
	for i := 0; i < n; i++ {
		start[i], end[i] = -1, -1
	}
	for i := 0; i < n; {
		if !isCap(words[i]) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if isCap(words[j]) {
				j++
				continue
			}
			// A connector continues the run only when a capitalised word follows.
			k := j
			for k < n && isConn(words[k]) && k-j < 2 {
				k++
			}
			if k > j && k < n && isCap(words[k]) {
				j = k + 1
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			start[k], end[k] = i, j
		}
		i = j
	}
}
