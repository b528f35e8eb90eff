// Package lemma is wirecoder's lemmatizer. It is learned from the
// Universal Dependencies English EWT treebank: a table maps each seen
// (form, XPOS) to the edit that turns the form into its lemma; suffix
// rewrite rules learned from the same data handle unseen words; a small
// list of irregular English verbs and nouns covers irregular forms that
// the training data lacks.
//
// An edit ("script") optionally lower-cases the form, cuts bytes from its
// end and appends a suffix: "running" → cut 3, add "" → "run"; "Americans"
// keeps its case and cuts 1. Edits generalise across capitalisation, so
// "Running" at the start of a sentence lemmatizes like "running".
package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/internal/conllu"
)

// caseMode tells how a script cases the form before editing it.
type caseMode uint8

const (
	keepCase  caseMode = iota // as written
	lowerCase                 // all lower case
	titleCase                 // first letter upper, the rest lower
)

// caseLetters are the one-letter codes of the case modes in model files.
const caseLetters = "KLT"

// script is an edit from a form to its lemma.
type script struct {
	mode caseMode
	cut  int    // bytes to remove from the end
	add  string // suffix to append
}

func (s script) String() string {
	return caseLetters[s.mode:s.mode+1] + strconv.Itoa(s.cut) + "+" + s.add
}

func parseScript(v string) (script, error) {
	if len(v) < 3 || strings.IndexByte(caseLetters, v[0]) < 0 {
		return script{}, fmt.Errorf("bad edit %q", v)
	}
	num, add, ok := strings.Cut(v[1:], "+")
	if !ok {
		return script{}, fmt.Errorf("bad edit %q", v)
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 255 {
		return script{}, fmt.Errorf("bad edit %q", v)
	}
	return script{mode: caseMode(strings.IndexByte(caseLetters, v[0])), cut: n, add: add}, nil
}

// base returns the string the script cuts from.
func (s script) base(form string) string {
	switch s.mode {
	case lowerCase:
		return lowerString(form)
	case titleCase:
		return titleString(form)
	}
	return form
}

// apply returns the lemma, or ok=false when the script does not fit form.
func (s script) apply(form string) (string, bool) {
	b := s.base(form)
	if s.cut > len(b) || (s.cut == len(b) && s.add == "") {
		return "", false
	}
	return b[:len(b)-s.cut] + s.add, true
}

// lowerString lower-cases s, without allocating when it is already lower.
func lowerString(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// titleString upper-cases the first letter of s and lower-cases the rest.
func titleString(s string) string {
	l := lowerString(s)
	r, n := utf8.DecodeRuneInString(l)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return l
	}
	return string(unicode.ToUpper(r)) + l[n:]
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// makeScript returns the edit that turns form into lemma: of the case
// modes, the one that keeps the longest prefix, preferring lower, then
// title, then keep on ties, so that edits generalise across case.
func makeScript(form, lemma string) script {
	var best script
	bestP := -1
	for _, mode := range []caseMode{lowerCase, titleCase, keepCase} {
		s := script{mode: mode}
		b := s.base(form)
		p := 0
		for p < len(b) && p < len(lemma) && b[p] == lemma[p] {
			p++
		}
		if p > bestP {
			s.cut, s.add = len(b)-p, lemma[p:]
			best, bestP = s, p
		}
	}
	return best
}

// caseClass classifies a form's capitalisation for suffix rules: "l"
// lower case (or no letters), "t" title case, "u" all upper case, "m"
// mixed.
func caseClass(form string) string {
	upper, lower, first := 0, 0, false
	for i, r := range form {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				first = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper == 0:
		return "l"
	case lower == 0:
		return "u"
	case first && upper == 1:
		return "t"
	}
	return "m"
}

// maxSuffix is the longest suffix, in bytes, that rules match.
const maxSuffix = 6

// rule is a suffix rule's edit and the number of word types supporting it.
type rule struct {
	script
	n int
}

// Lemmatizer maps a word and its tags to a lemma. It is immutable once
// built and safe for concurrent use.
type Lemmatizer struct {
	exact  map[string]script   // form \t XPOS
	byXPOS map[string]script   // lower(form) \t XPOS
	byUPOS map[string]script   // lower(form) \t UPOS
	rules  map[string]rule     // XPOS \t suffix of lower(form): edit of the lower-cased form
	cases  map[string]caseMode // XPOS caseClass: how unseen words of the class are cased
}

func newLemmatizer() *Lemmatizer {
	return &Lemmatizer{exact: map[string]script{}, byXPOS: map[string]script{}, byUPOS: map[string]script{}, rules: map[string]rule{}, cases: map[string]caseMode{}}
}

// Lemma returns the lemma of form given its UPOS and XPOS tags: from the
// table of seen words when it holds the form with that tag (matching
// case first), else from the irregular-form lists, else from the most
// specific suffix rule learned for the tag and the form's capitalisation.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	if form == "" {
		return form
	}
	if s, ok := l.exact[form+"\t"+xpos]; ok {
		if r, ok := s.apply(form); ok {
			return r
		}
	}
	lf := lowerString(form)
	if s, ok := l.byXPOS[lf+"\t"+xpos]; ok {
		if r, ok := s.apply(form); ok {
			return r
		}
	}
	if r, ok := irregular(lf, upos, xpos); ok {
		return r
	}
	if s, ok := l.byUPOS[lf+"\t"+upos]; ok {
		if r, ok := s.apply(form); ok {
			return r
		}
	}
	// Suffix rules, longest suffix first, edit the lower-cased form; the
	// result is then cased as unseen words of its tag and case class are.
	mode, ok := l.cases[xpos+" "+caseClass(form)]
	if !ok {
		mode = lowerCase
		if upos == "PROPN" {
			mode = keepCase
		}
	}
	for k := min(maxSuffix, len(lf)-1); k >= 0; k-- {
		ru, ok := l.rules[xpos+"\t"+lf[len(lf)-k:]]
		if !ok || (k > 0 && ru.n < 2 && k < 4) {
			continue
		}
		if r, ok := (script{mode: mode, cut: ru.cut, add: ru.add}).apply(form); ok {
			return r
		}
	}
	if upos == "PROPN" || hasUpper(form) && xpos == "" {
		return form
	}
	return lf
}

