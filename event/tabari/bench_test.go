package tabari_test

import (
	"testing"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	evt "github.com/wirecoder/wirecoder/eval/tabari"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// BenchmarkCode codes the sentences of the TABARI validation suite with
// its dictionaries; it reports records per second.
func BenchmarkCode(b *testing.B) {
	path := shared.Path(b, "data/tabari/Validate.project")
	s, err := evt.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	opts := s.Coder.Options()
	var recs []*evt.Record
	for i := range s.Records {
		if s.Records[i].ID == evt.FinalID {
			break
		}
		recs = append(recs, &s.Records[i])
	}
	var _ *dt.Options = opts
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, r := range recs {
			s.Coder.CodeSentence(r.Text, r.Date, opts)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
