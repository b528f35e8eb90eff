package attrib

import (
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// Feature templates. Each feature is hashed from its template number and
// its value strings into the model's table; no strings are stored.
const (
	fBias uint8 = iota
	fWord
	fLemma
	fSuffix
	fShape
	fUPOS
	fXPOS
	fDep
	fHeadLemma
	fHeadDep
	fHeadUPOS
	fPrevLemma
	fNextLemma
	fPrevUPOS
	fNextUPOS
	fPrev2UPOS
	fNext2UPOS
	fUPOSDep
	fInQuote
	fQuoteMark
	fCue
	fCueUPOS
	fCueLemma
	fAnc
	fAncDepth
	fAncSide
	fNearCue
	fSentCue
	fSentQuote
	fSentPos
	fNER
	fMention
	fMentionSubj
	fDepHeadCue
	fPrevLemmaCue
	fChildCcomp
	fAncDir
	fWordUPOSQuote
	fHeadDepLemma
	fGrandHead
	fBigramPrev
	fBigramNext
	fAncLemma
	fChildren
	fWordHeadLemma
	fWordPos
	fWordPrevShape
	fParaStart
	fVerbAnc
	fVerbAncRel
	fLemmaKids
	fLemmaQuote
	fLemmaAncRel
	fArgSize
	fArgSizeLemma
	fSubjKind
	fSubjKindLemma
)

// extractor computes the features of the tokens of one story.
type extractor struct {
	d       *doc.Doc
	mask    uint32
	cue     []int8  // lexicon class of each token, 0 for none
	inQ     []bool  // inside quotation marks
	anc     []int32 // nearest cue ancestor within maxAnc steps, or -1
	ancRel  []string
	ancDep  []uint8
	near    []int8 // signed bucketed distance to the nearest cue in the sentence
	sentCue []bool
	sentQ   []bool
	mention []int8  // mention kind+1 at each token, 0 for none
	ccomp   []bool  // the token has a ccomp/xcomp/parataxis child
	kids    []uint8 // bit set of the token's children's relations (kidBits)
	// Hashes of each token's lower-cased word, lemma, UPOS and relation,
	// computed once so that features combine them cheaply.
	hw, hl, hu, hd []uint32
	// The nearest verb ancestor within maxAnc steps (any verb, so that
	// cues the lexicon lacks are learned from data), or -1, and the
	// relation of the child on the path to it.
	vanc    []int32
	vancRel []uint32
	argSize []uint8 // bucketed size of the token's largest clausal or object dependent's subtree
	subj    []int8  // mention kind+1 of the token's nsubj dependent, 0 for none
}

// kidBits are the child relations recorded for each token.
var kidBits = map[string]uint8{"nsubj": 1, "ccomp": 2, "xcomp": 4, "obj": 8, "mark": 16, "parataxis": 32, "obl": 64, "aux": 128}

const maxAnc = 6

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "''", "``", "«", "»", "‘", "’", "'":
		return true
	}
	return false
}

