package event_test

import (
	"context"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

// FuzzProcess checks that no parse, however malformed, makes the coder
// panic: heads and relations come from the fuzzer.
func FuzzProcess(f *testing.F) {
	f.Add([]byte{2, 0, 4, 1, 0, 2, 3, 1, 4, 0}, "Arnor and Mordor attacked Gondor")
	f.Add([]byte{3, 5, 2, 7, 0, 0, 1, 9}, "Gondor was criticized by Arnor")
	deps := []string{"nsubj", "dobj", "nmod", "case", "conj", "cc", "aux", "auxpass", "neg", "ccomp",
		"xcomp", "appos", "compound", "amod", "det", "nmod:poss", "acl", "root", "punct", "compound:prt"}
	tags := []string{"NNP", "VBD", "VBN", "NNS", "IN", "CC", "MD", "RB", "DT", "PRP", "WP", "VB"}
	c := event.NewCoder(verbsOf(f), event.MentionActors{}, event.Options{Nested: true, IntentCodes: true})
	f.Fuzz(func(t *testing.T, shape []byte, text string) {
		words := []string{"Arnor", "said", "Mordor", "attacked", "Gondor", "and", "will", "not", "met", "by", "was", "it"}
		n := len(shape) / 2
		if n == 0 || n > 40 {
			return
		}
		var rows [][5]string
		for i := 0; i < n; i++ {
			h := int(shape[2*i]) % (n + 2) // may point outside the sentence
			r := shape[2*i+1]
			rows = append(rows, [5]string{words[int(r)%len(words)], tags[int(r)%len(tags)], words[int(r)%len(words)],
				itoa(h), deps[int(r)%len(deps)]})
		}
		d := parsed("2024-07-13", rows)
		d.Entities = []doc.Entity{{ID: "E1", Actor: doc.Actor{Code: "ARN"}}, {ID: "E2", Actor: doc.Actor{Code: "GON"}}}
		for i := range d.Tokens {
			if i%3 == 0 {
				d.Mentions = append(d.Mentions, doc.Mention{Span: d.Tokens[i].Span(), First: i, Last: i + 1, Entity: i % 2})
			}
		}
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if !e.Trigger.Valid(len(d.Text)) || !e.Evidence.Valid(len(d.Text)) {
				t.Fatalf("span out of the text: %+v", e)
			}
		}
		_ = text
	})
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	return s
}
