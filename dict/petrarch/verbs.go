package petrarch

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// ElemKind is the kind of one element of a verb pattern.
type ElemKind uint8

// The pattern element kinds.
const (
	ElemWord     ElemKind = iota // a literal word: RELATIONS
	ElemSynset                   // a synonym set: &CURRENCY
	ElemSource                   // $: the source actor
	ElemTarget                   // +: the target actor
	ElemSkipNP                   // ^: skip a noun phrase
	ElemCompound                 // %: a compound actor that is both source and target
)

var elemKindNames = [...]string{
	ElemWord: "word", ElemSynset: "synset", ElemSource: "source",
	ElemTarget: "target", ElemSkipNP: "skip", ElemCompound: "compound",
}

// String returns the kind's name.
func (k ElemKind) String() string {
	if int(k) < len(elemKindNames) {
		return elemKindNames[k]
	}
	return fmt.Sprintf("ElemKind(%d)", uint8(k))
}

// Group tells which bracketed group of a PETRARCH-2 pattern an element
// belongs to.
type Group uint8

// The groups.
const (
	GroupNone Group = iota
	GroupPrep       // (...): a prepositional phrase
	GroupNoun       // {...}: a noun phrase
)

var groupNames = [...]string{GroupNone: "none", GroupPrep: "prep", GroupNoun: "noun"}

// String returns the group's name.
func (g Group) String() string {
	if int(g) < len(groupNames) {
		return groupNames[g]
	}
	return fmt.Sprintf("Group(%d)", uint8(g))
}

// Elem is one element of a verb pattern.
type Elem struct {
	Kind ElemKind
	// Text is the upper-case word, or the synset name with its '&'.
	Text string
	// Joined reports that the next element was written after an underscore:
	// it must follow this one immediately.
	Joined bool
	// Group is the innermost bracketed group holding the element; InPrep
	// reports an element inside a prepositional group, also when it sits
	// in a noun group nested there: "(OF {BANNED PARTIES})".
	Group  Group
	InPrep bool
}

// Pattern is one pattern line of a verb block: "- $ * WITH + [031]".
type Pattern struct {
	// Before holds the elements written before '*' (the verb), in text
	// order; After those written after it.
	Before, After []Elem
	// Code is the event code in brackets: "031", "030:030" (a code for each
	// direction of a symmetric event) or "---" (no event).
	Code string
	Line int
}

// Words returns the number of literal and synset elements: a measure of how
// specific the pattern is.
func (p *Pattern) Words() int {
	n := 0
	for _, es := range [2][]Elem{p.Before, p.After} {
		for _, e := range es {
			if e.Kind == ElemWord || e.Kind == ElemSynset {
				n++
			}
		}
	}
	return n
}

// Block is a verb block: "--- NAME [CODE] ---" followed by its verbs and
// patterns. Every verb of the block shares the block's patterns.
type Block struct {
	Name string
	// Code is the block's primary code, "---" when the bare verb codes no
	// event.
	Code     string
	Line     int
	Verbs    []*Verb
	Patterns []Pattern
}

// Verb is one verb of a block, possibly of several words ("CORDON OFF").
type Verb struct {
	// Words is the verb phrase, upper case; Head indexes the word that
	// inflects.
	Words []string
	Head  int
	// Forms lists the forms of the head word: the base first, then the
	// irregular forms given in {...} or the regular ones generated.
	Forms []string
	// Code is the verb's own code, or its block's.
	Code  string
	Block *Block
	Line  int
}

// Synset is a named set of synonymous phrases: "&CURRENCY".
type Synset struct {
	Name    string
	Phrases [][]string
	Line    int
	// NoPlural records a name written with a final '_' ("&AUXVERB1_"):
	// its members get no generated plurals.
	NoPlural bool
	// byFirst and byLast index the phrases by their first and last word.
	byFirst, byLast map[string][][]string
}

