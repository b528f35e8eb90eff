package actor

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
)

// tagTokens sets a field on the tokens whose text is w (in order of
// appearance), for building NER and dependency layers by hand.
func tagTokens(d *doc.Doc, set func(t *doc.Token, w string)) {
	for i := range d.Tokens {
		set(&d.Tokens[i], d.TokenText(i))
	}
}

func mentionText(d *doc.Doc, text string) (doc.Mention, bool) {
	for _, m := range d.Mentions {
		if d.Slice(m.Span) == text {
			return m, true
		}
	}
	return doc.Mention{}, false
}

// TestNER uses named-entity spans for names the knowledge base lacks.
func TestNER(t *testing.T) {
	kb, _ := Default()
	d := testDoc("Viktor Babenko, a commander of the Azov brigade, said Ukrainian forces held the line. Babenko told reporters he expected more attacks.", "2024-07-13")
	seen := 0
	tagTokens(d, func(tk *doc.Token, w string) {
		tk.NER = "O"
		switch w {
		case "Viktor":
			tk.NER = "B-PER"
		case "Babenko":
			if seen == 0 {
				tk.NER = "I-PER"
			} else {
				tk.NER = "B-PER"
			}
			seen++
		case "Azov":
			tk.NER = "B-ORG"
		}
	})
	d.Layers |= doc.LayerNER
	if err := NewResolver(kb).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	vb, ok := mentionText(d, "Viktor Babenko")
	if !ok || vb.Source != "ner" || vb.Type != doc.PER || vb.Kind != doc.MentionName {
		t.Fatalf("Viktor Babenko: %+v, want a PER name from ner", vb)
	}
	b, ok1 := mentionText(d, "Babenko")
	he, ok2 := mentionText(d, "he")
	if !ok1 || !ok2 || b.Entity != vb.Entity || he.Entity != vb.Entity {
		t.Errorf("Babenko (%v %d) and he (%v %d) should join entity %d", ok1, b.Entity, ok2, he.Entity, vb.Entity)
	}
	if az, ok := mentionText(d, "Azov"); !ok || az.Actor.Code != "UKRREB" || az.Source != "kb" {
		t.Errorf("Azov: %+v, want the knowledge-base code UKRREB", az)
	}
	if uf, ok := mentionText(d, "Ukrainian forces"); !ok || uf.Actor.Code != "UKRMIL" {
		t.Errorf("Ukrainian forces: %+v", uf)
	}
}

// TestDeps reads clause subjects from the dependency layer when present.
func TestDeps(t *testing.T) {
	kb, _ := Default()
	r := NewResolver(kb)
	text := "In Minsk, Putin praised Lukashenko. He said ties were strong."
	// Without a parse the pronoun goes to the latest person.
	d := testDoc(text, "2024-07-13")
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	he, _ := mentionText(d, "He")
	luk, _ := mentionText(d, "Lukashenko")
	if he.Entity != luk.Entity {
		t.Errorf("without a parse, He should go to the latest person (Lukashenko)")
	}
	// With a parse that marks Putin as subject, it goes to Putin.
	d = testDoc(text, "2024-07-13")
	tagTokens(d, func(tk *doc.Token, w string) {
		switch w {
		case "Putin", "He", "ties":
			tk.Dep = "nsubj"
		case "Lukashenko":
			tk.Dep = "obj"
		default:
			tk.Dep = "dep"
		}
	})
	d.Layers |= doc.LayerPOS | doc.LayerDeps
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	he, _ = mentionText(d, "He")
	putin, _ := mentionText(d, "Putin")
	if he.Entity != putin.Entity {
		t.Errorf("with a parse, He should go to the subject Putin: he=%d putin=%d", he.Entity, putin.Entity)
	}
}

