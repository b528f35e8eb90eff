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
// label per word, a (UPOS, XPOS) pair, greedily from left to right, in
// two passes: the second pass sees the first pass's tags of the words to
// the right. A Model is immutable once built and safe for concurrent use.
type Model struct {
	upos, xpos []string // label i is the pair (upos[i], xpos[i])
	tagdict    map[string]uint8
	passes     []*table // one or two
	// sure is the first-pass margin (in quantized weight units) above
	// which the second pass keeps the first pass's label; 0: never.
	sure int32

	lem *lemma.Lemmatizer // nil: lemma.Default()

	scratch *sync.Pool // *scratch
}

// sureMargin is the first-pass margin above which the second pass is
// skipped: 20 weight units. On EWT dev it skips most of the second pass's
// work (tokens per CPU-second 110k → 186k) for 0.0001 UPOS.
const sureMargin = 20 * quantScale

// maxLabels bounds the label set so a label fits in a byte.
const maxLabels = 255

type scratch struct {
	ws     []wordInfo
	q      []uint64
	labels []uint8
	sure   []bool // first-pass label kept: its margin was at least Model.sure
	scores []int32
	f      [nFeatures2]uint64
}

// slot is one entry of a table's open-addressing hash, kept to 8 bytes so
// that the hot table is small: bits 16-47 of a feature key (the low bits
// choose the slot) and the offset in table.ents of the feature's
// weights, which starts with their count. Offset 0 marks an empty slot.
type slot struct {
	fp, start uint32
}

// table holds one pass's weights: for each feature, a sparse list of
// (label, weight) entries packed as weight<<8 | label, with weights
// quantized to integers.
type table struct {
	slots []slot
	keys  []uint64 // full key of each slot, read only by Save
	mask  uint64
	ents  []uint32
	n     int // features
}

// feature is one feature's sparse weights while a table is being built.
type feature struct {
	key  uint64
	labs []uint8
	wts  []int32 // quantized
}

// quantScale maps averaged perceptron weights to the int16 range stored
// in model files; weights beyond ±32767/quantScale are clipped.
const quantScale = 32

func quantize(v float64) int32 {
	q := math.Round(v * quantScale)
	return int32(max(-32767, min(32767, q)))
}

// newTable assembles a table from features. Two keys that agree in the
// slot bits and bits 16-47 cannot both be stored; the later one (in
// key order) is dropped, which for 48-bit hashes of a few hundred
// thousand features does not happen in practice.
func newTable(feats []feature) *table {
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })
	size := 1
	for size < len(feats)*2+2 {
		size <<= 1
	}
	t := &table{slots: make([]slot, size), keys: make([]uint64, size), mask: uint64(size - 1)}
	n := 1
	for _, f := range feats {
		n += 1 + len(f.labs)
	}
	t.ents = make([]uint32, 1, n)
next:
	for _, f := range feats {
		fp := uint32(f.key >> 16)
		j := f.key & t.mask
		for t.slots[j].start != 0 {
			if t.slots[j].fp == fp && t.keys[j]&t.mask == f.key&t.mask {
				continue next
			}
			j = (j + 1) & t.mask
		}
		t.slots[j] = slot{fp, uint32(len(t.ents))}
		t.keys[j] = f.key
		t.ents = append(t.ents, uint32(len(f.labs)))
		for k, l := range f.labs {
			t.ents = append(t.ents, uint32(f.wts[k])<<8|uint32(l))
		}
		t.n++
	}
	return t
}

// score adds the weights of features f to scores. It first finds every
// feature's weights and then adds them, so that the memory loads of
// different features, which are independent, overlap.
func (t *table) score(f []uint64, scores []int32) {
	var found [nFeatures2]uint32
	n := 0
	for _, k := range f {
		fp := uint32(k >> 16)
		j := k & t.mask
		s := t.slots[j]
		for s.start != 0 && s.fp != fp {
			j = (j + 1) & t.mask
			s = t.slots[j]
		}
		if s.start != 0 {
			found[n] = s.start
			n++
		}
	}
	for _, a := range found[:n] {
		c := t.ents[a]
		for _, e := range t.ents[a+1 : a+1+c] {
			scores[e&0xff] += int32(e) >> 8
		}
	}
}

// features returns the table's features, sorted by key.
func (t *table) features() []feature {
	out := make([]feature, 0, t.n)
	for j, s := range t.slots {
		if s.start == 0 {
			continue
		}
		f := feature{key: t.keys[j]}
		c := t.ents[s.start]
		for _, e := range t.ents[s.start+1 : s.start+1+c] {
			f.labs = append(f.labs, uint8(e))
			f.wts = append(f.wts, int32(e)>>8)
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func newModel(upos, xpos []string, tagdict map[string]uint8, passes ...*table) *Model {
	return &Model{upos: upos, xpos: xpos, tagdict: tagdict, passes: passes, sure: sureMargin, scratch: &sync.Pool{}}
}

// Labels returns the model's label set as parallel UPOS and XPOS slices.
func (m *Model) Labels() (upos, xpos []string) {
	return append([]string(nil), m.upos...), append([]string(nil), m.xpos...)
}

// NumFeatures returns the number of features with weights, over all passes.
func (m *Model) NumFeatures() int {
	n := 0
	for _, t := range m.passes {
		n += t.n
	}
	return n
}

// WithLemmatizer returns a copy of m whose Process uses l for lemmas
// instead of lemma.Default().
func (m *Model) WithLemmatizer(l *lemma.Lemmatizer) *Model {
	c := *m
	c.lem = l
	return &c
}

func (m *Model) getScratch(n int) *scratch {
	s, _ := m.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]int32, len(m.upos))}
	}
	if cap(s.ws) < n+4 {
		s.ws = make([]wordInfo, n+4)
		s.q = make([]uint64, n+4)
		s.labels = make([]uint8, n)
		s.sure = make([]bool, n)
	}
	s.ws, s.q, s.labels, s.sure = s.ws[:n+4], s.q[:n+4], s.labels[:n], s.sure[:n]
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
	m.run(words, s, len(m.passes))
	for i, l := range s.labels {
		set(i, int(l))
	}
}

