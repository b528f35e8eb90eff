// Package tabari codes events with TABARI's own semantics (Schrodt's
// TABARI 0.8): a sparse, pattern-based parse over the word sequence, with
// no dependency parse. It reads the TABARI dictionaries through package
// dict/tabari and implements actor and agent recognition by longest
// match, date-restricted and coded-compound actors, parsed compounds,
// pronoun coreference, comma-delimited clause elimination, compound
// sentences, verb patterns with source, target, compound and skip slots,
// null, discard, complex, subordinate, dominant and paired codes, passive
// voice and the complexity filter of the .options file.
package tabari

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/pipeline"
)

// entryKind is what a dictionary phrase classifies a word as.
type entryKind uint8

const (
	kActor entryKind = iota
	kAgent
	kNoun
	kAdj
	kVerb
	kTime
)

// entry is one dictionary phrase in the word index.
type entry struct {
	kind   entryKind
	phrase dt.Phrase
	chars  int
	order  int
	actor  *dt.Actor
	agent  *dt.Agent
	verb   int // index into Coder.verbs
	time   int // index into Coder.times
}

// timeCode is the code of a <TIME> phrase: a shift in days, or a null,
// discard or complex code.
type timeCode struct {
	text                   string
	shift                  int
	null, discard, complex bool
}

// parseTimeCode reads "+1", "-7", "- - -", "###" or "+++".
func parseTimeCode(s string) (timeCode, bool) {
	c := strings.Join(strings.Fields(s), "")
	switch {
	case strings.Trim(c, "-") == "":
		return timeCode{null: true}, true
	case c == "###":
		return timeCode{discard: true}, true
	case c == "+++":
		return timeCode{complex: true}, true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(c, "+"))
	if err != nil {
		return timeCode{}, false
	}
	return timeCode{shift: n}, true
}

// keyLen is how many leading bytes of a phrase's first word index it.
const keyLen = 3

// Coder codes sentences with a set of TABARI dictionaries. It is
// immutable after New and safe for concurrent use.
type Coder struct {
	verbs   []dt.Verb
	times   []timeCode
	index   map[string][]*entry // by the first word, cut to keyLen bytes
	opts    *dt.Options
	timeOff bool
}

// Dictionaries are the dictionaries a Coder is built from.
type Dictionaries struct {
	Actors []*dt.Actors
	Agents [][]dt.Agent
	Verbs  []*dt.Verbs
}

// New builds a coder from dictionaries and options (nil options: the
// TABARI defaults).
func New(d Dictionaries, opts *dt.Options) *Coder {
	if opts == nil {
		opts = dt.DefaultOptions()
	}
	c := &Coder{index: map[string][]*entry{}, opts: opts}
	n := 0
	add := func(e *entry) {
		if len(e.phrase) == 0 || e.phrase[0].Kind != dt.Literal || e.phrase[0].Text == "" {
			return
		}
		e.chars = e.phrase.Chars()
		e.order = n
		n++
		k := e.phrase[0].Text
		if len(k) > keyLen {
			k = k[:keyLen]
		}
		c.index[k] = append(c.index[k], e)
	}
	for _, a := range d.Actors {
		for i := range a.Actors {
			add(&entry{kind: kActor, phrase: a.Actors[i].Phrase, actor: &a.Actors[i]})
		}
		for _, w := range a.Nouns {
			add(&entry{kind: kNoun, phrase: w.Phrase})
		}
		for _, w := range a.Adjectives {
			add(&entry{kind: kAdj, phrase: w.Phrase})
		}
	}
	for _, ag := range d.Agents {
		for i := range ag {
			add(&entry{kind: kAgent, phrase: ag[i].Phrase, agent: &ag[i]})
		}
	}
	for _, v := range d.Verbs {
		for _, vb := range v.Verbs {
			c.verbs = append(c.verbs, vb)
			vi := len(c.verbs) - 1
			add(&entry{kind: kVerb, phrase: vb.Root, verb: vi})
			for _, f := range vb.Forms {
				add(&entry{kind: kVerb, phrase: f, verb: vi})
			}
		}
	}
	for _, v := range d.Verbs {
		for _, tp := range v.Time {
			p, err := dt.ParsePhrase(tp.Text)
			tc, ok := parseTimeCode(tp.Shift)
			if err != nil || !ok {
				continue // time patterns ("- * AND ...") and bad codes are not used
			}
			tc.text = tp.Text
			c.times = append(c.times, tc)
			add(&entry{kind: kTime, phrase: p, time: len(c.times) - 1})
		}
	}
	for k, es := range c.index {
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].chars != es[j].chars {
				return es[i].chars > es[j].chars
			}
			return es[i].kind < es[j].kind
		})
		c.index[k] = es
	}
	return c
}

