// Package petr reads PETRARCH validation files: the XML records of the
// PETRARCH unit-test suite and of the GigaWord sample, each with its text,
// an optional parse (Penn Treebank or CoNLL-U) and the expected codings.
//
// The reader is lenient, as the suite's files need: it accepts both quote
// styles for attributes, self-closing Sentence elements, comments anywhere,
// and unknown elements; errors name the file and line.
package petr

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// ParseKind tells what a record's Parse element holds.
type ParseKind uint8

// The parse kinds.
const (
	NoParse  ParseKind = iota
	Treebank           // a Penn Treebank bracketing
	CoNLLU             // CoNLL-U lines
)

var parseKindNames = [...]string{NoParse: "none", Treebank: "treebank", CoNLLU: "conllu"}

// String returns the kind's name.
func (k ParseKind) String() string {
	if int(k) < len(parseKindNames) {
		return parseKindNames[k]
	}
	return fmt.Sprintf("ParseKind(%d)", uint8(k))
}

// Coding is one expected event: source, target and code as written.
type Coding struct {
	Source, Target, Code string
}

// Record is one Sentence element.
type Record struct {
	ID       string
	Source   string // the source attribute, which the suite uses as category
	Date     string // YYYYMMDD
	Sentence bool   // the sentence attribute
	Line     int    // line of the opening tag
	Text     string
	Parse    string
	Kind     ParseKind
	// ParseLine is the line where the parse's text starts.
	ParseLine int
	Expected  []Coding
	// NoEvents marks a record that expects no event.
	NoEvents bool
	// Error is the error the record expects the coder to report
	// ("dateline", "bad_input_parse", "storydiscard", ...); such a record
	// expects no event.
	Error string
	// Config holds the <Config> options in effect for the record: those
	// set before it in the file and inside it.
	Config map[string]string
	// Comments are the record's XML comments, trimmed.
	Comments []string
}

// Category returns the record's category: its source attribute, or the
// part of its id before the first '_'.
func (r *Record) Category() string {
	if r.Source != "" {
		return r.Source
	}
	c, _, _ := strings.Cut(r.ID, "_")
	return c
}

// Environment is the suite's Environment element.
type Environment struct {
	Verbfile, Actorfile, Agentfile, Discardfile string
	Include                                     []string
}

// Suite is a validation file.
type Suite struct {
	File    string
	Env     Environment
	Records []Record
}

// SyntaxError is a malformed part of a validation file.
type SyntaxError struct {
	Op   string
	File string
	Line int
	Msg  string
}

// Error formats the error as "op: file:line: msg".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: %s:%d: %s", e.Op, e.File, e.Line, e.Msg)
}

