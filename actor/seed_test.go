package actor

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

// mentionAt returns the mention whose text is word, inside the first
// occurrence of context in the story.
func mentionAt(t *testing.T, d *doc.Doc, context, word string) (doc.Mention, bool) {
	t.Helper()
	c := strings.Index(d.Text, context)
	if c < 0 {
		t.Fatalf("context %q not in the story", context)
	}
	w := strings.Index(d.Text[c:], word)
	if w < 0 {
		t.Fatalf("%q not in context %q", word, context)
	}
	start := c + w
	for _, m := range d.Mentions {
		if m.Start <= start && m.End >= start+len(word) {
			return m, true
		}
	}
	return doc.Mention{}, false
}

// TestSeedStory checks the "Done when" list of the issue on the seed story,
// as far as it works without NER and parser.
func TestSeedStory(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/belarus-border.txt"))
	if err != nil {
		t.Fatal(err)
	}
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc(string(b), "2024-07-13")
	if err := NewResolver(kb).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	code := func(m doc.Mention) string {
		if m.Actor.Code != "" {
			return m.Actor.Code
		}
		if m.Entity >= 0 {
			return d.Entities[m.Entity].Actor.Code
		}
		return ""
	}
	luk, ok := mentionAt(t, d, "Belarusian President Alexander Lukashenko", "Lukashenko")
	if !ok || luk.Entity < 0 {
		t.Fatal("no Lukashenko entity")
	}
	if got := d.Entities[luk.Entity].Actor.Code; got != "BLRGOV" {
		t.Errorf("Lukashenko is %s, want BLRGOV", got)
	}
	// Lukashenko's mentions.
	for _, c := range []struct{ context, word string }{
		{"Lukashenko, quoted by", "Lukashenko"},
		{"BelTA quoted him as saying", "him"},
		{"he was quoted as saying", "he"},
		{"he told a meeting", "he"},
		{"The Belarusian president, in power", "The Belarusian president"},
	} {
		m, ok := mentionAt(t, d, c.context, c.word)
		if !ok {
			t.Errorf("no mention %q in %q", c.word, c.context)
			continue
		}
		if m.Entity != luk.Entity {
			t.Errorf("%q in %q is entity %d, want Lukashenko's (%d)", c.word, c.context, m.Entity, luk.Entity)
		}
	}
	for _, c := range []struct {
		context, word string
		want          []string
	}{
		{"Kremlin leader Vladimir Putin", "Vladimir Putin", []string{"RUSGOV"}},
		{"the official BelTA news agency", "BelTA", []string{"BLRMED"}},
		{"defence ministry said late", "defence ministry", []string{"BLRMIL", "BLRGOV"}},
		{"Belarusian intelligence had", "Belarusian intelligence", []string{"BLRSPY"}},
		{"Ukraine’s border guards", "border guards", []string{"UKRCOP", "UKRMIL"}},
		{"regional officials", "regional officials", []string{"BLRGOV"}},
		{"inputs from Reuters", "Reuters", []string{"MED"}},
		{"to launch the February", "Ukraine", []string{"UKR"}},
		{"weapons in Belarus", "Belarus", []string{"BLR"}},
		{"Russia had said", "Russia", []string{"RUS"}},
	} {
		m, ok := mentionAt(t, d, c.context, c.word)
		if !ok {
			t.Errorf("no mention %q in %q", c.word, c.context)
			continue
		}
		got := code(m)
		good := false
		for _, w := range c.want {
			good = good || got == w
		}
		if !good {
			t.Errorf("%q in %q resolves to %q, want one of %v", c.word, c.context, got, c.want)
		}
	}
	// "The two leaders" is a group of Lukashenko and Putin.
	g, ok := mentionAt(t, d, "The two leaders", "The two leaders")
	putin, _ := mentionAt(t, d, "Kremlin leader Vladimir Putin", "Vladimir Putin")
	if !ok || g.Entity < 0 || d.Entities[g.Entity].Type != doc.GROUP {
		t.Errorf("\"The two leaders\" is not a group mention")
	} else if ms := d.Entities[g.Entity].Members; len(ms) != 2 || ms[0] != luk.Entity || ms[1] != putin.Entity {
		t.Errorf("the two leaders are entities %v, want [%d %d]", ms, luk.Entity, putin.Entity)
	}
	// "his country" is Belarus; "They said a division" is the ministry.
	if m, ok := mentionAt(t, d, "his country’s border", "his country"); !ok || code(m) != "BLR" {
		t.Errorf("\"his country\" does not resolve to BLR")
	}
	min, _ := mentionAt(t, d, "defence ministry said late", "defence ministry")
	if m, ok := mentionAt(t, d, "They said a division", "They"); !ok || m.Entity != min.Entity {
		t.Errorf("\"They\" in \"They said a division\" is not the defence ministry")
	}
	// Every entity has an ID in order and its mentions point back to it.
	for i, e := range d.Entities {
		for _, mi := range e.Mentions {
			if d.Mentions[mi].Entity != i {
				t.Errorf("entity %s lists mention %d, which points to %d", e.ID, mi, d.Mentions[mi].Entity)
			}
		}
	}
}
