// Package attrib is a learned attribution tagger in the style of PolNeAR:
// it labels every token of a story as part of an attribution's source, cue
// or content (or none), with an averaged structured perceptron over BIO
// tags decoded by Viterbi over the whole story, and assembles the tagged
// spans into attributions (cue, source, content).
//
// Its features come from the pipeline's layers (words, lemmas, POS tags,
// the dependency parse, NER tags and mentions) and from a cue lexicon that
// the caller supplies (package quote passes its own). Features are hashed
// into a fixed table, so the model holds no word strings.
package attrib

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
)

// Role is the part of an attribution a span plays.
type Role uint8

// The roles.
const (
	Source Role = iota
	Cue
	Content
	numRoles
)

var roleNames = [...]string{Source: "source", Cue: "cue", Content: "content"}

// String returns the role's name.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// Label is a BIO tag: O, or the beginning or inside of a role's span.
type Label uint8

// The labels.
const (
	O Label = iota
	BSource
	ISource
	BCue
	ICue
	BContent
	IContent
	numLabels
)

var labelNames = [...]string{O: "O", BSource: "B-SOURCE", ISource: "I-SOURCE", BCue: "B-CUE", ICue: "I-CUE", BContent: "B-CONTENT", IContent: "I-CONTENT"}

// String returns the label's name.
func (l Label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return fmt.Sprintf("Label(%d)", uint8(l))
}

// Role returns the label's role; ok is false for O.
func (l Label) Role() (r Role, ok bool) {
	if l == O || l >= numLabels {
		return 0, false
	}
	return Role((l - 1) / 2), true
}

// begins reports whether l is a B- label.
func (l Label) begins() bool { return l != O && l < numLabels && (l-1)%2 == 0 }

func bLabel(r Role) Label { return Label(1 + 2*r) }
func iLabel(r Role) Label { return Label(2 + 2*r) }

// allowed[p][y] tells whether label y may follow p; row numLabels is the
// start of the story. An I- label continues a span of its own role.
var allowed = func() (a [numLabels + 1][numLabels]bool) {
	for p := 0; p <= int(numLabels); p++ {
		for y := Label(0); y < numLabels; y++ {
			ok := true
			if y != O && !y.begins() {
				pr, pok := Label(p).Role()
				yr, _ := y.Role()
				ok = p < int(numLabels) && pok && pr == yr
			}
			a[p][y] = ok
		}
	}
	return a
}()

// Lexicon tells the class of a cue word from its normalised form and its
// lemma: 0 when it is not a cue, a small positive class number otherwise.
type Lexicon func(norm, lemma string) int

// Model is a trained tagger. It is immutable once built and safe for
// concurrent use.
type Model struct {
	bits  uint8     // the feature table has 1<<bits rows
	w     []float32 // numLabels weights per row
	trans [numLabels + 1][numLabels]float32
	// bias is added to the emission score of each role's labels at
	// decoding; it is tuned on dev after training to trade precision for
	// recall.
	bias [numRoles]float32
}

const modelMagic = "wirecoder-attrib-v2\n"

// Error is a failure to load or save a model.
type Error struct {
	Op  string // "load", "save", "train"
	Err error
}

// Error formats the failure with its operation.
func (e *Error) Error() string { return "attrib " + e.Op + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

//go:embed model/attrib.model.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded model quote/attrib/model/attrib.model.gz: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Load reads a gzip-compressed model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &Error{"load", err}
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, &Error{"load", errors.New("not an attribution model (bad header)")}
	}
	var bits uint8
	if err := binary.Read(br, binary.LittleEndian, &bits); err != nil {
		return nil, &Error{"load", fmt.Errorf("table size: %w", err)}
	}
	if bits < 4 || bits > 24 {
		return nil, &Error{"load", fmt.Errorf("table size 2^%d out of range", bits)}
	}
	m := &Model{bits: bits, w: make([]float32, (1<<bits)*int(numLabels))}
	if err := binary.Read(br, binary.LittleEndian, &m.bias); err != nil {
		return nil, &Error{"load", fmt.Errorf("role biases: %w", err)}
	}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, &Error{"load", fmt.Errorf("transitions: %w", err)}
	}
	if err := binary.Read(br, binary.LittleEndian, m.w); err != nil {
		return nil, &Error{"load", fmt.Errorf("weights: %w", err)}
	}
	return m, nil
}

