package doc

import "strings"

// Layer is a set of annotation layers, as a bit mask. Stages declare the
// layers they require and assign; the pipeline checks them when it is built.
type Layer uint32

// The annotation layers.
const (
	LayerTokens    Layer = 1 << iota // Doc.Tokens (offsets, Norm, SpaceAfter)
	LayerSentences                   // Doc.Sentences, Token.Sent, Doc.Credits
	LayerPOS                         // Token.UPOS, Token.XPOS
	LayerLemma                       // Token.Lemma
	LayerDeps                        // Token.Head, Token.Dep
	LayerNER                         // Token.NER
	LayerMentions                    // Doc.Mentions
	LayerEntities                    // Doc.Entities, Mention.Entity (coreference)
	LayerTimes                       // Doc.Times
	LayerPlaces                      // Doc.Places
	LayerQuotes                      // Doc.Quotes
	LayerEvents                      // Doc.Events
	LayerClaims                      // Doc.Claims
	layerEnd
)

var layerNames = []string{
	"tokens", "sentences", "pos", "lemma", "deps", "ner", "mentions",
	"entities", "times", "places", "quotes", "events", "claims",
}

// Has reports whether l holds every layer in m.
func (l Layer) Has(m Layer) bool { return l&m == m }

// Missing returns the layers of m that l lacks.
func (l Layer) Missing(m Layer) Layer { return m &^ l }

// String lists the layers by name, joined with "+"; "none" for the empty set.
func (l Layer) String() string {
	if l == 0 {
		return "none"
	}
	var parts []string
	for i, n := range layerNames {
		if l&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if l&^(layerEnd-1) != 0 {
		parts = append(parts, "unknown")
	}
	return strings.Join(parts, "+")
}
