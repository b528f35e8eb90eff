// Package render prints a coded story for people: a readable summary of
// what wirecoder found, section by section.
package render

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/wirecoder/wirecoder/doc"
)

// Options controls the table.
type Options struct {
	// Detail adds the token layer: POS, lemma, head, relation and NER per
	// token, sentence by sentence.
	Detail bool
	// EventName, when set, names CAMEO codes ("0874" → "Retreat or
	// surrender militarily").
	EventName func(code string) string
}

// Table writes a readable summary of d to w.
func Table(w io.Writer, d *doc.Doc, o Options) error {
	ew := &errWriter{w: w}
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	ew.printf("== %s  %s  %s\n", orDash(d.ID), orDash(d.Date), title)
	if d.Source != "" || d.URL != "" {
		ew.printf("   source: %s %s\n", d.Source, d.URL)
	}
	ew.printf("   %d bytes, %d tokens, %d sentences\n", len(d.Text), len(d.Tokens), len(d.Sentences))
	for _, c := range d.Credits {
		ew.printf("   credit (%s): %q sources=%s\n", c.Kind, d.Slice(c.Span), strings.Join(c.Sources, ","))
	}

	if len(d.Entities) > 0 {
		ew.printf("\nEntities\n")
		tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  ID\tCODE\tTYPE\tNAME\tMENTIONS\n")
		for _, e := range d.Entities {
			var ms []string
			for _, mi := range e.Mentions {
				ms = append(ms, d.Slice(d.Mentions[mi].Span))
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", e.ID, orDash(e.Actor.Code), e.Type, e.Name, strings.Join(ms, " | "))
		}
		tw.Flush()
	}

	if len(d.Quotes) > 0 {
		ew.printf("\nQuotes by speaker\n")
		names := map[string]string{}
		for _, e := range d.Entities {
			names[e.ID] = fmt.Sprintf("%s [%s]", e.Name, e.ID)
		}
		groups := map[string][]doc.Quote{}
		var order []string
		for _, q := range d.Quotes {
			k := speakerKey(q.Speaker)
			if n, ok := names[q.Speaker.Entity]; ok {
				k = fmt.Sprintf("%s (%s)", n, q.Speaker.Code)
			}
			if _, ok := groups[k]; !ok {
				order = append(order, k)
			}
			groups[k] = append(groups[k], q)
		}
		for _, k := range order {
			qs := groups[k]
			ew.printf("  %s\n", k)
			for _, q := range qs {
				via := ""
				if len(q.Via) > 0 {
					var vs []string
					for _, v := range q.Via {
						vs = append(vs, refString(v))
					}
					via = " via " + strings.Join(vs, " > ")
				}
				extra := ""
				if q.Channel != "" {
					extra += " channel=" + q.Channel
				}
				if q.Addressee != "" {
					extra += " to=" + q.Addressee
				}
				ew.printf("    %s [%s, %s%s] %q cue %q%s\n      %q\n", q.ID, q.Kind, q.Stance, via, q.Speaker.Text, d.Slice(q.Cue), extra, clip(d.Slice(q.Content), 160))
			}
		}
	}

	if len(d.Events) > 0 {
		ew.printf("\nEvents\n")
		tw := tabwriter.NewWriter(ew, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  ID\tSOURCE\tTARGET\tCAMEO\tPLOVER\tDATE\tFLAGS\tCLAIMED BY\tTRIGGER\tCONF\n")
		for _, ev := range d.Events {
			code := ev.CAMEO
			if o.EventName != nil {
				if n := o.EventName(ev.CAMEO); n != "" {
					code += " " + n
				}
			}
			var flags []string
			if ev.Historical {
				flags = append(flags, "historical")
			}
			if ev.Negated {
				flags = append(flags, "negated")
			}
			if ev.Modality != doc.Asserted {
				flags = append(flags, ev.Modality.String())
			}
			var by []string
			for _, r := range ev.ClaimedBy {
				by = append(by, refString(r))
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%q\t%.2f\n", ev.ID, refString(ev.Source), refString(ev.Target),
				code, orDash(ev.Plover.Type), orDash(ev.Date), orDash(strings.Join(flags, ",")),
				orDash(strings.Join(by, " > ")), d.Slice(ev.Trigger), ev.Confidence)
		}
		tw.Flush()
	}

	if len(d.Claims) > 0 {
		ew.printf("\nClaims\n")
		byID := map[string]doc.Claim{}
		for _, c := range d.Claims {
			byID[c.ID] = c
		}
		shown := map[[2]string]bool{}
		for _, c := range d.Claims {
			ew.printf("  %s %s %s event %s\n", c.ID, refString(c.By), c.Stance, orDash(c.Event))
		}
		var pairs []string
		for _, c := range d.Claims {
			for _, o := range c.Contradicts {
				k := [2]string{c.ID, o}
				if c.ID > o {
					k = [2]string{o, c.ID}
				}
				if shown[k] {
					continue
				}
				shown[k] = true
				a, b := byID[k[0]], byID[k[1]]
				pairs = append(pairs, fmt.Sprintf("  %s %s %-8s  <-contradicts->  %s %s %s", a.ID, refString(a.By), a.Stance, b.ID, refString(b.By), b.Stance))
			}
		}
		if len(pairs) > 0 {
			sort.Strings(pairs)
			ew.printf("\nContradictions\n%s\n", strings.Join(pairs, "\n"))
		}
	}

	if o.Detail && len(d.Tokens) > 0 {
		ew.printf("\nTokens\n")
		for si, s := range d.Sentences {
			ew.printf("  sentence %d [%d,%d)\n", si, s.Start, s.End)
			tw := tabwriter.NewWriter(ew, 0, 4, 1, ' ', 0)
			for i := s.First; i < s.Last; i++ {
				t := d.Tokens[i]
				head := "root"
				if t.Head >= 0 {
					head = fmt.Sprint(t.Head - s.First)
				}
				fmt.Fprintf(tw, "    %d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t[%d,%d)\n", i-s.First, d.TokenText(i), orDash(t.UPOS), orDash(t.XPOS), orDash(t.Lemma), head, orDash(t.Dep), orDash(t.NER), t.Start, t.End)
			}
			tw.Flush()
		}
	}
	if len(d.Errors) > 0 {
		ew.printf("\nProblems\n")
		for _, e := range d.Errors {
			if e.Offset >= 0 {
				ew.printf("  %s: %s: %s\n", d.Position(e.Offset), e.Op, e.Msg)
			} else {
				ew.printf("  %s: %s\n", e.Op, e.Msg)
			}
		}
	}
	ew.printf("\n")
	return ew.err
}

func speakerKey(r doc.Ref) string {
	if r.Code == "" && r.Text == "" {
		return "(unknown speaker)"
	}
	return refString(r)
}

func refString(r doc.Ref) string {
	switch {
	case r.Text == "" && r.Code == "":
		return "-"
	case r.Code == "":
		return r.Text
	case r.Text == "":
		return r.Code
	}
	return fmt.Sprintf("%s (%s)", r.Text, r.Code)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