// Load reads the dictionaries and options a project names. Problems in
// the files (malformed lines, which are skipped) are returned alongside.
func Load(p *dt.Project) (*Coder, dt.Problems, error) {
	var d Dictionaries
	var probs dt.Problems
	for _, f := range p.Actors {
		a, pr, err := dt.ReadActorsFile(f)
		if err != nil {
			return nil, probs, fmt.Errorf("load tabari project %s: %w", p.Path, err)
		}
		probs = append(probs, pr...)
		d.Actors = append(d.Actors, a)
	}
	for _, f := range p.Agents {
		a, pr, err := dt.ReadAgentsFile(f)
		if err != nil {
			return nil, probs, fmt.Errorf("load tabari project %s: %w", p.Path, err)
		}
		probs = append(probs, pr...)
		d.Agents = append(d.Agents, a)
	}
	for _, f := range p.Verbs {
		v, pr, err := dt.ReadVerbsFile(f)
		if err != nil {
			return nil, probs, fmt.Errorf("load tabari project %s: %w", p.Path, err)
		}
		probs = append(probs, pr...)
		d.Verbs = append(d.Verbs, v)
	}
	opts := dt.DefaultOptions()
	if p.Options != "" {
		o, pr, err := dt.ReadOptionsFile(p.Options)
		if err != nil {
			return nil, probs, fmt.Errorf("load tabari project %s: %w", p.Path, err)
		}
		probs = append(probs, pr...)
		opts = o
	}
	return New(d, opts), probs, nil
}

// Options returns a copy of the coder's options, to be modified and
// passed to CodeSentence.
func (c *Coder) Options() *dt.Options { return c.opts.Clone() }

// Event is one coded event.
type Event struct {
	Source, Target, Code string
	// Verb locates the verb in the coded text (byte offsets).
	Verb doc.Span
	// Pattern is the matched verb pattern as written; "" for the root.
	Pattern string
}

// Result is the coding of one sentence.
type Result struct {
	Events  []Event
	Discard bool
	Complex bool
	// Reason explains a complex or discarded sentence.
	Reason string
	// Forward is what the sentence forwards to the next one of its story.
	Forward *Antecedent
	// Shifted tells that a <TIME> phrase shifted the event date by
	// DateShift days to Date (YYYYMMDD); Date is the coding date otherwise.
	Shifted   bool
	DateShift int
	Date      int
}

// Process codes each sentence of d (the whole text when d has no
// sentences) and appends the events to d.Events. The story date is
// d.Date when it parses as YYYY-MM-DD; date restrictions are otherwise
// ignored.
func (c *Coder) Process(ctx context.Context, d *doc.Doc) error {
	date := docDate(d)
	spans := []doc.Span{{Start: 0, End: len(d.Text)}}
	if len(d.Sentences) > 0 {
		spans = spans[:0]
		for i := range d.Sentences {
			spans = append(spans, d.TokenSpan(d.Sentences[i].First, d.Sentences[i].Last))
		}
	}
	for si, sp := range spans {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !sp.Valid(len(d.Text)) {
			continue
		}
		r := c.CodeSentence(d.Text[sp.Start:sp.End], date, nil)
		for _, e := range r.Events {
			trig := doc.Span{Start: sp.Start + e.Verb.Start, End: sp.Start + e.Verb.End}
			d.Events = append(d.Events, doc.Event{
				ID:       fmt.Sprintf("%s-tabari-%d", d.ID, len(d.Events)+1),
				Source:   doc.Ref{Code: e.Source},
				Target:   doc.Ref{Code: e.Target},
				CAMEO:    e.Code,
				Sent:     si,
				Trigger:  trig,
				Evidence: sp,
			})
		}
	}
	return nil
}

func docDate(d *doc.Doc) int {
	s := strings.ReplaceAll(d.Date, "-", "")
	if len(s) < 8 {
		return 0
	}
	n := 0
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// TimeShifting reports whether time shifting is on under opts: SET: TIME
// SHIFT decides, by default it is on when the .verbs files have <TIME>
// phrases.
func (c *Coder) TimeShifting(opts *dt.Options) bool {
	if opts == nil {
		opts = c.opts
	}
	switch opts.TimeShift {
	case 1:
		return true
	case -1:
		return false
	}
	return len(c.times) > 0
}

// addDays adds n days to a YYYYMMDD date.
func addDays(date, n int) int {
	if date == 0 || n == 0 {
		return date
	}
	t := time.Date(date/10000, time.Month(date/100%100), date%100, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// Step returns the coder as a pipeline step named "tabari": it reads the
// sentences and assigns the events layer.
func (c *Coder) Step() pipeline.Step {
	return pipeline.Step{Name: "tabari", Requires: doc.LayerSentences, Assigns: doc.LayerEvents, Stage: c}
}
