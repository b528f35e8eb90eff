package plover_test

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/plover"
)

func ExampleScore() {
	gold := `[{"id": "r1", "event": "FIGHT", "text": "Rebels attacked an army post.",
	  "source": [{"actorText": "Rebels", "code": "SDN", "sector": "REB"}],
	  "target": [{"actorText": "army", "code": "SDN", "sector": "MIL"}]}]`
	recs, _, err := plover.Read(strings.NewReader(gold), "gold.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The events a coder found in the record's text.
	events := [][]doc.Event{{
		{CAMEO: "190", Plover: doc.Plover{Type: "ASSAULT"}, Confidence: 0.8,
			Source: doc.Ref{Code: "SDNREB"}, Target: doc.Ref{Code: "SDNGOV"}},
	}}
	res := plover.Score(recs, events)
	fmt.Printf("type %.2f source %.2f (full %.2f) target %.2f (full %.2f)\n",
		res.TypeAccuracy, res.SourceAccuracy, res.SourceFullAccuracy, res.TargetAccuracy, res.TargetFullAccuracy)
	// Output:
	// type 1.00 source 1.00 (full 1.00) target 1.00 (full 0.00)
}
