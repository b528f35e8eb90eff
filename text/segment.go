// Package text is wirecoder's first stage: a tokenizer and sentence
// splitter for news English that keeps byte offsets into the original
// text, and recognises story credits (datelines such as "KYIV, July 13
// (Reuters) -", bylines, "(With inputs from Reuters)", "(Reporting by ...;
// Editing by ...)") so that they do not become sentences.
//
// Tokenization follows the conventions of UD English-EWT, the treebank the
// tagger and parser are trained on: clitics split off ("do" "n't",
// "Ukraine" "’s"), punctuation split off, hyphens split except after
// prefixes such as "re-" and "non-" and between digits, abbreviations keep
// their period ("U.S.", "Mr."), numbers stay whole ("1,000", "3.5",
// "2022-02-24"), URLs and e-mail addresses stay whole. See docs/text.md for
// the full rules and the measured figures.
package text

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// Segmenter is the pipeline stage that tokenizes a story, splits it into
// sentences and finds its credits. It assigns doc.LayerTokens and
// doc.LayerSentences. It holds no state and is safe for concurrent use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Layers returns the layers the stage assigns.
func (s *Segmenter) Layers() doc.Layer { return doc.LayerTokens | doc.LayerSentences }

// Process fills d.Tokens, d.Sentences and d.Credits from d.Text, replacing
// whatever they held. Problems in the text (invalid UTF-8, control
// characters) are recorded in d.Errors with their offsets and never stop
// the stage; Process fails only when ctx is done or d is nil.
func (s *Segmenter) Process(ctx context.Context, d *doc.Doc) error {
	if d == nil {
		return fmt.Errorf("segment: nil document")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("segment story %q: %w", d.ID, err)
	}
	d.Sentences = nil
	d.Credits = nil
	sg := segmenter{d: d, text: d.Text}
	d.Tokens = tokenize(d.Text, &d.Errors, &sg)
	return nil
}

// segmenter holds the state of one segmentation.
type segmenter struct {
	d    *doc.Doc
	text string
	toks []doc.Token // the tokens so far
	p0   int         // the first token of the next paragraph
	para int         // the index of the next paragraph
}

// tok returns the original text of token i.
func (g *segmenter) tok(i int) string { return g.text[g.toks[i].Start:g.toks[i].End] }

// norm returns the normalised form of token i.
func (g *segmenter) norm(i int) string { return g.toks[i].Norm }

// flush segments the paragraph that ends before token p1, given the tokens
// so far.
func (g *segmenter) flush(toks []doc.Token, p1 int) {
	if p1 <= g.p0 {
		return
	}
	g.toks = toks
	if g.d.Sentences == nil {
		g.d.Sentences = make([]doc.Sentence, 0, len(g.text)/128+1)
	}
	g.paragraph(g.p0, p1, g.para)
	g.p0 = p1
	g.para++
}

// addCredit records a credit over tokens [a, b).
func (g *segmenter) addCredit(a, b int, c doc.Credit) {
	c.Span = doc.Span{Start: g.toks[a].Start, End: g.toks[b-1].End}
	g.d.Credits = append(g.d.Credits, c)
}

// paragraph segments the tokens [p0, p1) of one paragraph.
func (g *segmenter) paragraph(p0, p1, para int) {
	st := p0
	if k, c, ok := g.dateline(p0, p1, p0 == 0); ok {
		g.addCredit(p0, k, c)
		st = k
	} else if g.byline(p0, p1) {
		// "By Jane Doe, Reuters": the agency is the source.
		c := doc.Credit{Kind: doc.CreditByline}
		names, _ := g.sources(p0+1, p1, false)
		for _, n := range names {
			if knownAgency([]string{n}) {
				c.Sources = append(c.Sources, n)
			}
		}
		g.addCredit(p0, p1, c)
		return
	}
	for st < p1 {
		if c, ok := g.creditLine(st, p1, st == p0); ok {
			g.addCredit(st, p1, c)
			return
		}
		e := g.sentenceEnd(st, p1)
		idx := len(g.d.Sentences)
		g.d.Sentences = append(g.d.Sentences, doc.Sentence{
			Span:      doc.Span{Start: g.toks[st].Start, End: g.toks[e-1].End},
			First:     st,
			Last:      e,
			Paragraph: para,
		})
		for k := st; k < e; k++ {
			g.toks[k].Sent = idx
		}
		st = e
	}
}

