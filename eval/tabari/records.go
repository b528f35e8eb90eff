// Package tabari reads the TABARI validation suite (Validate.text: records
// with expected events in comment sections, manual section 10.1) and
// scores a coder against it.
package tabari

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Special is the special outcome a record may expect instead of events.
type Special uint8

// The special outcomes.
const (
	NoSpecial Special = iota
	NoEvents          // {---}: no events were generated
	Discarded         // {###}: a discard code was found
	Complex           // {+++}: a complex code or complexity condition
)

var specialNames = [...]string{"none", "no-events", "discard", "complex"}

// String names the outcome.
func (s Special) String() string {
	if int(s) < len(specialNames) {
		return specialNames[s]
	}
	return fmt.Sprintf("Special(%d)", s)
}

// Event is one coded event as the suite writes it: { SOURCE / TARGET / CODE }.
type Event struct {
	Source, Target, Code string
}

// String writes the event as the suite does.
func (e Event) String() string { return e.Source + "/" + e.Target + "/" + e.Code }

// Record is one validation record.
type Record struct {
	Date     int    // YYYYMMDD
	DateText string // as written: YYMMDD or YYYYMMDD
	ID       string // e.g. "DEMO-04"
	Category string // the ID up to its first "-", e.g. "DEMO"
	Text     string // the sentence, lines joined by blanks
	Comment  string // the /* ... */ section
	Line     int    // line of the header
	Expected []Event
	Special  Special
	// Partial is set by "-{...": the events listed before it must be coded,
	// further ones are not checked.
	Partial bool
	// ExpectedDate is the date (YYYYMMDD) written after the first expected
	// event, checked when time shifting is on; 0 when absent.
	ExpectedDate int
	// Options are the .options command lines of {OPTION: ...} fields, to be
	// applied before the record is coded.
	Options []string
}

// Checked reports whether the record carries anything to check.
func (r *Record) Checked() bool {
	return r.Special != NoSpecial || len(r.Expected) > 0
}

// FinalID is the record that ends the standard validation records; the
// records after it need other settings or exercise crashes (manual 10.1).
const FinalID = "FINAL-01"

// SyntaxError is a malformed record.
type SyntaxError struct {
	Op   string
	File string
	Line int
	Msg  string
}

// Error reports the file, line and problem.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: %s:%d: %s", e.Op, e.File, e.Line, e.Msg)
}

// ReadFile reads a validation text file.
func ReadFile(path string) ([]Record, []error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// header parses "950101  DEMO-01" (or an 8-digit date).
func header(s string) (date int, dateText, id string, ok bool) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 0, "", "", false
	}
	d := f[0]
	if len(d) != 6 && len(d) != 8 {
		return 0, "", "", false
	}
	n, err := strconv.Atoi(d)
	if err != nil || n < 0 {
		return 0, "", "", false
	}
	if len(d) == 6 {
		if n/10000 <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	return n, d, strings.Join(f[1:], " "), true
}

// Read reads validation records from r; name is used in errors. Lines
// starting with "#" outside records are comments. Malformed validation
// fields are returned as problems and the record is kept.
func Read(r io.Reader, name string) ([]Record, []error, error) {
	const op = "read validation records"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var recs []Record
	var probs []error
	var cur *Record
	var text, comment []string
	inComment := false
	prevBlank := false
	n := 0
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(text, " ")
		cur.Comment = strings.Join(comment, "\n")
		for _, p := range parseFields(cur, cur.Comment) {
			probs = append(probs, &SyntaxError{Op: op, File: name, Line: cur.Line, Msg: fmt.Sprintf("record %s: %s", cur.ID, p)})
		}
		recs = append(recs, *cur)
		cur, text, comment, inComment = nil, nil, nil, false
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		wasBlank := prevBlank
		prevBlank = strings.TrimSpace(line) == ""
		if inComment {
			// an unclosed comment ends at the next record header that
			// follows a blank line
			if _, _, _, ok := header(strings.TrimSpace(line)); ok && looksHeader(line) && wasBlank {
				inComment = false
			}
		}
		if inComment {
			if i := strings.Index(line, "*/"); i >= 0 {
				comment = append(comment, line[:i])
				inComment = false
				continue
			}
			comment = append(comment, line)
			continue
		}
		t := strings.TrimSpace(line)
		if d, dt, id, ok := header(t); ok && looksHeader(line) {
			flush()
			cur = &Record{Date: d, DateText: dt, ID: id, Category: category(id), Line: n}
			continue
		}
		if cur == nil {
			continue
		}
		if t == "" {
			if len(comment) > 0 {
				flush()
			}
			continue
		}
		if strings.HasPrefix(t, "#") && len(comment) > 0 {
			flush()
			continue
		}
		if i := strings.Index(line, "/*"); i >= 0 {
			if s := strings.TrimSpace(line[:i]); s != "" {
				text = append(text, s)
			}
			rest := line[i+2:]
			if j := strings.Index(rest, "*/"); j >= 0 {
				comment = append(comment, rest[:j])
			} else {
				comment = append(comment, rest)
				inComment = true
			}
			continue
		}
		if len(comment) == 0 {
			text = append(text, t)
		} else {
			// a stray line after the comment closed, before the blank
			// line ending the record: its fields still count (AGENTS-11)
			comment = append(comment, strings.TrimSuffix(strings.TrimSpace(t), "*/"))
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return recs, probs, fmt.Errorf("%s: %s:%d: %w", op, name, n, err)
	}
	return recs, probs, nil
}

