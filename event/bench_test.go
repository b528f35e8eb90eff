package event_test

import (
	"context"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"testing"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/petr"
	"github.com/wirecoder/wirecoder/event"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// BenchmarkCode measures the coding step alone on parsed sentences: the
// PETRARCH unit suite's sentences with their CoNLL-U parses, coded with
// the CAMEO.2.0 verb dictionary and the Phoenix actor dictionaries.
// Report sentences per second with -cpu=1.
func BenchmarkCode(b *testing.B) {
	dir := shared.Path(b, "data/petrarch")
	s, err := petr.ReadFile(dir + "/text/PETR.UnitTest.records.ud.xml")
	if err != nil {
		b.Fatal(err)
	}
	verbs, err := petrarch.ReadVerbsFile(dir + "/dictionaries/CAMEO.2.0.txt")
	if verbs == nil {
		b.Fatal(err)
	}
	actors := petrarch.NewActors()
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "PETR.Validate.actors.txt"} {
		actors.ReadActorsFile(dir + "/dictionaries/" + f)
	}
	agents, _ := petrarch.ReadAgentsFile(dir + "/dictionaries/Phoenix.agents.txt")
	var docs []*doc.Doc
	sents := 0
	for i := range s.Records {
		d, err := s.Records[i].Doc(s.File)
		if err != nil {
			continue
		}
		docs = append(docs, d)
		sents += len(d.Sentences)
	}
	c := event.NewCoder(verbs, &event.DictActors{Actors: actors, Agents: agents}, event.Options{})
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cputime.Now()
	n := 0
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		d.Events = d.Events[:0]
		if err := c.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		n += len(d.Sentences)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	// On a shared machine the wall clock also counts other processes'
	// turns; the process's CPU time (all threads, GC included) does not.
	if cpu := cputime.Now() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/cpu-s")
	}
}
