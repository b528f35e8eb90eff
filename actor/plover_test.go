package actor

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
)

// ploverFloor is the country-level accuracy first measured on the PLOVER
// gold records; see TestPLOVERActors.
const ploverFloor = 0.82

// TestPLOVERActors measures country-level actor attribution on the source
// and target actors of the PLOVER gold standard's development half: for
// each gold actor text found in its sentence, the mention that overlaps it
// most must resolve to the gold country (or to an IGO code for "IGO").
func TestPLOVERActors(t *testing.T) {
	data, err := os.ReadFile(shared.Path(t, "data/plover/PLOVER_GSR_dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		ID     string
		Date   string
		Text   string
		Source json.RawMessage
		Target json.RawMessage
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("PLOVER_GSR_dev.json: %v", err)
	}
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := NewResolver(kb)
	total, found, correct := 0, 0, 0
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		var actors []struct{ ActorText, Code string }
		for _, raw := range []json.RawMessage{r.Source, r.Target} {
			var as []struct{ ActorText, Code string }
			if json.Unmarshal(raw, &as) == nil {
				actors = append(actors, as...)
			}
		}
		if len(actors) == 0 {
			continue
		}
		d := testDoc(r.Text, r.Date)
		if err := res.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		for _, a := range actors {
			total++
			at := strings.Index(r.Text, a.ActorText)
			if at < 0 || a.ActorText == "" {
				continue // an edited or elided actor text ("U.S. ... negotiators")
			}
			end := at + len(a.ActorText)
			best, bestLen := -1, 0
			for i, m := range d.Mentions {
				o := min(end, m.End) - max(at, m.Start)
				if o > bestLen {
					best, bestLen = i, o
				}
			}
			if best < 0 {
				t.Logf("%s: no mention for %q (gold %s)", r.ID, a.ActorText, a.Code)
				continue
			}
			found++
			code := codeOf(d, best)
			got, _ := splitCode(code)
			if strings.HasPrefix(code, "IGO") {
				got = "IGO"
			}
			want := a.Code
			if want == "JAP" { // an old CAMEO spelling of Japan
				want = "JPN"
			}
			if got == want {
				correct++
			} else {
				t.Logf("%s: %q → %q (%s), gold %s", r.ID, a.ActorText, d.Slice(d.Mentions[best].Span), code, a.Code)
			}
		}
	}
	acc := float64(correct) / float64(total)
	t.Logf("PLOVER actors: %d gold, %d with a mention, %d with the gold country: accuracy %.3f (%.3f of those found)",
		total, found, correct, acc, float64(correct)/float64(found))
	if acc < ploverFloor {
		t.Errorf("accuracy %.3f fell below %.3f", acc, ploverFloor)
	}
}
