package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// TestSeedStoryEvents runs the full pipeline on the seed story of issue 5
// and checks the events its list asks for (as far as the coder reaches
// them; docs/events.md lists which).
func TestSeedStoryEvents(t *testing.T) {
	path := shared.Path(t, "seed/belarus-border.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPipeline(coderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := doc.New("belarus-border", string(text))
	d.Date = "2024-07-13"
	if err := codeDoc(context.Background(), p, d); err != nil {
		t.Fatal(err)
	}
	show := func() string {
		var b strings.Builder
		for _, e := range d.Events {
			b.WriteString("\n  " + e.Source.Code + " " + e.CAMEO + " " + e.Target.Code + " " + e.Date + " " + d.Slice(e.Trigger))
		}
		return b.String()
	}
	find := func(name string, ok func(e *doc.Event) bool) *doc.Event {
		t.Helper()
		for i := range d.Events {
			if ok(&d.Events[i]) {
				return &d.Events[i]
			}
		}
		t.Errorf("%s: no such event among%s", name, show())
		return nil
	}
	current := func(e *doc.Event) bool { return !e.Historical && e.Date == "2024-07-13" }

	// Belarus pulls its extra troops back to base: BLR... 087x, current.
	find("Belarus pulls troops back", func(e *doc.Event) bool {
		return strings.HasPrefix(e.Source.Code, "BLR") && strings.HasPrefix(e.CAMEO, "087") && current(e) && !e.Negated
	})
	// The defence ministry's reinforcement: BLR... 15x, dated 2024-06.
	find("reinforcement of the border", func(e *doc.Event) bool {
		return strings.HasPrefix(e.Source.Code, "BLR") && strings.HasPrefix(e.CAMEO, "15") && e.Date == "2024-06"
	})
	// Ukraine's withdrawal of troops: UKR... 087x, claimed by
	// BelTA > Lukashenko > Belarusian intelligence.
	if e := find("Ukraine withdraws troops", func(e *doc.Event) bool {
		return strings.HasPrefix(e.Source.Code, "UKR") && strings.HasPrefix(e.CAMEO, "087")
	}); e != nil {
		var by []string
		for _, r := range e.ClaimedBy {
			by = append(by, r.Code)
		}
		if got := strings.Join(by, " "); got != "BLRMED BLRGOV BLRSPY" {
			t.Errorf("Ukraine's withdrawal claimed by %q, want BelTA, Lukashenko, Belarusian intelligence (BLRMED BLRGOV BLRSPY)", got)
		}
	}
	// Russia calls the statements and deployment cause for concern: RUS → BLR 01x/11x.
	find("Russia's concern", func(e *doc.Event) bool {
		return e.Source.Code == "RUS" && strings.HasPrefix(e.Target.Code, "BLR") &&
			(strings.HasPrefix(e.CAMEO, "01") || strings.HasPrefix(e.CAMEO, "11"))
	})
	// The February 2022 invasion: RUS → UKR 19x, historical, 2022-02.
	find("the February 2022 invasion", func(e *doc.Event) bool {
		return e.Source.Code == "RUS" && e.Target.Code == "UKR" && strings.HasPrefix(e.CAMEO, "19") &&
			e.Historical && e.Date == "2022-02"
	})
	for _, e := range d.Events {
		// No current fighting anywhere in the story.
		if r := e.CAMEO[:2]; (r == "18" || r == "19" || r == "20") && !e.Historical && !e.Negated {
			t.Errorf("current fighting coded: %s %s %s %q", e.Source.Code, e.CAMEO, e.Target.Code, d.Slice(e.Trigger))
		}
		// No statement events from relaying or with the speaker's own side.
		if e.CAMEO == "010" && (len(e.Source.Code) >= 3 && strings.HasPrefix(e.Target.Code, e.Source.Code[:3]) || d.Slice(e.Trigger) == "quoted") {
			t.Errorf("junk statement: %s 010 %s %q", e.Source.Code, e.Target.Code, d.Slice(e.Trigger))
		}
	}
}
