package tabari

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
)

// Actors is a TABARI actor dictionary: the actors, and the nouns and
// adjectives of its <NOUN> and <ADJECTIVE> sections (words TABARI's
// shallow parser uses to find noun phrases).
type Actors struct {
	*petrarch.Actors
	Nouns, Adjectives []string
}

// ReadActorsFile reads a TABARI .actors file.
func ReadActorsFile(path string) (*Actors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read actors: %w", err)
	}
	defer f.Close()
	return ReadActors(f, path)
}

// ReadActors reads a TABARI .actors file: "PHRASE [CODE] [CODE <date]
// [CODE date-date] ..." lines, where a code without a date is the default,
// "+PHRASE" synonyms, and <NOUN> and <ADJECTIVE> sections.
func ReadActors(r io.Reader, name string) (*Actors, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("read actors: %s: %w", name, err)
	}
	a := &Actors{Actors: petrarch.NewActors()}
	var errs petrarch.ErrorList
	fail := func(n int, format string, args ...any) {
		errs = append(errs, &petrarch.LineError{Op: "read actors", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
	}
	section := ""
	var cur *petrarch.Actor
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
			tag := strings.ToUpper(strings.Trim(t, "<>"))
			if strings.HasPrefix(tag, "/") {
				section = ""
			} else {
				section = tag
			}
			continue
		}
		switch section {
		case "NOUN":
			a.Nouns = append(a.Nouns, strings.ToUpper(strings.Fields(t)[0]))
			continue
		case "ADJECTIVE":
			a.Adjectives = append(a.Adjectives, strings.ToUpper(strings.Fields(t)[0]))
			continue
		}
		codes, rest, err := brackets(t)
		if err != nil {
			fail(l.n, "%v", err)
			continue
		}
		var dcs []petrarch.DatedCode
		bad := false
		for _, c := range codes {
			dc, err := petrarch.ParseDatedCode("[" + c + "]")
			if err != nil {
				fail(l.n, "%v", err)
				bad = true
				break
			}
			dcs = append(dcs, dc)
		}
		if bad {
			continue
		}
		if strings.HasPrefix(rest, "+") || (rest == "" && cur != nil) {
			if cur == nil {
				fail(l.n, "synonym before any actor")
				continue
			}
			if rest != "" {
				a.AddName(cur, petrarch.ParsePhrase(strings.TrimPrefix(rest, "+")))
			}
			for _, dc := range dcs {
				a.AddCode(cur, dc)
			}
			continue
		}
		p := petrarch.ParsePhrase(rest)
		if len(p.Words) == 0 {
			fail(l.n, "actor line without a phrase")
			continue
		}
		cur = a.Add([]petrarch.Phrase{p}, dcs, l.n)
	}
	return a, errs.Err()
}

// brackets returns the contents of every [...] on the line and the text
// before the first.
func brackets(t string) ([]string, string, error) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		return nil, strings.TrimSpace(t), nil
	}
	rest := strings.TrimSpace(t[:i])
	var out []string
	for s := t[i:]; ; {
		s = strings.TrimSpace(s)
		if s == "" {
			break
		}
		if s[0] != '[' {
			return nil, "", fmt.Errorf("text %q after a code", s)
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return nil, "", fmt.Errorf("code %q not closed", s)
		}
		out = append(out, strings.TrimSpace(s[1:j]))
		s = s[j+1:]
	}
	return out, rest, nil
}

// ReadAgentsFile reads a TABARI .agents file.
func ReadAgentsFile(path string) (*petrarch.Agents, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read agents: %w", err)
	}
	defer f.Close()
	return ReadAgents(f, path)
}

// ReadAgents reads a TABARI .agents file ("PHRASE_ [~CODE] ; comment"):
// the format is PETRARCH's with ';' comments.
func ReadAgents(r io.Reader, name string) (*petrarch.Agents, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("read agents: %s: %w", name, err)
	}
	var b strings.Builder
	for _, l := range ls {
		// keep line numbers: one output line per input line
		b.WriteString(strings.ReplaceAll(l.text, "#", ""))
		b.WriteByte('\n')
	}
	return petrarch.ReadAgents(strings.NewReader(b.String()), name)
}
