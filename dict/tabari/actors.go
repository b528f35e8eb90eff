package tabari

import (
	"fmt"
	"io"
	"strings"
)

// Actor is one actor phrase with its code blocks. Synonyms (lines
// starting with "+") get their own Actor sharing the code blocks; Parent
// then holds the text of the first phrase of the group.
type Actor struct {
	Text   string // the phrase as written
	Phrase Phrase
	Codes  []DatedCode
	Parent string
	Line   int
}

// CodeAt resolves the actor's date restrictions for date (YYYYMMDD): the
// first restricted code that applies, else the unrestricted default, else
// the null code "---" (manual 6.5.2).
func (a *Actor) CodeAt(date int) string {
	def := ""
	for _, c := range a.Codes {
		if !c.Restricted() {
			if def == "" {
				def = c.Code
			}
			continue
		}
		if date != 0 && c.Applies(date) {
			return c.Code
		}
	}
	if def == "" {
		return "---"
	}
	return def
}

// Word is a noun or adjective entry.
type Word struct {
	Text   string
	Phrase Phrase
	Line   int
}

// Actors is a parsed .actors file: actor phrases and the <NOUN> and
// <ADJECTIVE> lists.
type Actors struct {
	Actors     []Actor
	Nouns      []Word
	Adjectives []Word
}

// ReadActorsFile reads an .actors file.
func ReadActorsFile(path string) (*Actors, Problems, error) {
	return readFile(path, ReadActors)
}

