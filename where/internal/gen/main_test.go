package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// TestReproducible regenerates the gazetteer from ../shared and checks
// that it matches the committed one: the embedded data is what the
// generator makes.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the gazetteer regeneration in -short mode")
	}
	geo := shared.Path(t, "data/geo/cities15000.txt")
	shared.Path(t, "data/ud-ewt/en_ewt-ud-train.conllu")
	shared.Path(t, "data/uner-ewt/en_ewt-ud-train.iob2")
	out := filepath.Join(t.TempDir(), "gazetteer.tsv.gz")
	if err := run(filepath.Dir(geo), out); err != nil {
		t.Fatal(err)
	}
	got, want := gunzip(t, out), gunzip(t, filepath.Join("..", "..", "data", "gazetteer.tsv.gz"))
	if !bytes.Equal(got, want) {
		t.Fatalf("regenerated gazetteer (%d bytes) differs from where/data/gazetteer.tsv.gz (%d bytes): run go run ./where/internal/gen", len(got), len(want))
	}
}