// Save writes the model gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return &Error{"save", err}
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	bw.WriteByte(m.bits)
	if err := binary.Write(bw, binary.LittleEndian, &m.bias); err != nil {
		return &Error{"save", err}
	}
	if err := binary.Write(bw, binary.LittleEndian, &m.trans); err != nil {
		return &Error{"save", err}
	}
	if err := binary.Write(bw, binary.LittleEndian, m.w); err != nil {
		return &Error{"save", err}
	}
	if err := bw.Flush(); err != nil {
		return &Error{"save", err}
	}
	if err := zw.Close(); err != nil {
		return &Error{"save", err}
	}
	return nil
}

// Tag returns a label for every token of d. d needs tokens and sentences;
// the POS, dependency and NER layers and the mentions improve the tags
// when present.
func (m *Model) Tag(d *doc.Doc, lex Lexicon) []Label {
	n := len(d.Tokens)
	if n == 0 {
		return nil
	}
	return viterbi(m.emissions(d, lex), &m.trans, n)
}

// emissions returns the score of every label at every token, numLabels
// per token, role biases included.
func (m *Model) emissions(d *doc.Doc, lex Lexicon) []float32 {
	const L = int(numLabels)
	n := len(d.Tokens)
	fx := newExtractor(d, lex, m.bits)
	emit := make([]float32, n*L)
	buf := make([]uint32, 0, 64)
	for i := 0; i < n; i++ {
		buf = fx.features(i, buf[:0])
		row := emit[i*L : (i+1)*L]
		for _, f := range buf {
			ws := m.w[int(f)*L : int(f)*L+L]
			for y := range row {
				row[y] += ws[y]
			}
		}
		for y := 1; y < L; y++ {
			row[y] += m.bias[(y-1)/2]
		}
	}
	return emit
}

// viterbi returns the best label sequence for the emission scores (n rows
// of numLabels) under the transition scores and the BIO constraints.
func viterbi(emit []float32, trans *[numLabels + 1][numLabels]float32, n int) []Label {
	const L = int(numLabels)
	neg := float32(math.Inf(-1))
	score := make([]float32, n*L)
	back := make([]uint8, n*L)
	for y := 0; y < L; y++ {
		score[y] = neg
		if allowed[L][y] {
			score[y] = trans[L][y] + emit[y]
		}
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*L : i*L]
		for y := 0; y < L; y++ {
			best, arg := neg, 0
			for p := 0; p < L; p++ {
				if !allowed[p][y] || prev[p] == neg {
					continue
				}
				if s := prev[p] + trans[p][y]; s > best {
					best, arg = s, p
				}
			}
			if best == neg {
				score[i*L+y] = neg
				continue
			}
			score[i*L+y] = best + emit[i*L+y]
			back[i*L+y] = uint8(arg)
		}
	}
	out := make([]Label, n)
	best, arg := neg, 0
	for y := 0; y < L; y++ {
		if s := score[(n-1)*L+y]; s > best {
			best, arg = s, y
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = Label(arg)
		arg = int(back[i*L+arg])
	}
	return out
}

// Span is a run of tokens [First, Last) with its role.
type Span struct {
	Role        Role
	First, Last int
}

// Spans turns a label sequence into role spans, in token order. An I-
// label after a label of another role starts a new span.
func Spans(labels []Label) []Span {
	var out []Span
	for i := 0; i < len(labels); i++ {
		r, ok := labels[i].Role()
		if !ok {
			continue
		}
		j := i + 1
		for j < len(labels) && !labels[j].begins() {
			rj, okj := labels[j].Role()
			if !okj || rj != r {
				break
			}
			j++
		}
		out = append(out, Span{Role: r, First: i, Last: j})
		i = j - 1
	}
	return out
}