// ReadActors reads an .actors dictionary from r; name is used in errors.
// Malformed lines are skipped and returned as problems.
func ReadActors(r io.Reader, name string) (*Actors, Problems, error) {
	const op = "read actors"
	a := &Actors{}
	var probs Problems
	bad := func(line int, format string, args ...any) {
		probs = append(probs, &SyntaxError{Op: op, File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	lr := newLineReader(r)
	section := ""
	// the open synonym group: indices into a.Actors, waiting for codes
	var group []int
	groupCoded := false
	closeGroup := func() {
		if len(group) > 0 && !groupCoded {
			bad(a.Actors[group[0]].Line, "actor %q has no code", a.Actors[group[0]].Text)
			// drop the uncoded group
			a.Actors = a.Actors[:group[0]]
		}
		group, groupCoded = nil, false
	}
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
		switch {
		case strings.HasPrefix(up, "</"):
			section = ""
			continue
		case up == "<NOUN>" || up == "<NOUNS>":
			closeGroup()
			section = "noun"
			continue
		case up == "<ADJECTIVE>" || up == "<ADJECTIVES>" || up == "<ADJ>":
			closeGroup()
			section = "adj"
			continue
		case strings.HasPrefix(up, "<"):
			closeGroup()
			section = "other"
			continue
		}
		if section == "other" {
			continue
		}
		if section != "" {
			ph, _, err := splitEntry(s)
			if err == nil {
				var p Phrase
				if p, err = ParsePhrase(ph); err == nil {
					w := Word{Text: ph, Phrase: p, Line: n}
					if section == "noun" {
						a.Nouns = append(a.Nouns, w)
					} else {
						a.Adjectives = append(a.Adjectives, w)
					}
					continue
				}
			}
			bad(n, "%v", err)
			continue
		}
		// indented code block continuing a group
		if (raw[0] == ' ' || raw[0] == '\t') && s[0] == '[' && len(group) > 0 {
			_, blocks, err := splitEntry(s)
			if err == nil {
				err = addBlocks(a, group, blocks)
			}
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			groupCoded = true
			continue
		}
		if s[0] == '+' {
			if len(group) == 0 {
				bad(n, "synonym %q without an actor", s)
				continue
			}
			ph, blocks, err := splitEntry(s[1:])
			var p Phrase
			if err == nil {
				p, err = ParsePhrase(ph)
			}
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			a.Actors = append(a.Actors, Actor{Text: ph, Phrase: p, Parent: a.Actors[group[0]].Text, Line: n})
			group = append(group, len(a.Actors)-1)
			if len(blocks) > 0 {
				if err := addBlocks(a, group, blocks); err != nil {
					bad(n, "%v", err)
				}
				groupCoded = true
			}
			continue
		}
		closeGroup()
		ph, blocks, err := splitEntry(s)
		var p Phrase
		if err == nil {
			if ph == "" {
				err = fmt.Errorf("missing phrase")
			} else {
				p, err = ParsePhrase(ph)
			}
		}
		if err != nil {
			bad(n, "%v", err)
			continue
		}
		a.Actors = append(a.Actors, Actor{Text: ph, Phrase: p, Parent: ph, Line: n})
		group = []int{len(a.Actors) - 1}
		if len(blocks) > 0 {
			if err := addBlocks(a, group, blocks); err != nil {
				bad(n, "%v", err)
				a.Actors = a.Actors[:len(a.Actors)-1]
				group = nil
				continue
			}
			groupCoded = true
		}
	}
	closeGroup()
	if err := lr.err(); err != nil {
		return a, probs, fmt.Errorf("%s: %s:%d: %w", op, name, lr.n, err)
	}
	return a, probs, nil
}

func addBlocks(a *Actors, group []int, blocks []string) error {
	var codes []DatedCode
	for _, b := range blocks {
		c, err := parseCodeBlock(b)
		if err != nil {
			return err
		}
		codes = append(codes, c)
	}
	for _, i := range group {
		a.Actors[i].Codes = append(a.Actors[i].Codes, codes...)
	}
	return nil
}

// Agent is one .agents entry: a common noun and its agent code, with "~"
// marking where the actor code goes ("~GOV" appends, "NGM~" prefixes).
type Agent struct {
	Text   string
	Phrase Phrase
	Code   string // e.g. "~GOV"; "---" for a null-coded agent
	Line   int
}

// Suffix reports whether the agent code is appended to the actor code.
func (a *Agent) Suffix() bool { return strings.HasPrefix(a.Code, "~") }

// Bare returns the agent code without the "~".
func (a *Agent) Bare() string { return strings.Trim(a.Code, "~") }

// ReadAgentsFile reads an .agents file.
func ReadAgentsFile(path string) ([]Agent, Problems, error) {
	return readFile(path, ReadAgents)
}

// ReadAgents reads an .agents dictionary from r; name is used in errors.
// Synonym lines ("+PHRASE") share the code of their group.
func ReadAgents(r io.Reader, name string) ([]Agent, Problems, error) {
	const op = "read agents"
	var out []Agent
	var probs Problems
	bad := func(line int, format string, args ...any) {
		probs = append(probs, &SyntaxError{Op: op, File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	lr := newLineReader(r)
	var pending []Agent // synonym group without a code yet
	inOther := false
	for {
		raw, n, ok := lr.next()
		if !ok {
			break
		}
		s := strings.TrimSpace(raw)
		if isComment(s) {
			continue
		}
		if strings.HasPrefix(s, "</") {
			inOther = false
			continue
		}
		if strings.HasPrefix(s, "<") {
			inOther = true
			continue
		}
		if inOther {
			continue
		}
		syn := s[0] == '+'
		if syn {
			s = strings.TrimSpace(s[1:])
			if s == "" {
				bad(n, "empty synonym")
				continue
			}
		}
		if s[0] == '[' && len(pending) > 0 {
			syn = true
		}
		ph, blocks, err := splitEntry(s)
		if err != nil {
			bad(n, "%v", err)
			continue
		}
		if !syn && len(pending) > 0 {
			bad(pending[0].Line, "agent %q has no code", pending[0].Text)
			pending = nil
		}
		if ph != "" {
			p, err := ParsePhrase(ph)
			if err != nil {
				bad(n, "%v", err)
				continue
			}
			pending = append(pending, Agent{Text: ph, Phrase: p, Line: n})
		}
		if len(blocks) == 0 {
			continue
		}
		code := strings.ToUpper(strings.Join(strings.Fields(blocks[0]), ""))
		if strings.Trim(code, "-") == "" {
			code = "---"
		} else if !strings.Contains(code, "~") {
			bad(n, "agent code %q lacks the ~ connector", code)
			pending = nil
			continue
		}
		for _, p := range pending {
			p.Code = code
			out = append(out, p)
		}
		pending = nil
	}
	if len(pending) > 0 {
		bad(pending[0].Line, "agent %q has no code", pending[0].Text)
	}
	if err := lr.err(); err != nil {
		return out, probs, fmt.Errorf("%s: %s:%d: %w", op, name, lr.n, err)
	}
	return out, probs, nil
}
