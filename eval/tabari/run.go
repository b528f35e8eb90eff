package tabari

import (
	"context"
	"fmt"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	et "github.com/wirecoder/wirecoder/event/tabari"
)

// Suite is a loaded validation project: the coder built from its
// dictionaries and options, and its validation records.
type Suite struct {
	Project  *dt.Project
	Coder    *et.Coder
	Records  []Record
	Problems []error // malformed dictionary lines and records
}

// Load reads a validation .project file, its dictionaries, options and
// text files.
func Load(projectPath string) (*Suite, error) {
	p, probs, err := dt.ReadProjectFile(projectPath)
	if err != nil {
		return nil, fmt.Errorf("load validation suite: %w", err)
	}
	s := &Suite{Project: p}
	for _, e := range probs {
		s.Problems = append(s.Problems, e)
	}
	c, dprobs, err := et.Load(p)
	if err != nil {
		return nil, fmt.Errorf("load validation suite: %w", err)
	}
	for _, e := range dprobs {
		s.Problems = append(s.Problems, e)
	}
	s.Coder = c
	if len(p.Text) == 0 {
		return nil, fmt.Errorf("load validation suite: %s names no <textfile>", projectPath)
	}
	for _, f := range p.Text {
		recs, rp, err := ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("load validation suite: %w", err)
		}
		s.Problems = append(s.Problems, rp...)
		s.Records = append(s.Records, recs...)
	}
	return s, nil
}

// Run codes the records in order, applying their OPTION: fields to a copy
// of the project options as TABARI's V)alidate does, and scores them. It
// stops at FinalID unless all is set. Each record's outcome is passed to
// each (if not nil).
func (s *Suite) Run(ctx context.Context, all bool, each func(r *Record, o Outcome, ok bool)) (*Scorer, error) {
	opts := s.Coder.Options()
	var sc Scorer
	var prev *et.Antecedent
	prevStory, prevSent := "", -1
	for i := range s.Records {
		if err := ctx.Err(); err != nil {
			return &sc, err
		}
		r := &s.Records[i]
		if r.ID == FinalID && !all {
			break
		}
		for _, o := range r.Options {
			if err := opts.Apply(o); err != nil {
				s.Problems = append(s.Problems, fmt.Errorf("record %s (line %d): option %q: %w", r.ID, r.Line, o, err))
			}
		}
		var fw *et.Antecedent
		story, sent, ok := opts.StorySentence(r.ID)
		if ok && !opts.ForwardOff && story == prevStory && sent == prevSent+1 {
			fw = prev
		}
		res := s.Coder.CodeForward(r.Text, r.Date, opts, fw)
		out := outcome(res)
		out.CheckDate = s.Coder.TimeShifting(opts)
		if ok {
			prev, prevStory, prevSent = res.Forward, story, sent
		} else {
			prev, prevStory, prevSent = nil, "", -1
		}
		correct := sc.Add(r, out)
		if each != nil {
			each(r, out, correct)
		}
	}
	return &sc, nil
}

// Code codes one record's text.
func Code(c *et.Coder, r *Record, opts *dt.Options) Outcome {
	return outcome(c.CodeSentence(r.Text, r.Date, opts))
}

func outcome(res et.Result) Outcome {
	o := Outcome{Discard: res.Discard, Complex: res.Complex, Date: res.Date}
	for _, e := range res.Events {
		o.Events = append(o.Events, Event{Source: e.Source, Target: e.Target, Code: e.Code})
	}
	return o
}
