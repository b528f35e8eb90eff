package actor_test

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/actor"
	"github.com/wirecoder/wirecoder/doc"
)

// ExampleResolver_Process resolves the actors of a two-sentence story. The
// tokens are built by hand here; in the pipeline, package text makes them.
func ExampleResolver_Process() {
	text := "Kremlin leader Vladimir Putin met Belarusian intelligence chiefs. He said Ukraine’s border guards were on alert."
	d := doc.New("example", text)
	d.Date = "2024-07-13"
	words := []string{"Kremlin", "leader", "Vladimir", "Putin", "met", "Belarusian", "intelligence", "chiefs", ".",
		"He", "said", "Ukraine", "’s", "border", "guards", "were", "on", "alert", "."}
	off := 0
	for i, w := range words {
		for text[off] == ' ' {
			off++
		}
		sent := 0
		if i >= 9 {
			sent = 1
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: off, End: off + len(w), Sent: sent, Head: -1})
		off += len(w)
	}
	d.Sentences = []doc.Sentence{{First: 0, Last: 9}, {First: 9, Last: len(words)}}
	d.Layers = doc.LayerTokens | doc.LayerSentences

	kb, err := actor.Default()
	if err != nil {
		panic(err)
	}
	if err := actor.NewResolver(kb).Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, m := range d.Mentions {
		e := d.Entities[m.Entity]
		fmt.Printf("%-30q %-8s %-7s %s %s\n", d.Slice(m.Span), m.Kind, m.Actor.Code, e.ID, e.Actor.Code)
	}
	// Output:
	// "Kremlin leader Vladimir Putin" name     RUSGOV  E1 RUSGOV
	// "Belarusian intelligence"      nominal  BLRSPY  E2 BLRSPY
	// "He"                           pronoun          E1 RUSGOV
	// "Ukraine’s border guards"      nominal  UKRCOP  E3 UKRCOP
}

// ExampleKB_Lookup shows a person's code on two dates.
func ExampleKB_Lookup() {
	kb, err := actor.Default()
	if err != nil {
		panic(err)
	}
	for _, date := range []string{"1999-01-01", "2010-01-01"} {
		m := kb.Lookup("Putin", date)[0]
		fmt.Println(date, m.Name, m.Code, m.Role, m.Source)
	}
	// Output:
	// 1999-01-01 Vladimir Putin RUSSPY Director of the FSB curated:leaders.kb
	// 2010-01-01 Vladimir Putin RUSGOV Prime Minister of Russia curated:leaders.kb
}
