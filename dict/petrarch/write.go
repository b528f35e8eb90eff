package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Write writes the dictionary in PETRARCH's verb format, normalised: the
// synonym sets with their plurals spelled out, each block with every verb
// form listed in {...} and each pattern on one line, then the
// transformations. ReadVerbs reads it back to an equivalent dictionary
// (bracketed groups are kept only as far as the element flags record
// them).
func (v *Verbs) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	names := make([]string, 0, len(v.Synsets))
	for n := range v.Synsets {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(bw, "####### SYNONYM SETS #######")
	for _, n := range names {
		s := v.Synsets[n]
		fmt.Fprintf(bw, "\n%s_\n", s.Name) // plurals are already spelled out
		for _, p := range s.Phrases {
			fmt.Fprintf(bw, "+%s\n", strings.Join(p, " "))
		}
	}
	fmt.Fprintln(bw, "\n####### VERBS #######")
	for _, b := range v.Blocks {
		fmt.Fprintf(bw, "\n--- %s [%s] ---\n", b.Name, b.Code)
		for _, vb := range b.Verbs {
			fmt.Fprintf(bw, "%s {", verbPhrase(vb.Words, vb.Head, vb.Words[vb.Head]))
			for i, f := range vb.Forms[1:] {
				if i > 0 {
					bw.WriteByte(' ')
				}
				bw.WriteString(verbPhrase(vb.Words, vb.Head, f))
			}
			bw.WriteByte('}')
			if vb.Code != b.Code {
				fmt.Fprintf(bw, " [%s]", vb.Code)
			}
			bw.WriteByte('\n')
		}
		for _, p := range b.Patterns {
			fmt.Fprintf(bw, "- %s* %s [%s]\n", elems(p.Before, true), elems(p.After, false), p.Code)
		}
	}
	if len(v.Transforms) > 0 {
		fmt.Fprintln(bw, "\n####### TRANSFORMATIONS #######")
		for _, t := range v.Transforms {
			fmt.Fprintf(bw, "~ %s (%s %s %s) %s = %s %s %s\n", t.Source, t.InnerSource, t.InnerTarget, t.InnerVerb,
				t.Verb, t.ResultSource, t.ResultTarget, t.ResultCode)
		}
	}
	return bw.Flush()
}

// verbPhrase writes a verb's words with form in the head's place; a
// multi-word verb marks the head with '+' and joins the words with '_'.
func verbPhrase(words []string, head int, form string) string {
	if len(words) == 1 {
		return form
	}
	parts := make([]string, len(words))
	copy(parts, words)
	parts[head] = "+" + form
	return strings.Join(parts, "_")
}

// elems writes pattern elements with their groups; before adds a trailing
// blank.
func elems(es []Elem, before bool) string {
	var b strings.Builder
	var open []Group
	want := func(e Elem) []Group {
		switch {
		case e.Group == GroupPrep:
			return []Group{GroupPrep}
		case e.Group == GroupNoun && e.InPrep:
			return []Group{GroupPrep, GroupNoun}
		case e.Group == GroupNoun:
			return []Group{GroupNoun}
		}
		return nil
	}
	closeTo := func(n int) {
		for len(open) > n {
			if open[len(open)-1] == GroupPrep {
				b.WriteByte(')')
			} else {
				b.WriteByte('}')
			}
			open = open[:len(open)-1]
		}
	}
	for i, e := range es {
		w := want(e)
		k := 0
		for k < len(open) && k < len(w) && open[k] == w[k] {
			k++
		}
		closeTo(k)
		if i > 0 {
			if es[i-1].Joined && len(open) == len(w) {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
		for _, g := range w[k:] {
			if g == GroupPrep {
				b.WriteByte('(')
			} else {
				b.WriteByte('{')
			}
			open = append(open, g)
		}
		b.WriteString(e.Text)
	}
	closeTo(0)
	if before && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}