func newExtractor(d *doc.Doc, lex Lexicon, bits uint8) *extractor {
	n := len(d.Tokens)
	x := &extractor{d: d, mask: 1<<bits - 1,
		cue: make([]int8, n), inQ: make([]bool, n), anc: make([]int32, n), ancRel: make([]string, n),
		ancDep: make([]uint8, n), near: make([]int8, n), sentCue: make([]bool, len(d.Sentences)),
		sentQ: make([]bool, len(d.Sentences)), mention: make([]int8, n), ccomp: make([]bool, n), kids: make([]uint8, n)}
	x.hw, x.hl, x.hu, x.hd = make([]uint32, n), make([]uint32, n), make([]uint32, n), make([]uint32, n)
	for i, t := range d.Tokens {
		x.hw[i] = uint32(newHash(0).str(d.TokenText(i)))
		lemma := t.Lemma
		if lemma == "" {
			lemma = t.Norm
		}
		x.hl[i] = uint32(newHash(0).str(lemma))
		x.hu[i] = uint32(newHash(0).str(t.UPOS))
		x.hd[i] = uint32(newHash(0).str(baseDep(t.Dep)))
		if lex != nil {
			c := lex(t.Norm, t.Lemma)
			if c > 100 {
				c = 100
			}
			x.cue[i] = int8(c)
		}
		if h := t.Head; h >= 0 && h < n && h != i {
			x.kids[h] |= kidBits[baseDep(t.Dep)]
			switch baseDep(t.Dep) {
			case "ccomp", "xcomp", "parataxis":
				x.ccomp[h] = true
			}
		}
	}
	// Quotation marks: a straight mark toggles, curly ones open and close;
	// a new paragraph closes what is open.
	open, para := false, -1
	for i, t := range d.Tokens {
		if s := t.Sent; s >= 0 && s < len(d.Sentences) && d.Sentences[s].Paragraph != para {
			para = d.Sentences[s].Paragraph
			open = false
		}
		tx := d.TokenText(i)
		if isQuoteMark(tx) && tx != "'" && tx != "’" {
			switch tx {
			case "“", "``", "«":
				open = true
			case "”", "''", "»":
				open = false
			default:
				open = !open
			}
			x.inQ[i] = true
			continue
		}
		x.inQ[i] = open
	}
	for i := range d.Tokens {
		x.anc[i] = -1
		child := i
		for h, k := d.Tokens[i].Head, 1; h >= 0 && h < n && k <= maxAnc; h, k = d.Tokens[h].Head, k+1 {
			if x.cue[h] > 0 {
				x.anc[i] = int32(h)
				x.ancRel[i] = baseDep(d.Tokens[child].Dep)
				x.ancDep[i] = uint8(k)
				break
			}
			if h == d.Tokens[h].Head {
				break
			}
			child = h
		}
	}
	x.vanc, x.vancRel = make([]int32, n), make([]uint32, n)
	for i := range d.Tokens {
		x.vanc[i] = -1
		child := i
		for h, k := d.Tokens[i].Head, 1; h >= 0 && h < n && k <= maxAnc; h, k = d.Tokens[h].Head, k+1 {
			if d.Tokens[h].UPOS == "VERB" {
				x.vanc[i] = int32(h)
				x.vancRel[i] = x.hd[child]
				break
			}
			if h == d.Tokens[h].Head {
				break
			}
			child = h
		}
	}
	for s, se := range d.Sentences {
		last := -1
		for i := se.First; i < se.Last && i < n; i++ {
			if x.cue[i] > 0 {
				x.sentCue[s] = true
				last = i
			}
			if isQuoteMark(d.TokenText(i)) {
				x.sentQ[s] = true
			}
			if last >= 0 {
				x.near[i] = int8(-bucket(i - last))
			}
		}
		last = -1
		for i := se.Last - 1; i >= se.First && i >= 0; i-- {
			if i >= n {
				continue
			}
			if x.cue[i] > 0 {
				last = i
			}
			if last >= 0 && (x.near[i] == 0 || bucket(last-i) <= -int(x.near[i])) && last != i {
				x.near[i] = int8(bucket(last - i))
			}
		}
	}
	for _, m := range d.Mentions {
		for i := m.First; i < m.Last && i < n; i++ {
			if i >= 0 && x.mention[i] == 0 {
				x.mention[i] = int8(m.Kind) + 1
			}
		}
	}
	// Subtree sizes: each token adds one to itself and every ancestor
	// (bounded walk, so a cyclic parse cannot loop).
	size := make([]int32, n)
	for i := range d.Tokens {
		for h, k := i, 0; h >= 0 && h < n && k < 64; h, k = d.Tokens[h].Head, k+1 {
			size[h]++
			if d.Tokens[h].Head == h {
				break
			}
		}
	}
	x.argSize, x.subj = make([]uint8, n), make([]int8, n)
	best := make([]int32, n)
	for i, t := range d.Tokens {
		h := t.Head
		if h < 0 || h >= n || h == i {
			continue
		}
		switch baseDep(t.Dep) {
		case "ccomp", "xcomp", "obj", "obl", "parataxis", "advcl", "acl", "nmod":
			if size[i] > best[h] {
				best[h] = size[i]
			}
		case "nsubj":
			if x.subj[h] == 0 {
				x.subj[h] = x.mention[i]
				if x.subj[h] == 0 {
					x.subj[h] = -1
				}
			}
		}
	}
	for i := range best {
		x.argSize[i] = uint8(bucket(int(best[i])))
	}
	return x
}

// bucket maps a distance to a small number: 0 for 0, then 1, 2, 3, 4 (4-5),
// 5 (6-10), 6 (11-20), 7 beyond.
func bucket(k int) int {
	switch {
	case k <= 3:
		return k
	case k <= 5:
		return 4
	case k <= 10:
		return 5
	case k <= 20:
		return 6
	}
	return 7
}

