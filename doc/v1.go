package doc

import (
	"encoding/json"
	"fmt"
	"io"
)

// SchemaV1 is the value of the "schema" field of a v1 document.
const SchemaV1 = "wirecoder/v1"

// V1 is a story in the v1 output contract (docs/output.md,
// schema/wirecoder-v1.schema.json). Field names are the contract: fields may
// be added, never renamed. List fields are never null.
type V1 struct {
	Schema    string       `json:"schema"`
	ID        string       `json:"id"`
	Title     string       `json:"title"`
	Date      string       `json:"date"`
	Source    string       `json:"source"`
	URL       string       `json:"url"`
	Text      string       `json:"text"`
	Sentences []V1Sentence `json:"sentences"`
	Entities  []V1Entity   `json:"entities"`
	Quotes    []V1Quote    `json:"quotes"`
	Events    []V1Event    `json:"events"`
	Claims    []V1Claim    `json:"claims"`

	// Additions beyond the DESIGN.md contract.
	Credits []V1Credit `json:"credits"`
	Times   []V1Time   `json:"times"`
	Errors  []V1Error  `json:"errors"`
	Tokens  []V1Token  `json:"tokens,omitempty"`
}

// V1Sentence is a sentence of the story.
type V1Sentence struct {
	Index int `json:"index"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// V1Entity is an entity with its resolved actor and its mentions.
type V1Entity struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Type     string      `json:"type"`
	Actor    Actor       `json:"actor"`
	Mentions []V1Mention `json:"mentions"`
	Members  []string    `json:"members,omitempty"`
}

// V1Mention is one mention of an entity.
type V1Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Kind     string `json:"kind,omitempty"`
}

// V1Span is a span with its text.
type V1Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// V1Quote is a quote.
type V1Quote struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Speaker   Ref    `json:"speaker"`
	Via       []Ref  `json:"via"`
	Cue       V1Span `json:"cue"`
	Content   V1Span `json:"content"`
	Stance    string `json:"stance"`
	Channel   string `json:"channel"`
	Addressee string `json:"addressee"`
	Sentence  int    `json:"sentence"`
}

// V1Place is an event's place.
type V1Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// V1Event is a coded event.
type V1Event struct {
	ID         string  `json:"id"`
	Source     Ref     `json:"source"`
	Target     Ref     `json:"target"`
	CAMEO      string  `json:"cameo"`
	Root       string  `json:"root"`
	Quad       int     `json:"quad"`
	Goldstein  float64 `json:"goldstein"`
	Plover     Plover  `json:"plover"`
	Negated    bool    `json:"negated"`
	Modality   string  `json:"modality"`
	Historical bool    `json:"historical"`
	Date       string  `json:"date"`
	Place      V1Place `json:"place"`
	ClaimedBy  []Ref   `json:"claimed_by"`
	Quote      string  `json:"quote"`
	Sentence   int     `json:"sentence"`
	Trigger    V1Span  `json:"trigger"`
	Evidence   Span    `json:"evidence"`
	Confidence float64 `json:"confidence"`
	Mentions   []Span  `json:"mentions,omitempty"`
}

// V1Claim is a claim.
type V1Claim struct {
	ID          string   `json:"id"`
	By          Ref      `json:"by"`
	Stance      string   `json:"stance"`
	Event       string   `json:"event"`
	Contradicts []string `json:"contradicts"`
	Quote       string   `json:"quote,omitempty"`
}

// V1Credit is a story-level credit or dateline.
type V1Credit struct {
	Kind    string   `json:"kind"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// V1Time is a normalised time expression.
type V1Time struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Value    string `json:"value"`
	Sentence int    `json:"sentence"`
}

// V1Error is a positioned problem found in the input.
type V1Error struct {
	Offset  int    `json:"offset"`
	Op      string `json:"op"`
	Message string `json:"message"`
}

