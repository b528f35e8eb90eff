// Package schema holds the JSON Schema of wirecoder's v1 output contract
// and validates documents against it. Beyond the schema, Validate checks
// what a schema cannot: every offset lies inside the text and every span's
// "text" is exactly the slice of the story it points at.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// V1JSON is the JSON Schema of the v1 contract (wirecoder-v1.schema.json).
//
//go:embed wirecoder-v1.schema.json
var V1JSON []byte

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

func v1Schema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(V1JSON))
		if err != nil {
			compileErr = fmt.Errorf("schema: parse wirecoder-v1.schema.json: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		const url = "wirecoder-v1.schema.json"
		if err := c.AddResource(url, doc); err != nil {
			compileErr = fmt.Errorf("schema: add resource: %w", err)
			return
		}
		compiled, compileErr = c.Compile(url)
	})
	return compiled, compileErr
}

// Validate checks one v1 document (JSON) against the schema and checks its
// offsets against its text.
func Validate(data []byte) error {
	s, err := v1Schema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("schema: document is not JSON: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	return checkOffsets(data)
}

type span struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  *string `json:"text"`
}

type offsetsDoc struct {
	Text      string `json:"text"`
	Sentences []span `json:"sentences"`
	Entities  []struct {
		Mentions []span `json:"mentions"`
	} `json:"entities"`
	Quotes []struct {
		Cue     span `json:"cue"`
		Content span `json:"content"`
	} `json:"quotes"`
	Events []struct {
		Trigger  span `json:"trigger"`
		Evidence span `json:"evidence"`
	} `json:"events"`
	Credits []span `json:"credits"`
	Times   []span `json:"times"`
	Tokens  []span `json:"tokens"`
}

func checkOffsets(data []byte) error {
	var d offsetsDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return fmt.Errorf("schema: decode offsets: %w", err)
	}
	n := len(d.Text)
	check := func(where string, s span) error {
		if s.Start < 0 || s.Start > s.End || s.End > n {
			return fmt.Errorf("schema: %s: span [%d,%d) out of range for a text of %d bytes", where, s.Start, s.End, n)
		}
		if s.Text != nil && *s.Text != d.Text[s.Start:s.End] {
			return fmt.Errorf("schema: %s: text %q does not match the story's bytes [%d,%d) %q", where, *s.Text, s.Start, s.End, d.Text[s.Start:s.End])
		}
		return nil
	}
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	prevEnd := 0
	for i, s := range d.Sentences {
		add(check(fmt.Sprintf("sentences[%d]", i), s))
		if s.Start < prevEnd {
			add(fmt.Errorf("schema: sentences[%d] starts at %d, before the previous sentence ends at %d", i, s.Start, prevEnd))
		}
		prevEnd = s.End
	}
	for i, e := range d.Entities {
		for j, m := range e.Mentions {
			add(check(fmt.Sprintf("entities[%d].mentions[%d]", i, j), m))
		}
	}
	for i, q := range d.Quotes {
		add(check(fmt.Sprintf("quotes[%d].cue", i), q.Cue))
		add(check(fmt.Sprintf("quotes[%d].content", i), q.Content))
	}
	for i, e := range d.Events {
		add(check(fmt.Sprintf("events[%d].trigger", i), e.Trigger))
		add(check(fmt.Sprintf("events[%d].evidence", i), e.Evidence))
	}
	for i, c := range d.Credits {
		add(check(fmt.Sprintf("credits[%d]", i), c))
	}
	for i, t := range d.Times {
		add(check(fmt.Sprintf("times[%d]", i), t))
	}
	for i, t := range d.Tokens {
		add(check(fmt.Sprintf("tokens[%d]", i), t))
	}
	if len(errs) > 0 {
		if len(errs) > 5 {
			errs = append(errs[:5], fmt.Errorf("schema: and %d more offset errors", len(errs)-5))
		}
		return joinErrs(errs)
	}
	return nil
}

func joinErrs(errs []error) error {
	var b bytes.Buffer
	for i, e := range errs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return fmt.Errorf("%s", b.String())
}