func baseDep(dep string) string {
	if k := strings.IndexByte(dep, ':'); k >= 0 {
		return dep[:k]
	}
	return dep
}

// hasher is FNV-1a over a template number and value strings.
type hasher uint32

func newHash(t uint8) hasher { return hasher((2166136261 ^ uint32(t)) * 16777619) }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ hasher(c)) * 16777619
	}
	return (h ^ 0xff) * 16777619
}

// key mixes in a precomputed string hash.
func (h hasher) key(k uint32) hasher {
	for b := 0; b < 4; b++ {
		h = (h ^ hasher(k>>(8*b)&0xff)) * 16777619
	}
	return h
}

func (h hasher) num(v int) hasher {
	return (h ^ hasher(uint32(v)&0xff) ^ 0x100) * 16777619
}

func shape(s string) int {
	if s == "" {
		return 0
	}
	c := s[0]
	switch {
	case 'A' <= c && c <= 'Z':
		if len(s) > 1 && strings.ToUpper(s) == s {
			return 1
		}
		return 2
	case 'a' <= c && c <= 'z':
		return 3
	case '0' <= c && c <= '9':
		return 4
	case c >= 0x80:
		return 5
	}
	return 6
}

// boundary is the hash of the position before or after the story.
var boundary = uint32(newHash(0).str("<s>"))

func (x *extractor) lemmaH(i int) uint32 {
	if i < 0 || i >= len(x.hl) {
		return boundary
	}
	return x.hl[i]
}

func (x *extractor) uposH(i int) uint32 {
	if i < 0 || i >= len(x.hu) {
		return boundary
	}
	return x.hu[i]
}