// Kinds of sentence-final tokens.
const (
	notFinal = iota
	weakFinal
	strongFinal
)

// final classifies token i as a possible end of sentence: "." "!" "?" are
// strong; an ellipsis or an abbreviation's period is weak (it ends a
// sentence only when the next word clearly starts one); a title such as
// "Mr." never ends one.
func (g *segmenter) final(i int) int {
	w := g.norm(i)
	if w == "" {
		return notFinal
	}
	switch w[len(w)-1] {
	case '.', '!', '?':
	default:
		return notFinal
	}
	allPunct, allDots := true, true
	for k := 0; k < len(w); k++ {
		switch w[k] {
		case '.':
		case '!', '?':
			allDots = false
		default:
			allPunct, allDots = false, false
		}
	}
	if allPunct {
		if allDots && len(w) > 1 {
			return weakFinal // an ellipsis
		}
		return strongFinal
	}
	// An abbreviation with its period.
	base := w[:len(w)-1]
	if titles[base] || base == "No" || base == "no" || base == "Nos" || base == "Art" || base == "Vol" || base == "Fig" || base == "p" || base == "pp" {
		return notFinal
	}
	return weakFinal
}

// isOpener reports whether token i opens a quotation or a bracket.
func (g *segmenter) isOpener(i int) bool {
	switch g.tok(i) {
	case "\u201c", "\u2018", "\u00ab", "\u201e", "(", "[", "{":
		return true
	case `"`, "'", "``", "''":
		return i == 0 || g.toks[i-1].SpaceAfter
	}
	return false
}

// isCloser reports whether token i closes a quotation or a bracket.
func (g *segmenter) isCloser(i int) bool {
	switch g.tok(i) {
	case "\u201d", "\u2019", "\u00bb", ")", "]", "}", "\u2019\u2019":
		return true
	case `"`, "'", "''":
		return i > 0 && !g.toks[i-1].SpaceAfter
	}
	return false
}

// strayQuote reports whether token e is an opening quote mark used as a
// closing one: attached to the token before it and followed by white space
// or the end of the paragraph ("percent.“").
func (g *segmenter) strayQuote(e, p1 int) bool {
	switch g.tok(e) {
	case "\u201c", "\u2018", "\u00ab", "\u201e":
		return !g.toks[e-1].SpaceAfter && (e+1 == p1 || g.toks[e].SpaceAfter)
	}
	return false
}

// starters are words that begin sentences; after a weak sentence end (an
// abbreviation or an ellipsis) only these, or an opening quote, start a new
// sentence.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "You": true, "This": true, "That": true,
	"These": true, "Those": true, "There": true, "But": true, "And": true,
	"In": true, "On": true, "At": true, "For": true, "If": true, "As": true,
	"When": true, "While": true, "After": true, "Before": true, "Since": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true,
	"Some": true, "Many": true, "Most": true, "Not": true, "So": true, "Yet": true,
	"Also": true, "However": true, "Meanwhile": true, "Earlier": true, "Later": true,
	"What": true, "Why": true, "How": true, "Who": true, "Where": true, "Asked": true,
	"Officials": true, "Now": true, "Then": true, "Still": true, "Under": true,
	"According": true, "During": true, "Although": true, "Despite": true, "No": true,
	"One": true, "Two": true, "Both": true, "All": true, "Each": true, "Such": true,
	"Last": true, "Next": true, "Separately": true, "Further": true,
}

// sentenceEnd returns the index one past the last token of the sentence
// that starts at st in the paragraph that ends at p1.
func (g *segmenter) sentenceEnd(st, p1 int) int {
	hasWord := false
	for i := st; i < p1; i++ {
		kind := g.final(i)
		if kind == notFinal || !hasWord {
			if !hasWord {
				r, _ := utf8.DecodeRuneInString(g.tok(i))
				hasWord = isWord(r)
			}
			continue
		}
		e := i + 1
		for e < p1 && (g.isCloser(e) || g.strayQuote(e, p1)) {
			e++
		}
		if e >= p1 {
			return p1
		}
		if g.startsSentence(e, kind) && !g.attribution(i, e, p1) {
			return e
		}
	}
	return p1
}

