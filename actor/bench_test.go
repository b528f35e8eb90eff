package actor

import (
	"context"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func benchResolve(b *testing.B, text, date string) {
	kb, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	r := NewResolver(kb)
	d := testDoc(text, date)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		if err := r.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cputime.Now() - cpu0
	b.StopTimer()
	n := float64(b.N) * float64(len(d.Tokens))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/token")
	// CPU time is what the machine's other processes do not inflate.
	b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/token")
}

// BenchmarkResolve resolves the stories of testdata/cases.txt as one
// document (about 2,000 tokens).
func BenchmarkResolve(b *testing.B) {
	data, err := os.ReadFile("testdata/cases.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, ln := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(ln, "> ") {
			_, text, _ := strings.Cut(ln[2:], " ")
			sb.WriteString(text)
			sb.WriteString("\n")
		}
	}
	benchResolve(b, sb.String(), "2024-07-13")
}

// BenchmarkResolveSeed resolves the seed story.
func BenchmarkResolveSeed(b *testing.B) {
	data, err := os.ReadFile(shared.Path(b, "seed/belarus-border.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchResolve(b, string(data), "2024-07-13")
}

// BenchmarkDefault measures loading the embedded knowledge base (done once
// per process).
func BenchmarkDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		kb := NewKB()
		if err := kb.Parse(strings.NewReader(mustGunzip(b)), "compiled.kb"); err != nil {
			b.Fatal(err)
		}
		kb.build()
	}
}

func mustGunzip(b *testing.B) string {
	b.Helper()
	zr, err := gzipReader(compiledKB)
	if err != nil {
		b.Fatal(err)
	}
	return zr
}
