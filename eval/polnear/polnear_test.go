package polnear

import (
	"math"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func TestReadAnnCharOffsets(t *testing.T) {
	text := "Gondor’s campaign says it will shift staff."
	ann := "T1\tSource 0 17\tGondor’s campaign\nT2\tCue 18 22\tsays\nT3\tContent 23 42;42 43\tit will shift staff.\nT4\tAttribution 18 22\tsays\nE1\tAttribution:T4 Source:T1\nT9\tCue 5 x\tbad\nT10\tSource 0 999\tbad\n"
	spans, errs := ReadAnn(strings.NewReader(ann), "a.ann", text)
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "a.ann:6:") || !strings.Contains(errs[1].Error(), "a.ann:7:") {
		t.Errorf("errs = %v", errs)
	}
	want := []struct {
		role Role
		text string
	}{{Source, "Gondor’s campaign"}, {Cue, "says"}, {Content, "it will shift staff"}, {Content, "."}}
	if len(spans) != len(want) {
		t.Fatalf("spans = %v", spans)
	}
	for i, w := range want {
		if spans[i].Role != w.role || text[spans[i].Start:spans[i].End] != w.text {
			t.Errorf("span %d = %v %q, want %v %q", i, spans[i].Role, text[spans[i].Start:spans[i].End], w.role, w.text)
		}
	}
}

func TestScorer(t *testing.T) {
	text := "Elrond says the garrison will compete."
	toks := [][2]int{{0, 6}, {7, 11}, {12, 15}, {16, 24}, {25, 29}, {30, 37}, {37, 38}}
	gold := []Span{{Source, 0, 6}, {Cue, 7, 11}, {Content, 12, 37}}
	art := Article{Name: "x", Text: text, Annotations: []Annotation{{Spans: gold}, {Spans: gold[:2]}}}
	pred := []Span{{Source, 0, 6}, {Cue, 7, 11}, {Content, 16, 38}}
	var s Scorer
	s.Add(art, pred, toks)
	r := s.Result()
	if r.Articles != 1 || r.Exact.Source.F1 != 1 || r.Exact.Cue.F1 != 1 {
		t.Errorf("exact source/cue = %+v", r.Exact)
	}
	// Content: annotator 1 has 4 gold tokens, annotator 2 none; prediction
	// has 4 tokens of which 3 are gold for annotator 1. Mean: tp 1.5,
	// pred 4, gold 2.
	c := r.Overlap.Content
	if math.Abs(c.Precision-1.5/4) > 1e-9 || math.Abs(c.Recall-0.75) > 1e-9 {
		t.Errorf("overlap content = %+v", c)
	}
	if r.Exact.Content.Precision != 0 {
		t.Errorf("exact content = %+v", r.Exact.Content)
	}
}

func TestReadDirShared(t *testing.T) {
	dir := shared.Path(t, "data/polnear/dev")
	arts, problems, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 80 {
		t.Errorf("read %d articles, want the 84 of dev", len(arts))
	}
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems[:min(3, len(problems))])
	}
	n := 0
	for _, a := range arts {
		for _, an := range a.Annotations {
			for _, s := range an.Spans {
				if s.End > len(a.Text) || s.Start > s.End {
					t.Fatalf("%s: bad span %v", a.Name, s)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d spans", n)
	}
}