// speechVerbs are the verbs of an attribution that follows a quote ending
// in "?" or "!": `"Why now?" Petrov asked.`
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "tells": true,
	"added": true, "adds": true, "wrote": true, "writes": true, "shouted": true,
	"replied": true, "replies": true, "demanded": true, "continued": true,
	"insisted": true, "wondered": true, "exclaimed": true, "cried": true, "yelled": true,
	"tweeted": true, "posted": true, "declared": true, "stated": true, "warned": true,
}

// attribution reports whether the quote that ends with the question or
// exclamation mark at token i, closed before token e, is followed by its
// attribution: up to five words and a speech verb, as in `"Why now?"
// Foreign Minister Ivan Petrov asked.` The sentence then goes on.
func (g *segmenter) attribution(i, e, p1 int) bool {
	w := g.norm(i)
	if strings.IndexAny(w, "?!") < 0 || e == i+1 {
		return false
	}
	quoted := false
	for k := i + 1; k < e; k++ {
		if n := g.norm(k); n == `"` || n == "'" {
			quoted = true
		}
	}
	if !quoted {
		return false
	}
	for k := e; k < p1 && k <= e+5; k++ {
		t := g.tok(k)
		if speechVerbs[t] {
			return k > e
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !isWord(r) {
			return false
		}
	}
	return false
}

// startsSentence reports whether token e starts a new sentence after a
// sentence-final token of the given kind.
func (g *segmenter) startsSentence(e, kind int) bool {
	w := g.tok(e)
	if g.isOpener(e) {
		// After an abbreviation, a bracket goes on: "at 3 p.m. (1200 GMT)".
		return kind == strongFinal || (w != "(" && w != "[" && w != "{")
	}
	if kind == weakFinal {
		return starters[w]
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r) || isDigit(r)
}

// isDash reports whether w is a dash that ends a dateline.
func isDash(w string) bool {
	switch w {
	case "-", "--", "\u2014", "\u2013", "\u2015", "\u2014\u2014":
		return true
	}
	return false
}

// capsWord reports whether w is a word in capitals ("KYIV", "ST.").
func capsWord(w string) (letters int, ok bool) {
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return 0, false
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '\'' || r == '\u2019':
		default:
			return 0, false
		}
	}
	return letters, letters > 0
}

// capitalized reports whether w starts with a capital letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// months maps month names and their abbreviations to true.
var months = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true,
	"June": true, "July": true, "August": true, "September": true, "October": true,
	"November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true,
	"Aug.": true, "Sep.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true,
}

// dayNumber reports whether w is a day of the month: 1 to 31.
func dayNumber(w string) bool {
	switch len(w) {
	case 1:
		return w[0] >= '1' && w[0] <= '9'
	case 2:
		return isDigit(rune(w[0])) && isDigit(rune(w[1])) && (w[0] < '3' || w[0] == '3' && w[1] <= '1') && w != "00"
	}
	return false
}

// date matches a date at token j ("July 13", "13 July", "July 13, 2024")
// and returns the index after it.
func (g *segmenter) date(j, p1 int) int {
	if j+1 >= p1 {
		return j
	}
	var k int
	switch {
	case months[g.tok(j)] && dayNumber(g.tok(j+1)):
		k = j + 2
	case dayNumber(g.tok(j)) && months[g.tok(j+1)]:
		k = j + 2
	default:
		return j
	}
	if k+1 < p1 && g.tok(k) == "," && len(g.tok(k+1)) == 4 && isDigit(rune(g.tok(k + 1)[0])) {
		k += 2
	}
	return k
}

