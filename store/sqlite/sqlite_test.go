package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/sqlite"
	"github.com/wirecoder/wirecoder/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := storetest.NewRuleCoder()
	if _, err := db.Put(ctx, storetest.Record(t, c, "a", "2024-07-12", "a", storetest.TestStory)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := store.Open(ctx, "sqlite://"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, err := st.SchemaVersion(ctx); err != nil || v != 2 {
		t.Errorf("schema version = %d, %v", v, err)
	}
	if s, err := st.Stats(ctx); err != nil || s.Stories != 1 || s.Events != 5 {
		t.Errorf("stats after reopen = %+v, %v", s, err)
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"border troops", `"border" "troops"`},
		{`"spring rains" OR harvest`, `"spring rains" OR "harvest"`},
		{`BLR-UKR "unbalanced (`, `"BLR" "UKR" "unbalanced"`},
		{"OR AND", ""},
		{"", ""},
	} {
		if got := sqlite.FTSQuery(tc.in); got != tc.want {
			t.Errorf("FTSQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	storetest.ConcurrentOpen(t, 4, func() (store.Store, error) { return sqlite.Open(context.Background(), path) })
}

// FuzzSearch checks that no user query is an FTS5 syntax error.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"border troops", `"unbalanced`, "OR", "NOT x", "a AND", "col:x", "x*", "^x", "(a OR b)", "NEAR(a b)", "\x00", "ü-ß"} {
		f.Add(s)
	}
	db, err := sqlite.Open(context.Background(), ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	c := storetest.NewRuleCoder()
	if _, err := db.Put(context.Background(), storetest.Record(f, c, "a", "2024-07-12", "a", storetest.TestStory)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(context.Background(), q, 5); err != nil {
			t.Errorf("Search(%q) [FTS %q]: %v", q, sqlite.FTSQuery(q), err)
		}
	})
}
