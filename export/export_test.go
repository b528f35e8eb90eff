package export_test

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/export"
	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/sqlite"
	"github.com/wirecoder/wirecoder/store/storetest"
)

func fill(t *testing.T) (store.Store, []store.Event) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := storetest.NewRuleCoder()
	for _, r := range []*store.Record{
		storetest.Record(t, c, "a", "2024-07-12", "a", storetest.TestStory),
		storetest.Record(t, c, "r", "2024-07-12", "r", storetest.TestReprint),
		storetest.Record(t, c, "o", "2024-07-09", "o", storetest.OtherStory),
	} {
		if _, err := st.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := st.Events(ctx, store.EventFilter{IncludeHistorical: true, CanonicalOnly: true})
	if err != nil || len(evs) != 5 {
		t.Fatalf("events = %d, %v", len(evs), err)
	}
	return st, evs
}

func run(t *testing.T, st store.Store, format string) *bytes.Buffer {
	var b bytes.Buffer
	if err := export.Write(context.Background(), st, &b, format, export.Options{}); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return &b
}

func TestGDELTEventsRoundTrip(t *testing.T) {
	st, evs := fill(t)
	if len(export.GDELTEventColumns) != 61 || len(export.GDELTMentionColumns) != 16 {
		t.Fatalf("layouts have %d and %d columns", len(export.GDELTEventColumns), len(export.GDELTMentionColumns))
	}
	rows, err := export.ReadTSV(run(t, st, "gdelt-events"), 61)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(evs) {
		t.Fatalf("%d rows for %d events", len(rows), len(evs))
	}
	col := map[string]int{}
	for i, c := range export.GDELTEventColumns {
		col[c] = i
	}
	for i, r := range rows {
		e := evs[i]
		g, _ := strconv.ParseFloat(r[col["GoldsteinScale"]], 64)
		q, _ := strconv.Atoi(r[col["QuadClass"]])
		if r[col["GLOBALEVENTID"]] != strconv.FormatInt(e.Seq, 10) || r[col["Actor1Code"]] != e.SourceCode ||
			r[col["Actor2Code"]] != e.TargetCode || r[col["EventCode"]] != e.CAMEO || r[col["EventRootCode"]] != e.Root ||
			q != e.Quad || g != e.Goldstein || r[col["SOURCEURL"]] != e.URL || r[col["NumArticles"]] != "2" {
			t.Errorf("row %d = %v\nevent %+v", i, r, e)
		}
	}
	// The invasion: dated February 2022, not the story date.
	first := rows[0]
	if first[col["SQLDATE"]] != "20220201" || first[col["MonthYear"]] != "202202" || first[col["IsRootEvent"]] != "0" ||
		first[col["Actor1CountryCode"]] != "RUS" || first[col["DATEADDED"]] != "20240712000000" {
		t.Errorf("historical row = %v", first)
	}
	if r := rows[2]; r[col["Actor1Type1Code"]] != "MIL" || r[col["Actor1Name"]] != "BELARUSIAN TROOPS" || r[col["EventBaseCode"]] != "152" {
		t.Errorf("actor fields = %v", r)
	}
}

func TestGDELTMentionsRoundTrip(t *testing.T) {
	st, evs := fill(t)
	rows, err := export.ReadTSV(run(t, st, "gdelt-mentions"), 16)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		e := evs[i]
		if r[0] != strconv.FormatInt(e.Seq, 10) || r[5] != e.URL || r[6] != strconv.Itoa(e.Sentence+1) ||
			r[9] != strconv.Itoa(e.TriggerStart) || !strings.Contains(r[15], e.ID) || r[11] != "90" {
			t.Errorf("mention %d = %v", i, r)
		}
	}
	if _, err := export.ReadTSV(strings.NewReader("1\t2\n"), 16); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("short row error = %v", err)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	st, _ := fill(t)
	all, err := st.Events(context.Background(), store.EventFilter{IncludeHistorical: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := export.ReadCSV(run(t, st, "csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, all) {
		t.Errorf("csv round trip differs:\n got %+v\nwant %+v", got, all)
	}
}

func TestPLOVERRoundTrip(t *testing.T) {
	st, evs := fill(t)
	recs, err := export.ReadPLOVER(run(t, st, "plover-json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(evs) {
		t.Fatalf("%d records for %d events", len(recs), len(evs))
	}
	for i, r := range recs {
		if want := export.Plover(&evs[i]); !reflect.DeepEqual(r, want) {
			t.Errorf("record %d = %+v, want %+v", i, r, want)
		}
	}
	if r := recs[0]; r.Event != "ASSAULT" || r.Date != "2022-02" || r.Source[0].Code != "RUS" || !r.Historical {
		t.Errorf("invasion record = %+v", r)
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	st, _ := fill(t)
	lines := strings.Split(strings.TrimSpace(run(t, st, "jsonl").String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3 stories", len(lines))
	}
	for i, l := range lines {
		v, err := doc.ReadV1([]byte(l))
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		id := store.StoryID(store.ContentHash(v.Text))
		s, err := st.Story(context.Background(), id)
		if err != nil || s.Text != v.Text {
			t.Errorf("line %d does not match stored story %s: %v", i+1, id, err)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	st, _ := fill(t)
	if err := export.Write(context.Background(), st, &bytes.Buffer{}, "xml", export.Options{}); err == nil {
		t.Error("unknown format accepted")
	}
}