// ReadFile reads a validation file.
func ReadFile(path string) (*Suite, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read validation: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

type tag struct {
	name    string
	attrs   map[string]string
	closing bool
	self    bool
	line    int
	end     int // offset after '>'
}

type scanner struct {
	s    string
	pos  int
	line int
	file string
}

func (sc *scanner) errf(line int, format string, args ...any) error {
	return &SyntaxError{Op: "read validation", File: sc.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// advance moves to offset p, counting lines.
func (sc *scanner) advance(p int) {
	sc.line += strings.Count(sc.s[sc.pos:p], "\n")
	sc.pos = p
}

// next returns the next tag, the text before it, and comments skipped.
func (sc *scanner) next() (text string, t *tag, comments []string, err error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(sc.s[sc.pos:], '<')
		if i < 0 {
			b.WriteString(sc.s[sc.pos:])
			sc.advance(len(sc.s))
			return b.String(), nil, comments, nil
		}
		b.WriteString(sc.s[sc.pos : sc.pos+i])
		sc.advance(sc.pos + i)
		rest := sc.s[sc.pos:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			j := strings.Index(rest[4:], "-->")
			if j < 0 {
				return "", nil, nil, sc.errf(sc.line, "comment not closed")
			}
			comments = append(comments, strings.TrimSpace(rest[4:4+j]))
			sc.advance(sc.pos + 4 + j + 3)
			continue
		case strings.HasPrefix(rest, "<?"), strings.HasPrefix(rest, "<!"):
			j := strings.IndexByte(rest, '>')
			if j < 0 {
				return "", nil, nil, sc.errf(sc.line, "declaration not closed")
			}
			sc.advance(sc.pos + j + 1)
			continue
		}
		line := sc.line
		t, n, err := parseTag(rest)
		if err != nil {
			// a lone '<' in text: keep it as text
			if len(rest) > 1 && (rest[1] == ' ' || rest[1] == '=' || (rest[1] >= '0' && rest[1] <= '9')) {
				b.WriteByte('<')
				sc.advance(sc.pos + 1)
				continue
			}
			return "", nil, nil, sc.errf(line, "%v", err)
		}
		t.line = line
		sc.advance(sc.pos + n)
		return b.String(), t, comments, nil
	}
}

// parseTag parses "<name a='1' b="2" />" at the start of s, returning the
// number of bytes consumed.
func parseTag(s string) (*tag, int, error) {
	t := &tag{attrs: map[string]string{}}
	i := 1
	if i < len(s) && s[i] == '/' {
		t.closing = true
		i++
	}
	j := i
	for j < len(s) && !strings.ContainsRune(" \t\r\n/>", rune(s[j])) {
		j++
	}
	t.name = s[i:j]
	if t.name == "" {
		return nil, 0, fmt.Errorf("tag without a name")
	}
	i = j
	for {
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
		if i >= len(s) {
			return nil, 0, fmt.Errorf("tag <%s> not closed", t.name)
		}
		if s[i] == '>' {
			return t, i + 1, nil
		}
		if s[i] == '/' {
			if i+1 < len(s) && s[i+1] == '>' {
				t.self = true
				return t, i + 2, nil
			}
			i++
			continue
		}
		k := i
		for k < len(s) && !strings.ContainsRune(" \t\r\n=/>", rune(s[k])) {
			k++
		}
		name := s[i:k]
		i = k
		for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && strings.ContainsRune(" \t\r\n", rune(s[i])) {
				i++
			}
			if i >= len(s) {
				return nil, 0, fmt.Errorf("attribute %s of <%s> has no value", name, t.name)
			}
			q := s[i]
			var val string
			if q == '"' || q == '\'' {
				e := strings.IndexByte(s[i+1:], q)
				if e < 0 {
					return nil, 0, fmt.Errorf("attribute %s of <%s>: quote not closed", name, t.name)
				}
				val = s[i+1 : i+1+e]
				i += e + 2
			} else {
				e := i
				for e < len(s) && !strings.ContainsRune(" \t\r\n/>", rune(s[e])) {
					e++
				}
				val = s[i:e]
				i = e
			}
			t.attrs[name] = unescape(val)
		} else if name != "" {
			t.attrs[name] = ""
		} else {
			i++
		}
	}
}

// unescape decodes the XML entities of s.
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, ';')
		if j < 0 || j > 10 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		ent := s[1:j]
		switch {
		case ent == "amp":
			b.WriteByte('&')
		case ent == "lt":
			b.WriteByte('<')
		case ent == "gt":
			b.WriteByte('>')
		case ent == "quot":
			b.WriteByte('"')
		case ent == "apos":
			b.WriteByte('\'')
		case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
			n, err := strconv.ParseUint(ent[2:], 16, 32)
			if err != nil {
				b.WriteString(s[:j+1])
			} else {
				b.WriteRune(rune(n))
			}
		case strings.HasPrefix(ent, "#"):
			n, err := strconv.ParseUint(ent[1:], 10, 32)
			if err != nil {
				b.WriteString(s[:j+1])
			} else {
				b.WriteRune(rune(n))
			}
		default:
			b.WriteString(s[:j+1])
		}
		s = s[j+1:]
	}
}

