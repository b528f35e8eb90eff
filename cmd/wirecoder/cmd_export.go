package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirecoder/wirecoder/export"
	"github.com/wirecoder/wirecoder/store"
)

func init() {
	register(&command{name: "export", summary: "export the corpus: gdelt-events, gdelt-mentions, plover-json, jsonl, csv", run: runExport})
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "--format gdelt-events|gdelt-mentions|plover-json|jsonl|csv [--db DSN] [--out FILE] [--from D] [--to D]")
	dsn := fs.String("db", "", "database (default ./wirecoder.db)")
	format := fs.String("format", "", "export format: "+strings.Join(export.Formats, "|"))
	out := fs.String("out", "", "write to FILE instead of standard output")
	var opt export.Options
	fs.StringVar(&opt.Filter.From, "from", "", "first event date")
	fs.StringVar(&opt.Filter.To, "to", "", "last event date")
	fs.BoolVar(&opt.IncludeNearDuplicates, "include-reprints", false, "export the events of near-duplicate stories too")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format == "" {
		return usagef("export needs --format (%s)", strings.Join(export.Formats, "|"))
	}
	if err := oneOf("format", *format, export.Formats...); err != nil {
		return err
	}
	if err := checkDateFlag("from", opt.Filter.From); err != nil {
		return err
	}
	if err := checkDateFlag("to", opt.Filter.To); err != nil {
		return err
	}
	st, err := openCorpus(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if *out == "" {
		return writeCorpusExport(ctx, st, e.stdout, *format, opt)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := writeCorpusExport(ctx, st, f, *format, opt); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	return nil
}

func writeCorpusExport(ctx context.Context, st store.Store, w io.Writer, format string, opt export.Options) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := export.Write(ctx, st, bw, format, opt); err != nil {
		return err
	}
	return bw.Flush()
}
