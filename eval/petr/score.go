package petr

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
)

// Dictionaries are the dictionaries a suite's Environment names.
type Dictionaries struct {
	Verbs    *petrarch.Verbs
	Actors   *petrarch.Actors
	Agents   *petrarch.Agents
	Discards *petrarch.Discards
	// Warnings lists the lines the readers skipped.
	Warnings []error
}

// DefaultEnvironment names PETRARCH's operational dictionaries, used for a
// file without an <Environment> (the GigaWord sample).
var DefaultEnvironment = Environment{
	Verbfile:    "CAMEO.2.0.txt",
	Actorfile:   "Phoenix.Countries.actors.txt,Phoenix.International.actors.txt,Phoenix.MilNonState.actors.txt",
	Agentfile:   "Phoenix.agents.txt",
	Discardfile: "Phoenix.discards.txt",
}

// LoadDictionaries reads the dictionaries named in env from dir; a field
// env leaves empty takes DefaultEnvironment's.
func LoadDictionaries(dir string, env Environment) (*Dictionaries, error) {
	if env.Verbfile == "" {
		env.Verbfile = DefaultEnvironment.Verbfile
	}
	if env.Actorfile == "" {
		env.Actorfile, env.Agentfile, env.Discardfile = DefaultEnvironment.Actorfile, DefaultEnvironment.Agentfile, DefaultEnvironment.Discardfile
	}
	ds := &Dictionaries{Actors: petrarch.NewActors()}
	warn := func(err error) error {
		var el petrarch.ErrorList
		if errors.As(err, &el) {
			for _, e := range el {
				ds.Warnings = append(ds.Warnings, e)
			}
			return nil
		}
		return err
	}
	var err error
	ds.Verbs, err = petrarch.ReadVerbsFile(filepath.Join(dir, env.Verbfile))
	if ds.Verbs == nil {
		return nil, err
	}
	if err := warn(err); err != nil {
		return nil, err
	}
	for _, f := range strings.Split(env.Actorfile, ",") {
		if err := warn(ds.Actors.ReadActorsFile(filepath.Join(dir, strings.TrimSpace(f)))); err != nil {
			return nil, err
		}
	}
	if env.Agentfile != "" {
		ds.Agents, err = petrarch.ReadAgentsFile(filepath.Join(dir, env.Agentfile))
		if ds.Agents == nil {
			return nil, err
		}
		if err := warn(err); err != nil {
			return nil, err
		}
	}
	if env.Discardfile != "" {
		ds.Discards, err = petrarch.ReadDiscardsFile(filepath.Join(dir, env.Discardfile))
		if ds.Discards == nil {
			return nil, err
		}
	}
	return ds, nil
}

// Options returns the coder options for a record: PETRARCH's semantics
// with the record's <Config> settings (require_dyad, new_actor_length).
func (ds *Dictionaries) Options(r *Record) event.Options {
	opt := event.Options{Discards: ds.Discards, SkipDatelines: true, ExactForms: true}
	if v, ok := r.Config["require_dyad"]; ok && strings.Contains(strings.ToLower(v), "false") {
		opt.AllowMonadic = true
	}
	if v, ok := r.Config["new_actor_length"]; ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			opt.NewActorLength = n
		}
	}
	return opt
}

// Annotator adds tokens, sentences, POS, lemmas and dependencies to a
// document that holds only text: the language pipeline.
type Annotator func(ctx context.Context, d *doc.Doc) error

// Code codes record r. With useParse the document is built from the
// record's CoNLL-U parse; otherwise annotate builds it from the text.
func (ds *Dictionaries) Code(ctx context.Context, file string, r *Record, useParse bool, annotate Annotator) ([]Coding, error) {
	var d *doc.Doc
	if useParse {
		var err error
		if d, err = r.Doc(file); err != nil {
			return nil, err
		}
	} else {
		if annotate == nil {
			return nil, errors.New("code record: no language pipeline to annotate the text")
		}
		d = doc.New(r.ID, strings.Join(strings.Fields(r.Text), " "))
		if len(r.Date) == 8 {
			d.Date = r.Date[:4] + "-" + r.Date[4:6] + "-" + r.Date[6:8]
		}
		if err := annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("code record %s: %w", r.ID, err)
		}
	}
	c := event.NewCoder(ds.Verbs, &event.DictActors{Actors: ds.Actors, Agents: ds.Agents}, ds.Options(r))
	if err := c.Process(ctx, d); err != nil {
		return nil, fmt.Errorf("code record %s: %w", r.ID, err)
	}
	var out []Coding
	for _, e := range d.Events {
		out = append(out, Coding{Source: e.Source.Code, Target: e.Target.Code, Code: e.CAMEO})
	}
	return out, nil
}