// dateline matches a dateline at the start of a paragraph: a place in
// capitals, optionally a region and a date after commas, optionally the
// agency in parentheses, then a dash: "KYIV, July 13 (Reuters) -". first
// reports whether the paragraph starts the story: only there is a bare
// "PLACE -" accepted. It returns the index of the token after the
// dateline.
func (g *segmenter) dateline(p0, p1 int, first bool) (int, doc.Credit, bool) {
	var c doc.Credit
	i := p0
	long := false
	for i < p1 && i-p0 < 6 {
		w := g.tok(i)
		if i > p0 && (w == "/" || w == "-" && !g.toks[i-1].SpaceAfter && !g.toks[i].SpaceAfter) && i+1 < p1 {
			if _, ok := capsWord(g.tok(i + 1)); ok {
				i++
				continue
			}
			break
		}
		n, ok := capsWord(w)
		if !ok {
			break
		}
		if n >= 2 {
			long = true
		}
		i++
	}
	titleCase := false
	if i == p0 || !long || i >= p1 {
		// "Kyiv (AFP) -": a place in title case needs a known agency and
		// a dash.
		k := p0
		for k < p1 && k-p0 < 3 && capitalized(g.tok(k)) && !months[g.tok(k)] {
			k++
		}
		switch {
		case k == p0 && g.tok(p0) == "(":
			// "(Bloomberg) --": no place.
		case k == p0 || k >= p1 || (g.tok(k) != "(" && g.tok(k) != ","):
			return p0, c, false
		}
		i, titleCase = k, true
	}
	c.Kind = doc.CreditDateline
	if i > p0 {
		c.Place = g.text[g.toks[p0].Start:g.toks[i-1].End]
	}
	for i < p1 && g.tok(i) == "," {
		j := i + 1
		if k := g.date(j, p1); k > j {
			c.Date = g.text[g.toks[j].Start:g.toks[k-1].End]
			i = k
			continue
		}
		k := j
		for k < p1 && k-j < 3 && capitalized(g.tok(k)) && !months[g.tok(k)] {
			k++
		}
		if k == j {
			return p0, c, false
		}
		i = k
	}
	if c.Date == "" {
		if k := g.date(i, p1); k > i {
			c.Date = g.text[g.toks[i].Start:g.toks[k-1].End]
			i = k
		}
	}
	hasSource := false
	if i < p1 && g.tok(i) == "(" {
		k := i + 1
		for k < p1 && k-i <= 10 && g.tok(k) != ")" {
			k++
		}
		if k >= p1 || g.tok(k) != ")" || k == i+1 {
			return p0, c, false
		}
		src, ok := g.sources(i+1, k, true)
		if !ok {
			return p0, c, false
		}
		c.Sources = src
		hasSource = true
		i = k + 1
	}
	dash := false
	if !hasSource {
		// "MOSCOW, July 13. /TASS/."
		k := i
		if k < p1 && g.tok(k) == "." {
			k++
		}
		if k+2 < p1 && g.tok(k) == "/" && g.tok(k+2) == "/" && capitalized(g.tok(k+1)) {
			c.Sources = []string{g.tok(k + 1)}
			hasSource = true
			i = k + 3
			if i < p1 && g.tok(i) == "." {
				i++
				dash = true
			}
		}
	}
	if i < p1 && isDash(g.tok(i)) {
		dash = true
		i++
	}
	if !(dash || hasSource) || !(hasSource || c.Date != "" || first) {
		return p0, c, false
	}
	if !hasSource && c.Date == "" && !g.toks[i-2].SpaceAfter {
		// A bare "PLACE -" needs a space before its dash: not
		// "EXCLUSIVE-Russia".
		return p0, c, false
	}
	if titleCase && !(dash && hasSource && knownAgency(c.Sources)) {
		return p0, c, false
	}
	return i, c, true
}

// agencies are news agencies and outlets that appear in datelines.
var agencies = map[string]bool{
	"Reuters": true, "AFP": true, "AP": true, "dpa": true, "DPA": true, "Xinhua": true,
	"TASS": true, "Tass": true, "Interfax": true, "UPI": true, "Bloomberg": true,
	"Anadolu": true, "IANS": true, "PTI": true, "ANI": true, "EFE": true, "ANSA": true,
	"Kyodo": true, "Yonhap": true, "RIA": true, "BelTA": true, "Ukrinform": true,
	"CNN": true, "BBC": true, "AA": true, "IRNA": true, "WAFA": true, "KCNA": true,
	"SANA": true, "MENA": true, "APA": true, "Bernama": true, "Antara": true, "CNA": true,
}

