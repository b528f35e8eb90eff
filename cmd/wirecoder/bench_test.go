package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/storyio"
)

// benchStories returns the bundled example stories (our own text).
func benchStories(b *testing.B) []string {
	b.Helper()
	var out []string
	for _, f := range []string{"armenia-azerbaijan.txt", "finland-estonia.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", f))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// BenchmarkCode measures `wirecoder code` end to end (every stage) on one
// goroutine, in sentences per second, and the share of the time that the
// actor stage (resolution and coreference) and the quote and claims stages
// take.
func BenchmarkCode(b *testing.B) {
	p, err := newPipeline(coderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	stories := benchStories(b)
	steps := p.Steps()
	perStep := make([]time.Duration, len(steps))
	ctx := context.Background()
	sentences := 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		for j, text := range stories {
			s := storyio.Story{ID: fmt.Sprint(j), Text: text, Date: "2025-03-04"}
			d := s.Doc()
			for k, st := range steps {
				t0 := time.Now()
				if err := st.Stage.Process(ctx, d); err != nil {
					b.Fatal(err)
				}
				perStep[k] += time.Since(t0)
				d.Layers |= st.Assigns
			}
			sentences += len(d.Sentences)
		}
	}
	b.StopTimer()
	cpu := cputime.Now() - cpu0
	var total time.Duration
	for _, t := range perStep {
		total += t
	}
	share := func(names ...string) float64 {
		var t time.Duration
		for k, st := range steps {
			for _, n := range names {
				if st.Name == n {
					t += perStep[k]
				}
			}
		}
		return 100 * float64(t) / float64(total)
	}
	b.ReportMetric(float64(sentences)/total.Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences)/cpu.Seconds(), "sentences/cpu-s")
	}
	b.ReportMetric(share("actors"), "actors-%")
	b.ReportMetric(share("quotes", "claims"), "quotes-%")
	b.ReportMetric(share("events"), "events-%")
	b.ReportMetric(share("tagger", "parser"), "syntax-%")
}

// BenchmarkIngest measures ingest with the full pipeline into SQLite:
// stories of about 600 words (our example stories repeated with a serial
// number, so none is a duplicate), coded on all cores and stored.
func BenchmarkIngest(b *testing.B) {
	c, err := newPipelineCoder()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	const n = 200
	words := 0
	for i := 0; i < n; i++ {
		// A different opening line keeps every story distinct.
		text := distinctStory(i)
		words += len(strings.Fields(text))
		fmt.Fprintf(f, "{\"id\":\"b%d\",\"date\":\"2025-03-04\",\"text\":%q}\n", i, text)
	}
	f.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("w%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		sum, err := ingest.Run(context.Background(), st, c, []string{in}, ingest.Options{SkipLanguageCheck: true})
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0)
		b.StopTimer()
		if sum.New < n*9/10 {
			b.Fatalf("only %d of %d stories new: %+v", sum.New, n, sum)
		}
		b.ReportMetric(float64(sum.New)/el.Seconds(), "stories/s")
		b.ReportMetric(float64(words)/n, "words/story")
		st.Close()
		b.StartTimer()
	}
}

// distinctStory makes story i of the benchmark corpus: about 600 words of
// wire-style sentences assembled from our own templates with a seeded
// generator, so that no two stories are reprints of each other.
func distinctStory(i int) string {
	countries := []string{"Armenia", "Azerbaijan", "Finland", "Estonia", "Georgia", "Moldova", "Serbia", "Kosovo", "Chile", "Peru", "Kenya", "Ethiopia", "Vietnam", "Thailand", "Norway", "Poland"}
	people := []string{"the foreign minister", "the prime minister", "a government spokesman", "the defence ministry", "opposition leaders", "the president", "army commanders", "the interior ministry"}
	verbs := []string{"accused %s of violating the ceasefire", "signed a trade agreement with %s", "recalled its ambassador from %s", "pledged aid to %s", "held talks with %s on border security", "criticised %s over the arrests", "expelled two diplomats from %s", "proposed new negotiations with %s", "rejected demands from %s", "welcomed the decision by %s"}
	times := []string{"on Monday", "on Tuesday", "late last week", "earlier this month", "on Friday", "overnight", "last year"}
	r := uint64(i)*2654435761 + 12345
	next := func(n int) int {
		r ^= r << 13
		r ^= r >> 7
		r ^= r << 17
		return int(r % uint64(n))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Bulletin %d.\n", i)
	for b.Len() < 3800 {
		a, t := countries[next(len(countries))], countries[next(len(countries))]
		if a == t {
			continue
		}
		fmt.Fprintf(&b, "%s of %s %s %s, officials said. ", strings.ToUpper(people[next(len(people))][:1])+people[next(len(people))][1:], a, fmt.Sprintf(verbs[next(len(verbs))], t), times[next(len(times))])
		if next(3) == 0 {
			fmt.Fprintf(&b, "“We will not accept %d more days of this,” %s told reporters. ", next(90)+2, people[next(len(people))])
		}
		if next(4) == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