// index builds the synset's word indexes.
func (s *Synset) index() {
	s.byFirst = make(map[string][][]string, len(s.Phrases))
	s.byLast = make(map[string][][]string, len(s.Phrases))
	for _, p := range s.Phrases {
		s.byFirst[p[0]] = append(s.byFirst[p[0]], p)
		s.byLast[p[len(p)-1]] = append(s.byLast[p[len(p)-1]], p)
	}
}

// PhrasesStarting returns the synset's phrases whose first word is w, or
// with last true those whose last word is w.
func (s *Synset) PhrasesStarting(w string, last bool) [][]string {
	if s.byFirst == nil {
		// a synset built by hand and never indexed: scan, without
		// writing, so that concurrent readers stay safe
		var out [][]string
		for _, p := range s.Phrases {
			if (!last && p[0] == w) || (last && p[len(p)-1] == w) {
				out = append(out, p)
			}
		}
		return out
	}
	if last {
		return s.byLast[w]
	}
	return s.byFirst[w]
}

// Transform is a PETRARCH-2 verb transformation, "~ a (a b ATTACK) SAY =
// a b 015": when the verb SAY has source a and its complement is an event
// coded by the ATTACK block (or by any code, for "Q") from InnerSource to
// InnerTarget, the pair codes ResultSource → ResultTarget with
// ResultCode ("Q" keeps the inner code). A variable "_" or "." matches
// anything.
type Transform struct {
	Source, InnerSource, InnerTarget, InnerVerb, Verb string
	ResultSource, ResultTarget, ResultCode            string
	Line                                              int
}

// Verbs is a verb pattern dictionary.
type Verbs struct {
	File       string
	Synsets    map[string]*Synset
	Blocks     []*Block
	Transforms []Transform
	forms      map[string][]*Verb
	byName     map[string]*Block
}

// NewVerbs returns an empty verb dictionary to be filled with AddBlock, for
// readers of other formats (TABARI's).
func NewVerbs(name string) *Verbs {
	return &Verbs{File: name, Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}, byName: map[string]*Block{}}
}

// AddBlock adds a block and indexes its verbs' forms; each verb's Block is
// set to b.
func (v *Verbs) AddBlock(b *Block) {
	v.Blocks = append(v.Blocks, b)
	for i, vb := range b.Verbs {
		vb.Block = b
		if vb.Code == "" {
			vb.Code = b.Code
		}
		if i == 0 {
			if _, dup := v.byName[vb.Words[vb.Head]]; !dup {
				v.byName[vb.Words[vb.Head]] = b
			}
		}
		for _, f := range vb.Forms {
			v.forms[f] = append(v.forms[f], vb)
		}
	}
}

// AddSynset adds a synonym set, replacing one of the same name.
func (v *Verbs) AddSynset(s *Synset) {
	s.index()
	v.Synsets[s.Name] = s
}

// ParsePattern parses the text of a pattern line after its '-': "$ * WITH
// + [031]".
func ParsePattern(text string) (Pattern, error) { return parsePattern(text) }

// ParseVerb parses a verb line: "GIVE {GAVE GIVEN} [070]", "WIRE_+TAP".
func ParseVerb(text string) (*Verb, error) { return parseVerb(text) }

// Lookup returns the verbs whose head word has the upper-case form word.
func (v *Verbs) Lookup(word string) []*Verb { return v.forms[word] }

// Block returns the block named name (the first verb of a block names it
// for transformations), or nil.
func (v *Verbs) Block(name string) *Block { return v.byName[name] }

