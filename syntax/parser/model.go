// Package parser is wirecoder's dependency parser: a greedy, labeled,
// transition-based parser (arc-hybrid system) that produces Universal
// Dependencies trees.
//
// The transition classifier is an averaged perceptron over a rich set of
// Zhang & Nivre (2011) style features (words, lemmas, tags and suffixes of
// stack and buffer positions, leftmost and rightmost children and their
// labels, valency, distance, label sets), hashed into a fixed weight table.
// It is trained with a dynamic oracle (Goldberg & Nivre 2013), exploring
// the model's own mistakes. Labels are chosen by a second averaged
// perceptron when an arc is built, from features of the head, the
// dependent (whose subtree is complete at that point) and their context.
//
// The trained model for English (UD English-EWT, CC BY-SA 4.0) is embedded
// and loaded once by Default.
package parser

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"

	"github.com/wirecoder/wirecoder/ner"
)

// Reserved ids shared by every vocabulary: no node, the artificial root,
// and an unknown value.
const (
	idNone = 0
	idRoot = 1
	idUnk  = 2
	idBase = 3
)

// The transitions of the arc-hybrid system.
const (
	actShift = iota // move b0 onto the stack
	actLeft         // pop s0, attach it to b0
	actRight        // pop s0, attach it to s1
	numActs
)

// rowT is the width of a row of the transition weight table (3 actions
// padded to 4); rowL the width of a row of the label table (labels padded
// to 64, so that a row fills two cache lines).
const (
	rowT = 4
	rowL = 64
)

// Features selects a feature set: a trade of accuracy for speed, fixed
// when a model is trained and saved with it.
type Features uint8

// The feature sets.
const (
	FeaturesFull Features = iota // about 110 transition and 47 label templates
	FeaturesFast                 // about 80 transition and 25 label templates
	// FeaturesClusters is FeaturesFull plus word-cluster prefix features
	// (Koo et al. 2008) from ner.DefaultClusters.
	FeaturesClusters
	numFeatures
)

var featuresNames = [...]string{FeaturesFull: "full", FeaturesFast: "fast", FeaturesClusters: "clusters"}

// String returns the feature set's name.
func (f Features) String() string {
	if f < numFeatures {
		return featuresNames[f]
	}
	return fmt.Sprintf("Features(%d)", uint8(f))
}

// ParseFeatures returns the feature set with the given name.
func ParseFeatures(name string) (Features, error) {
	for i, n := range featuresNames {
		if n == name {
			return Features(i), nil
		}
	}
	return 0, fmt.Errorf("parser: unknown feature set %q (want full, fast or clusters)", name)
}

// Model is a trained dependency parser. It is immutable once built and
// safe for concurrent use.
type Model struct {
	xpos   []string // tag names; index = id - idBase
	upos   []string
	labels []string // dependency relations; label id = index + 1
	words  []string // known (normalised) word forms; id = index + idBase
	lemmas []string

	xposID  map[string]int32
	uposID  map[string]int32
	wordID  map[uint64]int32 // hash of the normalised form -> id
	lemmaID map[uint64]int32
	rootLab int16 // label id of "root"; 0 when absent

	bitsT, bitsL uint
	feat         Features
	// Quantized weights (int16, one common scale per table: scores are
	// only compared with each other).
	qT []int16 // transition weights: bucket*rowT + action
	qL []int16 // label weights: bucket*rowL + label-1
	nl int     // number of labels (at most rowL)
	// cl holds the word clusters of FeaturesClusters (nil otherwise).
	cl *ner.Clusters

	pool sync.Pool // *state
}

// Labels returns the dependency relations the model can assign, in id order.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// String summarises the model.
func (m *Model) String() string {
	return fmt.Sprintf("parser.Model{features: %s, labels: %d, words: %d, lemmas: %d, xpos: %d, upos: %d, table bits: %d/%d}",
		m.feat, len(m.labels), len(m.words), len(m.lemmas), len(m.xpos), len(m.upos), m.bitsT, m.bitsL)
}