// Train learns a lemmatizer from sentences with gold lemmas and tags.
func Train(sents []conllu.Sentence) (*Lemmatizer, error) {
	type counts map[script]int
	byE, byX, byU := map[string]counts{}, map[string]counts{}, map[string]counts{}
	types := map[[4]string]bool{}
	add := func(m map[string]counts, k string, s script) {
		c := m[k]
		if c == nil {
			c = counts{}
			m[k] = c
		}
		c[s]++
	}
	for _, st := range sents {
		for wi, w := range st.Words {
			if w.Lemma == "" || w.Form == "" {
				return nil, &Error{Op: "train", Msg: fmt.Sprintf("sentence %q (line %d) word %d has no form or lemma", st.ID, st.Line, wi+1)}
			}
			if w.Lemma == "_" && w.Form != "_" {
				continue
			}
			if strings.ContainsAny(w.Form, "\t\n") || strings.ContainsAny(w.Lemma, "\t\n") || strings.ContainsAny(w.XPOS+w.UPOS, "\t\n ") {
				return nil, &Error{Op: "train", Msg: fmt.Sprintf("sentence %q (line %d) word %d has a tab, newline or space in its form, lemma or tags", st.ID, st.Line, wi+1)}
			}
			s := makeScript(w.Form, w.Lemma)
			lf := lowerString(w.Form)
			add(byE, w.Form+"\t"+w.XPOS, s)
			add(byX, lf+"\t"+w.XPOS, s)
			add(byU, lf+"\t"+w.UPOS, s)
			types[[4]string{lf, w.XPOS, caseClass(w.Form), s.String()}] = true
		}
	}
	l := newLemmatizer()
	for k, c := range byE {
		l.exact[k] = bestScript(c)
	}
	for k, c := range byX {
		l.byXPOS[k] = bestScript(c)
	}
	for k, c := range byU {
		l.byUPOS[k] = bestScript(c)
	}
	// Suffix rules from word types: each distinct (form, XPOS, edit) votes
	// once for the edit of its lower-cased form under every suffix of the
	// form, and for its case mode under its XPOS and case class.
	ruleCounts := map[string]counts{}
	caseCounts := map[string]map[caseMode]int{}
	for t := range types {
		lf, xpos, cc := t[0], t[1], t[2]
		full, _ := parseScript(t[3])
		lemma, ok := full.apply(lf)
		if !ok {
			continue
		}
		s := makeScript(lf, lowerString(lemma))
		for k := 0; k <= min(maxSuffix, len(lf)-1); k++ {
			add(ruleCounts, xpos+"\t"+lf[len(lf)-k:], s)
		}
		c := caseCounts[xpos+" "+cc]
		if c == nil {
			c = map[caseMode]int{}
			caseCounts[xpos+" "+cc] = c
		}
		c[full.mode]++
	}
	for k, c := range ruleCounts {
		s := bestScript(c)
		l.rules[k] = rule{s, c[s]}
	}
	for k, c := range caseCounts {
		best, bn := keepCase, -1
		for _, m := range []caseMode{lowerCase, titleCase, keepCase} {
			if c[m] > bn {
				best, bn = m, c[m]
			}
		}
		l.cases[k] = best
	}
	return l, nil
}