// V1Token is a token with its syntax and NER layers; emitted only when
// asked for (the --detail flag).
type V1Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	UPOS  string `json:"upos,omitempty"`
	XPOS  string `json:"xpos,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	Head  int    `json:"head"`
	Dep   string `json:"dep,omitempty"`
	NER   string `json:"ner,omitempty"`
	Sent  int    `json:"sentence"`
}

// V1Options controls what ToV1 includes beyond the contract.
type V1Options struct {
	Tokens bool // include the token layer
}

func (d *Doc) span(s Span) V1Span { return V1Span{s.Start, s.End, d.Slice(s)} }

// ToV1 renders the document in the v1 output contract. The result is
// deterministic: the same Doc always gives the same value.
func (d *Doc) ToV1(opt V1Options) *V1 {
	v := &V1{
		Schema: SchemaV1, ID: d.ID, Title: d.Title, Date: d.Date,
		Source: d.Source, URL: d.URL, Text: d.Text,
		Sentences: make([]V1Sentence, 0, len(d.Sentences)),
		Entities:  make([]V1Entity, 0, len(d.Entities)),
		Quotes:    make([]V1Quote, 0, len(d.Quotes)),
		Events:    make([]V1Event, 0, len(d.Events)),
		Claims:    make([]V1Claim, 0, len(d.Claims)),
		Credits:   make([]V1Credit, 0, len(d.Credits)),
		Times:     make([]V1Time, 0, len(d.Times)),
		Errors:    make([]V1Error, 0, len(d.Errors)),
	}
	for i, s := range d.Sentences {
		v.Sentences = append(v.Sentences, V1Sentence{i, s.Start, s.End})
	}
	for _, e := range d.Entities {
		ve := V1Entity{ID: e.ID, Name: e.Name, Type: e.Type.String(), Actor: e.Actor,
			Mentions: make([]V1Mention, 0, len(e.Mentions))}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			ve.Mentions = append(ve.Mentions, V1Mention{m.Start, m.End, d.Slice(m.Span), m.Sent, m.Kind.String()})
		}
		for _, mem := range e.Members {
			if mem >= 0 && mem < len(d.Entities) {
				ve.Members = append(ve.Members, d.Entities[mem].ID)
			}
		}
		v.Entities = append(v.Entities, ve)
	}
	for _, q := range d.Quotes {
		v.Quotes = append(v.Quotes, V1Quote{
			ID: q.ID, Kind: q.Kind.String(), Speaker: q.Speaker, Via: nonNilRefs(q.Via),
			Cue: d.span(q.Cue), Content: d.span(q.Content), Stance: q.Stance.String(),
			Channel: q.Channel, Addressee: q.Addressee, Sentence: q.Sent,
		})
	}
	for _, e := range d.Events {
		ve := V1Event{
			ID: e.ID, Source: e.Source, Target: e.Target, CAMEO: e.CAMEO, Root: e.Root(),
			Quad: e.Quad(), Goldstein: e.Goldstein, Plover: e.Plover, Negated: e.Negated,
			Modality: e.Modality.String(), Historical: e.Historical, Date: e.Date,
			ClaimedBy: nonNilRefs(e.ClaimedBy), Quote: e.Quote, Sentence: e.Sent,
			Trigger: d.span(e.Trigger), Evidence: e.Evidence, Confidence: e.Confidence,
			Mentions: e.Mentions,
		}
		if ve.Plover.Context == nil {
			ve.Plover.Context = []string{}
		}
		if e.HasPlace {
			ve.Place = V1Place{e.Place.Name, e.Place.Country, e.Place.Lat, e.Place.Lon}
		}
		v.Events = append(v.Events, ve)
	}
	for _, c := range d.Claims {
		contra := c.Contradicts
		if contra == nil {
			contra = []string{}
		}
		v.Claims = append(v.Claims, V1Claim{c.ID, c.By, c.Stance.String(), c.Event, contra, c.Quote})
	}
	for _, c := range d.Credits {
		src := c.Sources
		if src == nil {
			src = []string{}
		}
		v.Credits = append(v.Credits, V1Credit{c.Kind.String(), c.Start, c.End, d.Slice(c.Span), src})
	}
	for _, t := range d.Times {
		v.Times = append(v.Times, V1Time{t.Start, t.End, d.Slice(t.Span), t.Value, t.Sent})
	}
	for _, e := range d.Errors {
		v.Errors = append(v.Errors, V1Error{e.Offset, e.Op, e.Msg})
	}
	if opt.Tokens {
		v.Tokens = make([]V1Token, 0, len(d.Tokens))
		for i, t := range d.Tokens {
			v.Tokens = append(v.Tokens, V1Token{t.Start, t.End, d.TokenText(i), t.UPOS, t.XPOS, t.Lemma, t.Head, t.Dep, t.NER, t.Sent})
		}
	}
	return v
}

func nonNilRefs(r []Ref) []Ref {
	if r == nil {
		return []Ref{}
	}
	return r
}

// WriteJSON writes v as JSON; indent selects the indented form, otherwise
// one line terminated by a newline.
func (v *V1) WriteJSON(w io.Writer, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode document %q: %w", v.ID, err)
	}
	return nil
}

// ReadV1 decodes one v1 document and checks its schema tag.
func ReadV1(data []byte) (*V1, error) {
	var v V1
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("decode v1 document: %w", err)
	}
	if v.Schema != SchemaV1 {
		return nil, fmt.Errorf("decode v1 document %q: schema is %q, want %q", v.ID, v.Schema, SchemaV1)
	}
	return &v, nil
}