// index builds the lookup maps from the name lists.
func (m *Model) index() {
	m.xposID = make(map[string]int32, len(m.xpos))
	for i, t := range m.xpos {
		m.xposID[t] = int32(i + idBase)
	}
	m.uposID = make(map[string]int32, len(m.upos))
	for i, t := range m.upos {
		m.uposID[t] = int32(i + idBase)
	}
	m.wordID = make(map[uint64]int32, len(m.words))
	for i, w := range m.words {
		h, _, _ := normHash(w)
		m.wordID[h] = int32(i + idBase)
	}
	m.lemmaID = make(map[uint64]int32, len(m.lemmas))
	for i, w := range m.lemmas {
		h, _, _ := normHash(w)
		m.lemmaID[h] = int32(i + idBase)
	}
	m.rootLab = 0
	for i, l := range m.labels {
		if l == "root" {
			m.rootLab = int16(i + 1)
		}
	}
	m.nl = len(m.labels)
	m.pool.New = func() any { return new(state) }
}

var (
	clustersOnce sync.Once
	clustersVal  *ner.Clusters
	clustersErr  error
)

// defaultClusters returns the embedded word clusters of package ner,
// loaded once.
func defaultClusters() (*ner.Clusters, error) {
	clustersOnce.Do(func() {
		clustersVal, clustersErr = ner.DefaultClusters()
		if clustersErr != nil {
			clustersErr = fmt.Errorf("parser: word clusters: %w", clustersErr)
		}
	})
	return clustersVal, clustersErr
}

// clusterIDs returns the ids of the 4- and 6-bit prefixes and of the full
// cluster path of word (idUnk for all three when it has no cluster). The
// word is lower-cased without allocating for words up to 64 bytes.
func clusterIDs(cl *ner.Clusters, word string) (p4, p6, full int32) {
	if cl == nil {
		return idUnk, idUnk, idUnk
	}
	var buf [64]byte
	key := word
	if len(word) > 0 && len(word) <= len(buf) {
		b := buf[:len(word)]
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		// Path only looks the key up in a map, which keeps no reference
		// to it, so the stack buffer may back the string.
		return prefixIDs(cl.Path(unsafe.String(&b[0], len(b))))
	}
	return prefixIDs(cl.Path(strings.ToLower(key)))
}

// prefixIDs encodes the 4- and 6-bit prefixes and the whole of a cluster
// path (at most 24 bits) as ids: a leading 1 bit marks the length.
func prefixIDs(path string) (p4, p6, full int32) {
	if path == "" || len(path) > 24 {
		return idUnk, idUnk, idUnk
	}
	v := int32(1)
	p4, p6 = -1, -1
	for i := 0; i < len(path); i++ {
		v = v<<1 | int32(path[i]-'0')
		if i == 3 {
			p4 = v + idBase
		}
		if i == 5 {
			p6 = v + idBase
		}
	}
	full = v + idBase
	if p4 < 0 {
		p4 = full
	}
	if p6 < 0 {
		p6 = full
	}
	return p4, p6, full
}

// label returns the name of label id l.
func (m *Model) label(l int16) string {
	if l <= 0 || int(l) > len(m.labels) {
		return "dep"
	}
	return m.labels[l-1]
}

// normHash hashes the normalised form of a word: lower case, every ASCII
// digit replaced by 0. It also returns a hash of the last three bytes of
// that form (a suffix feature) and a small shape code. It allocates
// nothing.
func normHash(s string) (h uint64, suf uint64, shape int32) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h = offset
	var upperFirst, anyUpper, allUpper, digit, hyphen, alpha bool
	allUpper = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i == 0 {
				upperFirst = true
			}
			anyUpper = true
			alpha = true
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			allUpper = false
			alpha = true
		case c >= '0' && c <= '9':
			digit = true
			c = '0'
		case c == '-':
			hyphen = true
		}
		h ^= uint64(c)
		h *= prime
	}
	suf = offset
	start := len(s) - 3
	if start < 0 {
		start = 0
	}
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		suf ^= uint64(c)
		suf *= prime
	}
	if upperFirst {
		shape |= 1
	}
	if anyUpper && allUpper && alpha {
		shape |= 2
	}
	if digit {
		shape |= 4
	}
	if hyphen {
		shape |= 8
	}
	if !alpha && !digit {
		shape |= 16
	}
	switch n := len(s); {
	case n <= 2:
		shape |= 32
	case n >= 9:
		shape |= 64
	}
	return h, suf, shape + 1
}

// normForm returns the normalised form that normHash hashes.
func normForm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isComma reports whether a word is a clause-level punctuation mark that
// separates appositions, reported speech and coordinated phrases.
func isComma(w string) bool {
	switch w {
	case ",", ";", ":", "--", "-", "—", "–":
		return true
	}
	return false
}
