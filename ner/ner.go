// Package ner is wirecoder's named-entity recognizer: an averaged
// structured perceptron over rich lexical, shape, context and gazetteer
// features, decoded with Viterbi under IOB2 constraints. It tags persons
// (PER), organisations (ORG) and places (LOC).
//
// The default model is trained on Universal NER over English EWT (CC BY-SA
// 4.0) by "wirecoder train ner" and embedded in the package; Default loads
// it once. A Model is immutable and safe for concurrent use; as a pipeline
// stage it reads Token.Norm sentence by sentence and sets Token.NER.
package ner

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// Sentence is one sentence of IOB2-tagged words.
type Sentence struct {
	ID    string   // the sent_id comment, or ""
	Words []string // the tokens
	Tags  []string // one IOB2 tag per word: "B-PER", "I-LOC", "O", ...
	// Line is the 1-based line of the sentence's first token in the file
	// it was read from, or 0.
	Line int
	// copied marks a re-cased copy made for training.
	copied bool
}

// Span is one entity found in a tag sequence: its type and its token
// range [First, Last) (Last is exclusive, as in doc.Mention).
type Span struct {
	Type        doc.EntityType
	First, Last int
}

// String formats the span as "PER[3,5)".
func (s Span) String() string { return fmt.Sprintf("%s[%d,%d)", s.Type, s.First, s.Last) }

// types are the entity types the recognizer tags, in a fixed order.
var types = [...]doc.EntityType{doc.PER, doc.ORG, doc.LOC}

// Types returns the entity types the recognizer tags, PER, ORG and LOC, in
// a new slice.
func Types() []doc.EntityType { return append([]doc.EntityType(nil), types[:]...) }

// labels are the IOB2 tags of the model, in a fixed order; index 0 is O.
var labels = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const numLabels = len(labels)

// labelIndex returns the index of an IOB2 tag among labels, or 0 (O) for
// any tag of another type.
func labelIndex(tag string) int {
	for i, l := range labels {
		if l == tag {
			return i
		}
	}
	return 0
}

// splitTag splits an IOB2 tag into its prefix ('B', 'I' or 'O') and type.
// Tags without a prefix, and malformed ones, count as O.
func splitTag(tag string) (byte, doc.EntityType) {
	if len(tag) < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') {
		return 'O', doc.TypeUnknown
	}
	t := doc.ParseEntityType(tag[2:])
	if t == doc.TypeUnknown {
		return 'O', doc.TypeUnknown
	}
	return tag[0], t
}

// Spans returns the entities of an IOB2 tag sequence, in order. As in
// conlleval, an I- tag that does not continue an entity of its type starts
// a new one; tags of types unknown to doc.EntityType count as O.
func Spans(tags []string) []Span {
	var out []Span
	open := -1 // index in out of the open span
	for i, tag := range tags {
		p, t := splitTag(tag)
		switch {
		case p == 'O':
			open = -1
		case p == 'I' && open >= 0 && out[open].Type == t:
			out[open].Last = i + 1
		default:
			out = append(out, Span{Type: t, First: i, Last: i + 1})
			open = len(out) - 1
		}
	}
	return out
}

// coreTag maps a tag to the recognizer's tag set: B-/I- PER, ORG, LOC or
// O. OTH, the stray B-O of the UNER training file and unknown types become
// O.
func coreTag(tag string) string {
	p, t := splitTag(tag)
	if p == 'O' || (t != doc.PER && t != doc.ORG && t != doc.LOC) {
		return "O"
	}
	return string(p) + "-" + t.String()
}

// validTag reports whether tag is an IOB2 tag: "O" or "B-X"/"I-X" with a
// non-empty type X without white space.
func validTag(tag string) bool {
	if tag == "O" {
		return true
	}
	if len(tag) < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') {
		return false
	}
	return !strings.ContainsAny(tag[2:], " \t\r\n")
}
