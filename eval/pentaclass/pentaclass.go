// Package pentaclass reads ConfliBERT's five-class CAMEO sentence sets
// (sentence TAB label 0-4) and scores coded events against them: the class
// of each sentence's highest-confidence event against the gold label.
//
// The classes: 0 statements and appeals (CAMEO roots 01-02), 1 verbal
// cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
// (09-13), 4 material conflict (14-20). A sentence with no event is
// predicted as class 0.
package pentaclass

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/evalutil"
)

// NumClasses is the number of classes.
const NumClasses = 5

// Class is one of the five ConfliBERT classes.
type Class uint8

// The five classes.
const (
	Statement           Class = iota // 0: make a statement, appeal (01-02)
	VerbalCooperation                // 1: 03-05
	MaterialCooperation              // 2: 06-08
	VerbalConflict                   // 3: 09-13
	MaterialConflict                 // 4: 14-20
)

var classNames = [...]string{
	Statement:           "statement",
	VerbalCooperation:   "verbal-coop",
	MaterialCooperation: "material-coop",
	VerbalConflict:      "verbal-conflict",
	MaterialConflict:    "material-conflict",
}

// String returns the class's name.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("Class(%d)", uint8(c))
}

// ClassOf returns the class of a CAMEO code by its two-digit root, and
// false when the code is malformed or its root is outside 01-20.
func ClassOf(cameo string) (Class, bool) {
	cameo = strings.TrimSpace(cameo)
	if len(cameo) < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9' {
		return 0, false
	}
	switch r := int(cameo[0]-'0')*10 + int(cameo[1]-'0'); {
	case r >= 1 && r <= 2:
		return Statement, true
	case r >= 3 && r <= 5:
		return VerbalCooperation, true
	case r >= 6 && r <= 8:
		return MaterialCooperation, true
	case r >= 9 && r <= 13:
		return VerbalConflict, true
	case r >= 14 && r <= 20:
		return MaterialConflict, true
	}
	return 0, false
}

// Sentence is one gold sentence.
type Sentence struct {
	Line  int // 1-based line in the file
	Text  string
	Label Class
}

// Error is a problem with one line of a gold file, or with the file.
type Error struct {
	Op   string // "read" or "parse"
	File string
	Line int // 1-based, or 0 for the whole file
	Err  error
}

// Error formats the error as "pentaclass: OP FILE:LINE: ERR".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("pentaclass: %s %s:%d: %v", e.Op, e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("pentaclass: %s %s: %v", e.Op, e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ReadFile reads a gold file; see Read.
func ReadFile(path string) ([]Sentence, []error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &Error{Op: "read", File: path, Err: err}
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads "sentence TAB label" lines from r; name is used in messages.
// The label is the last tab-separated field (so a sentence may itself
// hold a tab); CRLF line ends, a byte-order mark, blank lines and a
// header line whose label is not a number are accepted. A line without a
// tab, with an empty sentence or with a label outside 0-4 is skipped and
// reported in problems as FILE:LINE; err is non-nil only when the input
// cannot be read.
func Read(r io.Reader, name string) (sents []Sentence, problems []error, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		s := strings.TrimRight(string(b), "\r\n")
		if strings.TrimSpace(s) == "" {
			continue
		}
		tab := strings.LastIndexByte(s, '\t')
		if tab < 0 {
			problems = append(problems, &Error{Op: "parse", File: name, Line: line, Err: errors.New("no tab between sentence and label")})
			continue
		}
		text, lab := strings.TrimSpace(s[:tab]), strings.TrimSpace(s[tab+1:])
		n, perr := strconv.Atoi(lab)
		if perr != nil {
			if len(sents) == 0 && len(problems) == 0 {
				continue // a header line such as "sentence\tlabel"
			}
			problems = append(problems, &Error{Op: "parse", File: name, Line: line, Err: fmt.Errorf("label %q is not a number", lab)})
			continue
		}
		if n < 0 || n >= NumClasses {
			problems = append(problems, &Error{Op: "parse", File: name, Line: line, Err: fmt.Errorf("label %d is outside 0-%d", n, NumClasses-1)})
			continue
		}
		if text == "" {
			problems = append(problems, &Error{Op: "parse", File: name, Line: line, Err: errors.New("empty sentence")})
			continue
		}
		sents = append(sents, Sentence{Line: line, Text: text, Label: Class(n)})
	}
	if err := sc.Err(); err != nil {
		return sents, problems, &Error{Op: "read", File: name, Line: line + 1, Err: err}
	}
	return sents, problems, nil
}

