package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

func addLayer(l doc.Layer) Stage {
	return StageFunc(func(ctx context.Context, d *doc.Doc) error { return nil })
}

func TestNewChecksLayers(t *testing.T) {
	_, err := New(
		Step{Name: "tokens", Assigns: doc.LayerTokens | doc.LayerSentences, Stage: addLayer(0)},
		Step{Name: "parser", Requires: doc.LayerPOS, Assigns: doc.LayerDeps, Stage: addLayer(0)},
	)
	if err == nil || !strings.Contains(err.Error(), `"parser" requires pos`) {
		t.Fatalf("err = %v, want a missing-layer error naming the step and layer", err)
	}
	p, err := New(
		Step{Name: "tokens", Assigns: doc.LayerTokens | doc.LayerSentences, Stage: addLayer(0)},
		Step{Name: "tagger", Requires: doc.LayerTokens, Assigns: doc.LayerPOS, Stage: addLayer(0)},
	)
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New("x", "text")
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Layers != doc.LayerTokens|doc.LayerSentences|doc.LayerPOS {
		t.Errorf("layers = %s", d.Layers)
	}
	if _, err := New(Step{Name: "nil"}); err == nil {
		t.Error("a step without a stage was accepted")
	}
}

func TestRunStopsAtFailure(t *testing.T) {
	boom := errors.New("boom")
	p, err := New(
		Step{Name: "one", Assigns: doc.LayerTokens, Stage: addLayer(0)},
		Step{Name: "two", Assigns: doc.LayerPOS, Stage: StageFunc(func(context.Context, *doc.Doc) error { return boom })},
	)
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New("story-9", "")
	err = p.Run(context.Background(), d)
	var pe *Error
	if !errors.As(err, &pe) || pe.Op != "two" || pe.DocID != "story-9" || !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if d.Layers != doc.LayerTokens {
		t.Errorf("partial layers = %s, want tokens", d.Layers)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx, doc.New("c", "")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}

func Example() {
	upper := StageFunc(func(ctx context.Context, d *doc.Doc) error {
		d.Tokens = append(d.Tokens, doc.Token{Start: 0, End: len(d.Text), Norm: strings.ToUpper(d.Text), Head: -1})
		return nil
	})
	p, err := New(Step{Name: "whole-text", Assigns: doc.LayerTokens, Stage: upper})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := doc.New("ex", "Minsk")
	if err := p.Run(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Tokens[0].Norm, d.Tokens[0].Span(), d.Layers)
	// Output: MINSK {0 5} tokens
}
