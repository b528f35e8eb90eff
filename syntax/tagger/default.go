package tagger

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed model/tagger.bin.gz
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(defaultModel))
})

// Default returns the embedded tagger trained on UD English EWT. It is
// loaded once, on first use, and shared; its Process lemmatizes with
// lemma.Default().
func Default() (*Model, error) { return loadDefault() }

// loadFresh loads a new copy of the embedded model (for measuring its size).
func loadFresh() (*Model, error) { return Load(bytes.NewReader(defaultModel)) }
