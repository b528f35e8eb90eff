package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/postgres"
	"github.com/wirecoder/wirecoder/store/sqlite"
	"github.com/wirecoder/wirecoder/store/storetest"
)

func openDB(t testing.TB, path string) *sqlite.DB {
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestKillMidRun SIGKILLs an ingest half-way, then reruns it: nothing
// committed is lost, every stored story is whole, and the rerun adds no
// duplicates.
func TestKillMidRun(t *testing.T) {
	if db := os.Getenv("WIRECODER_KILL_CHILD_DB"); db != "" {
		childIngest(db, os.Getenv("WIRECODER_KILL_CHILD_INPUT"))
		return
	}
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	dir := t.TempDir()
	const n = 400
	input := writeCorpus(t, dir, n, 300, 7)
	dbPath := filepath.Join(dir, "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidRun$")
	cmd.Env = append(os.Environ(), "WIRECODER_KILL_CHILD_DB="+dbPath, "WIRECODER_KILL_CHILD_INPUT="+input)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some stories are committed, then kill -9.
	deadline := time.Now().Add(60 * time.Second)
	var before int64
	for {
		time.Sleep(20 * time.Millisecond)
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("child stored nothing in 60 s")
		}
		if _, err := os.Stat(dbPath); err != nil {
			continue
		}
		db, err := sqlite.Open(context.Background(), dbPath)
		if err != nil {
			continue
		}
		s, err := db.Stats(context.Background())
		db.Close()
		if err == nil && s.Stories >= 40 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v", err)
	}
	db := openDB(t, dbPath)
	ctx := context.Background()
	s, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before = s.Stories
	if before == 0 || before >= n {
		t.Fatalf("killed run stored %d of %d stories; want a partial run", before, n)
	}
	// Every committed story is whole: trigger stories have their 2 events.
	checkWhole(t, db)
	sum, err := ingest.Run(ctx, db, storetest.NewRuleCoder(), []string{input}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != n || sum.New != n-int(before) || sum.Duplicate != int(before) || sum.Failed != 0 {
		t.Errorf("rerun after %d committed: %s", before, sum)
	}
	s, _ = db.Stats(ctx)
	if s.Stories != n || s.Events != n/2*2 || s.Duplicates != 0 || s.NearDuplicates != 0 {
		t.Errorf("final stats = %+v; want %d stories, %d events", s, n, n/2*2)
	}
	checkWhole(t, db)
	t.Logf("killed after %d of %d stories; rerun added %d", before, n, sum.New)
}

func checkWhole(t *testing.T, db store.Store) {
	t.Helper()
	ctx := context.Background()
	ids, err := db.StoryIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		st, err := db.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(ctx, store.EventFilter{StoryID: id})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if strings.Contains(st.Text, "accused Ukraine") {
			want = 2
		}
		if len(evs) != want || len(st.V1) == 0 {
			t.Fatalf("story %s stored with %d events, want %d", id, len(evs), want)
		}
	}
}

func childIngest(db, input string) {
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	c := storetest.NewRuleCoder()
	_, err = ingest.Run(context.Background(), st, delayCoder{c, 5 * time.Millisecond}, []string{input}, ingest.Options{Workers: 2})
	fmt.Fprintln(os.Stderr, "child finished:", err)
	os.Exit(4)
}

// delayCoder delays each story so that a run can be killed half-way.
type delayCoder struct {
	*storetest.RuleCoder
	d time.Duration
}

func (c delayCoder) Code(ctx context.Context, d *doc.Doc) error {
	time.Sleep(c.d)
	return c.RuleCoder.Code(ctx, d)
}

func TestForbidden(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"100.64.0.1", true}, {"0.0.0.0", true}, {"224.0.0.1", true},
		{"::1", true}, {"fe80::1", true}, {"fd00::1", true}, {"::ffff:127.0.0.1", true}, {"::", true},
		{"8.8.8.8", false}, {"2001:4860:4860::8888", false}, {"93.184.216.34", false},
	} {
		if got := ingest.Forbidden(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("Forbidden(%s) = %v, want %v", tc.ip, got, tc.want)
		}
	}
}

const testPage = `<!DOCTYPE html><html><head><title>Border tension eases | Test Wire</title>
<meta property="article:published_time" content="2024-07-12T09:30:00Z">
<meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border tension eases</h1>
<p>Belarus accused Ukraine on Friday of massing soldiers near the shared frontier, and said it had moved extra units to the border region as a precaution.</p>
<p>Officials in Minsk said talks with Kyiv on border security would continue next week, and that they wanted calm in the area, according to a statement that was read out on state television in the evening.</p>
<p>The statement said that the ministry had been in contact with its neighbours and that it expected the situation to return to normal within a few days, while the army would stay on alert.</p>
</article><footer>Copyright Test Wire</footer></body></html>`

const testFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Farm news</title><link>LINK/farm</link><guid>farm-1</guid><pubDate>Tue, 09 Jul 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Farmers in the river valley said on Tuesday that the late spring rains had delayed planting by almost three weeks, and that they expected a smaller harvest this year.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>empty-1</guid><description></description></item>
</channel></rss>`

func TestFetchGuardAndFormats(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, testPage)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, strings.ReplaceAll(testFeed, "LINK", "http://"+r.Host+"/nothing"))
		case "/redirect":
			http.Redirect(w, r, "/story", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	db := openDB(t, filepath.Join(t.TempDir(), "f.db"))
	c := storetest.NewRuleCoder()

	// Loopback refused, whatever the name: checked at dial time.
	localhost := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	sum, err := ingest.Run(ctx, db, c, []string{srv.URL + "/story", localhost + "/redirect"}, ingest.Options{AllowNetwork: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 2 || sum.Read != 0 || len(sum.Failures) != 2 || !errors.Is(sum.Failures[0].Err, ingest.ErrForbiddenAddress) ||
		!strings.Contains(sum.Failures[1].Reason, "private, loopback") {
		t.Fatalf("loopback fetch not refused: %s %+v", sum, sum.Failures)
	}
	// No network without the flag.
	sum, _ = ingest.Run(ctx, db, c, []string{srv.URL + "/story"}, ingest.Options{AllowPrivate: true})
	if sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "--allow-network") {
		t.Fatalf("fetch without --allow-network: %s", sum)
	}
	sum, err = ingest.Run(ctx, db, c, []string{srv.URL + "/story", srv.URL + "/feed", srv.URL + "/missing"},
		ingest.Options{AllowNetwork: true, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	// The feed's first item links to a missing page: its description is used.
	if sum.Read != 3 || sum.New != 2 || sum.Failed != 2 {
		t.Fatalf("fetch summary: %s %+v", sum, sum.Failures)
	}
	if !strings.Contains(sum.Failures[0].Reason, "item 2") || !strings.Contains(sum.Failures[1].Reason, "HTTP 404") {
		t.Errorf("failures = %+v", sum.Failures)
	}
	hits, err := db.Search(ctx, "frontier", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("html story not stored: %v %v", hits, err)
	}
	st, _ := db.Story(ctx, hits[0].StoryID)
	if st.Date != "2024-07-12" || !strings.Contains(st.Title, "Border tension eases") || strings.Contains(st.Text, "Home") ||
		!strings.HasPrefix(st.Text, "Belarus accused Ukraine") || st.URL != srv.URL+"/story" {
		t.Errorf("html story = title %q date %q url %q text %q", st.Title, st.Date, st.URL, st.Text)
	}
	hits, _ = db.Search(ctx, "harvest", 5)
	if len(hits) != 1 || hits[0].Date != "2024-07-09" || hits[0].Title != "Farm news" {
		t.Errorf("feed item = %+v", hits)
	}
}

func TestLocalFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.html":     testPage,
		"feed.xml":      strings.ReplaceAll(testFeed, "LINK", "https://example.org"),
		"de.txt":        storetest.GermanStory,
		"notes.bin":     "binary junk",
		".hidden/x.txt": storetest.OtherStory,
		"bad.jsonl":     "{\"id\":\"x\",\"text\":\"" + strings.Repeat("word ", 5) + "\"}\n\n[1,2]\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := openDB(t, filepath.Join(t.TempDir(), "l.db"))
	sum, err := ingest.Run(context.Background(), db, storetest.NewRuleCoder(),
		[]string{dir, filepath.Join(dir, "missing.txt")}, ingest.Options{Date: "2024-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	// Read: jsonl x (short, passes the language check), jsonl [1,2] (fails),
	// de.txt (skipped), the feed's 2 items (one empty: fails), page.html.
	if sum.Read != 6 || sum.New != 3 || sum.NonEnglish != 1 || sum.Failed != 3 {
		t.Errorf("summary = %s; failures %+v", sum, sum.Failures)
	}
	wantFail := []string{"bad.jsonl:3", "feed.xml item 2", "missing.txt"}
	for i, f := range sum.Failures {
		if i < len(wantFail) && !strings.Contains(f.Reason, wantFail[i]) {
			t.Errorf("failure %d = %q, want it to name %q", i, f.Reason, wantFail[i])
		}
	}
}

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       ingest.Kind
	}{
		{"a.jsonl", "", ingest.KindJSONL},
		{"a.HTML", "", ingest.KindHTML},
		{"a.atom", "", ingest.KindFeed},
		{"a.xml", `<?xml version="1.0"?><rss>`, ingest.KindFeed},
		{"a.xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, ingest.KindFeed},
		{"page", "<!DOCTYPE html><html>", ingest.KindHTML},
		{"a.json", `{"id":1}`, ingest.KindJSONL},
		{"a.txt", "Belarus said...", ingest.KindText},
	} {
		if got := ingest.KindOf(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("KindOf(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsEnglish(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{storetest.TestStory, true},
		{storetest.OtherStory, true},
		{storetest.GermanStory, false},
		{"Le gouvernement a annoncé mardi que les nouvelles règles entreront en vigueur l'année prochaine, malgré les critiques des entreprises et des syndicats.", false},
		{"Too short to tell.", true},
	} {
		if got := ingest.IsEnglish(tc.text); got != tc.want {
			r, n := ingest.EnglishRatio(tc.text)
			t.Errorf("IsEnglish(%.30q) = %v (ratio %.2f of %d), want %v", tc.text, got, r, n, tc.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"<p>One &amp; two</p><p>three<br/>four</p><script>x()</script>", "One & two\nthree\nfour"},
		{"<b>bold</b>   <i>and</i>\n\n spaced", "bold and\nspaced"},
	} {
		if got := ingest.HTMLText(tc.in); got != tc.want {
			t.Errorf("HTMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCoderFailureDoesNotStopRun(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(storetest.TestStory), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte(storetest.OtherStory), 0o644)
	c := storetest.NewRuleCoder()
	c.Fail = "Farmers"
	db := openDB(t, filepath.Join(t.TempDir(), "c.db"))
	sum, err := ingest.Run(context.Background(), db, c, []string{dir}, ingest.Options{Date: "2024-07-12"})
	if err != nil || sum.New != 1 || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "code "+filepath.Join(dir, "b.txt")) {
		t.Errorf("summary = %s %+v, %v", sum, sum.Failures, err)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	input := writeCorpus(t, dir, 200, 100, 3)
	db := openDB(t, filepath.Join(dir, "x.db"))
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	sum, err := ingest.Run(ctx, db, storetest.NewRuleCoder(), []string{input}, ingest.Options{Progress: func(*ingest.Summary) {
		if n++; n == 20 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || sum.Read >= 200 {
		t.Errorf("cancelled run: %s, %v", sum, err)
	}
	s, _ := db.Stats(context.Background())
	if int(s.Stories) != sum.New {
		t.Errorf("stored %d stories, summary says %d new", s.Stories, sum.New)
	}
}

// BenchmarkIngestSQLite measures ingest, cheap coding (the rule coder) and
// storing of 600-word stories into SQLite, in stories per second.
func BenchmarkIngestSQLite(b *testing.B) {
	dir := b.TempDir()
	input := writeCorpus(b, dir, b.N, 600, 11)
	db := openDB(b, filepath.Join(dir, "bench.db"))
	b.ResetTimer()
	start := time.Now()
	sum, err := ingest.Run(context.Background(), db, storetest.NewRuleCoder(), []string{input}, ingest.Options{})
	if err != nil || sum.New != b.N {
		b.Fatalf("%s, %v", sum, err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "stories/s")
}

// BenchmarkIngestPostgres is BenchmarkIngestSQLite against the database
// WIRECODER_TEST_POSTGRES names (a fresh schema).
func BenchmarkIngestPostgres(b *testing.B) {
	dir := b.TempDir()
	db, err := postgres.Open(context.Background(), storetest.Postgres(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	input := writeCorpus(b, dir, b.N, 600, 11)
	b.ResetTimer()
	start := time.Now()
	sum, err := ingest.Run(context.Background(), db, storetest.NewRuleCoder(), []string{input}, ingest.Options{})
	if err != nil || sum.New != b.N {
		b.Fatalf("%s, %v", sum, err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "stories/s")
}

// TestLongRunMemory ingests WIRECODER_LONG_RUN stories (e.g. 10000) and
// logs the live heap every 1,000 stories, to show memory stays flat. It is
// skipped unless the variable is set.
func TestLongRunMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("WIRECODER_LONG_RUN"))
	if n == 0 {
		t.Skip("set WIRECODER_LONG_RUN=10000 to run")
	}
	dir := t.TempDir()
	input := writeCorpus(t, dir, n, 600, 13)
	db := openDB(t, filepath.Join(dir, "long.db"))
	start := time.Now()
	var peak uint64
	logged := 0
	sum, err := ingest.Run(context.Background(), db, storetest.NewRuleCoder(), []string{input}, ingest.Options{Progress: func(s *ingest.Summary) {
		if s.Read%1000 == 0 && s.Read != logged {
			logged = s.Read
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			t.Logf("%6d stories: heap in use %5.1f MiB, RSS %s, %.0f stories/s", s.Read, float64(m.HeapInuse)/(1<<20), rss(), float64(s.Read)/time.Since(start).Seconds())
		}
	}})
	if err != nil || sum.New != n {
		t.Fatalf("%s, %v", sum, err)
	}
	t.Logf("%d stories in %v (%.0f stories/s), peak heap %.1f MiB", n, time.Since(start).Round(time.Millisecond),
		float64(n)/time.Since(start).Seconds(), float64(peak)/(1<<20))
}

// rss returns the process's resident set size from /proc, or "?".
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			return strings.Join(strings.Fields(l[6:]), " ")
		}
	}
	return "?"
}

func TestJSONArrayAndNonFeedXML(t *testing.T) {
	dir := t.TempDir()
	arr := `[{"id":"f1","date":"July 9, 2024","title":"Farms","text":` + strconv.Quote(storetest.OtherStory) + `},
		{"id":"e1","text":"  "}, {"id":"d1","date":"someday","text":"Short text here."}]`
	os.WriteFile(filepath.Join(dir, "arr.json"), []byte(arr), 0o644)
	os.WriteFile(filepath.Join(dir, "data.xml"), []byte(`<?xml version="1.0"?><catalog><book/></catalog>`), 0o644)
	db := openDB(t, filepath.Join(t.TempDir(), "j.db"))
	ctx := context.Background()
	sum, err := ingest.Run(ctx, db, storetest.NewRuleCoder(), []string{dir}, ingest.Options{Date: "2024-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.New != 2 || sum.Failed != 2 ||
		!strings.Contains(sum.Failures[0].Reason, `arr.json record 2: record "e1" has no text`) ||
		!strings.Contains(sum.Failures[1].Reason, "data.xml: .xml file is neither a feed nor story records") {
		t.Fatalf("summary = %s %+v", sum, sum.Failures)
	}
	hits, _ := db.Search(ctx, "harvest", 5)
	if len(hits) != 1 || hits[0].Date != "2024-07-09" {
		t.Errorf("array record = %+v", hits)
	}
	// An unreadable date falls back to the default and is noted in the story.
	st, err := db.Story(ctx, store.StoryID(store.ContentHash("Short text here.")))
	if err != nil {
		t.Fatal(err)
	}
	if st.Date != "2024-07-01" || !strings.Contains(string(st.V1), `date \"someday\" not understood`) {
		t.Errorf("story date %q, v1 %s", st.Date, st.V1)
	}
}

