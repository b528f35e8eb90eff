package actor

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
)

// Format is the format of an actor file.
type Format uint8

// The actor file formats --actors reads.
const (
	FormatKB            Format = iota // wirecoder's own line format (docs/actors.md)
	FormatPetrarchActor               // PETRARCH/Phoenix actors: NAME [CODE] with date restrictions
	FormatPetrarchAgent               // PETRARCH agents: NAME [~CODE] or [CODE~]
)

var formatNames = [...]string{FormatKB: "wirecoder", FormatPetrarchActor: "petrarch-actors", FormatPetrarchAgent: "petrarch-agents"}

// String returns the format's name.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// SniffFormat tells the format of an actor file from its first meaningful
// line: wirecoder's own lines begin with a record keyword; PETRARCH lines
// carry a bracketed code, and agent codes have a '~'.
func SniffFormat(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return FormatKB, fmt.Errorf("actor: sniff %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 0; sc.Scan() && n < 500; n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "<!--") || strings.HasPrefix(l, "-->") {
			continue
		}
		first, _, _ := strings.Cut(l, " ")
		switch first {
		case "country", "person", "role", "actor", "noun", "title", "modifier", "sector":
			return FormatKB, nil
		}
		if i := strings.IndexByte(l, '['); i >= 0 {
			if strings.Contains(l[i:], "~") {
				return FormatPetrarchAgent, nil
			}
			return FormatPetrarchActor, nil
		}
	}
	return FormatKB, sc.Err()
}

// LoadAny reads an actor file in any format --actors accepts.
func LoadAny(path string) (*KB, error) {
	f, err := SniffFormat(path)
	if err != nil {
		return nil, err
	}
	switch f {
	case FormatPetrarchActor:
		return LoadPetrarchActors(path)
	case FormatPetrarchAgent:
		return LoadPetrarchAgents(path)
	}
	return LoadFile(path)
}

// LoadPetrarchActors reads a PETRARCH-format actor dictionary (the Phoenix
// files, or a user's own in that format). An entry with date-restricted
// codes becomes a person with dated roles; an entry with one fixed code
// becomes a named actor. Upper-case dictionary names also match in title
// case ("VLADIMIR_PUTIN" matches "Vladimir Putin"). Malformed lines are an
// error naming the file and line.
func LoadPetrarchActors(path string) (*KB, error) {
	acts := petrarch.NewActors()
	var warn error
	if err := acts.ReadActorsFile(path); err != nil {
		var el petrarch.ErrorList
		if !errors.As(err, &el) {
			return nil, fmt.Errorf("actor: %w", err)
		}
		// Malformed lines are skipped; the rest of the file loads.
		warn = &Warnings{File: path, Err: err}
	}
	kb := NewKB()
	src := "petrarch:" + baseName(path)
	for _, a := range acts.Entries {
		var names []string
		for _, p := range a.Names {
			names = appendUniq(names, phraseNames(p)...)
		}
		if len(names) == 0 || len(a.Codes) == 0 {
			continue
		}
		var roles []Role
		fixed := ""
		for _, c := range a.Codes {
			switch c.Kind {
			case petrarch.Always:
				fixed = c.Code
			default:
				r := Role{Code: c.Code, Source: fmt.Sprintf("%s:%d", src, a.Line), Line: a.Line}
				if c.Kind == petrarch.After || c.Kind == petrarch.Between {
					r.From = petrDate(c.From)
				}
				if c.Kind == petrarch.Before || c.Kind == petrarch.Between {
					r.Until = petrDate(c.To)
				}
				roles = append(roles, r)
			}
		}
		if len(roles) > 0 {
			kb.People = append(kb.People, &Person{Name: names[0], Aliases: names[1:], Roles: roles, Source: src})
			continue
		}
		country, sector := splitCode(fixed)
		typ := doc.ORG
		if sector == "" && len(fixed) == 3 {
			typ = doc.GPE
		}
		kb.Actors = append(kb.Actors, &NamedActor{Code: fixed, Names: names, Type: typ, Kind: doc.MentionName,
			Country: country, Sector: sector, Source: fmt.Sprintf("%s:%d", src, a.Line)})
	}
	kb.build()
	return kb, warn
}

// Warnings reports lines of a file that were skipped while the rest of it
// loaded. Callers that get a *Warnings with a knowledge base may go on.
type Warnings struct {
	File string
	Err  error
}

func (w *Warnings) Error() string {
	return fmt.Sprintf("actor: %s: some lines skipped: %v", w.File, w.Err)
}

// Unwrap returns the list of line errors.
func (w *Warnings) Unwrap() error { return w.Err }

// LoadPetrarchAgents reads a PETRARCH-format agent dictionary: each agent
// phrase becomes a sector noun ("SOLDIER [~MIL]" → "soldier" signals MIL).
func LoadPetrarchAgents(path string) (*KB, error) {
	ags, err := petrarch.ReadAgentsFile(path)
	var warn error
	if err != nil {
		var el petrarch.ErrorList
		if ags == nil || !errors.As(err, &el) {
			return nil, fmt.Errorf("actor: %s: %w", path, err)
		}
		warn = &Warnings{File: path, Err: err}
	}
	kb := NewKB()
	src := "petrarch:" + baseName(path)
	for _, a := range ags.Entries {
		text := strings.ToLower(strings.Join(a.Phrase.Words, " "))
		if text == "" || a.Code == "" {
			continue
		}
		kb.Nouns = append(kb.Nouns, &Noun{Text: text, Sector: a.Code, Number: 's', Type: doc.PER, Kind: KindSector,
			Source: fmt.Sprintf("%s:%d", src, a.Line)})
	}
	kb.build()
	return kb, warn
}

// phraseNames returns the spellings a dictionary phrase matches: as
// written, and in title case when written in capitals.
func phraseNames(p petrarch.Phrase) []string {
	if len(p.Words) == 0 {
		return nil
	}
	raw := strings.Join(p.Words, " ")
	out := []string{raw}
	if raw == strings.ToUpper(raw) {
		words := make([]string, len(p.Words))
		for i, w := range p.Words {
			lw := strings.ToLower(w)
			if len(w) <= 3 || !strings.ContainsAny(lw, "aeiouy") {
				words[i] = w // an acronym: UN, NATO stays as written
				continue
			}
			words[i] = strings.ToUpper(lw[:1]) + lw[1:]
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// petrDate turns a YYYYMMDD number into YYYY-MM-DD.
func petrDate(d int) string {
	if d <= 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
