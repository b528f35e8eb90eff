package tabari

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// SyntaxError is a malformed line in a TABARI file.
type SyntaxError struct {
	Op   string // the reader: "read actors", "read verbs", ...
	File string
	Line int
	Msg  string
}

// Error reports the file, line and problem.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: %s:%d: %s", e.Op, e.File, e.Line, e.Msg)
}

// Problems is the list of malformed lines a lenient reader skipped.
type Problems []*SyntaxError

// Err returns the problems as one error (nil when there are none).
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// CodeFlag marks the special codes of a verb or actor entry.
type CodeFlag uint8

// The special codes.
const (
	Null        CodeFlag = 1 << iota // [---]: not coded
	Discard                          // [###]: the record is discarded
	Complex                          // [+++]: the record is too complex to code
	Subordinate                      // code?: used only if no other event is found
	Dominant                         // code!: preempts the other events
)

var codeFlagNames = []string{"null", "discard", "complex", "subordinate", "dominant"}

// String names the flags, joined by "|"; "none" when there are none.
func (f CodeFlag) String() string {
	var parts []string
	for i, n := range codeFlagNames {
		if f&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

// EventCode is the code of a verb root or pattern: a code, optionally
// paired (032:033: the second event runs from target to source).
type EventCode struct {
	Code   string
	Paired string // "" when not paired
	Flags  CodeFlag
}

// ParseEventCode parses the contents of a verb code block, e.g. "023?",
// "032:033", "111!", "---", "###" or "+++".
func ParseEventCode(s string) (EventCode, error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	var c EventCode
	switch s {
	case "":
		return c, fmt.Errorf("empty code")
	case "---":
		c.Flags = Null
		return c, nil
	case "###":
		c.Flags = Discard
		return c, nil
	case "+++":
		c.Flags = Complex
		return c, nil
	}
	if strings.HasSuffix(s, "?") {
		c.Flags |= Subordinate
		s = strings.TrimSuffix(s, "?")
	}
	if strings.HasSuffix(s, "!") {
		c.Flags |= Dominant
		s = strings.TrimSuffix(s, "!")
	}
	a, b, paired := strings.Cut(s, ":")
	c.Code = a
	if paired {
		c.Paired = b
		if b == "" {
			return c, fmt.Errorf("empty paired code in %q", s)
		}
	}
	if c.Code == "" || !alnum(c.Code) || (paired && !alnum(b)) {
		return c, fmt.Errorf("bad event code %q", s)
	}
	return c, nil
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// DatedCode is one code block of an actor: a code (possibly a coded
// compound such as "GME/GMW", or "---", "###", "+++"), valid from From to
// To inclusive (dates as YYYYMMDD; 0 leaves that end open).
type DatedCode struct {
	Code     string
	From, To int
}

// Restricted reports whether the code carries a date restriction.
func (d DatedCode) Restricted() bool { return d.From != 0 || d.To != 0 }

// Applies reports whether the code applies on date (YYYYMMDD).
func (d DatedCode) Applies(date int) bool {
	return (d.From == 0 || date >= d.From) && (d.To == 0 || date <= d.To)
}

// ParseDate reads a TABARI date: YYMMDD (years 00-30 are 2000-2030) or,
// with yyyy set, YYYYMMDD. It returns YYYYMMDD.
func ParseDate(s string, yyyy bool) (int, error) {
	s = strings.TrimSpace(s)
	want := 6
	if yyyy {
		want = 8
	}
	if len(s) != want {
		return 0, fmt.Errorf("bad date %q: want %d digits", s, want)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad date %q", s)
	}
	if !yyyy {
		y := n / 10000
		if y <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	m, d := n/100%100, n%100
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("bad date %q: month or day out of range", s)
	}
	return n, nil
}

// parseCodeBlock parses the inside of one actor code block, e.g.
// "USAGOV 991201-010114", "AR1 <911226", "UNO >920101", "GON".
func parseCodeBlock(s string) (DatedCode, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code block")
	}
	// "### <890101", "EGY < 911231": restriction may be split by blanks
	code := f[0]
	rest := strings.Join(f[1:], "")
	if strings.HasPrefix(code, "<") || strings.HasPrefix(code, ">") || (len(code) > 0 && code[0] >= '0' && code[0] <= '9' && strings.Contains(code, "-") && rest == "") {
		return DatedCode{}, fmt.Errorf("code block %q has a date but no code", s)
	}
	d := DatedCode{Code: strings.ToUpper(code)}
	if code == "-" || strings.HasPrefix(code, "--") || code == "---" {
		d.Code = "---"
	}
	// "- - -" written with blanks
	if strings.Trim(strings.Join(f, ""), "-") == "" {
		return DatedCode{Code: "---"}, nil
	}
	if rest == "" {
		return d, nil
	}
	var err error
	switch {
	case strings.HasPrefix(rest, "<"):
		d.To, err = ParseDate(rest[1:], false)
	case strings.HasPrefix(rest, ">"):
		d.From, err = ParseDate(rest[1:], false)
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return d, fmt.Errorf("bad date restriction %q", rest)
		}
		if d.From, err = ParseDate(a, false); err == nil {
			d.To, err = ParseDate(b, false)
		}
	}
	return d, err
}

// splitEntry splits a dictionary line into phrase, code blocks and
// comment: PHRASE [CODE] [CODE] ; comment.
func splitEntry(line string) (phrase string, blocks []string, err error) {
	if i := strings.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	i := strings.IndexByte(line, '[')
	if i < 0 {
		if strings.IndexByte(line, ']') >= 0 {
			return "", nil, fmt.Errorf("missing [")
		}
		return strings.TrimSpace(line), nil, nil
	}
	phrase = strings.TrimSpace(line[:i])
	rest := line[i:]
	for {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != '[' {
			return phrase, blocks, fmt.Errorf("text %q after code", rest)
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return phrase, blocks, fmt.Errorf("missing ]")
		}
		blocks = append(blocks, rest[1:j])
		rest = rest[j+1:]
	}
	return phrase, blocks, nil
}

// lineReader yields the trimmed lines of a file with their numbers, and
// stops at ~FINISH.
type lineReader struct {
	sc   *bufio.Scanner
	n    int
	done bool
}

func newLineReader(r io.Reader) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	return &lineReader{sc: sc}
}

// next returns the raw line (without the newline), its number and
// whether one was read.
func (l *lineReader) next() (string, int, bool) {
	if l.done || !l.sc.Scan() {
		return "", l.n, false
	}
	l.n++
	s := strings.TrimRight(l.sc.Text(), "\r")
	if strings.HasPrefix(strings.TrimSpace(s), "~~FINISH") || strings.TrimSpace(s) == "~FINISH" {
		l.done = true
		return "", l.n, false
	}
	return s, l.n, true
}

func (l *lineReader) err() error { return l.sc.Err() }

func isComment(s string) bool {
	return s == "" || s[0] == '#' || s[0] == '/'
}

// readFile opens path and calls read on it.
func readFile[T any](path string, read func(io.Reader, string) (T, Problems, error)) (T, Problems, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, nil, err
	}
	defer f.Close()
	return read(f, path)
}

// sortStable sorts entries by descending key, keeping file order on ties.
func sortStable[T any](s []T, key func(T) int) {
	sort.SliceStable(s, func(i, j int) bool { return key(s[i]) > key(s[j]) })
}
