// Package storyio reads stories for coding: plain text (one story per
// file) and JSONL (one story object per line). Readers are lenient: a bad
// record yields an error that names the file and line, and the records
// after it are still read.
package storyio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// MaxStoryBytes is the largest story text accepted (16 MiB). News stories
// are a few kilobytes; a larger input is almost always a corpus in one
// file, which should be split or read as JSONL, and is refused with an
// error that names the file rather than coded for minutes.
const MaxStoryBytes = 16 << 20

// Story is one story as read, before coding.
type Story struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	// File and Line locate the record (Line is 0 for a whole-file story).
	File string `json:"-"`
	Line int    `json:"-"`
}

// Doc returns a new doc.Doc carrying the story's text and metadata.
//
// JSON cannot carry invalid UTF-8, so every byte of an invalid sequence is
// replaced by U+FFFD before coding, and each replacement is recorded in
// the Doc's error list at its offset in the repaired text. The offsets of
// the output then index exactly the text the output carries.
func (s *Story) Doc() *doc.Doc {
	text, errs := repairUTF8(s.Text)
	d := doc.New(s.ID, text)
	d.Title, d.Date, d.Source, d.URL = s.Title, s.Date, s.Source, s.URL
	d.Errors = errs
	return d
}

// maxRepairErrors caps the errors recorded for one story's bad bytes.
const maxRepairErrors = 100

func repairUTF8(s string) (string, doc.ErrorList) {
	if utf8.ValidString(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	var errs doc.ErrorList
	n := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			n++
			if n <= maxRepairErrors {
				errs.Add(b.Len(), "read", fmt.Sprintf("invalid UTF-8 byte 0x%02x at input offset %d replaced by U+FFFD", s[i], i))
			}
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		b.WriteString(s[i : i+w])
		i += w
	}
	if n > maxRepairErrors {
		errs.Add(-1, "read", fmt.Sprintf("%d more invalid UTF-8 bytes replaced", n-maxRepairErrors))
	}
	return b.String(), errs
}

// Error is a problem with one record of an input file.
type Error struct {
	Op   string // "read", "decode", "validate"
	File string
	Line int // 1-based line, 0 for the whole file
	Err  error
}

// Error formats the error as file:line: op: message.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %v", e.File, e.Line, e.Op, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.File, e.Op, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, for errors.Is.
var (
	ErrEmpty    = errors.New("empty story text")
	ErrTooLarge = fmt.Errorf("story text larger than %d bytes", MaxStoryBytes)
	ErrBadDate  = errors.New("date is not YYYY-MM-DD")
	ErrNoText   = errors.New(`record has no "text" field`)
)

// ValidDate reports whether s is "" or a real calendar date YYYY-MM-DD.
func ValidDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// NormalizeDate accepts YYYY-MM-DD or an RFC 3339 timestamp and returns
// YYYY-MM-DD.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if ValidDate(s) {
		return s, true
	}
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// ReadText reads one plain-text story from r. name is the file name used
// for the id and in errors. The text is kept byte for byte: invalid UTF-8
// and control characters are the tokenizer's to report, with positions.
func ReadText(r io.Reader, name string) (*Story, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxStoryBytes+1))
	if err != nil {
		return nil, &Error{Op: "read", File: name, Err: err}
	}
	if len(b) > MaxStoryBytes {
		return nil, &Error{Op: "read", File: name, Err: ErrTooLarge}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &Error{Op: "read", File: name, Err: ErrEmpty}
	}
	return &Story{ID: idFromName(name), Text: string(b), File: name}, nil
}

func idFromName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if name == "" || name == "-" {
		return "stdin"
	}
	return name
}

// JSONLReader reads stories from JSONL, one object per line with the
// fields id, title, date, source, url and text.
type JSONLReader struct {
	r    *bufio.Reader
	name string
	line int
}

// NewJSONLReader returns a reader of JSONL stories from r; name labels
// errors.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Next returns the next story. At the end it returns io.EOF. A bad record
// returns an *Error naming the file and line; the caller may call Next
// again to go on with the following records.
func (j *JSONLReader) Next() (*Story, error) {
	for {
		raw, tooLong, err := j.readLine()
		if err == io.EOF && len(raw) == 0 && !tooLong {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, &Error{Op: "read", File: j.name, Line: j.line + 1, Err: err}
		}
		j.line++
		if tooLong {
			return nil, &Error{Op: "read", File: j.name, Line: j.line, Err: ErrTooLarge}
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			if err == io.EOF {
				return nil, io.EOF
			}
			continue // blank lines are allowed between records
		}
		return j.decode(raw)
	}
}

// readLine reads one line of at most MaxStoryBytes (plus JSON overhead),
// discarding the rest of a longer line.
func (j *JSONLReader) readLine() (line []byte, tooLong bool, err error) {
	const limit = MaxStoryBytes + 1<<20
	var buf []byte
	for {
		chunk, isPrefix, err := j.r.ReadLine()
		if len(buf)+len(chunk) > limit {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if err != nil {
			return buf, tooLong, err
		}
		if !isPrefix {
			return buf, tooLong, nil
		}
	}
}

func (j *JSONLReader) decode(raw []byte) (*Story, error) {
	fail := func(op string, err error) (*Story, error) {
		return nil, &Error{Op: op, File: j.name, Line: j.line, Err: err}
	}
	if !utf8.Valid(raw) {
		return fail("decode", errors.New("line is not valid UTF-8"))
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rec); err != nil {
		return fail("decode", fmt.Errorf("not a JSON object: %w", err))
	}
	s := &Story{File: j.name, Line: j.line}
	fields := []struct {
		key string
		dst *string
	}{{"id", &s.ID}, {"title", &s.Title}, {"date", &s.Date}, {"source", &s.Source}, {"url", &s.URL}, {"text", &s.Text}}
	for _, f := range fields {
		v, ok := rec[f.key]
		if !ok || string(v) == "null" {
			continue
		}
		if err := json.Unmarshal(v, f.dst); err != nil {
			// Accept numeric ids; anything else must be a string.
			if f.key == "id" {
				var n json.Number
				if json.Unmarshal(v, &n) == nil {
					*f.dst = n.String()
					continue
				}
			}
			return fail("decode", fmt.Errorf("field %q is not a string", f.key))
		}
	}
	if _, ok := rec["text"]; !ok {
		return fail("validate", ErrNoText)
	}
	if strings.TrimSpace(s.Text) == "" {
		return fail("validate", ErrEmpty)
	}
	if d, ok := NormalizeDate(s.Date); ok {
		s.Date = d
	} else {
		return fail("validate", fmt.Errorf("%w: %q", ErrBadDate, s.Date))
	}
	if s.ID == "" {
		s.ID = fmt.Sprintf("%s:%d", idFromName(j.name), j.line)
	}
	return s, nil
}
