// Package evalutil holds what the event evaluations share: picking a
// story's top event, coding records in parallel with results in input
// order, and the reliability table that shows whether event confidence
// ranks events.
package evalutil

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
)

// Top returns the index in events of the event with the highest
// Confidence, or -1 when events is empty. Ties go to the earlier event,
// so the choice is deterministic for a deterministic coder. A NaN
// confidence ranks below every number.
func Top(events []doc.Event) int { return TopFunc(events, nil) }

// TopFunc is Top over the events for which keep returns true (all of them
// when keep is nil); it returns -1 when none is kept.
func TopFunc(events []doc.Event, keep func(e *doc.Event) bool) int {
	best := -1
	bestConf := math.Inf(-1)
	for i := range events {
		if keep != nil && !keep(&events[i]) {
			continue
		}
		c := events[i].Confidence
		if math.IsNaN(c) {
			c = math.Inf(-1)
		}
		if best < 0 || c > bestConf {
			best, bestConf = i, c
		}
	}
	return best
}

// Map calls f(ctx, i) for i in [0, n) on a pool of workers and returns the
// results in input order. workers < 1 means runtime.GOMAXPROCS(0). When
// ctx is cancelled, Map stops handing out work and returns ctx.Err() with
// the results computed so far (the others are zero).
func Map[R any](ctx context.Context, n, workers int, f func(ctx context.Context, i int) R) ([]R, error) {
	if n <= 0 {
		return nil, ctx.Err()
	}
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	out := make([]R, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f(ctx, i)
			}
		}()
	}
	var err error
feed:
	for i := 0; i < n; i++ {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		case next <- i:
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return out, err
}

// Bucket is one row of a reliability table: the top events whose
// confidence lies in [Lo, Hi) (the last bucket also holds Hi itself), how
// many there were, how many were right, and their mean confidence.
type Bucket struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Events int     `json:"events"`
	Right  int     `json:"right"`
	// Share is Right/Events, or 0 for an empty bucket.
	Share float64 `json:"share"`
	// MeanConfidence is the mean confidence of the bucket's events, or 0
	// for an empty bucket.
	MeanConfidence float64 `json:"mean_confidence"`
}

// Reliability accumulates (confidence, right) pairs into equal-width
// confidence buckets over [0, 1]. The zero value is not usable; make one
// with NewReliability.
type Reliability struct {
	buckets []Bucket
	sumConf []float64
}

// NewReliability returns an empty table with n equal buckets over [0, 1]
// (n < 1 means 5: 0-0.2, 0.2-0.4, ..., 0.8-1.0).
func NewReliability(n int) *Reliability {
	if n < 1 {
		n = 5
	}
	r := &Reliability{buckets: make([]Bucket, n), sumConf: make([]float64, n)}
	for i := range r.buckets {
		r.buckets[i].Lo = float64(i) / float64(n)
		r.buckets[i].Hi = float64(i+1) / float64(n)
	}
	return r
}

// Add records one top event with confidence conf that was right or not.
// Confidences outside [0, 1] are clamped into the first or last bucket;
// NaN counts as 0.
func (r *Reliability) Add(conf float64, right bool) {
	if math.IsNaN(conf) || conf < 0 {
		conf = 0
	}
	if conf > 1 {
		conf = 1
	}
	n := len(r.buckets)
	i := int(conf * float64(n))
	if i >= n {
		i = n - 1
	}
	r.buckets[i].Events++
	if right {
		r.buckets[i].Right++
	}
	r.sumConf[i] += conf
}

// Buckets returns the table's rows, lowest confidence first.
func (r *Reliability) Buckets() []Bucket {
	out := make([]Bucket, len(r.buckets))
	for i, b := range r.buckets {
		if b.Events > 0 {
			b.Share = float64(b.Right) / float64(b.Events)
			b.MeanConfidence = r.sumConf[i] / float64(b.Events)
		}
		out[i] = b
	}
	return out
}

// ECE returns the expected calibration error of the buckets: the mean,
// weighted by bucket size, of |share right - mean confidence|. It is 0
// when there are no events.
func ECE(buckets []Bucket) float64 {
	total := 0
	sum := 0.0
	for _, b := range buckets {
		total += b.Events
		sum += float64(b.Events) * math.Abs(b.Share-b.MeanConfidence)
	}
	if total == 0 {
		return 0
	}
	return sum / float64(total)
}

// WriteReliability prints the buckets as a plain-text table for a
// terminal.
func WriteReliability(w io.Writer, buckets []Bucket) error {
	if _, err := fmt.Fprintf(w, "%-11s %7s %7s %7s %9s\n", "confidence", "events", "right", "share", "mean conf"); err != nil {
		return fmt.Errorf("write reliability table: %w", err)
	}
	for _, b := range buckets {
		if _, err := fmt.Fprintf(w, "%.2f-%.2f  %7d %7d %7.3f %9.3f\n", b.Lo, b.Hi, b.Events, b.Right, b.Share, b.MeanConfidence); err != nil {
			return fmt.Errorf("write reliability table: %w", err)
		}
	}
	if _, err := fmt.Fprintf(w, "ECE %.3f\n", ECE(buckets)); err != nil {
		return fmt.Errorf("write reliability table: %w", err)
	}
	return nil
}

// WriteReliabilityMarkdown prints the buckets as a Markdown table for the
// docs, followed by the expected calibration error.
func WriteReliabilityMarkdown(w io.Writer, buckets []Bucket) error {
	if _, err := fmt.Fprintf(w, "| confidence | top events | right | share right | mean confidence |\n|---|---:|---:|---:|---:|\n"); err != nil {
		return fmt.Errorf("write reliability table: %w", err)
	}
	for _, b := range buckets {
		if _, err := fmt.Fprintf(w, "| %.2f-%.2f | %d | %d | %.3f | %.3f |\n", b.Lo, b.Hi, b.Events, b.Right, b.Share, b.MeanConfidence); err != nil {
			return fmt.Errorf("write reliability table: %w", err)
		}
	}
	if _, err := fmt.Fprintf(w, "\nExpected calibration error: %.3f\n", ECE(buckets)); err != nil {
		return fmt.Errorf("write reliability table: %w", err)
	}
	return nil
}
