// Package ingest reads stories from files, directories, JSONL, HTML pages
// and RSS/Atom feeds (local or, when allowed, over the network), codes
// them with a Coder and stores them: exact copies are recognised by
// content hash and skipped, reprints are linked to their first copy, texts
// that are not English are skipped, and a bad record never stops the
// rest. Each story is stored in its own transaction, so a killed run loses
// nothing committed and a rerun adds no duplicates.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/store"
)

// Coder codes one story in place, adding events, quotes and claims to it.
// Versions names the models and dictionaries that code, with their
// versions; it is recorded per story so that Recode can find stories coded
// by older ones. A Coder must be safe for concurrent use.
type Coder interface {
	Code(ctx context.Context, d *doc.Doc) error
	Versions() map[string]string
}

// Options controls a run.
type Options struct {
	// Date is the story date for inputs that carry none (YYYY-MM-DD).
	Date string
	// AllowNetwork permits fetching http(s) URLs, given as inputs or
	// linked from feeds.
	AllowNetwork bool
	// AllowPrivate permits fetching from private, loopback and link-local
	// addresses (refused by default, checked on the resolved address at
	// dial time).
	AllowPrivate bool
	// Workers is the number of stories coded at once; 0 means GOMAXPROCS.
	Workers int
	// SkipLanguageCheck stores every story whatever its language.
	SkipLanguageCheck bool
	// Progress, when set, is called after each story with the running
	// summary (from one goroutine).
	Progress func(s *Summary)
	// Stdin is read for the input "-": JSONL when it starts with '{',
	// otherwise one plain-text story.
	Stdin io.Reader
	// Fetcher overrides the network fetcher (tests); nil builds a guarded
	// one from AllowPrivate.
	Fetcher *Fetcher
}

// Failure is one story or record that could not be ingested.
type Failure struct {
	Where string `json:"where"` // file:line, file#id, URL
	Err   error  `json:"-"`
	// Reason is Err's message (for JSON output).
	Reason string `json:"reason"`
}

// Summary counts what a run did.
type Summary struct {
	Read          int       `json:"read"`
	New           int       `json:"new"`
	Duplicate     int       `json:"duplicate"`
	NearDuplicate int       `json:"near_duplicate"`
	NonEnglish    int       `json:"non_english"`
	Failed        int       `json:"failed"`
	Failures      []Failure `json:"failures"`
	// Events counts the events stored with new stories.
	Events int `json:"events"`
}

// String formats the summary on one line.
func (s *Summary) String() string {
	return fmt.Sprintf("read %d, new %d, duplicate %d, near-duplicate %d, non-English skipped %d, failed %d",
		s.Read, s.New, s.Duplicate, s.NearDuplicate, s.NonEnglish, s.Failed)
}

// Error is an ingest failure with where it happened.
type Error struct {
	Op    string // "read", "fetch", "code", "store", ...
	Where string // file:line, file#id, URL
	Err   error
}

