package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadOptions control ReadIOB2Options.
type ReadOptions struct {
	// KeepAll keeps every tag as written. By default tags are mapped to the
	// recognizer's tag set: OTH, the stray B-O of the UNER training file
	// and any other type than PER, ORG and LOC become O.
	KeepAll bool
}

// ReadIOB2 reads IOB2 sentences in the Universal NER layout: comment lines
// starting with '#' ("# sent_id = ..."), then one token per line,
// "index<TAB>word<TAB>tag[<TAB>...]", and a blank line after each sentence.
// Two-column "word tag" lines (tab or space separated) are accepted too.
// Tags are mapped to PER, ORG, LOC and O (see ReadOptions). name is used in
// errors, which give the line: a token line without a tag, or a tag that is
// not IOB2.
func ReadIOB2(r io.Reader, name string) ([]Sentence, error) {
	return ReadIOB2Options(r, name, ReadOptions{})
}

// ReadIOB2File reads an IOB2 file with ReadIOB2.
func ReadIOB2File(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Op: "read iob2", File: path, Err: err}
	}
	defer f.Close()
	return ReadIOB2(f, path)
}

// ReadIOB2Options reads IOB2 sentences like ReadIOB2, with options.
func ReadIOB2Options(r io.Reader, name string, opt ReadOptions) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	fail := func(format string, args ...any) error {
		return &Error{Op: "read iob2", File: name, Line: line, Err: fmt.Errorf(format, args...)}
	}
	br := bufio.NewReader(r)
	for {
		text, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			line++
			return out, fail("%w", err)
		}
		if text == "" && err != nil {
			break
		}
		line++
		text = strings.TrimRight(text, "\r\n")
		switch {
		case strings.TrimSpace(text) == "":
			flush()
		case strings.HasPrefix(text, "#"):
			if len(cur.Words) > 0 {
				// A comment inside a sentence: the blank line is missing.
				flush()
			}
			if v, ok := strings.CutPrefix(text, "# sent_id"); ok {
				v = strings.TrimSpace(v)
				v = strings.TrimSpace(strings.TrimPrefix(v, "="))
				cur.ID = v
			}
		default:
			word, tag, ok := splitLine(text)
			if !ok {
				return out, fail("token line %q has no tag", clip(text))
			}
			if !validTag(tag) {
				return out, fail("tag %q is not IOB2 (O, B-TYPE or I-TYPE)", clip(tag))
			}
			if !opt.KeepAll {
				tag = coreTag(tag)
			}
			if len(cur.Words) == 0 {
				cur.Line = line
			}
			cur.Words = append(cur.Words, word)
			cur.Tags = append(cur.Tags, tag)
		}
		if err != nil {
			break
		}
	}
	flush()
	return out, nil
}

// splitLine returns the word and tag of a token line.
func splitLine(text string) (word, tag string, ok bool) {
	f := strings.Split(text, "\t")
	if len(f) >= 3 {
		return f[1], strings.TrimSpace(f[2]), f[1] != "" && strings.TrimSpace(f[2]) != ""
	}
	if len(f) == 2 {
		return f[0], strings.TrimSpace(f[1]), f[0] != "" && strings.TrimSpace(f[1]) != ""
	}
	g := strings.Fields(text)
	if len(g) == 2 {
		return g[0], g[1], true
	}
	return "", "", false
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
