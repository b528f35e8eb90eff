package when_test

import (
	"context"
	"fmt"
	"time"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/when"
)

// A Doc with tokens and sentences, as the text stage leaves it.
func exampleDoc() *doc.Doc {
	text := "The ministry said late last month that troops left on Saturday."
	d := doc.New("example", text)
	d.Date = "2024-07-16"
	words := []struct{ start, end int }{{0, 3}, {4, 12}, {13, 17}, {18, 22}, {23, 27}, {28, 33},
		{34, 38}, {39, 45}, {46, 50}, {51, 53}, {54, 62}, {62, 63}}
	for _, w := range words {
		d.Tokens = append(d.Tokens, doc.Token{Start: w.start, End: w.end, Norm: text[w.start:w.end], Head: -1})
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, First: 0, Last: len(d.Tokens)}}
	return d
}

func ExampleTagger_Process() {
	d := exampleDoc()
	if err := when.New().Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range d.Times {
		fmt.Printf("[%d,%d) %q -> %s\n", t.Start, t.End, d.Slice(t.Span), t.Value)
	}
	// Output:
	// [18,33) "late last month" -> 2024-06
	// [54,62) "Saturday" -> 2024-07-13
}

func ExampleNormalize() {
	story := time.Date(2024, 7, 13, 0, 0, 0, 0, time.UTC)
	for _, e := range []string{"late last month", "February 2022", "since 1994", "the 1990s", "yesterday"} {
		v, _ := when.Normalize(e, story, true)
		fmt.Println(e, "->", v)
	}
	// Output:
	// late last month -> 2024-06
	// February 2022 -> 2022-02
	// since 1994 -> 1994
	// the 1990s -> 1990
	// yesterday -> 2024-07-12
}

func ExampleHistorical() {
	fmt.Println(when.Historical("2020", "2024-07-13", when.DefaultWindow))
	fmt.Println(when.Historical("2024-06", "2024-07-13", when.DefaultWindow))
	// Output:
	// true
	// false
}
