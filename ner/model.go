package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/pipeline"
)

// Model is a trained recognizer. It is immutable and safe for concurrent
// use.
type Model struct {
	gaz *Gazetteer
	cl  *Clusters // word clusters, or nil
	// rows maps a feature hash to its row in weights.
	rows *featTable
	// keys are the feature hashes, in row order.
	keys []uint64
	// weights holds numLabels weights per feature row.
	weights []float32
	// trans[p*numLabels+y] is the weight of label y after label p; p ==
	// numLabels is the sentence start.
	trans [(numLabels + 1) * numLabels]float32
	// oPenalty is subtracted from the score of O at every token.
	oPenalty float32
	// Info describes how the model was trained.
	info string
	pool sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	fb    featBuf
	score []float32 // n*numLabels emission scores
	delta []float32
	back  []int8
}

// allowed[p][y] reports whether label y may follow label p under IOB2
// (p == numLabels is the sentence start): I-X only after B-X or I-X.
var allowed = func() (a [numLabels + 1][numLabels]bool) {
	for p := 0; p <= numLabels; p++ {
		for y := 0; y < numLabels; y++ {
			ok := true
			if y%2 == 0 && y > 0 { // I-X
				ok = p < numLabels && p > 0 && (p == y || p == y-1)
			}
			a[p][y] = ok
		}
	}
	return a
}()

// Info returns a one-line description of how the model was trained.
func (m *Model) Info() string { return m.info }

// NumFeatures returns the number of weighted features.
func (m *Model) NumFeatures() int { return len(m.keys) }

// Tag returns one IOB2 tag per word: "B-PER", "I-PER", "B-ORG", "I-ORG",
// "B-LOC", "I-LOC" or "O". The tags always form valid IOB2.
func (m *Model) Tag(words []string) []string {
	ids := m.tagIDs(words)
	out := make([]string, len(ids))
	for i, y := range ids {
		out[i] = labels[y]
	}
	return out
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// tagIDs returns the best label index sequence for words.
func (m *Model) tagIDs(words []string) []int {
	n := len(words)
	if n == 0 {
		return nil
	}
	s := m.getScratch()
	defer m.pool.Put(s)
	if cap(s.score) < n*numLabels {
		s.score = make([]float32, n*numLabels)
		s.delta = make([]float32, n*numLabels)
		s.back = make([]int8, n*numLabels)
	}
	score := s.score[:n*numLabels]
	clear(score)
	extract(m.gaz, m.cl, words, &s.fb, func(i int, feats []uint64) {
		row := score[i*numLabels : (i+1)*numLabels]
		for _, h := range feats {
			r, ok := m.rows.get(h)
			if !ok {
				continue
			}
			w := m.weights[int(r)*numLabels : int(r)*numLabels+numLabels]
			for y := range row {
				row[y] += w[y]
			}
		}
		row[0] -= m.oPenalty
	})
	return viterbi(score, &m.trans, n, s.delta[:n*numLabels], s.back[:n*numLabels])
}

// viterbi returns the best IOB2-valid label sequence given emission scores
// (n rows of numLabels) and transition weights.
func viterbi(score []float32, trans *[(numLabels + 1) * numLabels]float32, n int, delta []float32, back []int8) []int {
	neg := float32(math.Inf(-1))
	for y := 0; y < numLabels; y++ {
		if allowed[numLabels][y] {
			delta[y] = score[y] + trans[numLabels*numLabels+y]
		} else {
			delta[y] = neg
		}
		back[y] = -1
	}
	for i := 1; i < n; i++ {
		for y := 0; y < numLabels; y++ {
			best, arg := neg, 0
			for p := 0; p < numLabels; p++ {
				if !allowed[p][y] {
					continue
				}
				v := delta[(i-1)*numLabels+p] + trans[p*numLabels+y]
				if v > best {
					best, arg = v, p
				}
			}
			delta[i*numLabels+y] = best + score[i*numLabels+y]
			back[i*numLabels+y] = int8(arg)
		}
	}
	out := make([]int, n)
	best, arg := neg, 0
	for y := 0; y < numLabels; y++ {
		if v := delta[(n-1)*numLabels+y]; v > best {
			best, arg = v, y
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*numLabels+arg])
	}
	return out
}

// Requires is the set of layers Process reads; Assigns the one it adds.
const (
	Requires = doc.LayerTokens | doc.LayerSentences
	Assigns  = doc.LayerNER
)

// Process tags every sentence of d, reading Token.Norm (the token's text
// when Norm is empty), and sets Token.NER to an IOB2 tag. Tokens outside
// any sentence get "O". A sentence whose token range is out of bounds is
// an error. On success Process adds doc.LayerNER to d.Layers.
func (m *Model) Process(ctx context.Context, d *doc.Doc) error {
	for i := range d.Tokens {
		d.Tokens[i].NER = "O"
	}
	var words []string
	for si, s := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return &Error{Op: "process", File: d.ID, Err: err}
		}
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return &Error{Op: "process", File: d.ID, Err: fmt.Errorf("sentence %d has token range [%d,%d) outside the %d tokens", si, s.First, s.Last, len(d.Tokens))}
		}
		words = words[:0]
		for ti := s.First; ti < s.Last; ti++ {
			t := d.Tokens[ti]
			w := t.Norm
			if w == "" && t.Span().Valid(len(d.Text)) {
				w = d.Text[t.Start:t.End]
			}
			words = append(words, w)
		}
		for k, y := range m.tagIDs(words) {
			d.Tokens[s.First+k].NER = labels[y]
		}
	}
	d.Layers |= Assigns
	return nil
}

