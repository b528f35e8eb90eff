package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/series"
	"github.com/wirecoder/wirecoder/store/sqlite"
	"github.com/wirecoder/wirecoder/store/storetest"
)

// A directory holding a story twice and a reprint with another credit
// line: one new story, one duplicate, one near-duplicate; the series
// counts the reprint once and places the historical invasion in its own
// month.
func ExampleRun() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "ingest-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "story.txt"), []byte(storetest.TestStory), 0o644)
	os.WriteFile(filepath.Join(dir, "story-copy.txt"), []byte(storetest.TestStory), 0o644)
	os.WriteFile(filepath.Join(dir, "reprint.txt"), []byte(storetest.TestReprint), 0o644)

	st, _ := sqlite.Open(ctx, ":memory:")
	defer st.Close()
	// The rule coder stands in for the coding pipeline here.
	sum, err := ingest.Run(ctx, st, storetest.NewRuleCoder(), []string{dir}, ingest.Options{Date: "2024-07-12"})
	fmt.Println(sum, err)

	for _, q := range []struct{ dyad, by string }{{"BLR-UKR", "week"}, {"RUS-UKR", "month"}} {
		d, _ := series.ParseDyad(q.dyad)
		s, _ := series.Build(ctx, st, series.Options{Dyad: d, By: q.by})
		for _, p := range s.Series {
			fmt.Println(q.dyad, p.Period, p.Events, p.Quad, p.Tension)
		}
	}
	// Output:
	// read 3, new 1, duplicate 1, near-duplicate 1, non-English skipped 0, failed 0 <nil>
	// BLR-UKR 2024-07-08 4 [1 0 2 1] 0.144
	// RUS-UKR 2022-02 1 [0 0 0 1] 0.5
}
