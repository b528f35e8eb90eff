package ingest_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
)

var genStop = strings.Fields("the of and to in a that is was for on with as by it at from he said his has had not but be were are its their they this which an have would after been who will")
var genWords = strings.Fields(`border troops minister government officials security talks agreement army region country president
	parliament election protest police capital villages bridge river supplies energy prices ministry defence foreign
	envoy summit meeting statement report week month year spokesman agency forces units drills exercise aid convoy
	trade grain port railway pipeline sanctions court judge lawyers journalists reporters crowd square city district
	province coast island airport station market factory workers union strike farmers harvest weather flood storm fire
	hospital doctors school students teachers church leaders council committee commission inquiry evidence witness
	document letter decree law budget tax bank currency debt loan investors company contract deal plan proposal
	offer demand warning threat attack strike shelling drone missile rocket artillery tank soldier officer general
	colonel commander brigade division battalion patrol checkpoint camp base headquarters negotiators ceasefire truce`)

// genStory returns a deterministic story of about n words; with trigger it
// holds a sentence the rule coder codes.
func genStory(r *rand.Rand, n int, trigger bool) string {
	var b strings.Builder
	words := 0
	if trigger {
		b.WriteString("Belarus accused Ukraine on Friday of massing soldiers, and said it had moved extra units to the border. ")
		words += 18
	}
	for words < n {
		l := 8 + r.Intn(14)
		for i := 0; i < l; i++ {
			w := genWords[r.Intn(len(genWords))]
			if r.Intn(10) < 4 {
				w = genStop[r.Intn(len(genStop))]
			}
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i < l-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		words += l
		if r.Intn(6) == 0 {
			b.WriteString("\n")
		}
	}
	return strings.TrimSpace(b.String())
}

// writeCorpus writes n generated stories as JSONL and returns the path.
func writeCorpus(t testing.TB, dir string, n, words int, seed int64) string {
	r := rand.New(rand.NewSource(seed))
	p := dir + "/corpus.jsonl"
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := 0; i < n; i++ {
		rec := map[string]string{"id": fmt.Sprintf("g%05d", i), "date": "2024-07-12", "source": "gen",
			"text": genStory(r, words, i%2 == 0)}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}
