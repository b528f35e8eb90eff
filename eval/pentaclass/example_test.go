package pentaclass_test

import (
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/pentaclass"
)

func ExampleScore() {
	gold := "Troops shelled the town.\t4\nThe ministers met in Geneva.\t1\n"
	sents, _, err := pentaclass.Read(strings.NewReader(gold), "gold.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	events := [][]doc.Event{
		{{CAMEO: "195", Confidence: 0.9}},
		nil, // no event: predicted as class 0
	}
	res := pentaclass.Score(sents, events)
	fmt.Printf("accuracy %.2f macro-F1 %.2f\n%v\n", res.Accuracy, res.MacroF1, res.Confusion)
	// Output:
	// accuracy 0.50 macro-F1 0.33
	// [[0 0 0 0 0] [1 0 0 0 0] [0 0 0 0 0] [0 0 0 0 0] [0 0 0 0 1]]
}