// looksHeader requires the header to start at the beginning of the line
// with its date, so that numbers inside sentences are not headers.
func looksHeader(line string) bool {
	return len(line) > 0 && line[0] >= '0' && line[0] <= '9'
}

// category is the first field of the ID that is not a number (some
// headers repeat the date), up to its first "-".
func category(id string) string {
	f := strings.Fields(id)
	first := ""
	for _, x := range f {
		if strings.Trim(x, "0123456789") != "" {
			first = x
			break
		}
	}
	c, _, _ := strings.Cut(first, "-")
	return strings.ToUpper(strings.TrimSpace(c))
}

// parseFields reads the {...} validation fields of a comment section.
func parseFields(r *Record, c string) []string {
	var probs []string
	for i := 0; i < len(c); i++ {
		if c[i] != '{' {
			continue
		}
		j := strings.IndexByte(c[i:], '}')
		if j < 0 {
			// an unclosed field runs to the end of the comment
			j = len(c) - i
		}
		body := strings.TrimSpace(c[i+1 : i+j])
		if nl := strings.IndexByte(body, '\n'); nl >= 0 && !strings.HasPrefix(strings.ToUpper(body), "OPTION:") {
			body = strings.TrimSpace(body[:nl])
		}
		partial := i > 0 && c[i-1] == '-'
		i += j
		if partial {
			r.Partial = true
		}
		up := strings.ToUpper(body)
		switch {
		case body == "":
			continue
		case strings.HasPrefix(up, "OPTION:"):
			r.Options = append(r.Options, strings.TrimSpace(body[len("OPTION:"):]))
			continue
		case strings.Trim(strings.ReplaceAll(up, " ", ""), "-") == "":
			if !partial {
				r.Special = NoEvents
			}
			continue
		case strings.ReplaceAll(up, " ", "") == "###":
			if !partial {
				r.Special = Discarded
			}
			continue
		case strings.ReplaceAll(up, " ", "") == "+++":
			if !partial {
				r.Special = Complex
			}
			continue
		}
		parts := strings.Split(body, "/")
		if len(parts) != 3 {
			// braces in the prose of a comment, e.g. "{|}"
			if strings.Count(body, "/") > 0 {
				probs = append(probs, fmt.Sprintf("bad validation field {%s}", body))
			}
			continue
		}
		if partial {
			continue
		}
		e := Event{strings.ToUpper(strings.TrimSpace(parts[0])), strings.ToUpper(strings.TrimSpace(parts[1])), strings.ToUpper(strings.TrimSpace(parts[2]))}
		if e.Source == "" || e.Target == "" || e.Code == "" {
			probs = append(probs, fmt.Sprintf("incomplete event {%s}", body))
			continue
		}
		if len(r.Expected) == 0 {
			r.ExpectedDate = trailingDate(c[i+1:])
		}
		r.Expected = append(r.Expected, e)
	}
	return probs
}

// trailingDate reads a YYMMDD or YYYYMMDD date at the start of s (after
// blanks), up to the end of the line.
func trailingDate(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return 0
	}
	d, _, _, ok := header(f[0] + " x")
	if !ok {
		return 0
	}
	return d
}