// SynsetMatch reports whether a phrase of synset name starts at words[i],
// returning the length of the longest such phrase.
func (v *Verbs) SynsetMatch(name string, words []string, i int) (int, bool) {
	s := v.Synsets[name]
	if s == nil {
		return 0, false
	}
	best := 0
	for _, p := range s.Phrases {
		if len(p) <= best || i+len(p) > len(words) {
			continue
		}
		ok := true
		for k, w := range p {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best, best > 0
}

// ReadVerbsFile reads a verb dictionary from path.
func ReadVerbsFile(path string) (*Verbs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read verbs: %w", err)
	}
	defer f.Close()
	return ReadVerbs(f, path)
}

// ReadVerbs reads a verb dictionary from r; name labels errors. The
// dictionary is returned even when some lines were skipped; the error is
// then an ErrorList. An I/O error returns a nil dictionary.
func ReadVerbs(r io.Reader, name string) (*Verbs, error) {
	ls, err := readLines(r, false)
	if err != nil {
		return nil, fmt.Errorf("read verbs: %s: %w", name, err)
	}
	v := &Verbs{File: name, Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}, byName: map[string]*Block{}}
	var errs ErrorList
	fail := func(n int, format string, args ...any) {
		errs = append(errs, &LineError{Op: "read verbs", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
	}
	var cur *Block
	var syn *Synset // open synset: '+' lines add to it
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "---"):
			syn = nil
			inner := strings.TrimSpace(strings.Trim(t, "-"))
			code, before, ok := bracket(inner)
			if !ok || code == "" {
				code = "---"
			}
			cur = &Block{Name: strings.ToUpper(strings.TrimSpace(before)), Code: code, Line: l.n}
			v.Blocks = append(v.Blocks, cur)
		case t[0] == '&':
			nm := strings.ToUpper(strings.Fields(t)[0])
			if len(nm) < 2 {
				fail(l.n, "synset without a name")
				syn = nil
				continue
			}
			syn = &Synset{Name: strings.TrimSuffix(nm, "_"), Line: l.n, NoPlural: strings.HasSuffix(nm, "_")}
			if _, dup := v.Synsets[syn.Name]; dup {
				fail(l.n, "synset %s defined again; the later definition wins", syn.Name)
			}
			v.Synsets[syn.Name] = syn
		case t[0] == '+' && syn != nil:
			ws := splitWords(t[1:])
			if len(ws) == 0 {
				fail(l.n, "empty synset member")
				continue
			}
			syn.Phrases = append(syn.Phrases, ws)
			if !syn.NoPlural && !strings.HasSuffix(t, "_") {
				pl := append(append([]string(nil), ws[:len(ws)-1]...), plural(ws[len(ws)-1]))
				syn.Phrases = append(syn.Phrases, pl)
			}
		case t[0] == '~':
			syn = nil
			tr, err := parseTransform(t[1:])
			if err != nil {
				fail(l.n, "transformation: %v", err)
				continue
			}
			tr.Line = l.n
			v.Transforms = append(v.Transforms, tr)
		case t[0] == '-':
			syn = nil
			if cur == nil {
				fail(l.n, "pattern outside a verb block")
				continue
			}
			p, err := parsePattern(t[1:])
			if err != nil {
				fail(l.n, "pattern: %v", err)
				continue
			}
			p.Line = l.n
			for _, es := range [2][]Elem{p.Before, p.After} {
				for _, e := range es {
					if e.Kind == ElemSynset {
						if _, ok := v.Synsets[e.Text]; !ok {
							fail(l.n, "pattern uses synset %s before it is defined", e.Text)
						}
					}
				}
			}
			cur.Patterns = append(cur.Patterns, p)
		default:
			syn = nil
			if cur == nil {
				fail(l.n, "verb outside a verb block")
				continue
			}
			vb, err := parseVerb(t)
			if err != nil {
				fail(l.n, "verb: %v", err)
				continue
			}
			vb.Line = l.n
			vb.Block = cur
			if vb.Code == "" {
				vb.Code = cur.Code
			}
			if len(cur.Verbs) == 0 {
				if _, dup := v.byName[vb.Words[vb.Head]]; !dup {
					v.byName[vb.Words[vb.Head]] = cur
				}
			}
			cur.Verbs = append(cur.Verbs, vb)
			for _, f := range vb.Forms {
				v.forms[f] = append(v.forms[f], vb)
			}
		}
	}
	for _, syn := range v.Synsets {
		syn.index()
	}
	return v, errs.Err()
}

