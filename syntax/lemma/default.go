package lemma

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed model/lemma.txt.gz
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Lemmatizer, error) {
	return Load(bytes.NewReader(defaultModel))
})

// Default returns the embedded lemmatizer trained on UD English EWT. It is
// loaded once, on first use, and shared.
func Default() (*Lemmatizer, error) { return loadDefault() }
