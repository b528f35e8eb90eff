package doc

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a problem found in the input at a byte offset, like
// go/scanner.Error. The Doc that holds it is still a partial result.
type Error struct {
	Offset int    // byte offset into Doc.Text, or -1 for the whole story
	Op     string // the stage or operation that found it: "tokenize", "read"
	Msg    string
}

// Error formats the error as "op: offset N: msg".
func (e Error) Error() string {
	if e.Offset < 0 {
		return fmt.Sprintf("%s: %s", e.Op, e.Msg)
	}
	return fmt.Sprintf("%s: offset %d: %s", e.Op, e.Offset, e.Msg)
}

// ErrorList is a list of positioned errors, sorted by offset on demand.
type ErrorList []Error

// Add appends an error.
func (l *ErrorList) Add(off int, op, msg string) {
	*l = append(*l, Error{Offset: off, Op: op, Msg: msg})
}

// Sort orders the list by offset.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Offset < l[j].Offset })
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the messages.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(l[0].Error())
	fmt.Fprintf(&b, " (and %d more errors)", len(l)-1)
	return b.String()
}
