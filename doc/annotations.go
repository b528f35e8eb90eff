package doc

// EntityType is the coarse type of an entity: PER, ORG, LOC, GPE, NORP or
// GROUP, as in the v1 output contract.
type EntityType uint8

// The entity types of the v1 contract.
const (
	TypeUnknown EntityType = iota
	PER                    // a person
	ORG                    // an organisation, agency, company or armed group
	LOC                    // a place that is not a polity
	GPE                    // a country, state or city as a polity
	NORP                   // a nationality or other group by origin ("Belarusians")
	GROUP                  // several entities referred to together ("the two leaders")
)

var entityTypeNames = [...]string{
	TypeUnknown: "UNKNOWN",
	PER:         "PER",
	ORG:         "ORG",
	LOC:         "LOC",
	GPE:         "GPE",
	NORP:        "NORP",
	GROUP:       "GROUP",
}

// String returns the type's name as used in the output contract.
func (t EntityType) String() string {
	if int(t) < len(entityTypeNames) {
		return entityTypeNames[t]
	}
	return "UNKNOWN"
}

// ParseEntityType returns the type named s, or TypeUnknown.
func ParseEntityType(s string) EntityType {
	for i, n := range entityTypeNames {
		if n == s {
			return EntityType(i)
		}
	}
	return TypeUnknown
}

// MarshalText encodes the type by name.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes a type name.
func (t *EntityType) UnmarshalText(b []byte) error { *t = ParseEntityType(string(b)); return nil }

// MentionKind tells how a mention refers to its entity.
type MentionKind uint8

// The kinds of mentions.
const (
	MentionName    MentionKind = iota // a proper name: "Alexander Lukashenko"
	MentionNominal                    // a description: "the Belarusian president", "border guards"
	MentionPronoun                    // he, it, they, ...
	MentionDemonym                    // "Belarusian", "the Ukrainians"
	MentionMetonym                    // "Minsk", "the Kremlin" standing for a government
)

var mentionKindNames = [...]string{
	MentionName:    "name",
	MentionNominal: "nominal",
	MentionPronoun: "pronoun",
	MentionDemonym: "demonym",
	MentionMetonym: "metonym",
}

// String returns the kind's name.
func (k MentionKind) String() string {
	if int(k) < len(mentionKindNames) {
		return mentionKindNames[k]
	}
	return "unknown"
}

