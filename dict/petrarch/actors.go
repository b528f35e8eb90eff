package petrarch

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Restriction tells when a dated actor code applies.
type Restriction uint8

// The restrictions. Every bound is inclusive, as in PETRARCH.
const (
	Always  Restriction = iota // [CODE]: the default
	Before                     // [CODE <date]: on or before the date
	After                      // [CODE >date]: on or after the date
	Between                    // [CODE date-date]: within the interval
)

var restrictionNames = [...]string{Always: "always", Before: "before", After: "after", Between: "between"}

// String returns the restriction's name.
func (r Restriction) String() string {
	if int(r) < len(restrictionNames) {
		return restrictionNames[r]
	}
	return fmt.Sprintf("Restriction(%d)", uint8(r))
}

// DatedCode is one code of an actor with its date restriction. Dates are
// YYYYMMDD numbers.
type DatedCode struct {
	Code     string
	Kind     Restriction
	From, To int
}

// Applies reports whether the code applies on date (YYYYMMDD).
func (c DatedCode) Applies(date int) bool {
	switch c.Kind {
	case Before:
		return date <= c.To
	case After:
		return date >= c.From
	case Between:
		return date >= c.From && date <= c.To
	}
	return true
}

// Phrase is a dictionary phrase: words, each flagged when the next word
// must follow it immediately (written with '_'); otherwise other words may
// come between, as PETRARCH allows.
type Phrase struct {
	Words  []string
	Joined []bool
}