// Step returns the model as a pipeline step named "ner".
func (m *Model) Step() pipeline.Step {
	return pipeline.Step{Name: "ner", Requires: Requires, Assigns: Assigns, Stage: m}
}

// Model file format, gzip-compressed: the magic, then uvarint-prefixed
// sections: info string, gazetteer text, word-cluster text (absent in
// version 2 files), the transition weights, the O
// penalty, the
// feature count, the feature hashes sorted and delta-encoded as uvarints,
// and for each feature a byte with one bit per non-zero label followed by
// those weights as float32.
const (
	magic   = "wirecoder-ner/3\n"
	magicV2 = "wirecoder-ner/2\n" // no cluster section
)

// Save writes the model in its gzip-compressed binary form.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return &Error{Op: "save model", Err: err}
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	putF := func(f float32) {
		binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(f))
		bw.Write(tmp[:4])
	}
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	putS(m.info)
	gz := ""
	if m.gaz != nil {
		gz = m.gaz.text
	}
	putS(gz)
	cls := ""
	if m.cl != nil {
		cls = m.cl.text
	}
	putS(cls)
	for _, t := range m.trans {
		putF(t)
	}
	putF(m.oPenalty)
	keys := slices.Clone(m.keys)
	slices.Sort(keys)
	putU(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		putU(k - prev)
		prev = k
	}
	for _, k := range keys {
		r0, _ := m.rows.get(k)
		r := int(r0)
		w := m.weights[r*numLabels : r*numLabels+numLabels]
		var mask byte
		for y, v := range w {
			if v != 0 {
				mask |= 1 << y
			}
		}
		bw.WriteByte(mask)
		for _, v := range w {
			if v != 0 {
				putF(v)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return &Error{Op: "save model", Err: err}
	}
	if err := zw.Close(); err != nil {
		return &Error{Op: "save model", Err: err}
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, &Error{Op: "load model", Err: err}
	}
	return m, nil
}

func load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip stream: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || (string(head) != magic && string(head) != magicV2) {
		return nil, errors.New("not a wirecoder NER model (bad magic)")
	}
	const maxLen = 64 << 20
	getS := func(what string) (string, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return "", fmt.Errorf("reading %s length: %w", what, err)
		}
		if n > maxLen {
			return "", fmt.Errorf("%s length %d too large", what, n)
		}
		// Read through a limit rather than allocating n bytes up front, so
		// that a corrupt length cannot make Load allocate much.
		b, err := io.ReadAll(io.LimitReader(br, int64(n)))
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", what, err)
		}
		if uint64(len(b)) != n {
			return "", fmt.Errorf("reading %s: %w", what, io.ErrUnexpectedEOF)
		}
		return string(b), nil
	}
	var b4 [4]byte
	getF := func() (float32, error) {
		if _, err := io.ReadFull(br, b4[:]); err != nil {
			return 0, err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b4[:])), nil
	}
	m := &Model{}
	if m.info, err = getS("info"); err != nil {
		return nil, err
	}
	gz, err := getS("gazetteer")
	if err != nil {
		return nil, err
	}
	if gz != "" {
		if m.gaz, err = ParseGazetteer(gz, "model gazetteer"); err != nil {
			return nil, err
		}
	}
	if string(head) == magic {
		cls, err := getS("clusters")
		if err != nil {
			return nil, err
		}
		if cls != "" {
			if m.cl, err = ParseClusters(cls, "model clusters"); err != nil {
				return nil, err
			}
		}
	}
	for i := range m.trans {
		if m.trans[i], err = getF(); err != nil {
			return nil, fmt.Errorf("reading transitions: %w", err)
		}
	}
	if m.oPenalty, err = getF(); err != nil {
		return nil, fmt.Errorf("reading O penalty: %w", err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("reading feature count: %w", err)
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("feature count %d too large", n)
	}
	// Grow the slices as the data comes rather than trusting n, so that a
	// corrupt count cannot make Load allocate much.
	var keys []uint64
	var prev uint64
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("reading feature %d: %w", i, err)
		}
		if i > 0 && d == 0 {
			return nil, fmt.Errorf("feature %d repeats the one before", i)
		}
		prev += d
		keys = append(keys, prev)
	}
	var weights []float32
	for i := range keys {
		mask, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("reading weights of feature %d: %w", i, err)
		}
		var w [numLabels]float32
		for y := range w {
			if mask&(1<<y) == 0 {
				continue
			}
			if w[y], err = getF(); err != nil {
				return nil, fmt.Errorf("reading weights of feature %d: %w", i, err)
			}
		}
		weights = append(weights, w[:]...)
	}
	m.keys, m.weights = keys, weights
	m.rows = newFeatTable(len(keys))
	for i, k := range keys {
		m.rows.put(k, int32(i))
	}
	return m, nil
}

//go:embed model/ner.model.gz
var defaultModel []byte

var (
	defaultOnce sync.Once
	defaultM    *Model
	defaultErr  error
)

// Default returns the embedded model, trained by "wirecoder train ner" on
// Universal NER English EWT. It is loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultM, defaultErr = Load(bytes.NewReader(defaultModel))
	})
	return defaultM, defaultErr
}
