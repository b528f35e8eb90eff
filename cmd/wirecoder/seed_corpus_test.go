package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/store/storetest"
)

// TestSeedCorpusSQLite and TestSeedCorpusPostgres run the corpus issue's
// acceptance scenario with the real coding pipeline: the seed story twice
// plus a reprint with another credit line gives 1 new, 1 duplicate and 1
// near-duplicate; the week of 2024-07-08 shows the story's current
// Belarus–Ukraine events; the February 2022 invasion counts under 2022-02
// for Russia–Ukraine, not in July 2024.
func TestSeedCorpusSQLite(t *testing.T) {
	seedCorpus(t, filepath.Join(t.TempDir(), "w.db"))
}

func TestSeedCorpusPostgres(t *testing.T) {
	seedCorpus(t, storetest.Postgres(t))
}

func seedCorpus(t *testing.T, dsn string) {
	seed := readFile(t, shared.Path(t, "seed/belarus-border.txt"))
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": seed,
		"b.txt": seed,
		"c.txt": strings.Replace(seed, "(With inputs from Reuters)", "(Reporting by Reuters; editing by the desk)", 1),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runArgs(t, "ingest", "--db", dsn, "--date", "2024-07-13", dir)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(out+errs, "read 3, new 1, duplicate 1, near-duplicate 1") {
		t.Errorf("ingest summary: %s %s", out, errs)
	}
	type point struct {
		Period   string
		Events   int
		EventIDs []string `json:"event_ids"`
	}
	series := func(dyad, by string) []point {
		code, out, errs := runArgs(t, "series", "--db", dsn, "--dyad", dyad, "--by", by, "--format", "json")
		if code != 0 {
			t.Fatalf("series %s: exit %d: %s", dyad, code, errs)
		}
		var v struct{ Series []point }
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("series %s: %v: %s", dyad, err, out)
		}
		return v.Series
	}
	week := series("BLR-UKR", "week")
	if len(week) == 0 || week[len(week)-1].Period != "2024-07-08" || week[len(week)-1].Events < 1 {
		t.Errorf("BLR-UKR by week = %+v, want the week of 2024-07-08 with the story's events", week)
	}
	month := series("RUS-UKR", "month")
	has := map[string]int{}
	for _, p := range month {
		has[p.Period] = p.Events
	}
	if has["2022-02"] < 1 || has["2024-07"] != 0 {
		t.Errorf("RUS-UKR by month = %+v, want the invasion under 2022-02 and nothing in 2024-07", month)
	}
}
