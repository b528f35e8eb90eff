// Package when finds time expressions in a story and normalises them
// against the story date: "late last month" in a story of 2024-07-13 is
// 2024-06, "on Saturday" is the most recent Saturday, "since 1994" is the
// range from 1994 to the story date.
//
// Values are as precise as the text supports: YYYY for "in 2020", YYYY-MM
// for "February 2022", YYYY-MM-DD for "yesterday". A range ("last week",
// "the 1990s", "since 1994") has its start in Value and its end in Until.
// The rules are documented in docs/when-where.md.
//
// The scanner is hand-written: each token is classified once through a
// lexicon and a small matcher tries the patterns at each word, with no
// regular expression on the hot path.
package when

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/pipeline"
)

// Tagger finds and normalises the time expressions of a story. It holds no
// mutable state and is safe for concurrent use.
type Tagger struct{}

// New returns a Tagger.
func New() *Tagger { return &Tagger{} }

// Requires lists the layers Process reads.
const Requires = doc.LayerTokens | doc.LayerSentences

// Assigns lists the layers Process adds.
const Assigns = doc.LayerTimes

// Process fills d.Times with the story's time expressions, in text order,
// replacing any already there. Relative expressions ("last week") need the
// story date d.Date (YYYY-MM-DD); when it is missing or malformed, a
// positioned error is added to d.Errors and only absolute expressions
// ("February 2022", "2014") are normalised.
func (t *Tagger) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("when: story %q: %w", d.ID, err)
	}
	s := scanner{text: d.Text}
	if d.Date != "" {
		p, err := parsePoint(d.Date)
		if err != nil || p.g != GranDay {
			d.Errors.Add(-1, "when", fmt.Sprintf("story date %q is not YYYY-MM-DD; relative time expressions skipped", d.Date))
		} else {
			s.story, s.hasStory = p.c, true
		}
	}
	d.Times = d.Times[:0]
	var words []word
	var res []result
	for si, sent := range d.Sentences {
		if sent.First < 0 || sent.Last > len(d.Tokens) || sent.First > sent.Last {
			d.Errors.Add(sent.Start, "when", fmt.Sprintf("sentence %d has token range [%d,%d) outside the %d tokens", si, sent.First, sent.Last, len(d.Tokens)))
			continue
		}
		words = buildWords(words[:0], d, sent.First, sent.Last)
		if len(words) == 0 {
			continue
		}
		s.w = words
		first, last := sent.First, sent.Last
		s.tense = func(a, b int) tense {
			return docTense(d, first, last, words[a].tok, words[min(b, len(words))-1].tok+1)
		}
		res = s.scan(res[:0])
		for _, r := range res {
			te := doc.TimeExpr{
				Span:   doc.Span{Start: words[r.first].start, End: words[r.last-1].end},
				Sent:   si,
				Value:  r.val.String(),
				Until:  r.until.String(),
				Future: r.future,
			}
			if te.Value == "" {
				continue
			}
			d.Times = append(d.Times, te)
		}
	}
	// A dateline's date ("KYIV, July 13 (Reuters) -") is a time
	// expression outside every sentence: Sent -1.
	if s.hasStory {
		for _, c := range d.Credits {
			if c.Kind != doc.CreditDateline || c.Date == "" || !c.Span.Valid(len(d.Text)) {
				continue
			}
			k := strings.Index(d.Text[c.Start:c.End], c.Date)
			if k < 0 {
				continue
			}
			r, ok := normalize(c.Date, s.story.time(), true)
			if !ok {
				continue
			}
			start := c.Start + k
			d.Times = append(d.Times, doc.TimeExpr{
				Span:  doc.Span{Start: start + r.spanStart, End: start + r.spanEnd},
				Sent:  -1,
				Value: r.val.String(), Until: r.until.String(), Future: r.future,
			})
		}
		sort.SliceStable(d.Times, func(i, j int) bool { return d.Times[i].Start < d.Times[j].Start })
	}
	d.Layers |= doc.LayerTimes
	return nil
}

// buildWords classifies the tokens [first, last) of d, splitting a
// leading "mid-" off its word.
func buildWords(words []word, d *doc.Doc, first, last int) []word {
	n := len(d.Text)
	for i := first; i < last; i++ {
		t := d.Tokens[i]
		if t.Start < 0 || t.End > n || t.Start > t.End {
			continue
		}
		text := d.Text[t.Start:t.End]
		if t.Norm != "" && len(t.Norm) == len(text) {
			text = t.Norm
		}
		words = appendWord(words, text, t.Start, i)
		if n := t.NER; len(n) > 4 && (n[len(n)-4:] == "-PER" || n[len(n)-4:] == "-ORG") {
			// Part of a name the NER stage found: "USA Today", "Theresa May".
			words[len(words)-1].lx = lxNone
		}
	}
	return words
}

