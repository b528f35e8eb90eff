package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/export"
	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/series"
	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/storetest"
)

// runCorpusCmd runs one command line in-process with the rule coder.
func runCorpusCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old := storyCoder
	storyCoder = func() (ingest.Coder, error) { return storetest.NewRuleCoder(), nil }
	defer func() { storyCoder = old }()
	var o, e bytes.Buffer
	code = run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e}, args)
	return o.String(), e.String(), code
}

func writeCorpusFiles(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCorpusCommands(t *testing.T) {
	dir := writeCorpusFiles(t, map[string]string{
		"in/story.txt": storetest.TestStory, "in/copy.txt": storetest.TestStory, "in/reprint.txt": storetest.TestReprint,
		"in/de.txt": storetest.GermanStory,
		"in/more.jsonl": `{"id":"o1","title":"Farms","date":"2024-07-09T08:00:00Z","source":"test","url":"https://example.org/o1","text":` +
			corpusJSONString(storetest.OtherStory) + "}\n{not json\n" + `{"id":"empty","text":""}` + "\n",
	})
	db := filepath.Join(dir, "w.db")
	out, errOut, code := runCorpusCmd(t, "ingest", "--db", db, "--date", "2024-07-12", filepath.Join(dir, "in"))
	if code != 0 {
		t.Fatalf("ingest exit %d: %s %s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "read 7, new 2, duplicate 1, near-duplicate 1, non-English skipped 1, failed 2\n") ||
		!strings.Contains(out, "more.jsonl:2") || !strings.Contains(out, `more.jsonl:3: record "empty" has no text`) {
		t.Errorf("ingest output:\n%s", out)
	}
	out, _, code = runCorpusCmd(t, "stats", "--db", db)
	var st map[string]int
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil {
		t.Fatalf("stats exit %d: %v: %s", code, err, out)
	}
	want := map[string]int{"stories": 3, "duplicates": 1, "near_duplicates": 1, "events": 10, "quotes": 2, "claims": 2}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("stats = %v, want %v", st, want)
	}
	out, _, code = runCorpusCmd(t, "series", "--db", db, "--dyad", "BLR-UKR", "--by", "week")
	var s series.Series
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil {
		t.Fatalf("series exit %d: %v: %s", code, err, out)
	}
	if len(s.Series) != 1 || s.Series[0].Period != "2024-07-08" || s.Series[0].Events != 4 || s.Dyad != "BLR-UKR" || s.By != "week" {
		t.Errorf("series = %+v", s)
	}
	for _, k := range []string{`"dyad"`, `"by"`, `"series"`, `"period"`, `"events"`, `"goldstein_sum"`, `"goldstein_mean"`, `"quad"`, `"tension"`, `"event_ids"`} {
		if !strings.Contains(out, k) {
			t.Errorf("series JSON lacks %s", k)
		}
	}
	out, _, _ = runCorpusCmd(t, "series", "--db", db, "--dyad", "rus-ukr", "--by", "month", "--format", "csv")
	if !strings.Contains(out, "\n2022-02,1,-10,-10,0,0,0,1,0.5,") {
		t.Errorf("RUS-UKR csv:\n%s", out)
	}
	out, _, _ = runCorpusCmd(t, "events", "--db", db, "--code", "15-19", "--include-historical", "--format", "jsonl")
	if n := strings.Count(out, "\n"); n != 2 || !strings.Contains(out, `"cameo":"190"`) {
		t.Errorf("events 15-19 jsonl (%d lines):\n%s", n, out)
	}
	out, _, _ = runCorpusCmd(t, "events", "--db", db, "--actor", "BLR", "--plover", "MOBILIZE")
	if !strings.Contains(out, "BLRMIL") || strings.Count(out, "\n") != 2 {
		t.Errorf("events table:\n%s", out)
	}
	out, _, _ = runCorpusCmd(t, "events", "--db", db, "--actor", "BLR", "--plover", "MOBILIZE", "--include-reprints", "--format", "csv")
	if strings.Count(out, "\n") != 3 {
		t.Errorf("events with reprints:\n%s", out)
	}
	out, _, _ = runCorpusCmd(t, "quotes", "--db", db, "--speaker", "UKR", "--stance", "deny", "--format", "csv")
	if !strings.HasPrefix(out, "id,date,speaker,stance,kind,via,content\n") || strings.Count(out, "\n") != 2 {
		t.Errorf("quotes csv:\n%s", out)
	}
	out, _, _ = runCorpusCmd(t, "quotes", "--db", db, "--include-reprints", "--format", "csv")
	if strings.Count(out, "\n") != 3 {
		t.Errorf("quotes csv:\n%s", out)
	}
	out, _, _ = runCorpusCmd(t, "search", "--db", db, "--format", "json", "harvest")
	var hits []store.Hit
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || hits[0].Title != "Farms" || hits[0].Date != "2024-07-09" {
		t.Errorf("search = %v, %v: %s", hits, err, out)
	}
	out, _, code = runCorpusCmd(t, "export", "--db", db, "--format", "gdelt-events")
	if rows, err := export.ReadTSV(strings.NewReader(out), 61); code != 0 || err != nil || len(rows) != 5 {
		t.Errorf("export gdelt-events: exit %d, %v, %d rows", code, err, len(rows))
	}
	p := filepath.Join(dir, "m.tsv")
	if _, _, code = runCorpusCmd(t, "export", "--db", db, "--format", "gdelt-mentions", "--out", p); code != 0 {
		t.Errorf("export to file: exit %d", code)
	}
	if b, err := os.ReadFile(p); err != nil || strings.Count(string(b), "\n") != 5 {
		t.Errorf("mentions file: %v", err)
	}
	out, _, code = runCorpusCmd(t, "recode", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "stories 3, recoded 0, events added 0, removed 0") {
		t.Errorf("recode: exit %d: %s", code, out)
	}
	out, _, code = runCorpusCmd(t, "recode", "--db", db, "--all", "--json")
	if code != 0 || !strings.Contains(out, `"recoded": 3`) || !strings.Contains(out, `"events_added": 0`) {
		t.Errorf("recode --all: exit %d: %s", code, out)
	}
}

func TestCorpusUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	for _, args := range [][]string{
		{"ingest", "--db", db},
		{"ingest", "--db", db, "--date", "July 12", "x"},
		{"events", "--db", db, "--code", "19-15"},
		{"events", "--db", db, "--code", "abc"},
		{"events", "--db", db, "--from", "2024/07/01"},
		{"events", "--db", db, "--format", "xml"},
		{"quotes", "--db", db, "--stance", "maybe"},
		{"search", "--db", db},
		{"series", "--db", db},
		{"series", "--db", db, "--dyad", "BELARUS-UKR"},
		{"series", "--db", db, "--dyad", "BLR-UKR", "--by", "year"},
		{"export", "--db", db},
		{"export", "--db", db, "--format", "gdelt"},
	} {
		if _, errOut, code := runCorpusCmd(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
	}
}

func TestIngestWithoutCoder(t *testing.T) {
	old := storyCoder
	storyCoder = nil
	defer func() { storyCoder = old }()
	var o, e bytes.Buffer
	code := run(context.Background(), &env{stdout: &o, stderr: &e}, []string{"ingest", "--db", filepath.Join(t.TempDir(), "w.db"), "x"})
	if code != 1 || !strings.Contains(e.String(), "no story coder") {
		t.Errorf("exit %d: %s", code, e.String())
	}
}

func TestIngestURLNeedsNetworkFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	out, _, code := runCorpusCmd(t, "ingest", "--db", db, "http://127.0.0.1:1/story")
	if code != 1 || !strings.Contains(out, "failed 1") || !strings.Contains(out, "--allow-network") {
		t.Errorf("exit %d: %s", code, out)
	}
	out, _, _ = runCorpusCmd(t, "ingest", "--db", db, "--allow-network", "http://127.0.0.1:1/story")
	if !strings.Contains(out, "private, loopback or link-local") {
		t.Errorf("loopback fetch not refused: %s", out)
	}
}

func corpusJSONString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	old := storyCoder
	storyCoder = func() (ingest.Coder, error) { return storetest.NewRuleCoder(), nil }
	defer func() { storyCoder = old }()
	in := `{"id":"a","date":"2024-07-12","text":` + corpusJSONString(storetest.TestStory) + "}\n" +
		`{"id":"b","date":"2024-07-12","text":` + corpusJSONString(storetest.TestStory) + "}\n"
	var o, e bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(in), stdout: &o, stderr: &e}, []string{"ingest", "--db", db, "-"})
	if code != 0 || !strings.HasPrefix(o.String(), "read 2, new 1, duplicate 1,") {
		t.Errorf("exit %d: %s %s", code, o.String(), e.String())
	}
	o.Reset()
	code = run(context.Background(), &env{stdin: strings.NewReader(storetest.OtherStory), stdout: &o, stderr: &e}, []string{"ingest", "--db", db, "--date", "2024-07-09", "-"})
	if code != 0 || !strings.HasPrefix(o.String(), "read 1, new 1,") {
		t.Errorf("text on stdin: exit %d: %s", code, o.String())
	}
}
