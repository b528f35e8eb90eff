package ner

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseClusters(t *testing.T) {
	c, err := ParseClusters("london\t0110\nparis\t0111\n\nthe\t1\n", "test")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"london": "0110", "paris": "0111", "the": "1", "London": "", "x": ""} {
		if got := c.Path(w); got != want {
			t.Errorf("Path(%q) = %q, want %q", w, got, want)
		}
	}
	if c.Len() != 3 {
		t.Errorf("Len = %d, want 3", c.Len())
	}
	var nilC *Clusters
	if nilC.Path("london") != "" || nilC.Len() != 0 {
		t.Error("nil Clusters should be empty")
	}
	for _, tt := range []struct {
		text string
		line int
	}{
		{"london 0110\n", 1},
		{"london\t0110\nparis\t01a\n", 2},
		{"a\t1\n\n\tx\n", 3},
	} {
		_, err := ParseClusters(tt.text, "bad")
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line || e.File != "bad" || e.Op != "parse clusters" {
			t.Errorf("ParseClusters(%q) error = %v, want a parse clusters error at bad:%d", tt.text, err, tt.line)
		}
	}
}

func TestDefaultClusters(t *testing.T) {
	c, err := DefaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 5000 {
		t.Errorf("default clusters hold %d words, want at least 5000", c.Len())
	}
	for _, w := range []string{"the", "said", "monday"} {
		if p := c.Path(w); p == "" || strings.Trim(p, "01") != "" {
			t.Errorf("Path(%q) = %q, want a path of 0s and 1s", w, p)
		}
	}
}

func TestWithCaseCopies(t *testing.T) {
	train := []Sentence{
		{Words: []string{"Ann", "left"}, Tags: []string{"B-PER", "O"}},      // entity 1
		{Words: []string{"It", "rained"}, Tags: []string{"O", "O"}},         // no entity
		{Words: []string{"in", "paris"}, Tags: []string{"O", "B-LOC"}},      // unchanged by lower-casing
		{Words: []string{"Bob", "Smith"}, Tags: []string{"B-PER", "I-PER"}}, // entity 2
		{Words: []string{"IBM", "won"}, Tags: []string{"B-ORG", "O"}},       // entity 3
	}
	got := withCaseCopies(train, 1, strings.ToLower)
	want := append(append([]Sentence(nil), train...),
		Sentence{Words: []string{"ann", "left"}, Tags: []string{"B-PER", "O"}, copied: true},
		Sentence{Words: []string{"bob", "smith"}, Tags: []string{"B-PER", "I-PER"}, copied: true},
		Sentence{Words: []string{"ibm", "won"}, Tags: []string{"B-ORG", "O"}, copied: true})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("withCaseCopies(k=1) = %v, want %v", got, want)
	}
	// Every second eligible sentence; copies are not copied again.
	got = withCaseCopies(withCaseCopies(train, 2, strings.ToLower), 1, strings.ToUpper)
	if len(got) != len(train)+1+4 {
		t.Fatalf("got %d sentences, want %d: %v", len(got), len(train)+5, got)
	}
	if w := got[len(train)].Words; !reflect.DeepEqual(w, []string{"bob", "smith"}) {
		t.Errorf("lower copy = %v, want [bob smith]", w)
	}
	if w := got[len(train)+1].Words; !reflect.DeepEqual(w, []string{"ANN", "LEFT"}) {
		t.Errorf("first upper copy = %v, want [ANN LEFT]", w)
	}
	if train[0].Words[0] != "Ann" {
		t.Error("withCaseCopies modified its input")
	}
}