// TestBadInput feeds malformed stories: they never panic.
func TestBadInput(t *testing.T) {
	kb, _ := Default()
	r := NewResolver(kb)
	ctx := context.Background()
	// Tokens outside any sentence (a credit line), no sentences at all,
	// empty text, a bad date.
	d := testDoc("Putin said so.\n(With inputs from Reuters)", "2024-13-45")
	for i := range d.Tokens {
		if d.Tokens[i].Start >= strings.Index(d.Text, "(") {
			d.Tokens[i].Sent = -1
		}
	}
	if err := r.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	if len(d.Errors) != 1 || d.Errors[0].Op != "actor" {
		t.Errorf("a bad date should leave one positioned error, got %v", d.Errors)
	}
	if m, ok := mentionText(d, "Reuters"); !ok || m.Sent != -1 || m.Actor.Code != "MED" {
		t.Errorf("Reuters in a credit line: %+v", m)
	}
	// A capital in a dateline is a place.
	d = testDoc("KYIV, July 13 (Reuters) -\nZelenskiy said so.", "2024-07-13")
	for i := range d.Tokens {
		if d.Tokens[i].Start < strings.Index(d.Text, "\n") {
			d.Tokens[i].Sent = -1
		}
	}
	if err := r.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	if m, ok := mentionText(d, "KYIV"); !ok || m.Actor.Code != "UKR" || m.Kind != doc.MentionName {
		t.Errorf("KYIV in a dateline: %+v, want the place UKR", m)
	}
	if err := r.Process(ctx, doc.New("empty", "")); err != nil {
		t.Errorf("empty story: %v", err)
	}
	bad := testDoc("Putin said so.", "")
	bad.Tokens[0].End = 1000
	if err := r.Process(ctx, bad); err == nil || !strings.Contains(err.Error(), "token 0") {
		t.Errorf("a token outside the text: error %v, want one naming the token", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := r.Process(cctx, testDoc("Putin.", "")); err == nil {
		t.Errorf("a cancelled context should fail")
	}
}

// TestConcurrent runs one resolver on many stories at once (go test -race).
func TestConcurrent(t *testing.T) {
	kb, _ := Default()
	r := NewResolver(kb)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := testDoc("Belarusian President Alexander Lukashenko said he would meet Putin. The two leaders spoke.", "2024-07-13")
			if err := r.Process(context.Background(), d); err != nil {
				t.Error(err)
				return
			}
			if len(d.Entities) < 3 || d.Entities[0].Actor.Code != "BLRGOV" {
				t.Errorf("concurrent run: %+v", d.Entities)
			}
		}()
	}
	wg.Wait()
}

// FuzzProcess checks that no token layout makes Process panic.
func FuzzProcess(f *testing.F) {
	f.Add("Belarusian President Alexander Lukashenko said he told the two leaders that Ukraine’s border guards left.", "2024-07-13")
	f.Add("the the 's ' s - - al- U.S. ’ “ ” his country's the country", "")
	f.Add("A spokesperson for of the president of", "1999")
	kb, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	r := NewResolver(kb)
	f.Fuzz(func(t *testing.T, text, date string) {
		d := testDoc(text, date)
		if err := r.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Mentions {
			if !m.Span.Valid(len(d.Text)) || m.Entity >= len(d.Entities) {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

// TestNERSpans reads named-entity spans that the knowledge base covers too
// through the knowledge base, and looks inside the others.
func TestNERSpans(t *testing.T) {
	kb, _ := Default()
	d := testDoc("Ukrainian Defence Ministry officials and the Belarusian State Border Committee met President Alexander Lukashenko.", "2024-07-13")
	tags := map[string]string{"Ukrainian": "B-ORG", "Defence": "I-ORG", "Ministry": "I-ORG",
		"Belarusian": "B-ORG", "State": "I-ORG", "Border": "I-ORG", "Committee": "I-ORG",
		"President": "B-PER", "Alexander": "I-PER", "Lukashenko": "I-PER"}
	tagTokens(d, func(tk *doc.Token, w string) {
		tk.NER = "O"
		if tag, ok := tags[w]; ok {
			tk.NER = tag
		}
	})
	d.Layers |= doc.LayerNER
	if err := NewResolver(kb).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for text, code := range map[string]string{
		"Ukrainian Defence Ministry officials": "UKRMIL",
		"Belarusian State Border Committee":    "BLR",
		"President Alexander Lukashenko":       "BLRGOV",
	} {
		m, ok := mentionText(d, text)
		if !ok || codeOf(d, indexOfMention(d, m)) != code {
			var got []string
			for i, m := range d.Mentions {
				got = append(got, d.Slice(m.Span)+"="+codeOf(d, i))
			}
			t.Errorf("%q: want %s; mentions %v", text, code, got)
		}
	}
}

func indexOfMention(d *doc.Doc, m doc.Mention) int {
	for i, x := range d.Mentions {
		if x.Span == m.Span {
			return i
		}
	}
	return -1
}