// parseVerb parses "VERB {FORMS} [CODE]", "WIRE_+TAP {WIRE_+TAPPED ...}"
// or "+CORDON_OFF".
func parseVerb(t string) (*Verb, error) {
	code, rest, _ := bracket(t)
	rest = strings.TrimSpace(rest)
	var forms []string
	hasForms := false
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("missing '}' in %q", t)
		}
		forms = strings.Fields(strings.ToUpper(rest[i+1 : i+j]))
		hasForms = true
		rest = strings.TrimSpace(rest[:i])
	}
	if rest == "" {
		return nil, fmt.Errorf("no verb in %q", t)
	}
	words, head, err := headWords(rest)
	if err != nil {
		return nil, err
	}
	vb := &Verb{Words: words, Head: head, Code: code}
	base := words[head]
	vb.Forms = []string{base}
	if hasForms {
		for _, f := range forms {
			fw, fh, err := headWords(f)
			if err != nil || len(fw) != len(words) {
				// a one-word form of a multi-word verb names the head
				fw, fh = []string{strings.Trim(f, "+_")}, 0
			}
			vb.Forms = appendUnique(vb.Forms, fw[fh])
		}
	} else {
		for _, f := range Inflections(base) {
			vb.Forms = appendUnique(vb.Forms, f)
		}
	}
	return vb, nil
}

// headWords splits a verb phrase; the word marked with '+' is the head
// (the first word when none is marked and the phrase has one word).
func headWords(s string) ([]string, int, error) {
	parts := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || r == ' ' })
	if len(parts) == 0 {
		return nil, 0, fmt.Errorf("empty verb")
	}
	head := -1
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			parts[i] = strings.TrimLeft(p, "+")
			if head < 0 {
				head = i
			}
		}
	}
	if head < 0 {
		if len(parts) > 1 && strings.Contains(s, "_") {
			return nil, 0, fmt.Errorf("multi-word verb %q marks no word with '+'", s)
		}
		head = 0 // "LASH OUT": PETRARCH takes the first word as the verb
	}
	for _, p := range parts {
		if p == "" {
			return nil, 0, fmt.Errorf("empty word in verb %q", s)
		}
	}
	return parts, head, nil
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// Inflections returns the regular forms of an upper-case English verb:
// third person singular, past and present participle.
func Inflections(base string) []string {
	if base == "" {
		return nil
	}
	last := base[len(base)-1]
	var s, ed, ing string
	switch {
	case strings.HasSuffix(base, "S") || strings.HasSuffix(base, "X") || strings.HasSuffix(base, "Z") ||
		strings.HasSuffix(base, "CH") || strings.HasSuffix(base, "SH"):
		s = base + "ES"
	case last == 'Y' && len(base) > 1 && !isVowel(base[len(base)-2]):
		s = base[:len(base)-1] + "IES"
	default:
		s = base + "S"
	}
	switch {
	case last == 'E':
		ed = base + "D"
		ing = base[:len(base)-1] + "ING"
		if strings.HasSuffix(base, "EE") || strings.HasSuffix(base, "YE") || strings.HasSuffix(base, "OE") {
			ing = base + "ING"
		}
	case last == 'Y' && len(base) > 1 && !isVowel(base[len(base)-2]):
		ed = base[:len(base)-1] + "IED"
		ing = base + "ING"
	default:
		ed = base + "ED"
		ing = base + "ING"
	}
	return []string{s, ed, ing}
}

func isVowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }

// plural returns the regular plural of an upper-case noun as PETRARCH
// forms it.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "Y"):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S"):
		return w + "ES"
	}
	return w + "S"
}

// parsePattern parses the text of a pattern line after its '-'.
func parsePattern(t string) (Pattern, error) {
	var p Pattern
	code, rest, ok := bracket(t)
	if !ok || code == "" {
		return p, fmt.Errorf("no [code] in %q", strings.TrimSpace(t))
	}
	p.Code = code
	rest = strings.ReplaceAll(rest, "_ ", " ")
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSuffix(rest, "_")
	star := strings.IndexByte(rest, '*')
	if star < 0 {
		return p, fmt.Errorf("no '*' for the verb in %q", rest)
	}
	if strings.IndexByte(rest[star+1:], '*') >= 0 {
		return p, fmt.Errorf("two '*' in %q", rest)
	}
	var err error
	if p.Before, err = parseElems(rest[:star]); err != nil {
		return p, err
	}
	if p.After, err = parseElems(rest[star+1:]); err != nil {
		return p, err
	}
	return p, nil
}

