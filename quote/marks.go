package quote

import (
	"github.com/wirecoder/wirecoder/doc"
)

// markKind tells how a quotation mark can act.
type markKind uint8

const (
	notMark markKind = iota
	openMark
	closeMark
	eitherMark // a straight " whose direction comes from its neighbours
)

// markOf classifies a token by its original text. Only double marks
// delimit speech: single marks are mostly apostrophes in wire copy, and
// inside a quote they nest rather than close it.
func markOf(s string) markKind {
	switch s {
	case "“", "„", "«", "``":
		return openMark
	case "”", "»", "''":
		return closeMark
	case "\"":
		return eitherMark
	}
	return notMark
}

// region is a run of quoted tokens: [First, Last) excludes the marks;
// Open and Close are the mark tokens, or -1 when missing (unbalanced).
type region struct {
	First, Last int
	Open, Close int
}

// span returns the byte span of the region including its marks.
func (r region) span(d *doc.Doc) doc.Span {
	first, last := r.First, r.Last
	if r.Open >= 0 {
		first = r.Open
	}
	if r.Close >= 0 {
		last = r.Close + 1
	}
	return d.TokenSpan(first, last)
}

func (r region) size() int { return r.Last - r.First }

// paragraphOf returns the paragraph of token i (-1 outside sentences).
func paragraphOf(d *doc.Doc, i int) int {
	s := d.Tokens[i].Sent
	if s < 0 || s >= len(d.Sentences) {
		return -1
	}
	return d.Sentences[s].Paragraph
}

// paragraphEnd returns the index one past the last token of the paragraph
// that holds token i.
func paragraphEnd(d *doc.Doc, i int) int {
	p := paragraphOf(d, i)
	j := i + 1
	for j < len(d.Tokens) && (d.Tokens[j].Sent < 0 || paragraphOf(d, j) == p) {
		if d.Tokens[j].Sent < 0 {
			break
		}
		j++
	}
	return j
}

// findRegions pairs the quotation marks of the story into quoted regions.
// It never fails: an opening mark with no closing mark runs to the end of
// its paragraph, or on into the next paragraph when that one opens with a
// mark of its own (the wire convention for a quote over several
// paragraphs); a closing mark with no opening mark starts its region at
// the start of its sentence.
func findRegions(d *doc.Doc) []region {
	var out []region
	open := -1     // token index of the pending opening mark
	openPara := -1 // its paragraph
	first := -1    // where the pending region's content starts
	for i := range d.Tokens {
		t := d.Tokens[i]
		if t.Sent < 0 {
			continue
		}
		k := markOf(d.Text[t.Start:t.End])
		if k == notMark {
			continue
		}
		para := paragraphOf(d, i)
		if k == eitherMark {
			k = straightDirection(d, i, open >= 0 && para == openPara)
		}
		switch k {
		case openMark:
			if open >= 0 {
				if para != openPara && paragraphStart(d, i) {
					// Continuation: the quote runs on into this paragraph.
					openPara = para
					continue
				}
				end := i
				if para != openPara {
					end = paragraphEnd(d, open)
				}
				out = append(out, region{First: first, Last: end, Open: open, Close: -1})
			}
			open, openPara, first = i, para, i+1
		case closeMark:
			if open >= 0 {
				out = append(out, region{First: first, Last: i, Open: open, Close: i})
				open, openPara, first = -1, -1, -1
				continue
			}
			// A closing mark alone: the region starts at its sentence.
			s := d.Sentences[t.Sent]
			if i > s.First {
				out = append(out, region{First: s.First, Last: i, Open: -1, Close: i})
			}
		}
	}
	if open >= 0 {
		out = append(out, region{First: first, Last: paragraphEnd(d, open), Open: open, Close: -1})
	}
	// Drop empty regions.
	kept := out[:0]
	for _, r := range out {
		if r.Last > r.First {
			kept = append(kept, r)
		}
	}
	return kept
}

func paragraphStart(d *doc.Doc, i int) bool {
	s := d.Tokens[i].Sent
	if s < 0 {
		return false
	}
	sent := d.Sentences[s]
	if sent.First != i {
		return false
	}
	return s == 0 || d.Sentences[s-1].Paragraph != sent.Paragraph
}

// straightDirection decides whether a straight " opens or closes: it
// closes a pending quote in its paragraph; otherwise it opens when white
// space or an opening bracket precedes it.
func straightDirection(d *doc.Doc, i int, pending bool) markKind {
	if pending {
		return closeMark
	}
	t := d.Tokens[i]
	if t.Start == 0 {
		return openMark
	}
	prev := d.Text[t.Start-1]
	switch prev {
	case ' ', '\n', '\t', '(', '[', '{', '\r':
		return openMark
	}
	if i > 0 && d.Tokens[i-1].Sent != t.Sent {
		return openMark
	}
	return closeMark
}
