package tabari

import (
	"fmt"
	"io"
	"strings"
)

// Pattern is one verb phrase ("- + * FROM $ [066]") after its
// alternatives and synsets were expanded: a pattern with alternatives
// yields one Pattern per expansion, all with the same Text and Line.
type Pattern struct {
	Text   string // as written, without the leading "-" and the code
	Phrase Phrase // holds exactly one VerbSlot
	Code   EventCode
	Line   int
	// Len is the length patterns are tried by, longest first: the letters
	// and digits of the pattern, synset designators not counted.
	Len int
}

// Verb is a verb root with its irregular forms and patterns. Patterns are
// sorted longest first (Phrase.Chars), file order on ties, which is the
// order TABARI tries them in.
type Verb struct {
	Text     string
	Root     Phrase
	Forms    []Phrase // irregular forms ({BROKE_ BROKEN_})
	Code     EventCode
	HasCode  bool
	Patterns []Pattern
	Line     int
}

// TimePhrase is an entry of the <TIME> section: a phrase shifting the
// event date by Shift days.
type TimePhrase struct {
	Text  string
	Shift string
	Line  int
}

// Verbs is a parsed .verbs file.
type Verbs struct {
	Verbs   []Verb
	Synsets map[string][]string // "&NAME" -> member phrases as written
	Time    []TimePhrase
}

// ReadVerbsFile reads a .verbs file.
func ReadVerbsFile(path string) (*Verbs, Problems, error) {
	return readFile(path, ReadVerbs)
}

// ReadVerbs reads a .verbs dictionary from r; name is used in errors.
func ReadVerbs(r io.Reader, name string) (*Verbs, Problems, error) {
	const op = "read verbs"
	v := &Verbs{Synsets: map[string][]string{}}
	var probs Problems
	bad := func(line int, format string, args ...any) {
		probs = append(probs, &SyntaxError{Op: op, File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	lr := newLineReader(r)
	section := ""
	synset := ""
	cur := -1
	for {
		raw, n, ok := lr.next()
		if !ok {
			break
		}
		s := strings.TrimSpace(raw)
		if isComment(s) {
			continue
		}
		up := strings.ToUpper(s)
		if strings.HasPrefix(up, "</") {
			section, synset = "", ""
			continue
		}
		if strings.HasPrefix(up, "<") {
			switch {
			case strings.HasPrefix(up, "<SYNSET"):
				section = "synset"
			case strings.HasPrefix(up, "<TIME"):
				section = "time"
			default:
				section = "other"
			}
			continue
		}
		switch section {
		case "other":
			continue
		case "synset":
			if i := strings.IndexByte(s, ';'); i >= 0 {
				s = strings.TrimSpace(s[:i])
			}
			switch {
			case strings.HasPrefix(s, "&"):
				synset = strings.ToUpper(strings.Fields(s)[0])
				if _, dup := v.Synsets[synset]; !dup {
					v.Synsets[synset] = nil
				}
			case strings.HasPrefix(s, "+") && synset != "":
				m := strings.TrimSpace(s[1:])
				if m == "" {
					bad(n, "empty synset member")
					continue
				}
				if strings.Contains(strings.ToUpper(m), synset) {
					bad(n, "synset %s refers to itself", synset)
					continue
				}
				// members may use earlier synsets; expand now
				ex, err := expandSynsets(m, v.Synsets, 0)
				if err != nil {
					bad(n, "%v", err)
					continue
				}
				v.Synsets[synset] = append(v.Synsets[synset], ex...)
			default:
				bad(n, "unexpected line %q in <SYNSETS>", s)
			}
			continue
		case "time":
			ph, blocks, err := splitEntry(s)
			if err != nil || len(blocks) == 0 {
				if err == nil {
					err = fmt.Errorf("time phrase without a shift")
				}
				bad(n, "%v", err)
				continue
			}
			v.Time = append(v.Time, TimePhrase{Text: strings.TrimSpace(strings.TrimPrefix(ph, "-")), Shift: strings.TrimSpace(blocks[0]), Line: n})
			continue
		}
		switch s[0] {
		case '{':
			if cur < 0 {
				bad(n, "verb forms before any verb")
				continue
			}
			body := strings.TrimPrefix(s, "{")
			if i := strings.IndexByte(body, '}'); i >= 0 {
				body = body[:i]
			} else {
				bad(n, "missing } in verb forms")
				continue
			}
			for _, f := range strings.Fields(body) {
				p, err := ParsePhrase(f)
				if err != nil {
					bad(n, "%v", err)
					continue
				}
				v.Verbs[cur].Forms = append(v.Verbs[cur].Forms, p)
			}
			continue
		case '-', '_':
			if cur < 0 {
				bad(n, "pattern before any verb")
				continue
			}
			ph, blocks, err := splitEntry(s[1:])
			if err == nil && len(blocks) == 0 {
				err = fmt.Errorf("pattern without a code")
			}
			var code EventCode
			if err == nil {
				code, err = ParseEventCode(blocks[0])
			}
			if err == nil && strings.Count(ph, "*") != 1 {
				err = fmt.Errorf("pattern %q needs exactly one verb marker *", ph)
			}
			var alts []string
			if err == nil {
				alts, err = expandAlts(ph)
			}
			if err != nil {
				bad(n, "%v", err)
				continue
			}
		alts:
			for _, a := range alts {
				exp, err := expandSynsets(a, v.Synsets, 0)
				if err != nil {
					bad(n, "%v", err)
					break
				}
				for _, x := range exp {
					p, err := ParsePhrase(x)
					if err != nil {
						bad(n, "%v", err)
						break alts
					}
					v.Verbs[cur].Patterns = append(v.Verbs[cur].Patterns, Pattern{Text: ph, Phrase: p, Code: code, Line: n, Len: patternChars(a)})
				}
			}
			continue
		}
		ph, blocks, err := splitEntry(s)
		var root Phrase
		if err == nil {
			if ph == "" {
				err = fmt.Errorf("missing verb")
			} else {
				root, err = ParsePhrase(ph)
			}
		}
		var code EventCode
		if err == nil && len(blocks) > 0 {
			code, err = ParseEventCode(blocks[0])
		}
		if err != nil {
			bad(n, "%v", err)
			cur = -1
			continue
		}
		v.Verbs = append(v.Verbs, Verb{Text: ph, Root: root, Code: code, HasCode: len(blocks) > 0, Line: n})
		cur = len(v.Verbs) - 1
	}
	for i := range v.Verbs {
		sortStable(v.Verbs[i].Patterns, func(p Pattern) int { return p.Len })
	}
	if err := lr.err(); err != nil {
		return v, probs, fmt.Errorf("%s: %s:%d: %w", op, name, lr.n, err)
	}
	return v, probs, nil
}
