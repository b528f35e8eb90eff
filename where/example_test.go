package where_test

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/where"
)

func ExampleGazetteer_Process() {
	text := "Belarus said its border with Ukraine was calm, officials in Minsk said."
	d := doc.New("example", text)
	// Tokens and sentences as the text stage leaves them.
	words := []struct{ start, end int }{{0, 7}, {8, 12}, {13, 16}, {17, 23}, {24, 28}, {29, 36},
		{37, 40}, {41, 45}, {45, 46}, {47, 56}, {57, 59}, {60, 65}, {66, 70}, {70, 71}}
	for _, w := range words {
		d.Tokens = append(d.Tokens, doc.Token{Start: w.start, End: w.end, Norm: text[w.start:w.end], Head: -1})
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, First: 0, Last: len(d.Tokens)}}

	g, err := where.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := g.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Places {
		if len(p.Countries) > 0 {
			fmt.Printf("%q tied to %v\n", d.Slice(p.Span), p.Countries)
			continue
		}
		fmt.Printf("%q -> %s, %s (%.2f, %.2f)\n", d.Slice(p.Span), p.Name, p.Country, p.Lat, p.Lon)
	}
	// Output:
	// "Belarus" -> Belarus, BLR (53.00, 28.00)
	// "border with Ukraine" tied to [BLR UKR]
	// "Ukraine" -> Ukraine, UKR (49.00, 32.00)
	// "Minsk" -> Minsk, BLR (53.90, 27.57)
}

func ExampleGazetteer_Lookup() {
	g, err := where.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []struct {
		name      string
		countries []string
	}{{"Paris", nil}, {"Paris", []string{"USA"}}, {"Kiev", nil}} {
		p, ok := g.Lookup(q.name, q.countries)
		fmt.Println(q.name, q.countries, "->", p.Name, p.Country, ok)
	}
	// Output:
	// Paris [] -> Paris FRA true
	// Paris [USA] -> Paris USA true
	// Kiev [] -> Kyiv UKR true
}
