package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

// TestCompiledUpToDate regenerates the knowledge base and checks that the
// committed actor/kb/compiled.kb.gz is byte-identical: the generator is
// deterministic and nobody edited a curated file without regenerating.
func TestCompiledUpToDate(t *testing.T) {
	shared.Path(t, "data/leaders/archigos-4.1-annual.txt") // skips when absent
	sh, _ := shared.Dir()
	out := filepath.Join(t.TempDir(), "compiled.kb.gz")
	if err := run(sh, "../../kb/curated", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../kb/compiled.kb.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("actor/kb/compiled.kb.gz is stale: run go run ./actor/internal/gen")
	}
	zr, err := gzip.NewReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := io.ReadAll(zr)
	for _, want := range []string{
		"@source archigos-4.1 (CC BY 4.0)",
		"@source wikidata-leaders-2022 (CC0)",
		"@source curated:leaders.kb",
		"country BLR | Belarus",
		"role Vladimir Putin | RUSGOV | 2012-05-07 | | President of Russia",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("compiled base lacks %q", want)
		}
	}
}

func TestDbpediaName(t *testing.T) {
	for in, want := range map[string]string{
		"http://dbpedia.org/resource/Vladimir_Putin":            "Vladimir Putin",
		"http://dbpedia.org/resource/Recep_Tayyip_Erdo%C4%9Fan": "Recep Tayyip Erdoğan",
		"http://dbpedia.org/resource/John_Major_(politician)":   "John Major",
		"NA": "",
	} {
		if got := dbpediaName(in); got != want {
			t.Errorf("dbpediaName(%q) = %q, want %q", in, got, want)
		}
	}
	if plural("Belarusian") != "Belarusians" || plural("Israeli") != "Israelis" || plural("French") != "" {
		t.Errorf("plural rules broken")
	}
	if surname("Joseph R. Biden Jr.") != "Biden" || surname("Xi") != "" {
		t.Errorf("surname rules broken: %q %q", surname("Joseph R. Biden Jr."), surname("Xi"))
	}
}