// Read reads a validation file from r; name labels errors.
func Read(r io.Reader, name string) (*Suite, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read validation: %s: %w", name, err)
	}
	sc := &scanner{s: strings.ToValidUTF8(string(data), "\uFFFD"), line: 1, file: name}
	suite := &Suite{File: name}
	config := map[string]string{}
	var cur *Record
	var field string // "Text", "Parse" or an Environment element being read
	var fieldLine int
	var buf strings.Builder
	for {
		text, t, comments, err := sc.next()
		if err != nil {
			return suite, err
		}
		if cur != nil {
			cur.Comments = append(cur.Comments, comments...)
		}
		if field != "" {
			buf.WriteString(text)
		}
		if t == nil {
			break
		}
		switch {
		case t.name == "Sentence" && !t.closing:
			if cur != nil {
				return suite, sc.errf(t.line, "<Sentence> inside the <Sentence> opened on line %d", cur.Line)
			}
			rec := Record{ID: t.attrs["id"], Source: t.attrs["source"], Date: t.attrs["date"], Line: t.line,
				Sentence: !strings.EqualFold(t.attrs["sentence"], "false")}
			if t.self {
				rec.Config = copyMap(config)
				suite.Records = append(suite.Records, rec)
				continue
			}
			cur = &rec
		case t.name == "Sentence" && t.closing:
			if cur == nil {
				return suite, sc.errf(t.line, "</Sentence> without <Sentence>")
			}
			cur.Config = copyMap(config)
			suite.Records = append(suite.Records, *cur)
			cur = nil
		case t.name == "Config":
			if opt, ok := t.attrs["option"]; ok {
				config[opt] = t.attrs["value"]
			}
		case t.name == "EventCoding" && !t.closing:
			if cur == nil {
				return suite, sc.errf(t.line, "<EventCoding> outside a <Sentence>")
			}
			switch {
			case t.attrs["error"] != "":
				cur.Error = t.attrs["error"]
			case t.attrs["noevents"] != "" || hasKey(t.attrs, "noevents"):
				cur.NoEvents = true
			default:
				c := Coding{Source: t.attrs["sourcecode"], Target: t.attrs["targetcode"], Code: t.attrs["eventcode"]}
				if c.Code == "" {
					return suite, sc.errf(t.line, "<EventCoding> without eventcode")
				}
				cur.Expected = append(cur.Expected, c)
			}
		case (t.name == "Text" || t.name == "Parse") && !t.closing && !t.self:
			field, fieldLine = t.name, sc.line
			buf.Reset()
		case (t.name == "Text" || t.name == "Parse") && t.closing:
			if field != t.name {
				return suite, sc.errf(t.line, "</%s> without <%s>", t.name, t.name)
			}
			v := unescape(buf.String())
			if cur != nil {
				if t.name == "Text" {
					cur.Text = strings.TrimSpace(v)
				} else {
					cur.Parse, cur.ParseLine = strings.Trim(v, "\r\n"), fieldLine
					cur.Kind = detectKind(cur.Parse)
				}
			}
			field = ""
		case !t.closing && !t.self && cur == nil && isEnvField(t.name):
			field = t.name
			buf.Reset()
		case t.closing && field == t.name && isEnvField(t.name):
			v := strings.TrimSpace(unescape(buf.String()))
			switch t.name {
			case "Verbfile":
				suite.Env.Verbfile = v
			case "Actorfile":
				suite.Env.Actorfile = v
			case "Agentfile":
				suite.Env.Agentfile = v
			case "Discardfile":
				suite.Env.Discardfile = v
			case "Include":
				suite.Env.Include = strings.Fields(v)
			}
			field = ""
		}
	}
	if cur != nil {
		return suite, sc.errf(cur.Line, "<Sentence> %q not closed", cur.ID)
	}
	return suite, nil
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func isEnvField(n string) bool {
	switch n {
	case "Verbfile", "Actorfile", "Agentfile", "Discardfile", "Include":
		return true
	}
	return false
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// detectKind tells a Treebank bracketing from CoNLL-U lines.
func detectKind(p string) ParseKind {
	t := strings.TrimSpace(p)
	switch {
	case t == "":
		return NoParse
	case strings.HasPrefix(t, "("):
		return Treebank
	}
	first, _, _ := strings.Cut(t, "\n")
	if strings.Count(first, "\t") >= 7 || strings.HasPrefix(first, "#") {
		return CoNLLU
	}
	return Treebank
}
