// Package pipeline assembles wirecoder's stages into one pipeline: the one
// entry point of the Go library.
package pipeline

import (
	"context"
	"fmt"

	"github.com/wirecoder/wirecoder/doc"
)

// Stage is one step of the pipeline: it reads the layers it needs from the
// Doc and adds its own. It never re-tokenizes.
type Stage interface {
	Process(ctx context.Context, d *doc.Doc) error
}

// StageFunc adapts a function to the Stage interface.
type StageFunc func(ctx context.Context, d *doc.Doc) error

// Process calls f.
func (f StageFunc) Process(ctx context.Context, d *doc.Doc) error { return f(ctx, d) }

// Step is a Stage with its name and the layers it requires and assigns.
type Step struct {
	Name     string
	Requires doc.Layer
	Assigns  doc.Layer
	Stage    Stage
}

// Error is a failure of one stage on one document.
type Error struct {
	Op    string // "build" or the stage's name
	DocID string
	Err   error
}

// Error formats the error with the stage and document.
func (e *Error) Error() string {
	if e.DocID == "" {
		return fmt.Sprintf("pipeline %s: %v", e.Op, e.Err)
	}
	return fmt.Sprintf("pipeline %s: story %q: %v", e.Op, e.DocID, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Pipeline runs its steps in order over each document. It holds no mutable
// state and is safe for concurrent use.
type Pipeline struct {
	steps []Step
}

// New checks that every step's required layers are assigned by an earlier
// step and returns the pipeline.
func New(steps ...Step) (*Pipeline, error) {
	var have doc.Layer
	for _, s := range steps {
		if s.Stage == nil {
			return nil, &Error{Op: "build", Err: fmt.Errorf("step %q has no stage", s.Name)}
		}
		if miss := have.Missing(s.Requires); miss != 0 {
			return nil, &Error{Op: "build", Err: fmt.Errorf("step %q requires %s, which no earlier step assigns", s.Name, miss)}
		}
		have |= s.Assigns
	}
	return &Pipeline{steps: steps}, nil
}

// Steps returns the pipeline's steps.
func (p *Pipeline) Steps() []Step { return append([]Step(nil), p.steps...) }

// Layers returns every layer the pipeline assigns.
func (p *Pipeline) Layers() doc.Layer {
	var l doc.Layer
	for _, s := range p.steps {
		l |= s.Assigns
	}
	return l
}

// Run applies every step to d. A step's failure stops the run; the layers
// already added stay on d as a partial result.
func (p *Pipeline) Run(ctx context.Context, d *doc.Doc) error {
	for _, s := range p.steps {
		if err := ctx.Err(); err != nil {
			return &Error{Op: s.Name, DocID: d.ID, Err: err}
		}
		if err := s.Stage.Process(ctx, d); err != nil {
			return &Error{Op: s.Name, DocID: d.ID, Err: err}
		}
		d.Layers |= s.Assigns
	}
	return nil
}