// appendWord classifies one token's text starting at byte offset start.
func appendWord(words []word, text string, start, tok int) []word {
	if len(text) > 4 && (text[0] == 'm' || text[0] == 'M') && (text[1] == 'i' || text[1] == 'I') &&
		(text[2] == 'd' || text[2] == 'D') && text[3] == '-' {
		words = append(words, word{start: start, end: start + 3, tok: tok, lx: lxMid})
		words = append(words, word{start: start + 3, end: start + 4, tok: tok, lx: lxHyphen})
		start += 4
		text = text[4:]
	}
	w := word{start: start, end: start + len(text), tok: tok}
	classify(&w, text)
	return append(words, w)
}

// docTense reads the tense of the clause around tokens [a, b) in the
// sentence of tokens [first, last): the nearest verb group decides, left
// before right at equal distance. With Penn Treebank tags (Token.XPOS),
// VBD and VBN mark the past and a modal "will" the future; without them a
// word list does the same. It returns tenseUnknown when nothing decides.
func docTense(d *doc.Doc, first, last, a, b int) tense {
	if t := syntaxTense(d, first, last, a, b); t != tenseUnknown {
		return t
	}
	tagged := false
	for i := first; i < last; i++ {
		if d.Tokens[i].XPOS != "" {
			tagged = true
			break
		}
	}
	for dist := 1; a-dist >= first || b-1+dist < last; dist++ {
		if i := a - dist; i >= first {
			if t := tokenTense(d, first, i, tagged); t != tenseUnknown {
				return t
			}
		}
		if i := b - 1 + dist; i < last {
			if t := tokenTense(d, first, i, tagged); t != tenseUnknown {
				return t
			}
		}
	}
	return tenseUnknown
}

// syntaxTense reads the tense from the dependency tree when the parser has
// run (Token.Head and Token.Dep): the verb that governs the expression
// and its auxiliaries decide ("will be held on Saturday": future; "was
// held on Saturday": past). It returns tenseUnknown without a tree or a
// decision.
func syntaxTense(d *doc.Doc, first, last, a, b int) tense {
	if a < first || b > last || a >= b || d.Tokens[a].Dep == "" {
		return tenseUnknown
	}
	// The expression's own head: a token whose head lies outside it.
	h := -1
	for i := a; i < b; i++ {
		if hd := d.Tokens[i].Head; hd < a || hd >= b {
			h = hd
			break
		}
	}
	// Up to the nearest verb.
	for steps := 0; h >= first && h < last && steps < 4; steps++ {
		x := d.Tokens[h].XPOS
		if strings.HasPrefix(x, "VB") || d.Tokens[h].UPOS == "VERB" {
			break
		}
		h = d.Tokens[h].Head
	}
	if h < first || h >= last {
		return tenseUnknown
	}
	v := d.Tokens[h]
	if !strings.HasPrefix(v.XPOS, "VB") && v.UPOS != "VERB" {
		return tenseUnknown
	}
	var buf [16]byte
	past, perfect := false, false
	for i := first; i < last; i++ {
		t := d.Tokens[i]
		if t.Head != h || i == h || !t.Span().Valid(len(d.Text)) {
			continue
		}
		w := lowerWord(buf[:], d.Text[t.Start:t.End])
		switch {
		case strings.HasPrefix(t.Dep, "aux") && isModalFuture(w) && !(w == "may" && d.Text[t.Start] == 'M'):
			return tenseFuture
		case t.Dep == "mark" && w == "to" && (v.XPOS == "VB" || v.XPOS == "VBN"):
			return tenseFuture // "agreed to meet on Monday", "to be held"
		case strings.HasPrefix(t.Dep, "aux") && (t.XPOS == "VBD" || w == "was" || w == "were" || w == "had" || w == "did"):
			past = true
		case strings.HasPrefix(t.Dep, "aux") && (w == "has" || w == "have"):
			perfect = true
		}
	}
	if past || perfect || v.XPOS == "VBD" || v.XPOS == "VBN" && !plannedWords[lowerWord(buf[:], d.Text[v.Start:v.End])] {
		return tensePast
	}
	return tenseUnknown
}

// lowerWord lower-cases an ASCII word into buf; words too long for it come
// back unchanged.
func lowerWord(buf []byte, s string) string {
	if len(s) > len(buf) {
		return s
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(s)])
}

func isModalFuture(w string) bool {
	switch w {
	case "will", "shall", "'ll", "’ll", "wo", "would", "may", "might", "could":
		return true
	}
	return false
}

