// Package tabari reads the dictionary, options and project files of the
// TABARI event coder (Schrodt, 0.8): .project, .options, .actors, .agents
// and .verbs, as documented in chapters 4, 5, 6 and 8 of the TABARI manual.
//
// The readers are lenient: a malformed line is reported as a *SyntaxError
// naming the file and line and the rest of the file is still read, so that
// one bad entry does not lose a dictionary.
package tabari

import (
	"fmt"
	"strings"
)

// ElemKind tells what one element of a phrase matches.
type ElemKind uint8

// The kinds of phrase elements.
const (
	Literal  ElemKind = iota // a literal word or stem
	VerbSlot                 // "*": where the verb root stands
	Source                   // "$": the source actor
	Target                   // "+": the target actor
	Compound                 // "%": a compound actor that is both source and target
	Skip                     // "^": an actor passed over without being assigned
)

var elemKindNames = [...]string{"word", "verb", "source", "target", "compound", "skip"}

// String names the kind.
func (k ElemKind) String() string {
	if int(k) < len(elemKindNames) {
		return elemKindNames[k]
	}
	return fmt.Sprintf("ElemKind(%d)", k)
}

// Elem is one element of a phrase.
type Elem struct {
	Kind ElemKind
	// Text is the upper-case word or stem (Kind Literal only).
	Text string
	// Exact means the word must match whole (it was followed by an
	// underscore or "="); the regular endings may still follow it unless
	// NoEndings is set.
	Exact bool
	// NoEndings forbids the regular noun and verb endings ("=" suffix).
	NoEndings bool
	// Adjacent means the next element must follow immediately ("_" or "~"
	// connector); otherwise other words may come between.
	Adjacent bool
}

// Phrase is a dictionary phrase: a sequence of elements.
type Phrase []Elem

