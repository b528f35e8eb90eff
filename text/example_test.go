package text_test

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/text"
)

func ExampleSegmenter_Process() {
	d := doc.New("example", "KYIV, July 13 (Reuters) - Ukraine’s army said troops had left. "+
		"“They are gone,” Mr. Petrov said.\n(With inputs from Reuters)")
	if err := text.New().Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range d.Sentences {
		fmt.Printf("sentence %d [%d,%d): %s\n", i, s.Start, s.End, d.Slice(s.Span))
	}
	for _, c := range d.Credits {
		fmt.Printf("%s credit [%d,%d): %q sources %q place %q date %q\n",
			c.Kind, c.Start, c.End, d.Slice(c.Span), c.Sources, c.Place, c.Date)
	}
	for _, t := range d.SentenceTokens(0)[:3] {
		fmt.Printf("%q→%q ", d.Text[t.Start:t.End], t.Norm)
	}
	fmt.Println()
	// Output:
	// sentence 0 [26,64): Ukraine’s army said troops had left.
	// sentence 1 [65,102): “They are gone,” Mr. Petrov said.
	// dateline credit [0,25): "KYIV, July 13 (Reuters) -" sources ["Reuters"] place "KYIV" date "July 13"
	// inputs credit [103,129): "(With inputs from Reuters)" sources ["Reuters"] place "" date ""
	// "Ukraine"→"Ukraine" "’s"→"'s" "army"→"army"
}

func ExampleTokenize() {
	for _, t := range text.Tokenize("Don’t go…") {
		fmt.Printf("[%d,%d) %q\n", t.Start, t.End, t.Norm)
	}
	// Output:
	// [0,2) "Do"
	// [2,7) "n't"
	// [8,10) "go"
	// [10,13) "..."
}
