package cameo_test

import (
	"fmt"

	"github.com/wirecoder/wirecoder/cameo"
)

func Example() {
	code := "0874"
	g, _ := cameo.Goldstein(code)
	p := cameo.Plover(code)
	fmt.Println(cameo.Name(code), cameo.Root(code), cameo.Quad(code), g)
	fmt.Println(p.Type, p.Mode, p.Context)
	// Output:
	// Retreat or surrender militarily 08 2 10
	// RETREAT disarm [military]
}