// Error formats the failure as "op where: cause".
func (e *Error) Error() string {
	if e.Where == "" {
		return e.Op + ": " + e.Err.Error()
	}
	return e.Op + " " + e.Where + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Item is one story read from an input, before coding.
type Item struct {
	ID, Title, Date, Source, URL, Text string
	// Origin names the copy: a URL, "path#id" or "path:line".
	Origin string
	// Where locates the item for error messages.
	Where string
	// Warnings are problems that did not stop the item (a date that would
	// not parse, say).
	Warnings []string
}

type job struct {
	seq  int
	item Item
	err  error // a read failure, passed through in order
}

type result struct {
	seq     int
	where   string
	rec     *store.Record
	skipped bool // not English
	err     error
}

// Run ingests the inputs (paths or URLs) into st, coding each new story
// with c. It returns the summary; the error is non-nil only when the run
// itself could not go on (a cancelled context, a store that fails every
// write); failures of single stories are in the summary.
func Run(ctx context.Context, st store.Store, c Coder, inputs []string, opt Options) (*Summary, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if opt.Fetcher == nil {
		opt.Fetcher = NewFetcher(opt.AllowPrivate)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// window bounds the stories in flight, so memory stays flat however
	// long the run and whichever story is slow.
	window := make(chan struct{}, 4*workers+maxBatch)
	jobs := make(chan job, workers)
	results := make(chan result, 4*workers+maxBatch)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		send := func(j job) error {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			j.seq = seq
			seq++
			select {
			case jobs <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		r := &reader{opt: opt}
		readErr <- r.read(ctx, inputs,
			func(it Item) error { return send(job{item: it}) },
			func(where string, err error) error { return send(job{item: Item{Where: where}, err: err}) })
	}()
	versions := c.Versions()
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		for i := 0; i < workers; i++ {
			wg.Go(func() {
				for j := range jobs {
					res := result{seq: j.seq, where: j.item.Where, err: j.err}
					if j.err == nil {
						res.rec, res.skipped, res.err = prepare(ctx, st, c, versions, j.item, opt)
					}
					select {
					case results <- res:
					case <-ctx.Done():
						return
					}
				}
			})
		}
		wg.Wait()
		close(results)
	}()

	sum := &Summary{}
	pending := map[int]result{}
	next := 0
	var fatal error
	storeErrs := 0 // consecutive
	var ready []result
	for res := range results {
		pending[res.seq] = res
		// Take what else is ready, so that stories that piled up while the
		// writer was busy are stored in one transaction.
	drain:
		for len(pending) < maxBatch {
			select {
			case r, ok := <-results:
				if !ok {
					break drain // closed: the range loop ends after this round
				}
				pending[r.seq] = r
			default:
				break drain
			}
		}
		ready = ready[:0]
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			ready = append(ready, r)
		}
		for len(ready) > 0 {
			n := min(len(ready), maxBatch)
			if failed, err := applyBatch(ctx, st, sum, ready[:n], func() {
				<-window
				if opt.Progress != nil {
					opt.Progress(sum)
				}
			}); err != nil {
				storeErrs += failed
				if storeErrs >= 20 || ctx.Err() != nil {
					fatal = err
					cancel()
				}
			} else {
				storeErrs = 0
			}
			ready = ready[n:]
		}
	}
	<-done
	rerr := <-readErr
	if fatal != nil {
		return sum, fmt.Errorf("ingest stopped: %w", fatal)
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if rerr != nil && !errors.Is(rerr, context.Canceled) {
		return sum, rerr
	}
	return sum, nil
}

// maxBatch is the most stories stored in one transaction. The writer
// batches only what is ready when it gets to it: with a fast store every
// story commits alone, with a slow one commits grow up to maxBatch.
const maxBatch = 32

// applyBatch records results in the store and the summary, storing their
// records in one transaction; when the batch fails, each record is stored
// alone so that one bad record fails alone. It returns the number of
// records the store failed to take and the last store error, so that Run
// can stop when the store is down. It calls each after counting each
// result.
func applyBatch(ctx context.Context, st store.Store, sum *Summary, rs []result, each func()) (int, error) {
	var recs []*store.Record
	for _, r := range rs {
		if r.err == nil && !r.skipped {
			recs = append(recs, r.rec)
		}
	}
	var puts []store.PutResult
	var putErrs []error
	var lastErr error
	failed := 0
	if len(recs) > 1 {
		if res, err := st.PutBatch(ctx, recs); err == nil {
			puts, putErrs = res, make([]error, len(res))
		}
	}
	if puts == nil {
		for _, rec := range recs {
			res, err := st.Put(ctx, rec)
			puts, putErrs = append(puts, res), append(putErrs, err)
			if err != nil {
				lastErr = err
				failed++
			}
		}
	}
	fail := func(where string, err error) {
		sum.Failed++
		sum.Failures = append(sum.Failures, Failure{Where: where, Err: err, Reason: err.Error()})
	}
	i := 0
	for _, r := range rs {
		tally(sum, r, puts, putErrs, &i, fail)
		each()
	}
	return failed, lastErr
}

// tally counts one result in the summary; i indexes the next put result.
func tally(sum *Summary, r result, puts []store.PutResult, putErrs []error, i *int, fail func(string, error)) {
	var re *readError
	switch {
	case r.err != nil && errors.As(r.err, &re) && re.notStory:
		fail(r.where, r.err)
		return
	case r.err != nil:
		sum.Read++
		fail(r.where, r.err)
		return
	}
	sum.Read++
	if r.skipped {
		sum.NonEnglish++
		return
	}
	res, err := puts[*i], putErrs[*i]
	*i++
	if err != nil {
		fail(r.where, &Error{Op: "store", Where: r.where, Err: err})
		return
	}
	switch res.Outcome {
	case store.Added:
		sum.New++
		sum.Events += len(r.rec.Events)
	case store.Duplicate:
		sum.Duplicate++
	case store.NearDuplicate:
		sum.NearDuplicate++
		sum.Events += len(r.rec.Events)
	}
}

// prepare checks, codes and flattens one item into a record.
func prepare(ctx context.Context, st store.Store, c Coder, versions map[string]string, it Item, opt Options) (*store.Record, bool, error) {
	if it.Date == "" {
		it.Date = opt.Date
	}
	hash := store.ContentHash(it.Text)
	rec := &store.Record{Story: store.Story{
		ID: store.StoryID(hash), Hash: hash, ExtID: it.ID, Title: it.Title, Date: it.Date,
		Source: it.Source, URL: it.URL, Text: it.Text, Origin: it.Origin, Versions: versions,
	}}
	// An exact copy of a stored story needs no coding: Put records its
	// origin only.
	if _, ok, err := st.HasHash(ctx, hash); err != nil {
		return nil, false, &Error{Op: "store", Where: it.Where, Err: err}
	} else if ok {
		return rec, false, nil
	}
	if !opt.SkipLanguageCheck && !IsEnglish(it.Text) {
		return nil, true, nil
	}
	d := doc.New(it.ID, it.Text)
	d.Title, d.Date, d.Source, d.URL = it.Title, it.Date, it.Source, it.URL
	if d.ID == "" {
		d.ID = rec.Story.ID
	}
	for _, w := range it.Warnings {
		d.Errors.Add(-1, "read", w)
	}
	if err := CodeRecord(ctx, c, d, rec); err != nil {
		return nil, false, &Error{Op: "code", Where: it.Where, Err: err}
	}
	rec.Story.SimHash = store.SimHash(it.Text)
	return rec, false, nil
}

// CodeRecord codes d with c and fills rec's V1 JSON and rows from it.
// A coder that panics on bad input is turned into an error, so one story
// never stops a run.
func CodeRecord(ctx context.Context, c Coder, d *doc.Doc, rec *store.Record) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("coder panicked: %v", p)
		}
	}()
	if err := c.Code(ctx, d); err != nil {
		return err
	}
	v := d.ToV1(doc.V1Options{})
	var buf bytes.Buffer
	if err := v.WriteJSON(&buf, false); err != nil {
		return err
	}
	rec.Story.V1 = buf.Bytes()
	rec.Events, rec.Quotes, rec.Claims = store.RowsFromV1(rec.Story.ID, v)
	return nil
}