// String writes the phrase back in dictionary form.
func (p Phrase) String() string {
	var b strings.Builder
	for i, w := range p.Words {
		b.WriteString(w)
		if i < len(p.Words)-1 {
			if p.Joined[i] {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

// Match reports whether the phrase matches words starting at words[0],
// returning how many words it spans.
func (p Phrase) Match(words []string) (int, bool) {
	if len(p.Words) == 0 || len(words) == 0 || words[0] != p.Words[0] {
		return 0, false
	}
	k := 1
	for i := 1; i < len(p.Words); i++ {
		for {
			if k >= len(words) {
				return 0, false
			}
			if words[k] == p.Words[i] {
				k++
				break
			}
			if p.Joined[i-1] {
				return 0, false
			}
			k++
		}
	}
	return k, true
}

func parsePhrase(s string) Phrase {
	s = strings.ToUpper(strings.TrimSpace(s))
	var p Phrase
	var w strings.Builder
	flush := func(joined bool) {
		if w.Len() == 0 {
			if joined && len(p.Joined) > 0 {
				p.Joined[len(p.Joined)-1] = true
			}
			return
		}
		p.Words = append(p.Words, w.String())
		p.Joined = append(p.Joined, joined)
		w.Reset()
	}
	for _, r := range s {
		switch r {
		case ' ', '\t':
			flush(false)
		case '_':
			flush(true)
		default:
			w.WriteRune(r)
		}
	}
	flush(false)
	if n := len(p.Joined); n > 0 {
		p.Joined[n-1] = false
	}
	return p
}

// Actor is one actor entry: a primary phrase, its synonyms and its codes.
type Actor struct {
	Names []Phrase // the primary phrase first
	Codes []DatedCode
	Line  int
	idx   int // position in Actors.Entries
}

// CodeOn returns the actor's code on date (YYYYMMDD): the first restricted
// code that applies, else the last unrestricted one, else "".
func (a *Actor) CodeOn(date int) string {
	for _, c := range a.Codes {
		if c.Kind != Always && c.Applies(date) {
			return c.Code
		}
	}
	code := ""
	for _, c := range a.Codes {
		if c.Kind == Always {
			code = c.Code
		}
	}
	return code
}

type phraseRef struct {
	p   Phrase
	idx int // index into the owning slice
}

// phraseIndex finds phrases by their first word and, for phrases whose
// second word must follow the first, by the second too: most phrases that
// start with a common word ("THE", "NEW") are skipped without a look.
type phraseIndex struct {
	first map[string]*indexEntry
}

// indexEntry holds the phrases that start with one word: those to try
// whatever follows, and those keyed by their joined second word.
type indexEntry struct {
	one []phraseRef
	two map[string][]phraseRef
}

func (x *phraseIndex) add(r phraseRef) {
	if x.first == nil {
		x.first = map[string]*indexEntry{}
	}
	w := r.p.Words
	e := x.first[w[0]]
	if e == nil {
		e = &indexEntry{}
		x.first[w[0]] = e
	}
	if len(w) >= 2 && r.p.Joined[0] {
		if e.two == nil {
			e.two = map[string][]phraseRef{}
		}
		e.two[w[1]] = append(e.two[w[1]], r)
		return
	}
	e.one = append(e.one, r)
}

// match returns the index of the matching phrase with the most words and
// the number of words it spans, or -1.
func (x *phraseIndex) match(words []string) (int, int) {
	if len(words) == 0 {
		return -1, 0
	}
	best, bestLen, bestWords := -1, 0, 0
	try := func(rs []phraseRef) {
		for _, r := range rs {
			if len(r.p.Words) <= bestWords && best >= 0 {
				continue
			}
			if n, ok := r.p.Match(words); ok {
				best, bestLen, bestWords = r.idx, n, len(r.p.Words)
			}
		}
	}
	e := x.first[words[0]]
	if e == nil {
		return -1, 0
	}
	try(e.one)
	if len(words) > 1 && e.two != nil {
		try(e.two[words[1]])
	}
	return best, bestLen
}

// Actors is an actor dictionary (one file or several merged).
type Actors struct {
	Entries []*Actor
	index   phraseIndex
}

// Add adds an actor entry with its phrases and codes, for readers of other
// formats (TABARI's).
func (a *Actors) Add(names []Phrase, codes []DatedCode, line int) *Actor {
	act := &Actor{Codes: codes, Line: line, idx: len(a.Entries)}
	a.Entries = append(a.Entries, act)
	for _, p := range names {
		if len(p.Words) == 0 {
			continue
		}
		act.Names = append(act.Names, p)
		a.index.add(phraseRef{p: p, idx: len(a.Entries) - 1})
	}
	return act
}

// AddCode adds a code to an actor added before.
func (a *Actors) AddCode(act *Actor, c DatedCode) { act.Codes = append(act.Codes, c) }

// AddName adds a synonym to an actor added before.
func (a *Actors) AddName(act *Actor, p Phrase) {
	if len(p.Words) == 0 || act.idx >= len(a.Entries) || a.Entries[act.idx] != act {
		return
	}
	act.Names = append(act.Names, p)
	a.index.add(phraseRef{p: p, idx: act.idx})
}

// ParsePhrase parses a dictionary phrase: words separated by blanks (other
// words may come between) or underscores (they may not).
func ParsePhrase(s string) Phrase { return parsePhrase(s) }

// ParseDatedCode parses "[CODE]", "[CODE <date]", "[CODE >date]" or
// "[CODE date-date]".
func ParseDatedCode(s string) (DatedCode, error) { return parseDatedCode(s) }

// NewActors returns an empty actor dictionary.
func NewActors() *Actors { return &Actors{} }

// Match finds the actor whose phrase matches words at words[0], preferring
// the phrase that spans the most dictionary words, then the earliest entry.
func (a *Actors) Match(words []string) (*Actor, int) {
	i, n := a.index.match(words)
	if i < 0 {
		return nil, 0
	}
	return a.Entries[i], n
}

// ReadActorsFile reads an actor dictionary file into a.
func (a *Actors) ReadActorsFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read actors: %w", err)
	}
	defer f.Close()
	return a.ReadActors(f, path)
}

// ReadActors reads an actor dictionary from r into a; name labels errors.
// Skipped lines are reported as an ErrorList; the rest is still added.
func (a *Actors) ReadActors(r io.Reader, name string) error {
	ls, err := readLines(r, true)
	if err != nil {
		return fmt.Errorf("read actors: %s: %w", name, err)
	}
	var errs ErrorList
	fail := func(n int, format string, args ...any) {
		errs = append(errs, &LineError{Op: "read actors", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
	}
	var cur *Actor
	add := func(p Phrase) {
		if len(p.Words) == 0 {
			return
		}
		cur.Names = append(cur.Names, p)
		a.index.add(phraseRef{p: p, idx: len(a.Entries) - 1})
	}
	for _, l := range ls {
		if strings.Contains(l.text, "---STOP---") {
			break
		}
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		indented := l.text[0] == ' ' || l.text[0] == '\t'
		switch {
		case t[0] == '[' && (indented || cur != nil):
			if cur == nil {
				fail(l.n, "date restriction before any actor")
				continue
			}
			c, err := parseDatedCode(t)
			if err != nil {
				fail(l.n, "%v", err)
				continue
			}
			cur.Codes = append(cur.Codes, c)
		case t[0] == '+':
			if cur == nil {
				fail(l.n, "synonym before any actor")
				continue
			}
			code, before, ok := bracket(t[1:])
			add(parsePhrase(before))
			if ok && code != "" {
				cur.Codes = append(cur.Codes, DatedCode{Code: code})
			}
		default:
			code, before, ok := bracket(t)
			p := parsePhrase(before)
			if len(p.Words) == 0 {
				fail(l.n, "actor line without a phrase")
				continue
			}
			cur = &Actor{Line: l.n, idx: len(a.Entries)}
			a.Entries = append(a.Entries, cur)
			add(p)
			if ok {
				if code == "" {
					fail(l.n, "empty code")
				} else {
					c, err := parseDatedCode("[" + code + "]")
					if err != nil {
						fail(l.n, "%v", err)
					} else {
						cur.Codes = append(cur.Codes, c)
					}
				}
			}
		}
	}
	return errs.Err()
}

// parseDatedCode parses "[CODE]", "[CODE <date]", "[CODE >date]" or
// "[CODE date-date]"; dates are YYYYMMDD or YYMMDD.
func parseDatedCode(t string) (DatedCode, error) {
	inside, _, _ := bracket(t)
	f := strings.Fields(inside)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code in %q", t)
	}
	c := DatedCode{Code: f[0]}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return c, nil
	}
	switch {
	case rest[0] == '<' || rest[0] == '>':
		d, err := ParseDate(rest[1:])
		if err != nil {
			return c, fmt.Errorf("restriction %q: %w", inside, err)
		}
		if rest[0] == '<' {
			c.Kind, c.To = Before, d
		} else {
			c.Kind, c.From = After, d
		}
	case strings.Contains(rest, "-"):
		a, b, _ := strings.Cut(rest, "-")
		d1, err := ParseDate(a)
		if err != nil {
			return c, fmt.Errorf("restriction %q: %w", inside, err)
		}
		d2, err := ParseDate(b)
		if err != nil {
			return c, fmt.Errorf("restriction %q: %w", inside, err)
		}
		if d2 < d1 {
			return c, fmt.Errorf("restriction %q ends before it starts", inside)
		}
		c.Kind, c.From, c.To = Between, d1, d2
	default:
		return c, fmt.Errorf("restriction %q: want <date, >date or date-date", inside)
	}
	return c, nil
}

// ParseDate parses a PETRARCH date, YYYYMMDD or YYMMDD (years 00-30 are
// 20YY, others 19YY), and returns it as the number YYYYMMDD. The day is
// checked against the month, leap years included.
func ParseDate(s string) (int, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	var err error
	switch {
	case len(s) >= 8:
		if y, err = strconv.Atoi(s[:4]); err == nil {
			if m, err = strconv.Atoi(s[4:6]); err == nil {
				d, err = strconv.Atoi(s[6:8])
			}
		}
	case len(s) == 6:
		if y, err = strconv.Atoi(s[:2]); err == nil {
			if y <= 30 {
				y += 2000
			} else {
				y += 1900
			}
			if m, err = strconv.Atoi(s[2:4]); err == nil {
				d, err = strconv.Atoi(s[4:6])
			}
		}
	default:
		return 0, fmt.Errorf("date %q: want YYYYMMDD or YYMMDD", s)
	}
	if err != nil || y < 0 {
		return 0, fmt.Errorf("date %q: not a number", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("date %q: no such day", s)
	}
	return y*10000 + m*100 + d, nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Agent is one agent entry: a phrase and the code it adds to an actor's.
type Agent struct {
	Phrase Phrase
	// Code is the agent code without its '~'.
	Code string
	// Prefix reports a code written "CODE~", which goes before the actor's
	// code (NGO~); "~CODE" goes after it.
	Prefix bool
	Line   int
}

// Agents is an agent dictionary.
type Agents struct {
	Entries []*Agent
	index   phraseIndex
}

// Match finds the agent whose phrase matches at words[0], preferring the
// phrase with the most words, then the earliest entry.
func (a *Agents) Match(words []string) (*Agent, int) {
	if a == nil {
		return nil, 0
	}
	i, n := a.index.match(words)
	if i < 0 {
		return nil, 0
	}
	return a.Entries[i], n
}

// ReadAgentsFile reads an agent dictionary from path.
func ReadAgentsFile(path string) (*Agents, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read agents: %w", err)
	}
	defer f.Close()
	return ReadAgents(f, path)
}

// ReadAgents reads an agent dictionary: "PHRASE {PLURALS} [~CODE]" lines,
// where {} lists the plural forms ({} alone: none; absent: the regular
// plural), and "!MACRO! = A, B" substitution sets used as "CONGRESS!PERSON!".
func ReadAgents(r io.Reader, name string) (*Agents, error) {
	ls, err := readLines(r, false)
	if err != nil {
		return nil, fmt.Errorf("read agents: %s: %w", name, err)
	}
	a := &Agents{}
	var errs ErrorList
	fail := func(n int, format string, args ...any) {
		errs = append(errs, &LineError{Op: "read agents", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
	}
	macros := map[string][]string{}
	store := func(phrase, code string, prefix bool, n int) {
		p := parsePhrase(phrase)
		if len(p.Words) == 0 {
			return
		}
		a.Entries = append(a.Entries, &Agent{Phrase: p, Code: code, Prefix: prefix, Line: n})
		a.index.add(phraseRef{p: p, idx: len(a.Entries) - 1})
	}
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.Contains(t, "!") && strings.Contains(t, "=") && !strings.Contains(t, "[") {
			lhs, rhs, _ := strings.Cut(t, "=")
			m := strings.Trim(strings.TrimSpace(lhs), "!")
			if m == "" || strings.Count(strings.TrimSpace(lhs), "!") != 2 {
				fail(l.n, "substitution marker incorrectly defined")
				continue
			}
			var items []string
			for _, it := range strings.Split(rhs, ",") {
				if it = strings.ToUpper(strings.TrimSpace(it)); it != "" {
					items = append(items, it)
				}
			}
			macros[strings.ToUpper(m)] = items
			continue
		}
		code, before, ok := bracket(t)
		if !ok || code == "" {
			fail(l.n, "agent without a [code]")
			continue
		}
		code = strings.ReplaceAll(code, " ", "")
		prefix := false
		switch {
		case strings.HasPrefix(code, "~"):
			code = code[1:]
		case strings.HasSuffix(code, "~"):
			code, prefix = code[:len(code)-1], true
		default:
			fail(l.n, "agent code %q has no '~'", code)
			continue
		}
		if code == "" {
			fail(l.n, "empty agent code")
			continue
		}
		phrase := strings.TrimSpace(before)
		if i := strings.IndexByte(phrase, '!'); i >= 0 {
			j := strings.IndexByte(phrase[i+1:], '!')
			if j < 0 {
				fail(l.n, "substitution marker not closed")
				continue
			}
			m := strings.ToUpper(phrase[i+1 : i+1+j])
			items, ok := macros[m]
			if !ok {
				fail(l.n, "substitution marker !%s! is not defined", m)
				continue
			}
			for _, it := range items {
				store(phrase[:i]+it+phrase[i+2+j:], code, prefix, l.n)
			}
			continue
		}
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase[i:], '}')
			if j < 0 {
				fail(l.n, "missing '}'")
				continue
			}
			plurals := strings.Fields(phrase[i+1 : i+j])
			store(phrase[:i], code, prefix, l.n)
			for _, p := range plurals {
				store(p, code, prefix, l.n)
			}
			continue
		}
		if strings.HasSuffix(phrase, "_") {
			// TABARI's exact-word mark: no plural
			store(phrase, code, prefix, l.n)
			continue
		}
		store(phrase, code, prefix, l.n)
		up := strings.ToUpper(phrase)
		switch {
		case strings.HasSuffix(up, "Y"):
			store(up[:len(up)-1]+"IES", code, prefix, l.n)
		case strings.HasSuffix(up, "S"):
			store(up+"ES", code, prefix, l.n)
		default:
			store(up+"S", code, prefix, l.n)
		}
	}
	return a, errs.Err()
}

// Discard is a discard phrase: a sentence (or, with Story, the whole
// story) containing it is not coded.
type Discard struct {
	Words []string
	Story bool
	// Exact reports a phrase written with a final '_': its last word must
	// match whole; otherwise it matches as a stem.
	Exact bool
	Line  int
}

// Discards is a discard list.
type Discards struct{ Entries []Discard }

// ReadDiscardsFile reads a discard list from path.
func ReadDiscardsFile(path string) (*Discards, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read discards: %w", err)
	}
	defer f.Close()
	return ReadDiscards(f, path)
}

// ReadDiscards reads a discard list: one phrase per line, '+' marking a
// story-level discard.
func ReadDiscards(r io.Reader, name string) (*Discards, error) {
	ls, err := readLines(r, false)
	if err != nil {
		return nil, fmt.Errorf("read discards: %s: %w", name, err)
	}
	d := &Discards{}
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		e := Discard{Line: l.n}
		if t[0] == '+' {
			e.Story = true
			t = t[1:]
		}
		e.Exact = strings.HasSuffix(t, "_")
		e.Words = splitWords(t)
		if len(e.Words) > 0 {
			d.Entries = append(d.Entries, e)
		}
	}
	sort.SliceStable(d.Entries, func(i, j int) bool { return d.Entries[i].Story && !d.Entries[j].Story })
	return d, nil
}

// Check looks for a discard phrase in the upper-case words of a sentence.
// It returns the first match, story-level discards first, and whether one
// was found.
func (d *Discards) Check(words []string) (Discard, bool) {
	if d == nil {
		return Discard{}, false
	}
	for _, e := range d.Entries {
		n := len(e.Words)
		for i := 0; i+n <= len(words); i++ {
			ok := true
			for k, w := range e.Words {
				got := words[i+k]
				if k == n-1 && !e.Exact {
					if !strings.HasPrefix(got, w) {
						ok = false
					}
				} else if got != w {
					ok = false
				}
				if !ok {
					break
				}
			}
			if ok {
				return e, true
			}
		}
	}
	return Discard{}, false
}