// features appends the feature rows of token i to buf.
func (x *extractor) features(i int, buf []uint32) []uint32 {
	d := x.d
	t := &d.Tokens[i]
	add := func(h hasher) { buf = append(buf, uint32(h)&x.mask) }
	word := d.TokenText(i)
	add(newHash(fBias))
	add(newHash(fWord).key(x.hw[i]))
	add(newHash(fLemma).key(x.hl[i]))
	if len(word) > 3 {
		add(newHash(fSuffix).str(word[len(word)-3:]))
	}
	add(newHash(fShape).num(shape(word)))
	if i > 0 {
		add(newHash(fWordPrevShape).key(x.hw[i]).num(shape(d.TokenText(i - 1))))
	}
	add(newHash(fUPOS).key(x.hu[i]))
	add(newHash(fXPOS).str(t.XPOS))
	add(newHash(fDep).key(x.hd[i]))
	add(newHash(fUPOSDep).key(x.hu[i]).key(x.hd[i]))
	if h := t.Head; h >= 0 && h < len(d.Tokens) {
		add(newHash(fHeadLemma).key(x.lemmaH(h)))
		add(newHash(fHeadDep).key(x.hd[h]).key(x.hd[i]))
		add(newHash(fHeadUPOS).key(x.hu[h]).key(x.hd[i]))
		add(newHash(fDepHeadCue).key(x.hd[i]).num(int(x.cue[h])))
		add(newHash(fHeadDepLemma).key(x.hd[i]).key(x.lemmaH(h)))
		add(newHash(fWordHeadLemma).key(x.hl[i]).key(x.lemmaH(h)))
		if g := d.Tokens[h].Head; g >= 0 && g < len(d.Tokens) {
			add(newHash(fGrandHead).key(x.hd[i]).key(x.hd[h]).key(x.lemmaH(g)))
		}
	} else {
		add(newHash(fHeadLemma).str("<root>"))
	}
	add(newHash(fPrevLemma).key(x.lemmaH(i - 1)))
	add(newHash(fNextLemma).key(x.lemmaH(i + 1)))
	add(newHash(fBigramPrev).key(x.lemmaH(i - 1)).key(x.hl[i]))
	add(newHash(fBigramNext).key(x.hl[i]).key(x.lemmaH(i + 1)))
	add(newHash(fChildren).num(int(x.kids[i])))
	add(newHash(fPrevUPOS).key(x.uposH(i - 1)).key(x.hu[i]))
	add(newHash(fNextUPOS).key(x.hu[i]).key(x.uposH(i + 1)))
	add(newHash(fPrev2UPOS).key(x.uposH(i - 2)).key(x.uposH(i - 1)))
	add(newHash(fNext2UPOS).key(x.uposH(i + 1)).key(x.uposH(i + 2)))
	q := 0
	if x.inQ[i] {
		q = 1
	}
	add(newHash(fInQuote).num(q))
	add(newHash(fWordUPOSQuote).key(x.hu[i]).num(q))
	add(newHash(fLemmaQuote).key(x.hl[i]).num(q))
	if isQuoteMark(word) {
		add(newHash(fQuoteMark).key(x.hw[i]).num(q))
	}
	if c := x.cue[i]; c > 0 {
		add(newHash(fCue).num(int(c)))
		add(newHash(fCueUPOS).num(int(c)).key(x.hu[i]))
	}
	if i > 0 && x.cue[i-1] > 0 {
		add(newHash(fPrevLemmaCue).key(x.hd[i]))
	}
	if v := x.vanc[i]; v >= 0 {
		add(newHash(fVerbAnc).key(x.vancRel[i]).key(x.hl[v]))
		add(newHash(fVerbAncRel).key(x.vancRel[i]).key(x.hu[i]))
		add(newHash(fLemmaAncRel).key(x.vancRel[i]).key(x.hl[i]))
	}
	if t.UPOS == "VERB" || t.UPOS == "NOUN" {
		add(newHash(fLemmaKids).key(x.hl[i]).num(int(x.kids[i] & 0x3f)))
	}
	if x.ccomp[i] {
		add(newHash(fChildCcomp).num(int(x.cue[i])))
	}
	if t.UPOS == "VERB" || t.UPOS == "NOUN" || t.UPOS == "ADJ" {
		sk := 0
		if x.subj[i] != 0 {
			sk = 1
		}
		add(newHash(fArgSize).key(x.hu[i]).num(int(x.argSize[i])).num(sk))
		add(newHash(fArgSizeLemma).key(x.hl[i]).num(int(x.argSize[i])))
		add(newHash(fSubjKind).key(x.hu[i]).num(int(x.subj[i]) + 1).num(int(x.kids[i] & 0x26)))
		add(newHash(fSubjKindLemma).key(x.hl[i]).num(int(x.subj[i]) + 1))
	}
	if a := x.anc[i]; a >= 0 {
		add(newHash(fAnc).str(x.ancRel[i]))
		add(newHash(fAncDepth).str(x.ancRel[i]).num(int(x.ancDep[i])))
		dir := 0
		if int(a) > i {
			dir = 1
		}
		add(newHash(fAncDir).str(x.ancRel[i]).num(dir))
		add(newHash(fAncSide).str(x.ancRel[i]).key(x.hu[i]))
		add(newHash(fAncLemma).str(x.ancRel[i]).key(x.lemmaH(int(a))))
	} else {
		add(newHash(fAnc).str("<none>"))
	}
	add(newHash(fNearCue).num(int(x.near[i]) + 8))
	if s := t.Sent; s >= 0 && s < len(d.Sentences) {
		se := d.Sentences[s]
		c, qq := 0, 0
		if x.sentCue[s] {
			c = 1
		}
		if x.sentQ[s] {
			qq = 1
		}
		add(newHash(fSentCue).num(c).num(q))
		add(newHash(fSentQuote).num(qq).num(c))
		pos := 2
		switch {
		case i == se.First:
			pos = 0
		case i == se.First+1:
			pos = 1
		case i == se.Last-1:
			pos = 3
		case i == se.Last-2:
			pos = 4
		}
		add(newHash(fSentPos).num(pos))
		if t.UPOS == "PUNCT" || t.UPOS == "ADP" || x.cue[i] > 0 {
			add(newHash(fWordPos).key(x.hw[i]).num(bucket(i - se.First)))
		}
		if i == se.First && (s == 0 || d.Sentences[s-1].Paragraph != se.Paragraph) {
			add(newHash(fParaStart).key(x.hu[i]))
		}
	}
	ner := t.NER
	if ner == "" {
		ner = "O"
	}
	add(newHash(fNER).str(ner))
	if m := x.mention[i]; m > 0 {
		add(newHash(fMention).num(int(m)))
		add(newHash(fMentionSubj).num(int(m)).key(x.hd[i]))
	}
	return buf
}
