package tabari

import (
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

const sample = `# header
000101  START-00
Validation suite.
/*\n---
\n{+++}  */

950101  TIME-Modify
Changing options.
/*\n{ OPTION: SET: TIME SHIFT = FALSE } */

950103  DEMO-04
Dagolath's minister left for
Minas Tirith.
/*\n-----
\n[Paired events]
\n{ DAG / GON / 032 } 950103
\n-{ GON / DAG / 033 } 950103   */
`

func TestRead(t *testing.T) {
	recs, err := Read(strings.NewReader(sample), "v.text")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	if !recs[0].NoEvents || recs[0].ID != "START-00" || recs[0].Line != 2 || recs[0].Category() != "START" {
		t.Errorf("record 0 = %+v", recs[0])
	}
	if len(recs[1].Options) != 1 || recs[1].Options[0] != "SET: TIME SHIFT = FALSE" {
		t.Errorf("options = %v", recs[1].Options)
	}
	r := recs[2]
	if r.Text != "Dagolath's minister left for Minas Tirith." || r.Date != "950103" || len(r.Expected) != 1 || len(r.Disabled) != 1 {
		t.Errorf("record 2 = %+v", r)
	}
	if r.Expected[0].Source != "DAG" || r.Expected[0].Target != "GON" || r.Expected[0].Code != "032" {
		t.Errorf("coding = %+v", r.Expected[0])
	}
	_, err = Read(strings.NewReader("950101  X-1\ntext\n/* { A / B } */\n"), "bad.text")
	if se, ok := err.(*SyntaxError); !ok || se.Line != 1 {
		t.Errorf("bad coding error = %v", err)
	}
	_, err = Read(strings.NewReader("950101  X-1\ntext\n/* { A / B / C }\n"), "open.text")
	if se, ok := err.(*SyntaxError); !ok || se.Line != 1 {
		t.Errorf("open comment error = %v", err)
	}
}

func TestValidateText(t *testing.T) {
	recs, err := ReadFile(shared.Path(t, "data/tabari/Validate.text"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 460 {
		t.Errorf("%d records", len(recs))
	}
	coded := 0
	for _, r := range recs {
		if len(r.Expected) > 0 {
			coded++
		}
	}
	if coded < 300 {
		t.Errorf("only %d records expect events", coded)
	}
}
