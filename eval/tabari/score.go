package tabari

import (
	"sort"

	"github.com/wirecoder/wirecoder/eval/petr"
)

// Outcome is what a coder produced for one record.
type Outcome struct {
	Events  []Event
	Discard bool
	Complex bool
	// Date is the (possibly shifted) event date, YYYYMMDD; CheckDate says
	// time shifting was on, so that it must match the record's date.
	Date      int
	CheckDate bool
}

// Special returns the special outcome the coding amounts to.
func (o Outcome) Special() Special {
	switch {
	case o.Discard:
		return Discarded
	case o.Complex:
		return Complex
	case len(o.Events) == 0:
		return NoEvents
	}
	return NoSpecial
}

// Category holds the figures of one record category: the same shape as
// the PETRARCH suite's, so both evals print alike.
type Category = petr.Category

// Result is the score of a run; its JSON form is the eval contract.
type Result struct {
	Task        string              `json:"task"`
	Records     int                 `json:"records"`
	Correct     int                 `json:"correct"`
	Accuracy    float64             `json:"accuracy"`
	PerCategory map[string]Category `json:"per_category"`
	Extra       int                 `json:"extra"`
	Missed      int                 `json:"missed"`
	// Unchecked counts records without anything to check (option records,
	// "-{" records listing nothing); they are not scored.
	Unchecked int `json:"unchecked"`
}

// Failure is a record the coder got wrong.
type Failure struct {
	Record *Record
	Got    Outcome
}

// Scorer accumulates record scores. The zero value is ready to use.
type Scorer struct {
	res      Result
	cats     map[string]*Category
	Failures []Failure
}

// Correct reports whether an outcome matches the record: the special
// codes are checked first; otherwise the set of (source, target, code)
// must equal the expected set, or include it when the record is Partial.
func Correct(r *Record, o Outcome) bool {
	if r.Special != NoSpecial {
		return o.Special() == r.Special
	}
	if o.Discard || o.Complex {
		return false
	}
	if o.CheckDate && len(r.Expected) > 0 && !r.Partial && r.ExpectedDate != o.Date {
		return false
	}
	got := map[Event]bool{}
	for _, e := range o.Events {
		got[e] = true
	}
	want := map[Event]bool{}
	for _, e := range r.Expected {
		want[e] = true
	}
	for e := range want {
		if !got[e] {
			return false
		}
	}
	if r.Partial {
		return true
	}
	return len(got) == len(want)
}

// Add scores one record; records with nothing to check are counted as
// unchecked and not scored.
func (s *Scorer) Add(r *Record, o Outcome) bool {
	if s.cats == nil {
		s.cats = map[string]*Category{}
	}
	if !r.Checked() {
		s.res.Unchecked++
		return false
	}
	ok := Correct(r, o)
	s.res.Records++
	c := s.cats[r.Category]
	if c == nil {
		c = &Category{}
		s.cats[r.Category] = c
	}
	c.Records++
	if ok {
		s.res.Correct++
		c.Correct++
	} else {
		s.Failures = append(s.Failures, Failure{Record: r, Got: o})
	}
	got := map[Event]bool{}
	if !o.Discard && !o.Complex {
		for _, e := range o.Events {
			got[e] = true
		}
	}
	want := map[Event]bool{}
	for _, e := range r.Expected {
		want[e] = true
	}
	for e := range want {
		if !got[e] {
			s.res.Missed++
		}
	}
	if !r.Partial {
		for e := range got {
			if !want[e] {
				s.res.Extra++
			}
		}
	}
	return ok
}

// Result returns the figures so far.
func (s *Scorer) Result() Result {
	r := s.res
	r.Task = "tabari"
	if r.Records > 0 {
		r.Accuracy = float64(r.Correct) / float64(r.Records)
	}
	r.PerCategory = map[string]Category{}
	for k, c := range s.cats {
		cc := *c
		if cc.Records > 0 {
			cc.Accuracy = float64(cc.Correct) / float64(cc.Records)
		}
		r.PerCategory[k] = cc
	}
	return r
}

// Categories returns the category names in sorted order.
func (r Result) Categories() []string {
	out := make([]string, 0, len(r.PerCategory))
	for k := range r.PerCategory {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
