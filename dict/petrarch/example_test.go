package petrarch_test

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
)

func ExampleReadVerbs() {
	v, err := petrarch.ReadVerbs(strings.NewReader(`
&CURRENCY
+DOLLAR

--- GRANT [070] ---
GIVE {GAVE GIVEN GIVING}
- * &CURRENCY [071]
- * BROKEN
`), "example.verbs")
	fmt.Println(err)
	vb := v.Lookup("GAVE")[0]
	fmt.Println(vb.Words, vb.Code, vb.Block.Patterns[0].After[0].Text, vb.Block.Patterns[0].Code)
	// Output:
	// read verbs: example.verbs:8: pattern: no [code] in "* BROKEN"
	// [GIVE] 070 &CURRENCY 071
}

func ExampleActor_CodeOn() {
	a := petrarch.NewActors()
	a.ReadActors(strings.NewReader("GOLLUM\n+SMEAGOL\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\n"), "example.actors")
	act, _ := a.Match([]string{"SMEAGOL"})
	fmt.Println(act.CodeOn(19900101), act.CodeOn(19970101), act.CodeOn(20050101) == "")
	// Output: HOB HOBGOV true
}
