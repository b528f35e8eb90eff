package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/wirecoder/wirecoder/syntax/lemma"
)

// Model is a trained averaged-perceptron tagger. It predicts one joint
// label per word, a (UPOS, XPOS) pair, greedily from left to right. A Model
// is immutable once built and safe for concurrent use.
type Model struct {
	upos, xpos []string // label i is the pair (upos[i], xpos[i])
	tagdict    map[string]uint8

	// Feature table: open addressing with linear probing; keys[j] == 0
	// marks an empty slot, vals[j] is the feature's index.
	keys []uint64
	vals []uint32
	mask uint64
	// Feature fi's weights are labs/wts[off[fi]:off[fi+1]].
	off  []uint32
	labs []uint8
	wts  []float32

	lem *lemma.Lemmatizer // nil: lemma.Default()

	scratch sync.Pool // *scratch
}

// maxLabels bounds the label set so a label fits in a byte.
const maxLabels = 255

type scratch struct {
	ws     []wordInfo
	scores []float32
}

// Labels returns the model's label set as parallel UPOS and XPOS slices.
func (m *Model) Labels() (upos, xpos []string) {
	return append([]string(nil), m.upos...), append([]string(nil), m.xpos...)
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return len(m.off) - 1 }

// WithLemmatizer returns a copy of m whose Process uses l for lemmas
// instead of lemma.Default().
func (m *Model) WithLemmatizer(l *lemma.Lemmatizer) *Model {
	c := &Model{upos: m.upos, xpos: m.xpos, tagdict: m.tagdict, keys: m.keys, vals: m.vals,
		mask: m.mask, off: m.off, labs: m.labs, wts: m.wts, lem: l}
	return c
}

// feature is one feature's sparse weights while a model is being built.
type feature struct {
	key  uint64
	labs []uint8
	wts  []float32
}

// build assembles a model from labels, a tag dictionary and features.
func build(upos, xpos []string, tagdict map[string]uint8, feats []feature) *Model {
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })
	m := &Model{upos: upos, xpos: xpos, tagdict: tagdict}
	size := 1
	for size < 2*len(feats)+2 {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.vals = make([]uint32, size)
	m.mask = uint64(size - 1)
	m.off = make([]uint32, 0, len(feats)+1)
	n := 0
	for _, f := range feats {
		n += len(f.labs)
	}
	m.labs = make([]uint8, 0, n)
	m.wts = make([]float32, 0, n)
	for fi, f := range feats {
		m.off = append(m.off, uint32(len(m.labs)))
		m.labs = append(m.labs, f.labs...)
		m.wts = append(m.wts, f.wts...)
		j := f.key & m.mask
		for m.keys[j] != 0 {
			j = (j + 1) & m.mask
		}
		m.keys[j] = f.key
		m.vals[j] = uint32(fi)
	}
	m.off = append(m.off, uint32(len(m.labs)))
	return m
}

// lookup returns the index of feature key, or -1.
func (m *Model) lookup(key uint64) int {
	j := key & m.mask
	for {
		k := m.keys[j]
		if k == key {
			return int(m.vals[j])
		}
		if k == 0 {
			return -1
		}
		j = (j + 1) & m.mask
	}
}

func (m *Model) getScratch(n int) *scratch {
	s, _ := m.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]float32, len(m.upos))}
	}
	if cap(s.ws) < n+4 {
		s.ws = make([]wordInfo, n+4)
	}
	s.ws = s.ws[:n+4]
	return s
}

// prepare fills ws with the word properties of words and the padding.
func prepare(ws []wordInfo, words []string) {
	ws[0], ws[1] = padBefore, padBefore
	for i, w := range words {
		analyze(w, &ws[i+2])
	}
	ws[len(words)+2], ws[len(words)+3] = padAfter, padAfter
}

// Tag returns the UPOS and XPOS tags of a sentence's words.
func (m *Model) Tag(words []string) (upos, xpos []string) {
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	m.tagInto(words, func(i, label int) {
		upos[i], xpos[i] = m.upos[label], m.xpos[label]
	})
	return upos, xpos
}

// tagInto tags words and reports each word's label to set.
func (m *Model) tagInto(words []string, set func(i, label int)) {
	if len(words) == 0 || len(m.upos) == 0 {
		return
	}
	s := m.getScratch(len(words))
	defer m.scratch.Put(s)
	prepare(s.ws, words)
	var f [nFeatures]uint64
	p1, p2 := uint64(histStart1), uint64(histStart2)
	for i, w := range words {
		label, ok := m.tagdict[w]
		if !ok {
			extract(s.ws, i, p1, p2, &f)
			label = uint8(m.predict(&f, s.scores))
		}
		set(i, int(label))
		p2, p1 = p1, uint64(label)
	}
}

// predict returns the best label for features f.
func (m *Model) predict(f *[nFeatures]uint64, scores []float32) int {
	clear(scores)
	for _, k := range f {
		fi := m.lookup(k)
		if fi < 0 {
			continue
		}
		a, b := m.off[fi], m.off[fi+1]
		labs, wts := m.labs[a:b], m.wts[a:b]
		for j, l := range labs {
			scores[l] += wts[j]
		}
	}
	best := 0
	for l, s := range scores {
		if s > scores[best] {
			best = l
		}
	}
	return best
}