// MarshalText encodes the kind by name.
func (k MentionKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Actor is a CAMEO-style actor code with its parts: "BLRGOV" is country
// "BLR" and sector "GOV".
type Actor struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

// IsZero reports whether the actor is unset.
func (a Actor) IsZero() bool { return a.Code == "" }

// Mention is one reference in the text to an entity: a name, a description,
// a pronoun, a demonym or a metonym.
type Mention struct {
	Span
	First, Last int // token range [First, Last)
	Sent        int // sentence index
	Kind        MentionKind
	Type        EntityType
	// Actor is the code this mention resolves to on its own, if any.
	Actor Actor
	// Entity is the index into Doc.Entities of the entity the mention
	// refers to, or -1 when unresolved.
	Entity int
	// Source names where the mention came from: "ner", "kb", "coref".
	Source string
}

// Entity is one real-world actor referred to in the story, with all its
// mentions.
type Entity struct {
	ID    string // "E1", "E2", ...
	Name  string // canonical name
	Type  EntityType
	Actor Actor
	// Mentions are indexes into Doc.Mentions, in text order.
	Mentions []int
	// Members lists, for a GROUP entity, the indexes of the entities it
	// stands for ("the two leaders").
	Members []int
}

// TimeExpr is a time expression normalised against the story date.
type TimeExpr struct {
	Span
	Sent int
	// Value is the normalised date: YYYY, YYYY-MM or YYYY-MM-DD; for a range,
	// its start.
	Value string
	// Until is the end of a range ("since 1994" has Value 1994 and Until
	// the story date), or "".
	Until string
	// Future reports an expression that points forward ("in the coming
	// days").
	Future bool
}

// Place is a geocoded place mention.
type Place struct {
	Span
	Sent    int
	Name    string
	Country string // ISO alpha-3
	Lat     float64
	Lon     float64
	// Countries lists the countries a border or region mention is tied to.
	Countries []string
}

// Ref refers to an actor as the output contract does: the entity id, the
// text of the mention and the resolved code.
type Ref struct {
	Entity string `json:"entity"`
	Text   string `json:"text"`
	Code   string `json:"code"`
	// Span locates the mention that the reference was made through; it is
	// not part of the JSON contract.
	Span Span `json:"-"`
}

// QuoteKind tells whether a quote is direct, indirect or mixed.
type QuoteKind uint8

// The kinds of quotes.
const (
	Direct QuoteKind = iota
	Indirect
	Mixed
)

var quoteKindNames = [...]string{Direct: "direct", Indirect: "indirect", Mixed: "mixed"}

// String returns the kind's name.
func (k QuoteKind) String() string {
	if int(k) < len(quoteKindNames) {
		return quoteKindNames[k]
	}
	return "direct"
}

// MarshalText encodes the kind by name.
func (k QuoteKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Stance is the attitude of a source to what it states.
type Stance uint8

// The stances.
const (
	Assert Stance = iota
	Deny
	Uncertain
)

var stanceNames = [...]string{Assert: "assert", Deny: "deny", Uncertain: "uncertain"}

// String returns the stance's name.
func (s Stance) String() string {
	if int(s) < len(stanceNames) {
		return stanceNames[s]
	}
	return "assert"
}

// ParseStance returns the stance named s and whether it is known.
func ParseStance(s string) (Stance, bool) {
	for i, n := range stanceNames {
		if n == s {
			return Stance(i), true
		}
	}
	return Assert, false
}

// MarshalText encodes the stance by name.
func (s Stance) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Quote is a piece of reported speech.
type Quote struct {
	ID      string
	Kind    QuoteKind
	Speaker Ref
	// Via is the attribution chain, outermost first: in "BelTA quoted him
	// as saying", Via is [BelTA] and Speaker is him.
	Via       []Ref
	Cue       Span
	Content   Span
	Stance    Stance
	Channel   string // "statement posted online", "interview", ...
	Addressee string // "regional officials"
	Sent      int
}

// Modality is the status of an event: asserted as fact, intended, hoped for
// and so on.
type Modality uint8

// The modalities.
const (
	Asserted Modality = iota
	Intended
	Hoped
	Threatened
	Hypothetical
	Demanded
	Possible
)

var modalityNames = [...]string{
	Asserted:     "asserted",
	Intended:     "intended",
	Hoped:        "hoped",
	Threatened:   "threatened",
	Hypothetical: "hypothetical",
	Demanded:     "demanded",
	Possible:     "possible",
}

// String returns the modality's name.
func (m Modality) String() string {
	if int(m) < len(modalityNames) {
		return modalityNames[m]
	}
	return "asserted"
}

// MarshalText encodes the modality by name.
func (m Modality) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// Plover is an event's PLOVER coding.
type Plover struct {
	Type    string   `json:"type"`
	Mode    string   `json:"mode"`
	Context []string `json:"context"`
}

// Event is one coded event.
type Event struct {
	ID        string
	Source    Ref
	Target    Ref
	CAMEO     string // "0874"
	Goldstein float64
	Plover    Plover
	Negated   bool
	Modality  Modality
	// Historical reports an event dated before the story's reporting
	// window.
	Historical bool
	Date       string // YYYY-MM or YYYY-MM-DD
	Place      Place
	HasPlace   bool
	// ClaimedBy lists who says the event happened, outermost first.
	ClaimedBy  []Ref
	Quote      string // id of the quote whose content holds the event
	Sent       int
	Trigger    Span
	Evidence   Span
	Confidence float64
	// Mentions lists further evidence spans when one event is told in
	// several sentences.
	Mentions []Span
}

// Root returns the two-digit CAMEO root of the event's code.
func (e Event) Root() string {
	if len(e.CAMEO) < 2 {
		return e.CAMEO
	}
	return e.CAMEO[:2]
}

// Quad returns the CAMEO quad class: 1 verbal cooperation (01-05), 2
// material cooperation (06-08), 3 verbal conflict (09-13), 4 material
// conflict (14-20); 0 when the code is malformed.
func (e Event) Quad() int { return QuadOf(e.CAMEO) }

// QuadOf returns the quad class of a CAMEO code (see Event.Quad).
func QuadOf(code string) int {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return 0
	}
	r := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case r >= 9 && r <= 13:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return 0
}

// Claim is a proposition put forward by a source with a stance, linked to
// the event it states and to the claims that contradict it.
type Claim struct {
	ID          string
	By          Ref
	Stance      Stance
	Event       string   // event id
	Contradicts []string // claim ids
	Quote       string   // quote id the claim was made in, or ""
}