// String writes the phrase back in dictionary notation.
func (p Phrase) String() string {
	var b strings.Builder
	for i, e := range p {
		switch e.Kind {
		case Literal:
			b.WriteString(e.Text)
			if e.NoEndings {
				b.WriteByte('=')
			}
		case VerbSlot:
			b.WriteByte('*')
		case Source:
			b.WriteByte('$')
		case Target:
			b.WriteByte('+')
		case Compound:
			b.WriteByte('%')
		case Skip:
			b.WriteByte('^')
		}
		if i == len(p)-1 {
			if e.Kind == Literal && e.Exact && !e.NoEndings {
				b.WriteByte('_')
			}
			break
		}
		switch {
		case e.Adjacent && (e.Exact || e.Kind != Literal):
			b.WriteByte('_')
		case e.Adjacent:
			b.WriteByte('~')
		case e.Kind == Literal && e.Exact && !e.NoEndings:
			b.WriteString("_ ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Chars is the phrase length TABARI sorts patterns by: the number of
// letters and digits, ignoring blanks, connectors and the tokens * $ + % ^.
func (p Phrase) Chars() int {
	n := 0
	for _, e := range p {
		if e.Kind == Literal {
			n += len(e.Text)
		}
	}
	return n
}

// ParsePhrase parses a phrase in dictionary notation. Hyphens count as
// underscores (TABARI 0.7.3 and later); "_" joins words that must be
// consecutive and makes the word before it exact; "~" joins words that
// must be consecutive but keeps the stem; a trailing "=" forbids endings.
// Alternatives ({ a | b }) and synsets must be expanded first (see
// ExpandPattern).
func ParsePhrase(s string) (Phrase, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "-", "_")
	var p Phrase
	i := 0
	for i < len(s) {
		// separator run
		j := i
		under, tilde, any := false, false, false
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '_' || s[j] == '~') {
			switch s[j] {
			case '_':
				under = true
			case '~':
				tilde = true
			}
			any = true
			j++
		}
		if any && len(p) > 0 {
			last := &p[len(p)-1]
			if under {
				if last.Kind == Literal && !tilde {
					last.Exact = true
				}
				if j < len(s) {
					last.Adjacent = underAdjacent(s[i:j])
				}
			}
			if tilde && j < len(s) {
				last.Adjacent = true
			}
		}
		i = j
		if i >= len(s) {
			break
		}
		j = i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '_' && s[j] != '~' {
			j++
		}
		w := s[i:j]
		i = j
		var e Elem
		switch w {
		case "*":
			e.Kind = VerbSlot
		case "$":
			e.Kind = Source
		case "+":
			e.Kind = Target
		case "%":
			e.Kind = Compound
		case "^":
			e.Kind = Skip
		default:
			if strings.HasSuffix(w, "=") {
				w = strings.TrimRight(w, "=")
				e.Exact, e.NoEndings = true, true
			}
			if w == "" {
				return nil, fmt.Errorf("empty word in phrase %q", s)
			}
			if strings.ContainsAny(w, "[]{}|*") {
				return nil, fmt.Errorf("bad word %q in phrase %q", w, s)
			}
			e.Text = w
		}
		p = append(p, e)
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	return p, nil
}

// underAdjacent reports whether a separator run holding an underscore
// joins its neighbours: "A_B" and "A _B" do, "A_ B" does not (the
// underscore only makes A exact).
func underAdjacent(sep string) bool {
	// the last non-blank character decides: an underscore right before
	// the next word joins it.
	return sep[len(sep)-1] == '_' || !strings.ContainsAny(sep, " \t")
}

// maxExpansions caps how many phrases one pattern with alternatives and
// synsets may expand into.
const maxExpansions = 4096

// ExpandPattern expands the alternative sets ({ a | b | c }) and synset
// designators (&NAME, looked up in synsets) of a pattern into the plain
// phrases it stands for, in a stable order.
func ExpandPattern(s string, synsets map[string][]string) ([]string, error) {
	out, err := expandAlts(s)
	if err != nil {
		return nil, err
	}
	var res []string
	for _, o := range out {
		e, err := expandSynsets(o, synsets, 0)
		if err != nil {
			return nil, err
		}
		res = append(res, e...)
		if len(res) > maxExpansions {
			return nil, fmt.Errorf("pattern expands into more than %d phrases", maxExpansions)
		}
	}
	return res, nil
}

func expandAlts(s string) ([]string, error) {
	open := strings.IndexByte(s, '{')
	if open < 0 {
		if strings.ContainsAny(s, "|}") {
			return nil, fmt.Errorf("unbalanced alternatives in %q", s)
		}
		return []string{s}, nil
	}
	depth, close := 0, -1
	for i := open; i < len(s); i++ {
		if s[i] == '{' {
			depth++
		} else if s[i] == '}' {
			depth--
			if depth == 0 {
				close = i
				break
			}
		}
	}
	if close < 0 {
		return nil, fmt.Errorf("missing } in %q", s)
	}
	var alts []string
	depth, start := 0, open+1
	for i := open + 1; i < close; i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				alts = append(alts, s[start:i])
				start = i + 1
			}
		}
	}
	alts = append(alts, s[start:close])
	rest, err := expandAlts(s[close+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range alts {
		inner, err := expandAlts(strings.TrimSpace(a))
		if err != nil {
			return nil, err
		}
		for _, in := range inner {
			for _, r := range rest {
				out = append(out, s[:open]+in+r)
				if len(out) > maxExpansions {
					return nil, fmt.Errorf("pattern expands into more than %d phrases", maxExpansions)
				}
			}
		}
	}
	return out, nil
}

func expandSynsets(s string, synsets map[string][]string, depth int) ([]string, error) {
	amp := strings.IndexByte(s, '&')
	if amp < 0 {
		return []string{s}, nil
	}
	if depth > 8 {
		return nil, fmt.Errorf("synsets nested too deeply in %q", s)
	}
	j := amp + 1
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '_' && s[j] != '~' {
		j++
	}
	name := strings.ToUpper(s[amp:j])
	members, ok := synsets[name]
	if !ok {
		return nil, fmt.Errorf("unknown synset %s", name)
	}
	var out []string
	for _, m := range members {
		sub, err := expandSynsets(s[:amp]+m+s[j:], synsets, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, sub...)
		if len(out) > maxExpansions {
			return nil, fmt.Errorf("pattern expands into more than %d phrases", maxExpansions)
		}
	}
	return out, nil
}

// patternChars is TABARI's length of a pattern (manual 5.7.1): its letters
// and digits, not counting synset designators.
func patternChars(s string) int {
	n := 0
	inSyn := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			inSyn = true
		case c == ' ' || c == '\t' || c == '_' || c == '~':
			inSyn = false
		case !inSyn && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'):
			n++
		}
	}
	return n
}