// run tags words with the first npass passes, leaving the labels in
// s.labels; s.ws must be prepared.
func (m *Model) run(words []string, s *scratch, npass int) {
	for pass := 0; pass < npass; pass++ {
		t := m.passes[pass]
		if pass > 0 {
			setHistory(s.q, s.labels)
		}
		p1, p2 := uint64(histStart1), uint64(histStart2)
		for i, w := range words {
			label, ok := m.tagdict[w]
			switch {
			case ok:
			case pass == 0:
				f := s.f[:nFeatures]
				extract(s.ws, i, p1, p2, f)
				l, margin := argmax(t, f, s.scores)
				label = uint8(l)
				s.sure[i] = m.sure > 0 && margin >= m.sure
			case s.sure[i]:
				label = s.labels[i]
			default:
				f := s.f[:nFeatures2]
				extract2(s.ws, s.q, i, p1, p2, f)
				l, _ := argmax(t, f, s.scores)
				label = uint8(l)
			}
			s.labels[i] = label
			p2, p1 = p1, uint64(label)
		}
	}
}

// setHistory copies labels into q with padding on both sides.
func setHistory(q []uint64, labels []uint8) {
	q[0], q[1] = histStart2, histStart1
	for i, l := range labels {
		q[i+2] = uint64(l)
	}
	q[len(labels)+2], q[len(labels)+3] = histEnd1, histEnd2
}

// argmax scores features f with t and returns the best label (the lowest
// one among ties) and its margin over the runner-up.
func argmax(t *table, f []uint64, scores []int32) (best int, margin int32) {
	clear(scores)
	t.score(f, scores)
	second := int32(math.MinInt32)
	for l, s := range scores {
		if s > scores[best] {
			second = scores[best]
			best = l
		} else if l != best && s > second {
			second = s
		}
	}
	if second == math.MinInt32 {
		return best, math.MaxInt32
	}
	return best, scores[best] - second
}

// The model file format, inside a gzip stream: the magic line, then
// uvarints and uvarint-length-prefixed strings:
//
//	magic, nlabels, (upos, xpos)*nlabels,
//	ndict, (word, label)*ndict (sorted by word),
//	npasses, per pass: nfeat, (key delta, nentries, (label, zigzag weight)*nentries)*nfeat
//
// with features sorted by key and weights quantized (see quantScale).
const magic = "wirecoder-tagger-v3\n"

// Error is a failure to train, read or write a model.
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
	putU(uint64(len(m.passes)))
	for _, t := range m.passes {
		fs := t.features()
		putU(uint64(len(fs)))
		prev := uint64(0)
		for _, f := range fs {
			putU(f.key - prev)
			prev = f.key
			putU(uint64(len(f.labs)))
			for j, l := range f.labs {
				bw.WriteByte(l)
				v := int64(f.wts[j])
				putU(uint64(v<<1) ^ uint64(v>>63))
			}
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

// countingReader counts the bytes read, for error positions.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &Error{Op: "load", Msg: "not a gzip stream", Err: err}
	}
	br := &countingReader{r: bufio.NewReader(zr)}
	fail := func(what string, err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, &Error{Op: "load", Msg: fmt.Sprintf("%s at byte %d of the uncompressed stream", what, br.n), Err: err}
	}
	getU := func() (uint64, error) { return binary.ReadUvarint(br) }
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
		return string(b), nil
	}
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		if err == nil {
			err = fmt.Errorf("header %q, want %q", mg, magic)
		}
		return fail("header", err)
	}
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
	np, err := getU()
	if err != nil {
		return fail("pass count", err)
	}
	if np < 1 || np > 2 {
		return fail("pass count", fmt.Errorf("%d passes, want 1 or 2", np))
	}
	var passes []*table
	for range np {
		nf, err := getU()
		if err != nil {
			return fail("feature count", err)
		}
		if nf > 1<<26 {
			return fail("feature count", fmt.Errorf("%d features", nf))
		}
		feats := make([]feature, nf)
		key := uint64(0)
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
			f := feature{key: key, labs: make([]uint8, n), wts: make([]int32, n)}
			for j := range f.labs {
				l, err := br.ReadByte()
				if err != nil {
					return fail("weight", err)
				}
				if uint64(l) >= nl {
					return fail("weight", fmt.Errorf("label %d out of range", l))
				}
				z, err := getU()
				if err != nil {
					return fail("weight", err)
				}
				v := int64(z>>1) ^ -int64(z&1)
				if v < -32767 || v > 32767 {
					return fail("weight", fmt.Errorf("weight %d out of range", v))
				}
				f.labs[j], f.wts[j] = l, int32(v)
			}
			feats[i] = f
		}
		passes = append(passes, newTable(feats))
	}
	return newModel(upos, xpos, tagdict, passes...), nil
}
