package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/mmcdole/gofeed"
)

// readError is a failure to read an input; notStory marks failures that
// are not one story (an unreadable directory, a refused URL) so that they
// are not counted as read.
type readError struct {
	err      error
	notStory bool
}

// Error returns the cause's message.
func (e *readError) Error() string { return e.err.Error() }

// Unwrap returns the cause.
func (e *readError) Unwrap() error { return e.err }

// maxFile bounds what is read of one file or page.
const maxFile = 32 << 20

type reader struct {
	opt Options
}

// Kind is the format of an input.
type Kind uint8

// The input formats.
const (
	KindText Kind = iota
	KindJSONL
	KindHTML
	KindFeed
)

var kindNames = [...]string{KindText: "text", KindJSONL: "jsonl", KindHTML: "html", KindFeed: "feed"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// KindOf tells an input's format from its name and, failing that, from
// its first bytes: .jsonl/.ndjson, .html/.htm, .rss/.atom/.xml (or XML
// holding <rss or <feed), else plain text.
func KindOf(name string, head []byte) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return KindJSONL
	case ".html", ".htm", ".xhtml":
		return KindHTML
	case ".rss", ".atom":
		return KindFeed
	}
	h := bytes.ToLower(bytes.TrimSpace(head))
	if len(h) > 1024 {
		h = h[:1024]
	}
	switch {
	case bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf")):
		return KindFeed
	case bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")):
		return KindHTML
	case bytes.HasPrefix(h, []byte("{")) && strings.ToLower(filepath.Ext(name)) == ".json":
		return KindJSONL
	}
	return KindText
}

// ingestible lists the extensions a directory walk reads.
var ingestible = map[string]bool{
	".txt": true, ".text": true, ".md": true, "": true,
	".jsonl": true, ".ndjson": true, ".json": true,
	".html": true, ".htm": true, ".xhtml": true,
	".rss": true, ".atom": true, ".xml": true,
}

// read walks the inputs in order, calling item for each story and fail
// for each failure; it stops early only when a callback returns an error
// (a cancelled run).
func (r *reader) read(ctx context.Context, inputs []string, item func(Item) error, fail func(string, error) error) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = r.readStdin(item, fail)
		} else if u, perr := url.Parse(in); perr == nil && (u.Scheme == "http" || u.Scheme == "https") {
			err = r.readURL(ctx, in, item, fail)
		} else {
			err = r.readPath(ctx, in, item, fail)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readStdin reads the input "-".
func (r *reader) readStdin(item func(Item) error, fail func(string, error) error) error {
	if r.opt.Stdin == nil {
		return fail("-", &readError{err: &Error{Op: "read", Where: "stdin", Err: errors.New("no standard input")}, notStory: true})
	}
	br := bufio.NewReaderSize(r.opt.Stdin, 64<<10)
	head, _ := br.Peek(1024)
	if bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")) {
		return r.readJSONL(br, "stdin", "stdin", item, fail)
	}
	data, err := io.ReadAll(io.LimitReader(br, maxFile))
	if err != nil {
		return fail("stdin", &Error{Op: "read", Where: "stdin", Err: err})
	}
	if strings.TrimSpace(string(data)) == "" {
		return fail("stdin", &Error{Op: "read", Where: "stdin", Err: errors.New("empty story")})
	}
	return item(Item{ID: "stdin", Text: string(data), Origin: "stdin", Where: "stdin"})
}

func (r *reader) readPath(ctx context.Context, path string, item func(Item) error, fail func(string, error) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return fail(path, &readError{err: &Error{Op: "read", Where: path, Err: err}, notStory: true})
	}
	if !st.IsDir() {
		return r.readFile(ctx, path, item, fail)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fail(p, &readError{err: &Error{Op: "read", Where: p, Err: err}, notStory: true})
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != path {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !ingestible[strings.ToLower(filepath.Ext(name))] {
			return nil
		}
		return r.readFile(ctx, p, item, fail)
	})
}

