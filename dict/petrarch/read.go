// Package petrarch reads the dictionary formats of the PETRARCH event
// coders (PETRARCH-1 and PETRARCH-2, which share them with small
// differences): verb pattern dictionaries with synonym sets and
// transformations, actor dictionaries with date-restricted codes, agent
// dictionaries and discard lists.
//
// The readers are lenient, as PETRARCH's own are: a malformed line is
// skipped and reported, and the rest of the file is still read. Each
// reader returns the dictionary together with an ErrorList (nil when the
// file was clean) whose entries name the file and line.
package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// LineError is a problem with one line of a dictionary file.
type LineError struct {
	Op   string // "read verbs", "read actors", ...
	File string
	Line int
	Msg  string
}

// Error formats the error as "op: file:line: msg".
func (e *LineError) Error() string {
	return fmt.Sprintf("%s: %s:%d: %s", e.Op, e.File, e.Line, e.Msg)
}

// ErrorList collects the lines a reader skipped.
type ErrorList []*LineError

// Error summarises the list.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// line is one logical line of a dictionary file with comments removed.
type line struct {
	n    int    // 1-based line number
	text string // comments stripped, right-trimmed; leading white space kept
}

// readLines reads r and removes comments the way PETRARCH does: lines
// starting with '#' and XML comments <!-- ... --> (also spanning lines)
// are dropped; '#' starts a comment anywhere on a line; lines left blank
// are kept as empty lines, since a blank line ends a synonym set. When
// semicolon is true, ';' also starts a comment (the TABARI convention
// kept in actor files).
func readLines(r io.Reader, semicolon bool) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []line
	inComment := false
	n := 0
	for sc.Scan() {
		n++
		s := strings.ToValidUTF8(sc.Text(), "\uFFFD")
		s = strings.TrimPrefix(s, "\uFEFF")
		var b strings.Builder
		for len(s) > 0 {
			if inComment {
				i := strings.Index(s, "-->")
				if i < 0 {
					s = ""
					break
				}
				s = s[i+3:]
				inComment = false
				continue
			}
			i := strings.Index(s, "<!--")
			if i < 0 {
				b.WriteString(s)
				break
			}
			b.WriteString(s[:i])
			s = s[i+4:]
			inComment = true
		}
		t := b.String()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		if semicolon {
			if i := strings.IndexByte(t, ';'); i >= 0 {
				t = t[:i]
			}
		}
		t = strings.TrimRight(t, " \t\r")
		if strings.HasPrefix(strings.TrimSpace(t), "<!") { // other markup such as <!DOCTYPE
			t = ""
		}
		out = append(out, line{n: n, text: t})
	}
	if err := sc.Err(); err != nil {
		return out, err
	}
	return out, nil
}

// openLines opens path and reads its lines.
func openLines(op, path string, semicolon bool) ([]line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer f.Close()
	ls, err := readLines(f, semicolon)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", op, path, err)
	}
	return ls, nil
}

// splitWords splits a phrase on blanks and underscores and upper-cases it.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
}

// bracket returns the text inside the first [...] of s, the text before
// it and whether one was found.
func bracket(s string) (inside, before string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return "", s, false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return strings.TrimSpace(s[i+1:]), s[:i], true
	}
	return strings.TrimSpace(s[i+1 : i+j]), s[:i], true
}
