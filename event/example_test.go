package event_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

// parsed builds a one-sentence document from words with their POS tags,
// lemmas, heads (1-based, 0 for the root) and relations, as a parser
// would annotate it.
func parsed(date string, rows [][5]string) *doc.Doc {
	var words []string
	for _, r := range rows {
		words = append(words, r[0])
	}
	d := doc.New("example", strings.Join(words, " "))
	d.Date = date
	off := 0
	for _, r := range rows {
		var head int
		fmt.Sscan(r[3], &head)
		d.Tokens = append(d.Tokens, doc.Token{Start: off, End: off + len(r[0]), Norm: r[0],
			XPOS: r[1], Lemma: r[2], Head: head - 1, Dep: r[4]})
		off += len(r[0]) + 1
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, First: 0, Last: len(d.Tokens)}}
	d.Layers = event.Requires
	return d
}

func Example() {
	verbs, _ := petrarch.ReadVerbs(strings.NewReader(`
--- RESTORE [064] ---
RESTORE
- * TIES [050]
`), "example.verbs")
	actors := petrarch.NewActors()
	actors.ReadActors(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\n"), "example.actors")
	agents, _ := petrarch.ReadAgents(strings.NewReader("GOVERNMENT [~GOV]\n"), "example.agents")
	coder := event.NewCoder(verbs, &event.DictActors{Actors: actors, Agents: agents}, event.Options{})

	d := parsed("1995-01-01", [][5]string{
		{"Arnor's", "NNP", "Arnor", "2", "nmod:poss"},
		{"government", "NN", "government", "4", "nsubj"},
		{"will", "MD", "will", "4", "aux"},
		{"restore", "VB", "restore", "0", "root"},
		{"ties", "NNS", "tie", "4", "dobj"},
		{"with", "IN", "with", "7", "case"},
		{"Gondor", "NNP", "Gondor", "4", "nmod"},
	})
	if err := coder.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Events {
		fmt.Printf("%s %s %s %s %q %s goldstein=%.1f modality=%s\n", e.Source.Code, e.CAMEO, e.Target.Code,
			e.Plover.Type, d.Slice(e.Trigger), d.Slice(e.Evidence), e.Goldstein, e.Modality)
	}
	// Output:
	// ARNGOV 050 GON SUPPORT "restore" Arnor's government will restore ties with Gondor goldstein=3.5 modality=intended
}
