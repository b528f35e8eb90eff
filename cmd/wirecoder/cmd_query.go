package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/wirecoder/wirecoder/store"
	_ "github.com/wirecoder/wirecoder/store/postgres" // the postgres:// backend
	_ "github.com/wirecoder/wirecoder/store/sqlite"   // the default backend
)

func init() {
	register(&command{name: "events", summary: "list stored events by actor, target, code, PLOVER type and date", run: runEvents})
	register(&command{name: "quotes", summary: "list stored quotes by speaker and stance", run: runQuotes})
	register(&command{name: "search", summary: "full-text search of the stored stories", run: runSearch})
	register(&command{name: "stats", summary: "count stories, duplicates, events, quotes and claims in the store", run: runStats})
}

// openCorpus opens the store a --db flag names.
func openCorpus(ctx context.Context, dsn string) (store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return st, nil
}

var corpusFormats = []string{"table", "json", "jsonl", "csv"}

// corpusTable is rows to print in one of the output formats.
type corpusTable struct {
	header []string
	rows   [][]string
	values []any // the JSON form of each row
}

func (t *corpusTable) write(w io.Writer, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		v := t.values
		if v == nil {
			v = []any{}
		}
		return enc.Encode(v)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, v := range t.values {
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			c = strings.Join(strings.Fields(c), " ")
			if r := []rune(c); len(r) > 60 {
				c = string(r[:57]) + "..."
			}
			cells[i] = c
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// parseCAMEOFlag parses --code: "15-19" (a range of roots), "19" or "0874"
// (a code prefix).
func parseCAMEOFlag(s string, f *store.EventFilter) error {
	if s == "" {
		return nil
	}
	if a, b, ok := strings.Cut(s, "-"); ok {
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || lo < 1 || hi > 20 || lo > hi {
			return usagef("--code range must be two CAMEO roots 01-20, low-high, not %q", s)
		}
		f.RootFrom, f.RootTo = lo, hi
		return nil
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return usagef("--code must be digits (a CAMEO code or prefix) or a root range like 15-19, not %q", s)
		}
	}
	f.CodePrefix = s
	return nil
}

func checkDateFlag(name, v string) error {
	if v == "" {
		return nil
	}
	ok := len(v) == 4 || len(v) == 7 || len(v) == 10
	for i, r := range v {
		if (i == 4 || i == 7) && r != '-' || (i != 4 && i != 7) && (r < '0' || r > '9') {
			ok = false
		}
	}
	if !ok {
		return usagef("--%s must be YYYY, YYYY-MM or YYYY-MM-DD, not %q", name, v)
	}
	return nil
}

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events", "[--db DSN] [--actor A] [--target B] [--code 15-19] [--plover TYPE] [--from D] [--to D] [--include-historical] [--include-reprints] [--format F]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	var f store.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "source actor code or prefix (BLR, BLRGOV)")
	fs.StringVar(&f.Target, "target", "", "target actor code or prefix")
	code := fs.String("code", "", "CAMEO code prefix (0874) or root range (15-19)")
	fs.StringVar(&f.Plover, "plover", "", "PLOVER event type (MOBILIZE)")
	fs.StringVar(&f.From, "from", "", "first event date (YYYY[-MM[-DD]])")
	fs.StringVar(&f.To, "to", "", "last event date (YYYY[-MM[-DD]])")
	fs.BoolVar(&f.IncludeHistorical, "include-historical", false, "include events the stories tell as history")
	reprints := fs.Bool("include-reprints", false, "include the events of near-duplicate stories (reprints)")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many events (0: all)")
	format := fs.String("format", "table", "output: table|json|jsonl|csv")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, corpusFormats...); err != nil {
		return err
	}
	f.CanonicalOnly = !*reprints
	if err := parseCAMEOFlag(*code, &f); err != nil {
		return err
	}
	if err := checkDateFlag("from", f.From); err != nil {
		return err
	}
	if err := checkDateFlag("to", f.To); err != nil {
		return err
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := st.Events(ctx, f)
	if err != nil {
		return err
	}
	t := &corpusTable{header: []string{"id", "when", "source", "target", "cameo", "quad", "goldstein", "plover", "historical", "trigger"}}
	for _, ev := range evs {
		t.rows = append(t.rows, []string{ev.ID, ev.When, ev.SourceCode, ev.TargetCode, ev.CAMEO, strconv.Itoa(ev.Quad),
			strconv.FormatFloat(ev.Goldstein, 'f', -1, 64), ev.PloverType, strconv.FormatBool(ev.Historical), ev.Trigger})
		t.values = append(t.values, ev)
	}
	return t.write(e.stdout, *format)
}

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "quotes", "[--db DSN] [--speaker A] [--stance assert|deny|uncertain] [--text T] [--include-reprints] [--format F]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	var f store.QuoteFilter
	fs.StringVar(&f.Speaker, "speaker", "", "speaker actor code or prefix")
	fs.StringVar(&f.Stance, "stance", "", "assert|deny|uncertain")
	fs.StringVar(&f.Text, "text", "", "words the quote contains")
	qReprints := fs.Bool("include-reprints", false, "include the quotes of near-duplicate stories (reprints)")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many quotes (0: all)")
	format := fs.String("format", "table", "output: table|json|jsonl|csv")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, corpusFormats...); err != nil {
		return err
	}
	f.CanonicalOnly = !*qReprints
	if f.Stance != "" {
		if err := oneOf("stance", f.Stance, "assert", "deny", "uncertain"); err != nil {
			return err
		}
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quotes(ctx, f)
	if err != nil {
		return err
	}
	t := &corpusTable{header: []string{"id", "date", "speaker", "stance", "kind", "via", "content"}}
	for _, q := range qs {
		t.rows = append(t.rows, []string{q.ID, q.StoryDate, q.SpeakerCode, q.Stance, q.Kind, q.Via, q.Content})
		t.values = append(t.values, q)
	}
	return t.write(e.stdout, *format)
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", `[--db DSN] [--limit N] [--format F] "query"`)
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	limit := fs.Int("limit", 20, "at most this many stories")
	format := fs.String("format", "table", "output: table|json|jsonl|csv")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf("format", *format, corpusFormats...); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("search needs a query")
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, strings.Join(pos, " "), *limit)
	if err != nil {
		return err
	}
	t := &corpusTable{header: []string{"story", "date", "reprint_of", "title", "snippet"}}
	for _, h := range hits {
		t.rows = append(t.rows, []string{h.StoryID, h.Date, h.DupOf, h.Title, h.Snippet})
		t.values = append(t.values, h)
	}
	return t.write(e.stdout, *format)
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "[--db DSN] [--format json|table|jsonl|csv]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	format := fs.String("format", "json", "output: json|table|jsonl|csv")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := oneOf("format", *format, corpusFormats...); err != nil {
		return err
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	t := &corpusTable{header: []string{"stories", "duplicates", "near_duplicates", "events", "quotes", "claims"},
		rows: [][]string{{strconv.FormatInt(s.Stories, 10), strconv.FormatInt(s.Duplicates, 10), strconv.FormatInt(s.NearDuplicates, 10),
			strconv.FormatInt(s.Events, 10), strconv.FormatInt(s.Quotes, 10), strconv.FormatInt(s.Claims, 10)}},
		values: []any{s}}
	return t.write(e.stdout, *format)
}