func (r *reader) readFile(ctx context.Context, path string, item func(Item) error, fail func(string, error) error) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(path, &Error{Op: "read", Where: path, Err: err})
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(1024)
	ext := strings.ToLower(filepath.Ext(path))
	kind := KindOf(path, head)
	switch {
	case ext == ".json" && bytes.HasPrefix(bytes.TrimSpace(head), []byte("[")):
		return r.readJSONArray(br, path, abs, item, fail)
	case ext == ".json" && kind != KindJSONL, ext == ".xml" && kind != KindFeed:
		return fail(path, &readError{err: &Error{Op: "read", Where: path, Err: fmt.Errorf("%s file is neither a feed nor story records", ext)}, notStory: true})
	}
	switch kind {
	case KindJSONL:
		return r.readJSONL(br, path, abs, item, fail)
	case KindHTML:
		data, err := io.ReadAll(io.LimitReader(br, maxFile))
		if err != nil {
			return fail(path, &Error{Op: "read", Where: path, Err: err})
		}
		it, err := htmlItem(data, &url.URL{Scheme: "file", Path: abs})
		if err != nil {
			return fail(path, &Error{Op: "read html", Where: path, Err: err})
		}
		it.Origin, it.Where = abs, path
		if it.ID == "" {
			it.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		}
		return item(it)
	case KindFeed:
		data, err := io.ReadAll(io.LimitReader(br, maxFile))
		if err != nil {
			return fail(path, &Error{Op: "read", Where: path, Err: err})
		}
		return r.readFeed(ctx, data, path, abs, item, fail)
	}
	data, err := io.ReadAll(io.LimitReader(br, maxFile))
	if err != nil {
		return fail(path, &Error{Op: "read", Where: path, Err: err})
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		return fail(path, &Error{Op: "read", Where: path, Err: errors.New("empty story")})
	}
	return item(Item{ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Text: text, Origin: abs, Where: path})
}

// jsonRecord is one JSONL line.
type jsonRecord struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Text   string `json:"text"`
}

// readJSONArray reads a JSON array of story records, one at a time.
func (r *reader) readJSONArray(br *bufio.Reader, path, abs string, item func(Item) error, fail func(string, error) error) error {
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		return fail(path, &readError{err: &Error{Op: "read json", Where: path, Err: err}, notStory: true})
	}
	for n := 1; dec.More(); n++ {
		where := fmt.Sprintf("%s record %d", path, n)
		var rec jsonRecord
		if err := dec.Decode(&rec); err != nil {
			// The array cannot be read past a syntax error.
			return fail(where, &Error{Op: "read json", Where: where, Err: err})
		}
		if err := r.record(rec, where, fmt.Sprintf("%s#%d", abs, n), abs, item, fail); err != nil {
			return err
		}
	}
	return nil
}

// record turns one decoded record into an item; fallback is its origin
// when it has neither URL nor id.
func (r *reader) record(rec jsonRecord, where, fallback, abs string, item func(Item) error, fail func(string, error) error) error {
	if strings.TrimSpace(rec.Text) == "" {
		return fail(where, &Error{Op: "read", Where: where, Err: fmt.Errorf("record %q has no text", rec.ID)})
	}
	it := Item{ID: rec.ID, Title: rec.Title, Source: rec.Source, URL: rec.URL, Text: rec.Text, Where: where}
	if rec.ID != "" {
		it.Where = fmt.Sprintf("%s (record %q)", where, rec.ID)
	}
	it.Date, it.Warnings = normDate(rec.Date, it.Warnings)
	switch {
	case rec.URL != "":
		it.Origin = rec.URL
	case rec.ID != "":
		it.Origin = abs + "#" + rec.ID
	default:
		it.Origin = fallback
	}
	return item(it)
}

func (r *reader) readJSONL(br *bufio.Reader, path, abs string, item func(Item) error, fail func(string, error) error) error {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64<<10), maxFile)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, line)
		var rec jsonRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			if err := fail(where, &Error{Op: "read jsonl", Where: where, Err: err}); err != nil {
				return err
			}
			continue
		}
		if err := r.record(rec, where, fmt.Sprintf("%s:%d", abs, line), abs, item, fail); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		where := fmt.Sprintf("%s:%d", path, line+1)
		return fail(where, &Error{Op: "read jsonl", Where: where, Err: err})
	}
	return nil
}

var dateLayouts = []string{
	"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "January 2, 2006", "2 January 2006", "Jan 2, 2006", "20060102",
}

// normDate normalises a date to YYYY-MM-DD; a date that will not parse is
// dropped with a warning.
func normDate(s string, warn []string) (string, []string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", warn
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), warn
		}
	}
	return "", append(warn, fmt.Sprintf("date %q not understood; using the default date", s))
}

