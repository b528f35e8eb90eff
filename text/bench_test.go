package text

import (
	"context"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/wirecoder/wirecoder/doc"
)

// Sentences written for the benchmark in the style of wire copy: datelines,
// quotes with curly and straight marks, abbreviations, numbers, dashes,
// clitics and credits. They are our own text.
var benchSentences = []string{
	"The foreign minister of Ruritania, Mr. Adam Vorel, said on Tuesday that talks with neighbouring Elbonia had made “real progress” after three days in Geneva.",
	"“We are not there yet, but we’re closer than we’ve been in years,” Vorel told reporters, adding that a deal could be signed by Jan. 15.",
	"Elbonia’s defence ministry said 1,200 troops had been withdrawn from the frontier region — about 3.5% of its standing army — since 2023-11-02.",
	"The U.S. State Department welcomed the move and urged both sides to “keep the channels open”.",
	"Gen. Petra Lind, who commands the northern district, didn't comment on the reports, which could not be independently verified.",
	"Protesters gathered outside parliament on Saturday, some carrying signs that read \"No more war\" and \"Bring them home\".",
	"Officials said the self-declared authorities in the border town (population 45,000) had imposed a curfew from 10 p.m. to 6 a.m.",
	"Shares in state-owned energy firm Voltra Corp. fell 4.2 percent to $18.75 in early trading, their lowest level since March 2020.",
	"The ministry's statement, posted on https://example.gov/news/statement-42 on Monday, gave no further details.",
	"“…Nobody wants another winter like the last one,” said Maria Kos, a 54-year-old teacher. “We’ve had enough.”",
	"Analysts at the Institute for Regional Studies, including Dr. Ivan Petrov, said the pull-back was largely symbolic.",
	"The agreement, if approved, would reopen two crossings and restore rail freight worth an estimated €2.4 billion a year.",
	"Asked whether sanctions would be lifted, the spokesman said: “That is a question for later.”",
	"Neither government responded to requests for comment by e-mail at press@example.org on Sunday.",
	"It was the first such meeting since the 2019 ceasefire collapsed; more than 600 people have been killed since then.",
}

var benchDatelines = []string{
	"GENEVA, Jan. 12 (Reuters) - ",
	"KYIV, July 13 (Reuters) - ",
	"WASHINGTON (AP) — ",
	"",
	"",
}

var benchCredits = []string{
	"(Reporting by Jane Doe in Geneva; Additional reporting by John Roe; Editing by Mark Poe)",
	"(With inputs from Reuters)",
}

// newsText returns about 300 KB of news-like text built from the
// sentences above with a fixed seed: stories of several paragraphs, each
// with a dateline and a credit line.
func newsText(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 42))
	var b strings.Builder
	for b.Len() < 300_000 {
		b.WriteString(benchDatelines[r.IntN(len(benchDatelines))])
		paras := 4 + r.IntN(8)
		for p := 0; p < paras; p++ {
			n := 1 + r.IntN(3)
			for s := 0; s < n; s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(benchSentences[r.IntN(len(benchSentences))])
			}
			b.WriteByte('\n')
		}
		b.WriteString(benchCredits[r.IntN(len(benchCredits))])
		b.WriteString("\n\n")
	}
	return b.String()
}

// reportCPU adds the metric cpu-MB/s: bytes processed per second of CPU
// time, which stays meaningful on a machine shared with other work, where
// the wall-clock MB/s drops with the load.
func reportCPU(b *testing.B, bytes int, start time.Duration) {
	if el := cputime.Now() - start; el > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/el.Seconds()/1e6, "cpu-MB/s")
	}
}

func BenchmarkSegment(b *testing.B) {
	text := newsText(1)
	seg := New()
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		d := doc.New("bench", text)
		if err := seg.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, len(text), start)
}

func BenchmarkTokenize(b *testing.B) {
	text := newsText(1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		Tokenize(text)
	}
	reportCPU(b, len(text), start)
}

func TestNewsText(t *testing.T) {
	text := newsText(1)
	d := segment(t, text)
	if len(d.Credits) == 0 || len(d.Sentences) < 1000 {
		t.Errorf("news text: %d sentences, %d credits", len(d.Sentences), len(d.Credits))
	}
	if len(d.Errors) != 0 {
		t.Errorf("errors: %v", d.Errors)
	}
}