// flakyStore fails every batch, and every Put when down.
type flakyStore struct {
	store.Store
	down bool
}

func (f *flakyStore) PutBatch(ctx context.Context, rs []*store.Record) ([]store.PutResult, error) {
	return nil, errors.New("batch refused")
}

func (f *flakyStore) Put(ctx context.Context, r *store.Record) (store.PutResult, error) {
	if f.down {
		return store.PutResult{}, errors.New("disk full")
	}
	return f.Store.Put(ctx, r)
}

func TestStoreFailures(t *testing.T) {
	dir := t.TempDir()
	input := writeCorpus(t, dir, 60, 100, 5)
	db := openDB(t, filepath.Join(dir, "f.db"))
	// Failed batches fall back to one story per transaction.
	sum, err := ingest.Run(context.Background(), &flakyStore{Store: db}, storetest.NewRuleCoder(), []string{input}, ingest.Options{})
	if err != nil || sum.New != 60 {
		t.Fatalf("fallback: %s, %v", sum, err)
	}
	// A store that takes nothing stops the run.
	db2 := openDB(t, filepath.Join(dir, "g.db"))
	sum, err = ingest.Run(context.Background(), &flakyStore{Store: db2, down: true}, storetest.NewRuleCoder(), []string{input}, ingest.Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") || sum.New != 0 || sum.Failed < 20 {
		t.Errorf("store down: %s, %v", sum, err)
	}
}

// FuzzReaders checks that no input makes the readers panic.
func FuzzReaders(f *testing.F) {
	f.Add("story.txt", "plain text")
	f.Add("x.jsonl", "{\"id\":1}\n{\"text\":\"a\"}\n[")
	f.Add("x.json", "[{\"text\":\"a\"},")
	f.Add("x.html", "<html><body><p>a<p>b</body>")
	f.Add("x.xml", "<?xml version=\"1.0\"?><rss><channel><item><description>&lt;p")
	f.Fuzz(func(t *testing.T, name, content string) {
		name = filepath.Base(filepath.Clean("/" + name))
		if name == "/" || name == "." || strings.HasPrefix(name, ".") {
			return
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return
		}
		_ = ingest.HTMLText(content)
		_ = ingest.IsEnglish(content)
		db, err := sqlite.Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := ingest.Run(context.Background(), db, storetest.NewRuleCoder(), []string{dir}, ingest.Options{}); err != nil {
			t.Errorf("run: %v", err)
		}
	})
}