// The model file format, inside a gzip stream: the magic line, then
// uvarint-length-prefixed strings and uvarints:
//
//	magic, nlabels, (upos, xpos)*nlabels,
//	ndict, (word, label)*ndict (sorted by word),
//	nfeat, (key delta, nentries, (label, float32 bits)*nentries)*nfeat (sorted by key).
const magic = "wirecoder-tagger-v1\n"

// Error is a failure to read or write a model file.
type Error struct {
	Op  string // "load", "save" or "train"
	Msg string
	Err error
}

// Error formats the error with its operation.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("tagger %s: %s: %v", e.Op, e.Msg, e.Err)
	}
	return fmt.Sprintf("tagger %s: %s", e.Op, e.Msg)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Save writes the model to w as a gzip-compressed binary stream.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return &Error{Op: "save", Msg: "gzip", Err: err}
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	putU(uint64(len(m.upos)))
	for i := range m.upos {
		putS(m.upos[i])
		putS(m.xpos[i])
	}
	words := make([]string, 0, len(m.tagdict))
	for w := range m.tagdict {
		words = append(words, w)
	}
	sort.Strings(words)
	putU(uint64(len(words)))
	for _, w := range words {
		putS(w)
		putU(uint64(m.tagdict[w]))
	}
	// Features in key order.
	type kf struct {
		key uint64
		fi  int
	}
	fs := make([]kf, 0, m.NumFeatures())
	for j, k := range m.keys {
		if k != 0 {
			fs = append(fs, kf{k, int(m.vals[j])})
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].key < fs[j].key })
	putU(uint64(len(fs)))
	prev := uint64(0)
	for _, f := range fs {
		putU(f.key - prev)
		prev = f.key
		a, b := m.off[f.fi], m.off[f.fi+1]
		putU(uint64(b - a))
		for j := a; j < b; j++ {
			bw.WriteByte(m.labs[j])
			binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(m.wts[j]))
			bw.Write(buf[:4])
		}
	}
	if err := bw.Flush(); err != nil {
		return &Error{Op: "save", Msg: "write", Err: err}
	}
	if err := zw.Close(); err != nil {
		return &Error{Op: "save", Msg: "gzip", Err: err}
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &Error{Op: "load", Msg: "not a gzip stream", Err: err}
	}
	br := bufio.NewReader(zr)
	var off int64 // bytes read, for error positions
	fail := func(what string, err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, &Error{Op: "load", Msg: fmt.Sprintf("%s at byte %d", what, off), Err: err}
	}
	getU := func() (uint64, error) {
		v, err := binary.ReadUvarint(br)
		off += int64(uvarintLen(v))
		return v, err
	}
	getS := func() (string, error) {
		n, err := getU()
		if err != nil {
			return "", err
		}
		if n > 1<<16 {
			return "", fmt.Errorf("string length %d too long", n)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", err
		}
		off += int64(n)
		return string(b), nil
	}
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		if err == nil {
			err = errors.New("bad magic")
		}
		return fail("header", err)
	}
	off = int64(len(magic))
	nl, err := getU()
	if err != nil {
		return fail("label count", err)
	}
	if nl == 0 || nl > maxLabels {
		return fail("label count", fmt.Errorf("%d labels, want 1..%d", nl, maxLabels))
	}
	upos, xpos := make([]string, nl), make([]string, nl)
	for i := range upos {
		if upos[i], err = getS(); err != nil {
			return fail("label", err)
		}
		if xpos[i], err = getS(); err != nil {
			return fail("label", err)
		}
	}
	nd, err := getU()
	if err != nil {
		return fail("tag dictionary size", err)
	}
	if nd > 1<<24 {
		return fail("tag dictionary size", fmt.Errorf("%d entries", nd))
	}
	tagdict := make(map[string]uint8, nd)
	for range nd {
		w, err := getS()
		if err != nil {
			return fail("tag dictionary word", err)
		}
		l, err := getU()
		if err != nil {
			return fail("tag dictionary label", err)
		}
		if l >= nl {
			return fail("tag dictionary label", fmt.Errorf("label %d out of range", l))
		}
		tagdict[w] = uint8(l)
	}
	nf, err := getU()
	if err != nil {
		return fail("feature count", err)
	}
	if nf > 1<<26 {
		return fail("feature count", fmt.Errorf("%d features", nf))
	}
	feats := make([]feature, nf)
	key := uint64(0)
	var b4 [4]byte
	for i := range feats {
		d, err := getU()
		if err != nil {
			return fail("feature key", err)
		}
		key += d
		if key == 0 || (i > 0 && d == 0) {
			return fail("feature key", errors.New("keys not strictly increasing"))
		}
		n, err := getU()
		if err != nil {
			return fail("feature entries", err)
		}
		if n > nl {
			return fail("feature entries", fmt.Errorf("%d entries for %d labels", n, nl))
		}
		f := feature{key: key, labs: make([]uint8, n), wts: make([]float32, n)}
		for j := range f.labs {
			l, err := br.ReadByte()
			if err != nil {
				return fail("weight", err)
			}
			if uint64(l) >= nl {
				return fail("weight", fmt.Errorf("label %d out of range", l))
			}
			if _, err := io.ReadFull(br, b4[:]); err != nil {
				return fail("weight", err)
			}
			off += 5
			f.labs[j] = l
			f.wts[j] = math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
		}
		feats[i] = f
	}
	return build(upos, xpos, tagdict, feats), nil
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