// Predict returns the class of the highest-confidence event among those
// with a well-formed CAMEO code, its confidence, and whether there was
// one; with no such event the class is Statement (0).
func Predict(events []doc.Event) (c Class, conf float64, ok bool) {
	top := evalutil.TopFunc(events, func(e *doc.Event) bool {
		_, ok := ClassOf(e.CAMEO)
		return ok
	})
	if top < 0 {
		return Statement, 0, false
	}
	c, _ = ClassOf(events[top].CAMEO)
	return c, events[top].Confidence, true
}

// PRF is one class's precision, recall and F1 with their counts.
type PRF struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Result is the score of a set of sentences. Its JSON form, with the
// fields that have JSON names, is the last line of "wirecoder eval
// pentaclass --format json".
type Result struct {
	Task      string  `json:"task"`
	Sentences int     `json:"sentences"`
	Accuracy  float64 `json:"accuracy"`
	// MacroF1 is the mean F1 over the classes that occur in the gold or
	// in the predictions.
	MacroF1 float64 `json:"macro_f1"`
	// Confusion counts sentences by [gold][predicted] class.
	Confusion [NumClasses][NumClasses]int `json:"confusion"`

	Correct  int             `json:"-"`
	NoEvent  int             `json:"-"` // sentences with no coded event
	PerClass [NumClasses]PRF `json:"-"`
	// Reliability has one row per confidence bucket over the sentences
	// that have an event: right means the top event's class was right.
	Reliability []evalutil.Bucket `json:"-"`
}

// Score scores sentences against the events coded from each: events[i]
// belongs to sents[i]. A sentence without an events entry (events shorter
// than sents) counts as having no event; extra entries are ignored, and
// so are sentences whose label is outside 0-4 (Read never returns them).
func Score(sents []Sentence, events [][]doc.Event) Result {
	return ScoreBuckets(sents, events, 5)
}

// ScoreBuckets is Score with n equal confidence buckets over [0, 1] in
// Result.Reliability (n < 1 means 5).
func ScoreBuckets(sents []Sentence, events [][]doc.Event, n int) Result {
	res := Result{Task: "pentaclass"}
	rel := evalutil.NewReliability(n)
	for i, s := range sents {
		var evs []doc.Event
		if i < len(events) {
			evs = events[i]
		}
		pred, conf, ok := Predict(evs)
		gold := s.Label
		if int(gold) >= NumClasses {
			continue // cannot come from Read; guards hand-made input
		}
		res.Sentences++
		res.Confusion[gold][pred]++
		right := pred == gold
		if right {
			res.Correct++
		}
		if ok {
			rel.Add(conf, right)
		} else {
			res.NoEvent++
		}
	}
	present := 0
	sumF1 := 0.0
	for c := 0; c < NumClasses; c++ {
		p := &res.PerClass[c]
		for o := 0; o < NumClasses; o++ {
			p.Gold += res.Confusion[c][o]
			p.Predicted += res.Confusion[o][c]
		}
		p.Correct = res.Confusion[c][c]
		p.Precision = ratio(p.Correct, p.Predicted)
		p.Recall = ratio(p.Correct, p.Gold)
		if p.Precision+p.Recall > 0 {
			p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
		}
		if p.Gold > 0 || p.Predicted > 0 {
			present++
			sumF1 += p.F1
		}
	}
	res.Accuracy = ratio(res.Correct, res.Sentences)
	if present > 0 {
		res.MacroF1 = sumF1 / float64(present)
	}
	res.Reliability = rel.Buckets()
	return res
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