// htmlItem extracts the main text, title and date of a page.
func htmlItem(data []byte, u *url.URL) (Item, error) {
	art, err := readability.FromReader(bytes.NewReader(data), u)
	if err != nil {
		return Item{}, err
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return Item{}, err
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return Item{}, errors.New("no main text found")
	}
	it := Item{Title: strings.TrimSpace(art.Title()), Text: text, Source: art.SiteName()}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		it.Date = t.UTC().Format("2006-01-02")
	}
	if u.Scheme != "file" {
		it.URL = u.String()
	}
	return it, nil
}

func (r *reader) readFeed(ctx context.Context, data []byte, where, origin string, item func(Item) error, fail func(string, error) error) error {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return fail(where, &readError{err: &Error{Op: "read feed", Where: where, Err: err}, notStory: true})
	}
	for i, fi := range feed.Items {
		iw := fmt.Sprintf("%s item %d", where, i+1)
		it := Item{ID: fi.GUID, Title: strings.TrimSpace(fi.Title), Source: feed.Title, URL: fi.Link, Where: iw}
		if fi.PublishedParsed != nil {
			it.Date = fi.PublishedParsed.UTC().Format("2006-01-02")
		} else if fi.UpdatedParsed != nil {
			it.Date = fi.UpdatedParsed.UTC().Format("2006-01-02")
		}
		switch {
		case fi.Link != "":
			it.Origin = fi.Link
		case fi.GUID != "":
			it.Origin = origin + "#" + fi.GUID
		default:
			it.Origin = fmt.Sprintf("%s#%d", origin, i+1)
		}
		if r.opt.AllowNetwork && fi.Link != "" {
			page, err := r.fetchPage(ctx, fi.Link)
			if err == nil {
				page.ID, page.Origin, page.Where = it.ID, it.Origin, iw
				if page.Title == "" {
					page.Title = it.Title
				}
				if page.Date == "" {
					page.Date = it.Date
				}
				if page.Source == "" {
					page.Source = it.Source
				}
				if err := item(page); err != nil {
					return err
				}
				continue
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			// Fall back to the feed's own text.
			it.Warnings = append(it.Warnings, "fetch "+fi.Link+": "+err.Error())
		}
		body := fi.Content
		if len(HTMLText(fi.Description)) > len(HTMLText(body)) {
			body = fi.Description
		}
		it.Text = HTMLText(body)
		if it.Text == "" {
			if err := fail(iw, &Error{Op: "read feed", Where: iw, Err: errors.New("item has no text")}); err != nil {
				return err
			}
			continue
		}
		if err := item(it); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) readURL(ctx context.Context, raw string, item func(Item) error, fail func(string, error) error) error {
	if !r.opt.AllowNetwork {
		return fail(raw, &readError{err: &Error{Op: "fetch", Where: raw, Err: errors.New("network access not allowed (use --allow-network)")}, notStory: true})
	}
	body, ctype, final, err := r.opt.Fetcher.Get(ctx, raw)
	if err != nil {
		return fail(raw, &readError{err: &Error{Op: "fetch", Where: raw, Err: err}, notStory: true})
	}
	kind := KindOf(final.Path, body)
	switch {
	case strings.Contains(ctype, "rss") || strings.Contains(ctype, "atom"):
		kind = KindFeed
	case strings.Contains(ctype, "html") && kind != KindFeed:
		kind = KindHTML
	case strings.Contains(ctype, "json") && !strings.Contains(ctype, "feed+json"):
		kind = KindJSONL
	}
	switch kind {
	case KindFeed:
		return r.readFeed(ctx, body, raw, raw, item, fail)
	case KindJSONL:
		return r.readJSONL(bufio.NewReader(bytes.NewReader(body)), raw, raw, item, fail)
	case KindHTML:
		it, err := htmlItem(body, final)
		if err != nil {
			return fail(raw, &Error{Op: "read html", Where: raw, Err: err})
		}
		it.Origin, it.Where, it.ID = raw, raw, raw
		return item(it)
	}
	text := string(body)
	if strings.TrimSpace(text) == "" {
		return fail(raw, &Error{Op: "read", Where: raw, Err: errors.New("empty story")})
	}
	return item(Item{ID: raw, URL: raw, Text: text, Origin: raw, Where: raw})
}

func (r *reader) fetchPage(ctx context.Context, raw string) (Item, error) {
	body, _, final, err := r.opt.Fetcher.Get(ctx, raw)
	if err != nil {
		return Item{}, err
	}
	it, err := htmlItem(body, final)
	if err != nil {
		return Item{}, err
	}
	it.URL = raw
	return it, nil
}
