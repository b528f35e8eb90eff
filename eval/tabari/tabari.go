// Package tabari reads the TABARI validation text (Validate.text): records
// of a date, an id, the text and a comment block with the expected events
// in braces, "{ SRC / TGT / CODE } date".
package tabari

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/wirecoder/wirecoder/eval/petr"
)

// Record is one validation record.
type Record struct {
	ID   string
	Date string // YYMMDD as written
	Line int
	Text string
	// Expected are the events the record expects; Disabled those written
	// "-{...}", which the suite keeps but does not require.
	Expected, Disabled []petr.Coding
	// NoEvents marks a record whose comment holds "{+++}".
	NoEvents bool
	// Options are "{ OPTION: ... }" commands, which change the coder's
	// options from this record on.
	Options []string
	Comment string
}

// Category returns the record's category: the part of its id before the
// first '-'.
func (r *Record) Category() string {
	c, _, _ := strings.Cut(r.ID, "-")
	return c
}

// SyntaxError is a malformed record.
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

// ReadFile reads a validation text file.
func ReadFile(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read validation text: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

var (
	headerRE = regexp.MustCompile(`^(\d{6})\s+(\S.*)$`)
	codingRE = regexp.MustCompile(`(-?)\{([^{}]*)\}`)
)

// Read reads validation records from r; name labels errors.
func Read(r io.Reader, name string) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []Record
	var cur *Record
	var text, comment strings.Builder
	inComment := false
	n := 0
	finish := func() error {
		if cur == nil {
			return nil
		}
		cur.Text = strings.Join(strings.Fields(text.String()), " ")
		cur.Comment = comment.String()
		for _, m := range codingRE.FindAllStringSubmatch(cur.Comment, -1) {
			body := strings.TrimSpace(m[2])
			switch {
			case body == "+++":
				cur.NoEvents = true
			case strings.HasPrefix(strings.ToUpper(body), "OPTION:"):
				cur.Options = append(cur.Options, strings.TrimSpace(body[len("OPTION:"):]))
			case !strings.Contains(body, "/"):
				// braces in prose: "the events ... coded in {}"
			default:
				parts := strings.Split(body, "/")
				if len(parts) != 3 {
					return &SyntaxError{Op: "read validation text", File: name, Line: cur.Line,
						Msg: fmt.Sprintf("record %s: coding %q is not { SRC / TGT / CODE }", cur.ID, body)}
				}
				c := petr.Coding{Source: strings.TrimSpace(parts[0]), Target: strings.TrimSpace(parts[1]), Code: strings.TrimSpace(parts[2])}
				if m[1] == "-" {
					cur.Disabled = append(cur.Disabled, c)
				} else {
					cur.Expected = append(cur.Expected, c)
				}
			}
		}
		out = append(out, *cur)
		cur = nil
		text.Reset()
		comment.Reset()
		return nil
	}
	for sc.Scan() {
		n++
		l := sc.Text()
		if inComment {
			if i := strings.Index(l, "*/"); i >= 0 {
				comment.WriteString(l[:i])
				inComment = false
			} else {
				comment.WriteString(l + "\n")
			}
			continue
		}
		t := strings.TrimSpace(l)
		if m := headerRE.FindStringSubmatch(t); m != nil {
			if err := finish(); err != nil {
				return out, err
			}
			cur = &Record{Date: m[1], ID: strings.Fields(m[2])[0], Line: n}
			continue
		}
		if strings.HasPrefix(t, "#") || cur == nil {
			continue
		}
		if i := strings.Index(l, "/*"); i >= 0 {
			text.WriteString(l[:i] + " ")
			rest := l[i+2:]
			if j := strings.Index(rest, "*/"); j >= 0 {
				comment.WriteString(rest[:j])
			} else {
				comment.WriteString(rest + "\n")
				inComment = true
			}
			continue
		}
		if comment.Len() == 0 {
			text.WriteString(l + " ")
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read validation text: %s: %w", name, err)
	}
	if inComment && cur != nil {
		return out, &SyntaxError{Op: "read validation text", File: name, Line: cur.Line, Msg: fmt.Sprintf("record %s: comment not closed", cur.ID)}
	}
	if err := finish(); err != nil {
		return out, err
	}
	return out, nil
}
