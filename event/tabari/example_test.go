package tabari_test

import (
	"context"
	"fmt"
	"strings"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event/tabari"
)

// A tiny dictionary in TABARI's formats: two fictional countries, an
// agent, an irregular verb form and a pattern that reverses the roles.
func Example() {
	actors, _, _ := dt.ReadActors(strings.NewReader("FREEDONIA [FRE]\nSYLVANIA [SYL]\n"), "tiny.actors")
	agents, _, _ := dt.ReadAgents(strings.NewReader("AMBASSADOR_ [~GOV]\n"), "tiny.agents")
	verbs, _, _ := dt.ReadVerbs(strings.NewReader("MEET [031:031]\n{MET_}\nRESCUE [066]\n- + WAS * BY $ [066]\nACCUSE [112]\n"), "tiny.verbs")
	c := tabari.New(tabari.Dictionaries{
		Actors: []*dt.Actors{actors},
		Agents: [][]dt.Agent{agents},
		Verbs:  []*dt.Verbs{verbs},
	}, nil)
	for _, s := range []string{
		"The Freedonian ambassador met Sylvania's leaders on Monday.",
		"Sylvania was rescued by Freedonia, officials said.",
		"Freedonia accused Sylvania and Marxonia of spying on its border.",
	} {
		for _, e := range c.CodeSentence(s, 19330101, nil).Events {
			fmt.Printf("%s %s %s %q\n", e.Source, e.Target, e.Code, s[e.Verb.Start:e.Verb.End])
		}
	}
	// Output:
	// FREGOV SYL 031 "met"
	// SYL FREGOV 031 "met"
	// FRE SYL 066 "rescued"
	// FRE SYL 112 "accused"
}

// The coder as a pipeline stage: each sentence of a document is coded and
// the events are appended with their trigger offsets.
func ExampleCoder_Process() {
	actors, _, _ := dt.ReadActors(strings.NewReader("FREEDONIA [FRE]\nSYLVANIA [SYL]\n"), "tiny.actors")
	verbs, _, _ := dt.ReadVerbs(strings.NewReader("ACCUSE [112]\nPRAISE [051]\n"), "tiny.verbs")
	c := tabari.New(tabari.Dictionaries{Actors: []*dt.Actors{actors}, Verbs: []*dt.Verbs{verbs}}, nil)
	d := doc.New("story-1", "Freedonia accused Sylvania of spying on its border on Monday.")
	d.Date = "1933-11-17"
	if err := c.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Events {
		fmt.Println(e.ID, e.Source.Code, e.Target.Code, e.CAMEO, d.Slice(e.Trigger))
	}
	fmt.Println(c.Step().Name, c.Step().Assigns)
	// Output:
	// story-1-tabari-1 FRE SYL 112 accused
	// tabari events
}
