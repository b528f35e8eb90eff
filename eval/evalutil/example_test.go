package evalutil_test

import (
	"os"

	"github.com/wirecoder/wirecoder/eval/evalutil"
)

func ExampleWriteReliabilityMarkdown() {
	r := evalutil.NewReliability(5)
	for _, x := range []struct {
		conf  float64
		right bool
	}{{0.9, true}, {0.85, true}, {0.82, false}, {0.45, true}, {0.3, false}, {0.1, false}} {
		r.Add(x.conf, x.right)
	}
	evalutil.WriteReliabilityMarkdown(os.Stdout, r.Buckets())
	// Output:
	// | confidence | top events | right | share right | mean confidence |
	// |---|---:|---:|---:|---:|
	// | 0.00-0.20 | 1 | 0 | 0.000 | 0.100 |
	// | 0.20-0.40 | 1 | 0 | 0.000 | 0.300 |
	// | 0.40-0.60 | 1 | 1 | 1.000 | 0.450 |
	// | 0.60-0.80 | 0 | 0 | 0.000 | 0.000 |
	// | 0.80-1.00 | 3 | 2 | 0.667 | 0.857 |
	//
	// Expected calibration error: 0.253
}