// knownAgency reports whether one of the names is a known agency, or
// names one ("Kyodo News", "Anadolu Agency").
func knownAgency(names []string) bool {
	for _, n := range names {
		if agencies[n] || strings.HasSuffix(n, " News") || strings.HasSuffix(n, " Agency") {
			return true
		}
		if k := strings.IndexByte(n, ' '); k > 0 && agencies[n[:k]] {
			return true
		}
	}
	return false
}

// sources splits tokens [a, b) into names at ",", "/", ";", "&" and "and".
// With strict set, every name must be made of capitalized words.
func (g *segmenter) sources(a, b int, strict bool) ([]string, bool) {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, g.text[g.toks[start].Start:g.toks[end-1].End])
			start = -1
		}
	}
	for k := a; k < b; k++ {
		w := g.tok(k)
		switch w {
		case ",", "/", ";", "&", "and", "+":
			flush(k)
			continue
		}
		if strict && !capitalized(w) {
			return nil, false
		}
		if start < 0 {
			start = k
		}
	}
	flush(b)
	return out, len(out) > 0
}

// byline reports whether the paragraph [p0, p1) is a byline: "By" and a
// few capitalized names.
func (g *segmenter) byline(p0, p1 int) bool {
	if p1-p0 < 2 || p1-p0 > 12 || (g.tok(p0) != "By" && g.tok(p0) != "BY") {
		return false
	}
	for k := p0 + 1; k < p1; k++ {
		w := g.tok(k)
		if w == "," || w == "and" || w == "&" || w == "." || capitalized(w) {
			continue
		}
		return false
	}
	return capitalized(g.tok(p0 + 1))
}

// creditWords start an editing credit line: "Reporting by", "Editing by".
var creditWords = map[string]bool{
	"reporting": true, "editing": true, "writing": true, "compiled": true,
	"additional": true, "research": true, "edited": true, "written": true,
	"graphics": true, "production": true, "translated": true, "translation": true,
	"reported": true, "fact-checking": true, "sub-editing": true,
}

// boilerplate are lines that wire services append to their stories; they
// become credits of kind CreditUnknown.
var boilerplate = []string{
	"Our Standards: The Thomson Reuters Trust Principles.",
}

// maxCreditTokens bounds the length of a credit line, which keeps the
// search for credits linear in the length of a paragraph.
const maxCreditTokens = 80

// creditLine matches a credit line that runs from token a to the end of the
// paragraph p1: "(With inputs from Reuters)", "(Reporting by X; Editing by
// Y)", or, when it starts the paragraph, the same without parentheses.
func (g *segmenter) creditLine(a, p1 int, paraStart bool) (doc.Credit, bool) {
	var c doc.Credit
	if p1-a > maxCreditTokens {
		return c, false
	}
	if paraStart {
		line := g.text[g.toks[a].Start:g.toks[p1-1].End]
		for _, b := range boilerplate {
			if line == b {
				return c, true
			}
		}
	}
	in0, in1 := a, p1
	if g.tok(a) == "(" {
		if p1-a < 3 || g.tok(p1-1) != ")" {
			return c, false
		}
		depth := 0
		for k := a; k < p1; k++ {
			switch g.tok(k) {
			case "(":
				depth++
			case ")":
				depth--
				if depth == 0 && k != p1-1 {
					return c, false
				}
			}
		}
		in0, in1 = a+1, p1-1
	} else if !paraStart {
		return c, false
	}
	if in1-in0 < 2 {
		return c, false
	}
	var buf [16]byte
	first := lowerASCII(g.tok(in0), buf[:])
	// "With inputs from Reuters", "Inputs from agencies".
	if f := string(first); f == "with" || f == "inputs" || f == "input" {
		for k := in0; k < in1 && k < in0+5; k++ {
			if strings.EqualFold(g.tok(k), "from") {
				if in0 == a { // no parentheses: the whole line must be short
					if in1-k > 8 {
						return c, false
					}
				}
				src, ok := g.sources(k+1, in1, false)
				if !ok {
					return c, false
				}
				c.Kind = doc.CreditInputs
				c.Sources = src
				return c, true
			}
		}
		return c, false
	}
	if creditWords[string(first)] {
		for k := in0 + 1; k < in1 && k < in0+4; k++ {
			if strings.EqualFold(g.tok(k), "by") {
				c.Kind = doc.CreditEditing
				return c, true
			}
		}
	}
	return c, false
}
