package lemma_test

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/syntax/lemma"
)

func ExampleLemmatizer_Lemma() {
	l, err := lemma.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	var out []string
	for _, w := range [][3]string{{"withdrew", "VERB", "VBD"}, {"countries", "NOUN", "NNS"}, {"was", "AUX", "VBD"}, {"leaders", "NOUN", "NNS"}} {
		out = append(out, l.Lemma(w[0], w[1], w[2]))
	}
	fmt.Println(strings.Join(out, " "))
	// Output: withdraw country be leader
}
