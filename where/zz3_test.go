package where

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

type petrSent struct {
	Date  string `xml:"date,attr"`
	ID    string `xml:"id,attr"`
	Text  string `xml:"Text"`
	Parse string `xml:"Parse"`
}

func TestZZPetr(t *testing.T) {
	f := os.Getenv("P")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	var root struct {
		S []petrSent `xml:"Sentence"`
	}
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	leaf := regexp.MustCompile(`\(([^\s()]+) ([^\s()]+)\)`)
	for _, s := range root.S {
		text := strings.Join(strings.Fields(s.Text), " ")
		date := s.Date
		if len(date) == 8 {
			date = date[:4] + "-" + date[4:6] + "-" + date[6:]
		}
		d := doc.New(s.ID, text)
		d.Date = date
		off := 0
		for _, m := range leaf.FindAllStringSubmatch(s.Parse, -1) {
			w := m[2]
			k := strings.Index(text[off:], w)
			if k < 0 || k > 3 {
				continue
			}
			d.Tokens = append(d.Tokens, doc.Token{Start: off + k, End: off + k + len(w), XPOS: m[1], Head: -1})
			off += k + len(w)
		}
		d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, First: 0, Last: len(d.Tokens)}}
		g, _ := Default(); g.Process(context.Background(), d)
		for _, x := range d.Places {
			fmt.Printf("%-20q %s %s %v | %s\n", d.Slice(x.Span), x.Name, x.Country, x.Countries, text)
		}
	}
}
