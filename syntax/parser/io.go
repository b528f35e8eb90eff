package parser

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
)

// modelMagic starts every saved model; the digit is the format version,
// which also pins the feature templates.
const modelMagic = "wirecoder-parser/3\n"

// FormatError reports a saved model that cannot be read.
type FormatError struct {
	Op  string // "load"
	Msg string
	Err error
}

// Error formats the error.
func (e *FormatError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("parser %s: %s: %v", e.Op, e.Msg, e.Err)
	}
	return fmt.Sprintf("parser %s: %s", e.Op, e.Msg)
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() error { return e.Err }

// Save writes the model, gzip-compressed. Only non-zero weights are
// written.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("parser save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	strs := func(ss []string) {
		uv(uint64(len(ss)))
		for _, s := range ss {
			uv(uint64(len(s)))
			bw.WriteString(s)
		}
	}
	bw.WriteString(modelMagic)
	uv(uint64(m.feat))
	strs(m.xpos)
	strs(m.upos)
	strs(m.labels)
	strs(m.words)
	strs(m.lemmas)
	if m.feat == FeaturesClusters {
		// The number of clustered words guards against a model used
		// with another cluster table.
		uv(uint64(m.cl.Len()))
	}
	uv(uint64(m.bitsT))
	uv(uint64(m.bitsL))
	// Sparse rows: delta-coded row index, then (column, weight) pairs.
	table := func(wt []int16, width int) {
		rows := len(wt) / width
		nz := 0
		for r := 0; r < rows; r++ {
			for _, v := range wt[r*width : (r+1)*width] {
				if v != 0 {
					nz++
					break
				}
			}
		}
		uv(uint64(nz))
		last := -1
		for r := 0; r < rows; r++ {
			row := wt[r*width : (r+1)*width]
			cnt := 0
			for _, v := range row {
				if v != 0 {
					cnt++
				}
			}
			if cnt == 0 {
				continue
			}
			uv(uint64(r - last))
			last = r
			uv(uint64(cnt))
			for j, v := range row {
				if v != 0 {
					uv(uint64(j))
					sv(int64(v))
				}
			}
		}
	}
	table(m.qT, rowT)
	table(m.qL, rowL)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parser save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("parser save: %w", err)
	}
	return nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &FormatError{Op: "load", Msg: "not a gzip stream", Err: err}
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, &FormatError{Op: "load", Msg: fmt.Sprintf("bad header %q (want %q)", magic, modelMagic), Err: err}
	}
	var rerr error
	uv := func(what string) uint64 {
		if rerr != nil {
			return 0
		}
		v, err := binary.ReadUvarint(br)
		if err != nil {
			rerr = &FormatError{Op: "load", Msg: "reading " + what, Err: err}
		}
		return v
	}
	strs := func(what string) []string {
		n := uv(what + " count")
		if n > 1<<22 {
			rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("%s count %d too large", what, n)}
		}
		if rerr != nil {
			return nil
		}
		out := make([]string, 0, n)
		for i := uint64(0); i < n && rerr == nil; i++ {
			l := uv(what)
			if l > 1<<16 {
				rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("%s %d: length %d too large", what, i, l)}
				break
			}
			b := make([]byte, l)
			if _, err := io.ReadFull(br, b); err != nil {
				rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("reading %s %d", what, i), Err: err}
				break
			}
			out = append(out, string(b))
		}
		return out
	}
	m := &Model{}
	m.feat = Features(uv("feature set"))
	if rerr == nil && m.feat >= numFeatures {
		return nil, &FormatError{Op: "load", Msg: fmt.Sprintf("unknown feature set %d", m.feat)}
	}
	m.xpos = strs("xpos tags")
	m.upos = strs("upos tags")
	m.labels = strs("labels")
	m.words = strs("words")
	m.lemmas = strs("lemmas")
	if rerr == nil && m.feat == FeaturesClusters {
		n := uv("cluster count")
		cl, err := defaultClusters()
		if err != nil {
			return nil, &FormatError{Op: "load", Msg: "word clusters", Err: err}
		}
		if rerr == nil && uint64(cl.Len()) != n {
			return nil, &FormatError{Op: "load", Msg: fmt.Sprintf("model trained with %d clustered words, ner.DefaultClusters has %d", n, cl.Len())}
		}
		m.cl = cl
	}
	m.bitsT = uint(uv("table bits"))
	m.bitsL = uint(uv("label table bits"))
	if rerr != nil {
		return nil, rerr
	}
	if m.bitsT < 1 || m.bitsT > 24 || m.bitsL < 1 || m.bitsL > 20 || len(m.labels) == 0 || len(m.labels) > rowL {
		return nil, &FormatError{Op: "load", Msg: fmt.Sprintf("bad sizes: bits %d/%d, %d labels", m.bitsT, m.bitsL, len(m.labels))}
	}
	m.nl = len(m.labels)
	table := func(name string, rows, width int) []int16 {
		wt := makeTable(rows * width)
		nz := uv(name + " rows")
		r := -1
		for i := uint64(0); i < nz && rerr == nil; i++ {
			delta := uv(name + " row")
			if delta == 0 || delta > uint64(rows) {
				delta = uint64(rows) + 1 // reported below
			}
			r += int(delta)
			cnt := uv(name + " row size")
			if rerr == nil && (r >= rows || cnt > uint64(width)) {
				rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("%s: row %d (%d weights) outside %d rows of %d", name, r, cnt, rows, width)}
			}
			for j := uint64(0); j < cnt && rerr == nil; j++ {
				c := uv(name + " column")
				if c >= uint64(width) {
					rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("%s: row %d column %d outside %d", name, r, c, width)}
					break
				}
				v, err := binary.ReadVarint(br)
				if err == nil && (v < math.MinInt16 || v > math.MaxInt16) {
					err = fmt.Errorf("weight %d out of range", v)
				}
				if err != nil {
					rerr = &FormatError{Op: "load", Msg: fmt.Sprintf("%s: row %d weight", name, r), Err: err}
					break
				}
				wt[r*width+int(c)] = int16(v)
			}
		}
		return wt
	}
	m.qT = table("transition table", 1<<m.bitsT, rowT)
	m.qL = table("label table", 1<<m.bitsL, rowL)
	if rerr != nil {
		return nil, rerr
	}
	m.index()
	return m, nil
}

//go:embed model/en_ewt.parser.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded English model (trained on UD English-EWT),
// loading it on first use. The model is shared and safe for concurrent
// use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		if len(embedded) == 0 {
			defaultErr = errors.New("parser: no embedded model")
			return
		}
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("parser: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}
