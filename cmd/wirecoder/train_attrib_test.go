package main

import (
	"context"
	"encoding/json"
	"github.com/wirecoder/wirecoder/internal/cputime"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/polnear"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/pipeline"
	"github.com/wirecoder/wirecoder/quote/attrib"
)

// TestAttribDevFloor scores the embedded tagger on PolNeAR dev by token
// overlap; the floors sit just under the measured figures (docs/models-attrib.md).
func TestAttribDevFloor(t *testing.T) {
	dir := shared.Path(t, "data/polnear/dev")
	if testing.Short() {
		t.Skip("runs the pipeline over 84 articles")
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := attribPipeline()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := attribExamples(context.Background(), io.Discard, p, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	s := m.Evaluate(ex, attribLexicon)
	t.Logf("dev: %v", s)
	floors := map[attrib.Role]float64{attrib.Source: 0.72, attrib.Cue: 0.635, attrib.Content: 0.84}
	for r, f := range floors {
		if s.F[r] < f {
			t.Errorf("tagger: dev overlap F1 for %v = %.3f, below the floor %.2f", r, s.F[r], f)
		}
	}
	// The quote stage (rules and tagger) as "eval polnear" scores it.
	code, stdout, stderr := runArgs(t, "eval", "polnear", "--gold", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("eval polnear: exit %d: %s", code, stderr)
	}
	var res polnear.Result
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("eval polnear output %q: %v", stdout, err)
	}
	t.Logf("quote stage: %+v", res.Overlap)
	for _, c := range []struct {
		role  string
		got   float64
		floor float64
	}{{"source", res.Overlap.Source.F1, 0.70}, {"cue", res.Overlap.Cue.F1, 0.62}, {"content", res.Overlap.Content.F1, 0.85}} {
		if c.got < c.floor {
			t.Errorf("quote stage: dev overlap F1 for %s = %.3f, below the floor %.2f", c.role, c.got, c.floor)
		}
	}
}

// TestTrainAttrib trains on a one-article PolNeAR-style directory.
func TestTrainAttrib(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "The minister said taxes would rise. Prices fell on Monday.\n"
	ann := "T1\tSource 0 12\tThe minister\nT2\tCue 13 17\tsaid\nT3\tContent 18 34\ttaxes would rise\n"
	if err := os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "a_0001.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.gz")
	code, stdout, stderr := runArgs(t, "train", "attrib", "--train", dir, "--dev", dir, "--out", out, "--epochs", "15", "--bits", "12")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "source 1.000") || !strings.Contains(stdout, "cue 1.000") {
		t.Errorf("stdout %q: want a perfect fit of the training article", stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := attrib.Load(f); err != nil {
		t.Fatalf("load %s: %v", out, err)
	}
	if code, _, _ := runArgs(t, "train", "attrib", "--epochs", "0"); code != 2 {
		t.Errorf("--epochs 0: exit %d, want 2", code)
	}
	if code, _, _ := runArgs(t, "train", "attrib", "--annotations", "some"); code != 2 {
		t.Errorf("--annotations some: exit %d, want 2", code)
	}
}

// BenchmarkAttrib measures the learned tagger, the whole quote stage
// (rules and tagger) and the whole coding pipeline over the example
// stories, in tokens per CPU-second, so the quote stage's share of
// "wirecoder code" can be read off.
func BenchmarkAttrib(b *testing.B) {
	steps, err := pipelineSteps(coderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	full, err := newPipeline(coderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Doc
	for _, name := range []string{"armenia-azerbaijan.txt", "finland-estonia.txt"} {
		txt, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
		if err != nil {
			b.Fatal(err)
		}
		d := doc.New(name, string(txt))
		if err := full.Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	m, err := attrib.Default()
	if err != nil {
		b.Fatal(err)
	}
	var quoteStage pipeline.Stage
	for _, s := range steps {
		if s.Name == "quotes" {
			quoteStage = s.Stage
		}
	}
	run := func(b *testing.B, f func(d *doc.Doc)) {
		b.ReportAllocs()
		c0 := cputime.Now()
		for b.Loop() {
			for _, d := range docs {
				f(d)
			}
		}
		if cpu := (cputime.Now() - c0).Seconds(); cpu > 0 {
			b.ReportMetric(float64(tokens*b.N)/cpu, "tokens/cpu-s")
		}
	}
	b.Run("tagger", func(b *testing.B) {
		run(b, func(d *doc.Doc) { m.Attributions(d, attribLexicon) })
	})
	b.Run("quotes", func(b *testing.B) {
		run(b, func(d *doc.Doc) {
			if err := quoteStage.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("code", func(b *testing.B) {
		run(b, func(d *doc.Doc) {
			nd := doc.New(d.ID, d.Text)
			if err := full.Run(context.Background(), nd); err != nil {
				b.Fatal(err)
			}
		})
	})
}