// tokenTense classifies token i as a past or future verb group, looking
// back up to three tokens (not before first) for auxiliaries.
func tokenTense(d *doc.Doc, first, i int, tagged bool) tense {
	var buf [16]byte
	t := d.Tokens[i]
	w := lowerWord(buf[:], d.Text[t.Start:t.End])
	auxBefore := func(pred func(string) bool) bool {
		var b2 [16]byte
		for k := i - 1; k >= first && k >= i-3; k-- {
			tk := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
			if tk != "" && tk[0] >= 'A' && tk[0] <= 'Z' {
				continue // "May" the month or the name, not the modal
			}
			if pred(lowerWord(b2[:], tk)) {
				return true
			}
		}
		return false
	}
	if w == "may" && t.Start < len(d.Text) && d.Text[t.Start] == 'M' {
		return tenseUnknown
	}
	if plannedWords[w] && auxBefore(func(s string) bool { return beWords[s] }) {
		return tenseFuture
	}
	if tagged {
		switch t.XPOS {
		case "MD":
			if isModalFuture(w) {
				return tenseFuture
			}
		case "VBD":
			return tensePast
		case "VBN":
			if auxBefore(func(s string) bool { return isModalFuture(s) || s == "to" }) {
				return tenseFuture
			}
			return tensePast
		case "VB":
			if auxBefore(func(s string) bool { return isModalFuture(s) || s == "to" }) {
				return tenseFuture
			}
			if auxBefore(func(s string) bool { return s == "did" }) {
				return tensePast
			}
		}
		return tenseUnknown
	}
	if futureWords[w] {
		return tenseFuture
	}
	if pastWords[w] || len(w) >= 5 && w[len(w)-2:] == "ed" && t.Start < len(d.Text) && d.Text[t.Start] >= 'a' && d.Text[t.Start] <= 'z' {
		if auxBefore(isModalFuture) {
			return tenseFuture
		}
		return tensePast
	}
	return tenseUnknown
}

// Normalize finds the first time expression in expr and returns its value
// against storyDate (YYYY, YYYY-MM or YYYY-MM-DD, the start of a range).
// past tells the tense of the context: true resolves "on Saturday" to the
// most recent Saturday, false to the next one. ok is false when expr holds
// no time expression.
func Normalize(expr string, storyDate time.Time, past bool) (value string, ok bool) {
	r, ok := normalize(expr, storyDate, past)
	if !ok {
		return "", false
	}
	return r.val.String(), true
}

// NormalizeRange is Normalize with the whole result: the start, the end of
// a range ("" for a single date) and whether the expression points
// forward.
func NormalizeRange(expr string, storyDate time.Time, past bool) (value, until string, future, ok bool) {
	r, ok := normalize(expr, storyDate, past)
	if !ok {
		return "", "", false, false
	}
	return r.val.String(), r.until.String(), r.future, true
}

func normalize(expr string, storyDate time.Time, past bool) (result, bool) {
	words := splitWords(expr)
	if len(words) == 0 {
		return result{}, false
	}
	t := tenseFuture
	if past {
		t = tensePast
	}
	s := scanner{text: expr, w: words, story: fromTime(storyDate), hasStory: !storyDate.IsZero(),
		tense: func(int, int) tense { return t }}
	res := s.scan(nil)
	if len(res) == 0 || res[0].val.String() == "" {
		return result{}, false
	}
	r := res[0]
	r.spanStart, r.spanEnd = words[r.first].start, words[r.last-1].end
	return r, true
}

// splitWords cuts a short string into words for Normalize: runs of
// letters and digits (with inner apostrophes, hyphens and dots kept as
// the classifier expects them) and single punctuation marks.
func splitWords(s string) []word {
	var words []word
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isAlnum(c) || c >= 0x80 || c == '\'':
			j := i + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] >= 0x80 || s[j] == '-' && j+1 < len(s) && isAlnum(s[j+1]) ||
				s[j] == '\'' || s[j] == '.' && j+1 < len(s) && isAlnum(s[j+1])) {
				j++
			}
			if j < len(s) && s[j] == '.' && j-i <= 4 { // "Feb."
				var buf [8]byte
				if e, ok := lexicon[lowerWord(buf[:], s[i:j+1])]; ok && e.lx == lxMonth {
					j++
				}
			}
			words = appendWord(words, s[i:j], i, len(words))
			i = j
		default:
			words = appendWord(words, s[i:i+1], i, len(words))
			i++
		}
	}
	return words
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Step returns the tagger as a pipeline step named "when".
func (t *Tagger) Step() pipeline.Step {
	return pipeline.Step{Name: "when", Requires: Requires, Assigns: Assigns, Stage: t}
}
