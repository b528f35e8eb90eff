package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/render"
	"github.com/wirecoder/wirecoder/storyio"
)

func init() {
	register(&command{name: "code", summary: "code stories (text files or JSONL) into events, quotes and actors", run: runCode})
}

type stringList []string

func (s *stringList) String() string     { return fmt.Sprint([]string(*s)) }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runCode(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "code", "[flags] [FILE|-]...")
	jsonl := fs.Bool("jsonl", false, "inputs are JSONL: one object per line with id, title, date, source, url, text")
	date := fs.String("date", "", "story date YYYY-MM-DD for plain-text stories")
	format := fs.String("format", "", "output format: table|json|jsonl (default table on a terminal, jsonl otherwise)")
	detail := fs.Bool("detail", false, "show the token layer: POS, lemma, dependencies, NER")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "stories coded in parallel")
	var actors stringList
	fs.Var(&actors, "actors", "extra actor dictionary `FILE` (repeatable)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *format == "" {
		*format = "jsonl"
		if e.terminal {
			*format = "table"
		}
	}
	if err := oneOf("format", *format, "table", "json", "jsonl"); err != nil {
		return err
	}
	if !storyio.ValidDate(*date) {
		return usagef("--date %q is not a date YYYY-MM-DD", *date)
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	p, err := newPipeline(coderOptions{actorFiles: actors, warn: func(err error) { fmt.Fprintf(e.stderr, "wirecoder code: warning: %v\n", err) }})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	failed := 0
	report := func(err error) {
		failed++
		out.Flush()
		fmt.Fprintf(e.stderr, "wirecoder code: %v\n", err)
	}
	// Stories are read in order, coded by a pool of workers, and written
	// in input order.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan *codeItem, *workers*2)
	go readStories(ctx, e, files, *jsonl, items)
	results := make(chan *codeItem, *workers*2)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if it.story != nil {
					if it.story.Date == "" {
						it.story.Date = *date
					}
					it.doc = it.story.Doc()
					it.err = codeDoc(ctx, p, it.doc)
				}
				select {
				case results <- it:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	pending := map[int]*codeItem{}
	next := 0
	for it := range results {
		pending[it.seq] = it
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if cur.story == nil {
				report(cur.err)
				continue
			}
			if cur.err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				report(fmt.Errorf("%s: %w", recordRef(cur.story), cur.err))
			}
			for _, de := range cur.doc.Errors {
				if de.Op != "pipeline" {
					fmt.Fprintf(e.stderr, "wirecoder code: %s: %s\n", recordRef(cur.story), de.Error())
				}
			}
			if err := writeDoc(out, cur.doc, *format, *detail); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("%d record(s) failed", failed)
	}
	return nil
}

// codeItem is one story (or one read error) on its way through the
// worker pool; seq keeps the output in input order.
type codeItem struct {
	seq   int
	story *storyio.Story
	doc   *doc.Doc
	err   error
}

// readStories sends every story of files, in order, then closes items.
func readStories(ctx context.Context, e *env, files []string, jsonl bool, items chan<- *codeItem) {
	defer close(items)
	seq := 0
	send := func(s *storyio.Story, err error) bool {
		select {
		case items <- &codeItem{seq: seq, story: s, err: err}:
			seq++
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, name := range files {
		r, closeFn, err := openInput(e, name)
		if err != nil {
			if !send(nil, err) {
				return
			}
			continue
		}
		if jsonl {
			jr := storyio.NewJSONLReader(r, name)
			for {
				s, err := jr.Next()
				if err == io.EOF {
					break
				}
				if !send(s, err) {
					closeFn()
					return
				}
				var se *storyio.Error
				if err != nil && errors.As(err, &se) && se.Op == "read" && !errors.Is(err, storyio.ErrTooLarge) {
					break // the stream itself failed
				}
			}
		} else {
			s, err := storyio.ReadText(r, name)
			if !send(s, err) {
				closeFn()
				return
			}
		}
		closeFn()
	}
}

func recordRef(s *storyio.Story) string {
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d: story %q", s.File, s.Line, s.ID)
	}
	return fmt.Sprintf("%s: story %q", s.File, s.ID)
}

func openInput(e *env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return e.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("open input: %w", err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, nil, fmt.Errorf("open input %s: is a directory (use wirecoder ingest for directories)", name)
	}
	return f, func() { f.Close() }, nil
}

func writeDoc(w io.Writer, d *doc.Doc, format string, detail bool) error {
	switch format {
	case "json":
		return d.ToV1(doc.V1Options{Tokens: detail}).WriteJSON(w, true)
	case "jsonl":
		return d.ToV1(doc.V1Options{Tokens: detail}).WriteJSON(w, false)
	default:
		return writeTable(w, d, detail)
	}
}

func writeTable(w io.Writer, d *doc.Doc, detail bool) error {
	return render.Table(w, d, render.Options{Detail: detail})
}