// Category is the score of one category of records.
type Category struct {
	Records  int     `json:"records"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// Result is the score of a suite, as `wirecoder eval petrarch` prints it.
type Result struct {
	Task        string              `json:"task"`
	Records     int                 `json:"records"`
	Correct     int                 `json:"correct"`
	Accuracy    float64             `json:"accuracy"`
	PerCategory map[string]Category `json:"per_category"`
	Extra       int                 `json:"extra"`
	Missed      int                 `json:"missed"`
}

// Outcome is the scoring of one record.
type Outcome struct {
	Record        *Record
	Got           []Coding
	Err           error
	Correct       bool
	Extra, Missed []Coding
	// PairsCorrect reports that the set of (source, target) pairs is right,
	// whatever the codes: a diagnostic of actor and structure coding.
	PairsCorrect bool
}

// Expected returns the set of codings a record expects: none for a
// noevents or error record.
func (r *Record) ExpectedSet() []Coding {
	if r.NoEvents || r.Error != "" {
		return nil
	}
	return dedupCodings(r.Expected)
}

func dedupCodings(cs []Coding) []Coding {
	seen := map[Coding]bool{}
	var out []Coding
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// Score scores one record: correct when the set of (source, target, code)
// equals the expected set. A coding error makes the record wrong, except
// for a record that expects an error.
func Score(r *Record, got []Coding, err error) Outcome {
	o := Outcome{Record: r, Got: got, Err: err}
	want := r.ExpectedSet()
	gotSet := dedupCodings(got)
	if err != nil {
		o.Correct = r.Error != ""
		o.Missed = want
		return o
	}
	in := func(c Coding, set []Coding) bool {
		for _, x := range set {
			if x == c {
				return true
			}
		}
		return false
	}
	for _, c := range gotSet {
		if !in(c, want) {
			o.Extra = append(o.Extra, c)
		}
	}
	for _, c := range want {
		if !in(c, gotSet) {
			o.Missed = append(o.Missed, c)
		}
	}
	o.Correct = len(o.Extra) == 0 && len(o.Missed) == 0
	pairs := func(cs []Coding) map[[2]string]bool {
		m := map[[2]string]bool{}
		for _, c := range cs {
			m[[2]string{c.Source, c.Target}] = true
		}
		return m
	}
	gp, wp := pairs(gotSet), pairs(want)
	o.PairsCorrect = len(gp) == len(wp)
	for k := range gp {
		if !wp[k] {
			o.PairsCorrect = false
		}
	}
	return o
}

// Summarize totals outcomes into a Result.
func Summarize(outs []Outcome) Result {
	res := Result{Task: "petrarch", PerCategory: map[string]Category{}}
	for _, o := range outs {
		res.Records++
		c := res.PerCategory[o.Record.Category()]
		c.Records++
		if o.Correct {
			res.Correct++
			c.Correct++
		}
		res.Extra += len(o.Extra)
		res.Missed += len(o.Missed)
		res.PerCategory[o.Record.Category()] = c
	}
	if res.Records > 0 {
		res.Accuracy = float64(res.Correct) / float64(res.Records)
	}
	for k, c := range res.PerCategory {
		c.Accuracy = float64(c.Correct) / float64(c.Records)
		res.PerCategory[k] = c
	}
	return res
}

// Categories returns the result's category names, sorted.
func (r Result) Categories() []string {
	out := make([]string, 0, len(r.PerCategory))
	for k := range r.PerCategory {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
