// Package doc holds wirecoder's document model: one Doc value carries a
// story's text, its metadata and every annotation layer that the pipeline's
// stages add to it.
//
// Like go/token, every annotation holds byte offsets [Start, End) into the
// original Text; line and column are computed only when asked (see
// Doc.Position). Like spaCy's Doc, the tokens live in one flat slice and
// sentences, mentions and other spans are index views into it. Stages add
// their own layer and never re-tokenize; normalised forms (lemma, actor
// code) change, source offsets never do.
package doc

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Valid reports whether the span is well formed for a text of length n.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Token is one token of the story. Its Start and End are byte offsets into
// Doc.Text; Norm is a normalised spelling (curly quotes straightened, for
// example) that later stages read instead of the raw text.
type Token struct {
	Start int // byte offset of the first byte
	End   int // byte offset one past the last byte
	Norm  string
	// SpaceAfter reports whether white space follows the token in the text.
	SpaceAfter bool
	// Sent is the index of the sentence that holds the token, or -1 when
	// the token belongs to no sentence (a credit line, say).
	Sent int

	// Syntax layer.
	UPOS  string // Universal POS tag (NOUN, VERB, ...)
	XPOS  string // Penn Treebank tag (NN, VBD, ...)
	Lemma string
	Head  int    // index into Doc.Tokens of the syntactic head; -1 for the root
	Dep   string // Universal Dependencies relation to the head

	// NER layer: IOB2 tag such as "B-PER", "I-ORG" or "O".
	NER string
}

// Span returns the byte span of the token.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Sentence is a contiguous run of tokens [First, Last) that forms one
// sentence, with its byte span.
type Sentence struct {
	Span
	First int // index of the first token
	Last  int // index one past the last token
	// Paragraph is the index of the paragraph (block of text separated by
	// a blank line or a newline) that holds the sentence.
	Paragraph int
}

// CreditKind tells what kind of story-level credit a Credit is.
type CreditKind uint8

// The kinds of story-level credits.
const (
	CreditUnknown  CreditKind = iota
	CreditDateline            // "KYIV, July 13 (Reuters) -"
	CreditInputs              // "(With inputs from Reuters)"
	CreditByline              // "By Jane Doe"
	CreditEditing             // "(Reporting by ...; Editing by ...)"
)

var creditKindNames = [...]string{
	CreditUnknown:  "unknown",
	CreditDateline: "dateline",
	CreditInputs:   "inputs",
	CreditByline:   "byline",
	CreditEditing:  "editing",
}

// String returns the kind's name.
func (k CreditKind) String() string {
	if int(k) < len(creditKindNames) {
		return creditKindNames[k]
	}
	return fmt.Sprintf("CreditKind(%d)", uint8(k))
}

// MarshalText encodes the kind by name.
func (k CreditKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Credit is a story-level credit or dateline: text that tells where the
// story came from rather than what happened. Credits are not sentences.
type Credit struct {
	Span
	Kind    CreditKind
	Sources []string // agencies or outlets named, e.g. "Reuters"
	Place   string   // dateline place, e.g. "KYIV"
	Date    string   // dateline date as written, e.g. "July 13"
}

// Doc is one story with every annotation layer.
type Doc struct {
	// Metadata.
	ID     string
	Title  string
	Date   string // story date, YYYY-MM-DD, or "" when unknown
	Source string
	URL    string

	// Text is the original text. Every offset in the Doc indexes it.
	Text string

	Tokens    []Token
	Sentences []Sentence
	Credits   []Credit

	Mentions []Mention
	Entities []Entity
	Times    []TimeExpr
	Places   []Place
	Quotes   []Quote
	Events   []Event
	Claims   []Claim

	// Layers records which annotation layers have been added.
	Layers Layer
	// Errors lists problems found in the input, with their positions. A
	// Doc with errors is still a partial result.
	Errors ErrorList
}

// New returns a Doc for the given text with no annotations.
func New(id, text string) *Doc { return &Doc{ID: id, Text: text} }

// Slice returns the text of a span, or "" when the span is out of range.
func (d *Doc) Slice(s Span) string {
	if !s.Valid(len(d.Text)) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// TokenText returns the original text of token i.
func (d *Doc) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// TokenSpan returns the byte span covering tokens [first, last).
func (d *Doc) TokenSpan(first, last int) Span {
	if first >= last || first < 0 || last > len(d.Tokens) {
		return Span{}
	}
	return Span{d.Tokens[first].Start, d.Tokens[last-1].End}
}

// SentenceTokens returns the tokens of sentence i as a sub-slice of
// d.Tokens (a view, not a copy).
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// TokenAt returns the index of the token that contains byte offset off, or
// -1 when off falls between tokens.
func (d *Doc) TokenAt(off int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > off })
	if i < len(d.Tokens) && d.Tokens[i].Start <= off {
		return i
	}
	return -1
}

// TokensIn returns the token range [first, last) of the tokens that lie
// within span s.
func (d *Doc) TokensIn(s Span) (first, last int) {
	first = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= s.Start })
	last = first
	for last < len(d.Tokens) && d.Tokens[last].End <= s.End {
		last++
	}
	return first, last
}

// SentenceOf returns the index of the sentence that holds byte offset off,
// or -1.
func (d *Doc) SentenceOf(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > off })
	if i < len(d.Sentences) && d.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// Position is a human-readable location: 1-based line and column (in
// bytes), computed from a byte offset only when asked.
type Position struct {
	Offset int
	Line   int
	Column int
}

// String formats the position as line:column.
func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Position computes the line and column of byte offset off.
func (d *Doc) Position(off int) Position {
	if off > len(d.Text) {
		off = len(d.Text)
	}
	line, col := 1, 1
	for i := 0; i < off; {
		r, w := utf8.DecodeRuneInString(d.Text[i:])
		if r == '\n' {
			line++
			col = 1
		} else {
			col += w
		}
		i += w
	}
	return Position{Offset: off, Line: line, Column: col}
}
