// Package conllu reads CoNLL-U files, the format of Universal Dependencies
// treebanks, for training and evaluating the language core.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence (multiword token ranges and
// empty nodes are skipped).
type Word struct {
	ID    int // 1-based
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Head  int // 0 for the root
	Dep   string
	Misc  string
}

// Sentence is one sentence with its comment metadata.
type Sentence struct {
	ID    string // from "# sent_id ="
	Text  string // from "# text ="
	Line  int    // line number of the first line
	Words []Word
}

// ParseError reports a malformed line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads every sentence from r; name labels errors.
func Read(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	cur := Sentence{}
	lineNo := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if cur.Line == 0 {
			cur.Line = lineNo
		}
		if strings.HasPrefix(line, "#") {
			if v, ok := strings.CutPrefix(line, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(line, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return out, &ParseError{name, lineNo, fmt.Sprintf("want 10 tab-separated columns, got %d", len(cols))}
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword token or empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return out, &ParseError{name, lineNo, fmt.Sprintf("bad word id %q", cols[0])}
		}
		head := 0
		if cols[6] != "_" {
			head, err = strconv.Atoi(cols[6])
			if err != nil {
				return out, &ParseError{name, lineNo, fmt.Sprintf("bad head %q", cols[6])}
			}
		}
		cur.Words = append(cur.Words, Word{id, cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[9]})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read conllu %s: %w", name, err)
	}
	flush()
	return out, nil
}