func parseElems(s string) ([]Elem, error) {
	var out []Elem
	var stack []Group
	var word strings.Builder
	flush := func(joined bool) {
		if word.Len() == 0 {
			if joined && len(out) > 0 {
				out[len(out)-1].Joined = true
			}
			return
		}
		w := strings.ToUpper(word.String())
		word.Reset()
		e := Elem{Kind: ElemWord, Text: w}
		if len(stack) > 0 {
			e.Group = stack[len(stack)-1]
			e.InPrep = stack[0] == GroupPrep
		}
		switch {
		case w == "$":
			e.Kind = ElemSource
		case w == "+":
			e.Kind = ElemTarget
		case w == "^":
			e.Kind = ElemSkipNP
		case w == "%":
			e.Kind = ElemCompound
		case w[0] == '&':
			e.Kind = ElemSynset
			e.Text = strings.TrimSuffix(w, "_")
		}
		e.Joined = joined
		out = append(out, e)
	}
	for _, r := range s {
		switch r {
		case ' ', '\t':
			flush(false)
		case '_':
			flush(true)
		case '(', '{':
			flush(false)
			g := GroupPrep
			if r == '{' {
				g = GroupNoun
			}
			if len(stack) >= 2 {
				return nil, fmt.Errorf("groups nested too deep in %q", s)
			}
			stack = append(stack, g)
		case ')', '}':
			flush(false)
			want := GroupPrep
			if r == '}' {
				want = GroupNoun
			}
			if len(stack) == 0 || stack[len(stack)-1] != want {
				return nil, fmt.Errorf("unbalanced %q in %q", r, s)
			}
			stack = stack[:len(stack)-1]
		default:
			word.WriteRune(r)
		}
	}
	flush(false)
	if len(stack) != 0 {
		return nil, fmt.Errorf("unclosed group in %q", s)
	}
	if len(out) > 0 {
		out[len(out)-1].Joined = false
	}
	return out, nil
}

// parseTransform parses "a (a b ATTACK) SAY = a b 015".
func parseTransform(t string) (Transform, error) {
	var tr Transform
	lhs, rhs, ok := strings.Cut(t, "=")
	if !ok {
		return tr, fmt.Errorf("no '=' in %q", t)
	}
	open := strings.IndexByte(lhs, '(')
	cls := strings.IndexByte(lhs, ')')
	if open < 0 || cls < open {
		return tr, fmt.Errorf("no (inner event) in %q", lhs)
	}
	outer := strings.Fields(lhs[:open])
	inner := strings.Fields(lhs[open+1 : cls])
	after := strings.Fields(lhs[cls+1:])
	res := strings.Fields(rhs)
	if len(outer) != 1 || len(inner) != 3 || len(after) != 1 || len(res) != 3 {
		return tr, fmt.Errorf("want \"s (s t VERB) VERB = s t CODE\", got %q", strings.TrimSpace(t))
	}
	tr.Source = outer[0]
	tr.InnerSource, tr.InnerTarget, tr.InnerVerb = inner[0], inner[1], strings.ToUpper(inner[2])
	tr.Verb = strings.ToUpper(after[0])
	tr.ResultSource, tr.ResultTarget, tr.ResultCode = res[0], res[1], res[2]
	return tr, nil
}

// Codes returns every distinct event code the dictionary uses, sorted.
func (v *Verbs) Codes() []string {
	seen := map[string]bool{}
	add := func(c string) {
		for _, p := range strings.Split(c, ":") {
			if p != "" && p != "---" {
				seen[p] = true
			}
		}
	}
	for _, b := range v.Blocks {
		add(b.Code)
		for _, vb := range b.Verbs {
			add(vb.Code)
		}
		for _, p := range b.Patterns {
			add(p.Code)
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