// bestScript returns the most frequent script, breaking ties by the
// script's text so that training is deterministic.
func bestScript(c map[script]int) script {
	var best script
	bn := -1
	for s, n := range c {
		if n > bn || n == bn && s.String() < best.String() {
			best, bn = s, n
		}
	}
	return best
}

// Error is a failure to train, read or write a lemmatizer.
type Error struct {
	Op   string // "train", "load" or "save"
	Line int    // line of the model file, for "load"
	Msg  string
	Err  error
}

// Error formats the error with its operation and position.
func (e *Error) Error() string {
	s := "lemma " + e.Op
	if e.Line > 0 {
		s += fmt.Sprintf(": line %d", e.Line)
	}
	s += ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

const header = "wirecoder-lemma-v2"

// Save writes the lemmatizer to w as gzip-compressed text: a header line,
// then one "E|X|U|R|C \t key \t key2 \t edit [\t support]" line per
// entry, sorted: E, X and U are the tables by exact form, lower-cased form
// and XPOS, and lower-cased form and UPOS; R the suffix rules by XPOS and
// suffix, with the number of word types supporting them; C the case mode
// of unseen words by XPOS and case class. An edit is
// a case letter (K keep, L lower, T title), the bytes to cut, "+" and the
// suffix to add.
func (l *Lemmatizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return &Error{Op: "save", Msg: "gzip", Err: err}
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, header)
	writeMap := func(tag string, m map[string]script) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", tag, k, m[k])
		}
	}
	writeMap("E", l.exact)
	writeMap("X", l.byXPOS)
	writeMap("U", l.byUPOS)
	keys := make([]string, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := l.rules[k]
		fmt.Fprintf(bw, "R\t%s\t%s\t%d\n", k, r.script, r.n)
	}
	keys = keys[:0]
	for k := range l.cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(bw, "C\t%s\t%c\n", k, caseLetters[l.cases[k]])
	}
	if err := bw.Flush(); err != nil {
		return &Error{Op: "save", Msg: "write", Err: err}
	}
	if err := zw.Close(); err != nil {
		return &Error{Op: "save", Msg: "gzip", Err: err}
	}
	return nil
}

// Load reads a lemmatizer written by Save.
func Load(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, &Error{Op: "load", Msg: "not a gzip stream", Err: err}
	}
	sc := bufio.NewScanner(zr)
	l := newLemmatizer()
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != header {
				return nil, &Error{Op: "load", Line: line, Msg: fmt.Sprintf("header %q, want %q", t, header)}
			}
			continue
		}
		f := strings.Split(t, "\t")
		bad := func(msg string, err error) (*Lemmatizer, error) {
			return nil, &Error{Op: "load", Line: line, Msg: msg, Err: err}
		}
		switch {
		case len(f) == 4 && (f[0] == "E" || f[0] == "X" || f[0] == "U"):
			s, err := parseScript(f[3])
			if err != nil {
				return bad("table entry", err)
			}
			switch f[0] {
			case "E":
				l.exact[f[1]+"\t"+f[2]] = s
			case "X":
				l.byXPOS[f[1]+"\t"+f[2]] = s
			default:
				l.byUPOS[f[1]+"\t"+f[2]] = s
			}
		case len(f) == 5 && f[0] == "R":
			s, err := parseScript(f[3])
			if err != nil {
				return bad("rule", err)
			}
			n, err := strconv.Atoi(f[4])
			if err != nil || n < 1 {
				return bad(fmt.Sprintf("rule support %q", f[4]), err)
			}
			l.rules[f[1]+"\t"+f[2]] = rule{s, n}
		case len(f) == 3 && f[0] == "C":
			m := strings.Index(caseLetters, f[2])
			if len(f[2]) != 1 || m < 0 {
				return bad(fmt.Sprintf("case mode %q", f[2]), nil)
			}
			l.cases[f[1]] = caseMode(m)
		default:
			return bad(fmt.Sprintf("malformed line with %d fields", len(f)), nil)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{Op: "load", Line: line, Msg: "read", Err: err}
	}
	if line == 0 {
		return nil, &Error{Op: "load", Msg: "empty model"}
	}
	return l, nil
}
