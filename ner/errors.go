package ner

import "fmt"

// Error is a failure of the recognizer: reading a file, loading or saving a
// model, or tagging a document. File and Line locate it when known.
type Error struct {
	Op   string // "read iob2", "load model", "save model", "process", "train"
	File string // file or input name, or ""
	Line int    // 1-based line, or 0
	Err  error
}

// Error formats the error as "ner: op: file:line: err".
func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("ner: %s: %s:%d: %v", e.Op, e.File, e.Line, e.Err)
	case e.File != "":
		return fmt.Sprintf("ner: %s: %s: %v", e.Op, e.File, e.Err)
	}
	return fmt.Sprintf("ner: %s: %v", e.Op, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
