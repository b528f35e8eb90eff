package tabari

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
)

// TimeShift is an entry of a .verbs file's <TIME> section: a phrase that
// moves the event's date by Days ("YESTERDAY [-1]"); Code keeps codes that
// are not day counts ("[###]", "[+++]").
type TimeShift struct {
	Phrase petrarch.Phrase
	Days   int
	Code   string
	Line   int
}

// Verbs is a TABARI verb dictionary read into PETRARCH's structure, with
// its <TIME> section.
type Verbs struct {
	*petrarch.Verbs
	Times []TimeShift
}

// ReadVerbsFile reads a TABARI .verbs file.
func ReadVerbsFile(path string) (*Verbs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read verbs: %w", err)
	}
	defer f.Close()
	return ReadVerbs(f, path)
}

// ReadVerbs reads a TABARI .verbs file. Each "VERB [CODE]" line starts a
// block of its own, a "{ FORM_ FORM ... }" line lists the verb's other
// forms, "- ... [CODE]" lines are its patterns; <SYNSETS> and <TIME>
// sections are read too. A verb written without a final '_' is a stem in
// TABARI; here it gets the regular English forms. Marks PETRARCH lacks
// ('~' stems inside patterns, '=' and '!' after words and codes) are
// dropped, and "{ A | B }" disjunctions expand into one pattern each.
func ReadVerbs(r io.Reader, name string) (*Verbs, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("read verbs: %s: %w", name, err)
	}
	v := &Verbs{Verbs: petrarch.NewVerbs(name)}
	var errs petrarch.ErrorList
	fail := func(n int, format string, args ...any) {
		errs = append(errs, &petrarch.LineError{Op: "read verbs", File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
	}
	section := ""
	var syn *petrarch.Synset
	var cur *petrarch.Block
	flush := func() {
		if cur != nil {
			v.AddBlock(cur)
			cur = nil
		}
	}
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "~~") {
			break
		}
		if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
			tag := strings.ToUpper(strings.Trim(t, "<>"))
			if strings.HasPrefix(tag, "/") {
				section = ""
				if syn != nil {
					v.AddSynset(syn)
					syn = nil
				}
			} else {
				flush()
				section = tag
			}
			continue
		}
		switch section {
		case "SYNSETS":
			switch t[0] {
			case '&':
				if syn != nil {
					v.AddSynset(syn)
				}
				syn = &petrarch.Synset{Name: strings.TrimSuffix(strings.ToUpper(strings.Fields(t)[0]), "_"), Line: l.n}
			case '+':
				if syn == nil {
					fail(l.n, "synonym before any &SET")
					continue
				}
				ws := words(t[1:])
				if len(ws) == 0 {
					fail(l.n, "empty synonym")
					continue
				}
				syn.Phrases = append(syn.Phrases, ws)
			default:
				fail(l.n, "unexpected line in <SYNSETS>")
			}
			continue
		case "TIME":
			if strings.HasPrefix(t, "-") {
				continue // patterns on time phrases: not used here
			}
			codes, rest, err := brackets(t)
			if err != nil || len(codes) == 0 {
				fail(l.n, "time phrase without a [shift]")
				continue
			}
			ts := TimeShift{Phrase: petrarch.ParsePhrase(rest), Line: l.n}
			if _, err := fmt.Sscanf(strings.ReplaceAll(codes[0], " ", ""), "%d", &ts.Days); err != nil {
				ts.Code = codes[0]
			}
			v.Times = append(v.Times, ts)
			continue
		}
		switch {
		case t[0] == '-':
			if cur == nil {
				fail(l.n, "pattern before any verb")
				continue
			}
			alts, err := expand(clean(t[1:]))
			if err != nil {
				fail(l.n, "pattern: %v", err)
				continue
			}
			for _, alt := range alts {
				p, err := petrarch.ParsePattern(alt)
				if err != nil {
					fail(l.n, "pattern: %v", err)
					break
				}
				p.Line = l.n
				cur.Patterns = append(cur.Patterns, p)
			}
		case t[0] == '{':
			if cur == nil || len(cur.Verbs) == 0 {
				fail(l.n, "verb forms before any verb")
				continue
			}
			vb := cur.Verbs[0]
			for _, f := range strings.Fields(strings.Trim(t, "{}")) {
				f = strings.ToUpper(strings.Trim(f, "_=!"))
				if f != "" && !strings.ContainsAny(f, "_ ") {
					vb.Forms = appendUnique(vb.Forms, f)
				}
			}
		default:
			flush()
			codes, rest, err := brackets(t)
			if err != nil || len(codes) == 0 {
				fail(l.n, "verb without a [code]")
				continue
			}
			code := strings.Trim(codes[0], "!= ")
			if code == "" {
				code = "---"
			}
			phrase := strings.Trim(strings.ToUpper(rest), "=!")
			exact := strings.HasSuffix(phrase, "_")
			ws := words(phrase)
			if len(ws) == 0 {
				fail(l.n, "verb line without a verb")
				continue
			}
			vb := &petrarch.Verb{Words: ws, Head: 0, Forms: []string{ws[0]}, Line: l.n}
			if !exact {
				for _, f := range petrarch.Inflections(ws[0]) {
					vb.Forms = appendUnique(vb.Forms, f)
				}
			}
			cur = &petrarch.Block{Name: ws[0], Code: code, Line: l.n, Verbs: []*petrarch.Verb{vb}}
		}
	}
	flush()
	if syn != nil {
		v.AddSynset(syn)
	}
	return v, errs.Err()
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// clean drops the TABARI marks PETRARCH patterns lack: '~' (stems) and
// '!' and '=' after words or codes.
func clean(s string) string {
	return strings.NewReplacer("~", "", "!", "", "=", "").Replace(s)
}

// expand turns "A { B | C } D [x]" into "A B D [x]" and "A C D [x]"; up to
// maxAlternatives patterns.
func expand(s string) ([]string, error) {
	budget := maxAlternatives
	return expandN(s, &budget)
}

const maxAlternatives = 64

func expandN(s string, budget *int) ([]string, error) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if *budget--; *budget < 0 {
			return nil, fmt.Errorf("more than %d alternatives", maxAlternatives)
		}
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return nil, fmt.Errorf("'{' not closed in %q", s)
	}
	inner := s[i+1 : i+j]
	if !strings.Contains(inner, "|") || strings.ContainsRune(inner, '{') {
		return nil, fmt.Errorf("'{ }' is not a disjunction in %q", s)
	}
	var out []string
	for _, alt := range strings.Split(inner, "|") {
		alt = strings.Trim(strings.TrimSpace(alt), "_")
		rest, err := expandN(s[:i]+" "+alt+" "+s[i+j+1:], budget)
		if err != nil {
			return nil, err
		}
		out = append(out, rest...)
	}
	return out, nil
}
