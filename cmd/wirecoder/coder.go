package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/wirecoder/wirecoder/actor"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/event"
	"github.com/wirecoder/wirecoder/ingest"
	"github.com/wirecoder/wirecoder/ner"
	"github.com/wirecoder/wirecoder/pipeline"
	"github.com/wirecoder/wirecoder/quote"
	"github.com/wirecoder/wirecoder/syntax/parser"
	"github.com/wirecoder/wirecoder/syntax/tagger"
	"github.com/wirecoder/wirecoder/text"
	"github.com/wirecoder/wirecoder/when"
	"github.com/wirecoder/wirecoder/where"
)

// coderOptions selects what the coding pipeline loads.
type coderOptions struct {
	actorFiles []string // extra actor dictionaries (--actors)
	// warn reports problems that do not stop the build, such as lines of
	// an actor file that were skipped; nil drops them.
	warn func(error)
}

// newPipeline assembles the coding pipeline from the stages wirecoder has.
// It is the one place where stages are wired together; the pipeline checks
// that each stage's required layers come from an earlier one.
func newPipeline(o coderOptions) (*pipeline.Pipeline, error) {
	steps, err := pipelineSteps(o)
	if err != nil {
		return nil, err
	}
	return pipeline.New(steps...)
}

func pipelineSteps(o coderOptions) ([]pipeline.Step, error) {
	kb, err := actor.WithFiles(o.actorFiles...)
	if err != nil {
		if kb == nil {
			return nil, fmt.Errorf("load actor knowledge base: %w", err)
		}
		if o.warn != nil {
			o.warn(err)
		}
	}
	nerModel, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	tg, err := tagger.Default()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	ps, err := parser.Default()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	verbs, err := event.DefaultVerbs()
	if err != nil {
		return nil, fmt.Errorf("load event dictionary: %w", err)
	}
	coder := event.NewCoder(verbs, event.MentionActors{}, event.Options{IntentCodes: true, Nested: true, SubjectOnly: true})
	gaz, err := where.Default()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	steps := []pipeline.Step{
		{Name: "text", Assigns: doc.LayerTokens | doc.LayerSentences, Stage: text.New()},
		{Name: "tagger", Requires: tagger.Requires, Assigns: tagger.Assigns, Stage: tg},
		{Name: "parser", Requires: doc.LayerTokens | doc.LayerSentences | doc.LayerPOS, Assigns: doc.LayerDeps, Stage: ps},
		nerModel.Step(),
		{Name: "actors", Requires: actor.Requires, Assigns: actor.Assigns, Stage: actor.NewResolver(kb)},
		when.New().Step(),
		gaz.Step(),
		{Name: "quotes", Requires: quote.Requires, Assigns: doc.LayerQuotes, Stage: quote.New()},
		coder.Step(),
		{Name: "claims", Requires: quote.ClaimsRequire, Assigns: doc.LayerClaims, Stage: quote.NewClaimer()},
	}
	return steps, nil
}

// codeDoc runs p over d. A stage failure is recorded in d.Errors and also
// returned, so the caller can report it and still print the partial result.
func codeDoc(ctx context.Context, p *pipeline.Pipeline, d *doc.Doc) error {
	if err := p.Run(ctx, d); err != nil {
		d.Errors.Add(-1, "pipeline", err.Error())
		return err
	}
	return nil
}

// pipelineCoder adapts the coding pipeline to ingest.Coder for ingest and
// recode.
type pipelineCoder struct {
	p        *pipeline.Pipeline
	versions map[string]string
}

// newPipelineCoder builds the default pipeline for corpus work.
func newPipelineCoder() (ingest.Coder, error) {
	p, err := newPipeline(coderOptions{})
	if err != nil {
		return nil, err
	}
	return &pipelineCoder{p: p, versions: buildVersions(p)}, nil
}

// Code runs the pipeline over d.
func (c *pipelineCoder) Code(ctx context.Context, d *doc.Doc) error { return codeDoc(ctx, c.p, d) }

// Versions identifies what coded a story: the build that embeds the models
// and dictionaries, and the stages that ran. Every model and dictionary is
// compiled into the binary, so the build's revision names them all.
func (c *pipelineCoder) Versions() map[string]string {
	out := make(map[string]string, len(c.versions))
	for k, v := range c.versions {
		out[k] = v
	}
	return out
}

func buildVersions(p *pipeline.Pipeline) map[string]string {
	rev, modified := "devel", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+dirty"
				}
			}
		}
	}
	var names []string
	for _, s := range p.Steps() {
		names = append(names, s.Name)
	}
	return map[string]string{
		"wirecoder": rev + modified,
		"schema":    doc.SchemaV1,
		"stages":    strings.Join(names, ","),
	}
}
