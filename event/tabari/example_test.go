package tabari_test

import (
	"fmt"
	"strings"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
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
