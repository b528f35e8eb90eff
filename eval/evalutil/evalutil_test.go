package evalutil

import (
	"bytes"
	"context"
	"errors"
	"math"
	"sync/atomic"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

func TestTop(t *testing.T) {
	ev := func(c ...float64) []doc.Event {
		out := make([]doc.Event, len(c))
		for i, x := range c {
			out[i] = doc.Event{ID: string(rune('a' + i)), Confidence: x}
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		events []doc.Event
		want   int
	}{
		{"empty", nil, -1},
		{"one", ev(0.3), 0},
		{"highest", ev(0.3, 0.9, 0.5), 1},
		{"tie goes to the first", ev(0.7, 0.2, 0.7), 0},
		{"NaN ranks last", ev(math.NaN(), 0.1), 1},
		{"all NaN picks the first", ev(math.NaN(), math.NaN()), 0},
		{"negative confidences still rank", ev(-2, -1), 1},
	} {
		if got := Top(tc.events); got != tc.want {
			t.Errorf("%s: Top = %d, want %d", tc.name, got, tc.want)
		}
	}
	events := []doc.Event{{CAMEO: "", Confidence: 0.9}, {CAMEO: "190", Confidence: 0.4}, {CAMEO: "043", Confidence: 0.6}}
	hasCode := func(e *doc.Event) bool { return e.CAMEO != "" }
	if got := TopFunc(events, hasCode); got != 2 {
		t.Errorf("TopFunc skipping uncoded events = %d, want 2", got)
	}
	if got := TopFunc(events, func(*doc.Event) bool { return false }); got != -1 {
		t.Errorf("TopFunc keeping nothing = %d, want -1", got)
	}
}

func TestMapOrderAndWorkers(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 100} {
		var running, peak atomic.Int32
		got, err := Map(context.Background(), 50, workers, func(_ context.Context, i int) int {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			running.Add(-1)
			return i * i
		})
		if err != nil {
			t.Fatalf("workers %d: %v", workers, err)
		}
		if len(got) != 50 {
			t.Fatalf("workers %d: %d results, want 50", workers, len(got))
		}
		for i, v := range got {
			if v != i*i {
				t.Fatalf("workers %d: result %d = %d, want %d (order lost)", workers, i, v, i*i)
			}
		}
		if workers >= 1 && int(peak.Load()) > workers {
			t.Errorf("workers %d: %d ran at once", workers, peak.Load())
		}
	}
	if got, err := Map(context.Background(), 0, 2, func(context.Context, int) int { return 1 }); got != nil || err != nil {
		t.Errorf("Map over nothing = %v, %v; want nil, nil", got, err)
	}
}

func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	_, err := Map(ctx, 1000, 1, func(_ context.Context, i int) int {
		if calls.Add(1) == 3 {
			cancel()
		}
		return i
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := calls.Load(); n > 5 {
		t.Errorf("%d calls after cancelling at the third, want at most a few", n)
	}
}

func TestReliability(t *testing.T) {
	r := NewReliability(0) // 5 buckets
	for _, x := range []struct {
		conf  float64
		right bool
	}{
		{0.1, false}, {0.15, true}, // bucket 0
		{0.2, false},             // bucket 1: lower bound is inclusive
		{0.5, true},              // bucket 2
		{0.9, true}, {1.0, true}, // bucket 4: 1.0 falls in the last bucket
		{1.7, false},       // clamped to 1: bucket 4
		{-0.3, false},      // clamped to 0: bucket 0
		{math.NaN(), true}, // NaN counts as 0: bucket 0
	} {
		r.Add(x.conf, x.right)
	}
	b := r.Buckets()
	if len(b) != 5 {
		t.Fatalf("%d buckets, want 5", len(b))
	}
	want := []struct {
		lo, hi        float64
		events, right int
		share, mean   float64
	}{
		{0, 0.2, 4, 2, 0.5, 0.0625},
		{0.2, 0.4, 1, 0, 0, 0.2},
		{0.4, 0.6, 1, 1, 1, 0.5},
		{0.6, 0.8, 0, 0, 0, 0},
		{0.8, 1, 3, 2, 2.0 / 3, (0.9 + 1 + 1) / 3},
	}
	for i, w := range want {
		g := b[i]
		if !near(g.Lo, w.lo) || !near(g.Hi, w.hi) || g.Events != w.events || g.Right != w.right || !near(g.Share, w.share) || !near(g.MeanConfidence, w.mean) {
			t.Errorf("bucket %d = %+v, want %+v", i, g, w)
		}
	}
	// ECE = (4*|0.5-0.0625| + 1*|0-0.2| + 1*|1-0.5| + 3*|2/3-2.9/3|) / 9
	wantECE := (4*0.4375 + 0.2 + 0.5 + 3*(0.9/3)) / 9
	if got := ECE(b); !near(got, wantECE) {
		t.Errorf("ECE = %v, want %v", got, wantECE)
	}
	if got := ECE(NewReliability(4).Buckets()); got != 0 {
		t.Errorf("ECE of an empty table = %v, want 0", got)
	}
}

func TestWriteReliabilityMarkdown(t *testing.T) {
	r := NewReliability(2)
	r.Add(0.25, false)
	r.Add(0.75, true)
	r.Add(0.75, false)
	var buf bytes.Buffer
	if err := WriteReliabilityMarkdown(&buf, r.Buckets()); err != nil {
		t.Fatal(err)
	}
	want := "| confidence | top events | right | share right | mean confidence |\n|---|---:|---:|---:|---:|\n" +
		"| 0.00-0.50 | 1 | 0 | 0.000 | 0.250 |\n" +
		"| 0.50-1.00 | 2 | 1 | 0.500 | 0.750 |\n" +
		"\nExpected calibration error: 0.250\n"
	if buf.String() != want {
		t.Errorf("markdown =\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := WriteReliability(&buf, r.Buckets()); err != nil {
		t.Fatal(err)
	}
	wantText := "confidence   events   right   share mean conf\n" +
		"0.00-0.50        1       0   0.000     0.250\n" +
		"0.50-1.00        2       1   0.500     0.750\n" +
		"ECE 0.250\n"
	if buf.String() != wantText {
		t.Errorf("table =\n%q\nwant\n%q", buf.String(), wantText)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
