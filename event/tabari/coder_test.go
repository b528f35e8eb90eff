package tabari

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	dt "github.com/wirecoder/wirecoder/dict/tabari"
	"github.com/wirecoder/wirecoder/doc"
)

const testActors = `<NOUN>
GOATS
SHEEP
</NOUN>
<ADJECTIVE>
BLACK
</ADJECTIVE>
FREEDONIA [FRE]
SYLVANIA [SYL]
MARXONIA [MRX]
RUFUS [FREGOV 330101-331231] [FRE]
TRENTINO [SYL <321231] [---]
DUCK_SOUP_FESTIVAL [###]
GEORGIA [+++]
WEST_AND_EAST_PONTEVEDRO [PTW/PTE]
`

const testAgents = `AMBASSADOR_ [~GOV]
MINISTER_ [~GOV]
REBELS_ [~REB]
`

const testVerbs = `<TIME>
YESTERDAY [-1]
WHEN_PIGS_FLY [+++]
</TIME>
ATTACK [190]
- * WITH GOATS [---]
MEET [031:031]
{MET_}
- % * IN [036]
VISIT [042:043]
RESCUE [066]
- + WAS * BY $ [066]
ACCUSE [112]
SAID [023?]
PRAISE [051]
- * ^ FOR + [052]
WARN [160]
REJECT [120]
`

func testCoder(t testing.TB, options string) *Coder {
	t.Helper()
	a, p1, err := dt.ReadActors(strings.NewReader(testActors), "test.actors")
	if err != nil || len(p1) > 0 {
		t.Fatalf("actors: %v %v", err, p1)
	}
	ag, p2, err := dt.ReadAgents(strings.NewReader(testAgents), "test.agents")
	if err != nil || len(p2) > 0 {
		t.Fatalf("agents: %v %v", err, p2)
	}
	v, p3, err := dt.ReadVerbs(strings.NewReader(testVerbs), "test.verbs")
	if err != nil || len(p3) > 0 {
		t.Fatalf("verbs: %v %v", err, p3)
	}
	// short test sentences: lift TABARI's default minimum of 8 words
	o, p4, err := dt.ReadOptions(strings.NewReader("SET: MINIMUM WORDS = 0\n"+options), "test.options")
	if err != nil || len(p4) > 0 {
		t.Fatalf("options: %v %v", err, p4)
	}
	return New(Dictionaries{Actors: []*dt.Actors{a}, Agents: [][]dt.Agent{ag}, Verbs: []*dt.Verbs{v}}, o)
}

func events(r Result) string {
	if r.Discard {
		return "###"
	}
	if r.Complex {
		return "+++"
	}
	var s []string
	for _, e := range r.Events {
		s = append(s, e.Source+"/"+e.Target+"/"+e.Code)
	}
	return strings.Join(s, " ")
}

func TestCodeSentence(t *testing.T) {
	c := testCoder(t, "COMPLEX: VERBS[5] NOACTPRIOR\n")
	tests := []struct {
		name, text string
		date       int
		want       string
	}{
		{"simple", "Freedonia accused Sylvania of spying.", 0, "FRE/SYL/112"},
		{"stem", "Freedonian troops attacked Sylvanian positions.", 0, "FRE/SYL/190"},
		{"paired", "Freedonia will visit Sylvania next week.", 0, "FRE/SYL/042 SYL/FRE/043"},
		{"compound target", "Freedonia accused Sylvania and Marxonia of spying.", 0, "FRE/SYL/112 FRE/MRX/112"},
		{"compound source", "Freedonia and Marxonia accused Sylvania.", 0, "FRE/SYL/112 MRX/SYL/112"},
		{"pattern compound", "Freedonia and Sylvania met in Marxonia.", 0, "FRE/SYL/036 SYL/FRE/036"},
		{"pattern slots", "Sylvania was rescued by Freedonia.", 0, "FRE/SYL/066"},
		{"passive", "Sylvania was accused by Freedonia.", 0, "FRE/SYL/112"},
		{"null pattern", "Freedonia attacked with goats the border of Sylvania.", 0, ""},
		{"skip", "Freedonia praised Marxonia for Sylvania.", 0, "FRE/SYL/052"},
		{"agent after", "The Freedonian ambassador accused Sylvania.", 0, "FREGOV/SYL/112"},
		{"agent before of", "The ambassador of Freedonia accused Sylvania.", 0, "FREGOV/SYL/112"},
		{"agent prefix stays", "Sylvanian rebels accused Freedonia.", 0, "SYLREB/FRE/112"},
		{"former", "Former Freedonian minister accused Sylvania.", 0, "FREELI/SYL/112"},
		{"date in range", "Rufus accused Sylvania.", 19330601, "FREGOV/SYL/112"},
		{"date default", "Rufus accused Sylvania.", 19400101, "FRE/SYL/112"},
		{"date null", "Trentino accused Freedonia.", 19400101, "+++"},
		{"coded compound", "West and East Pontevedro accused Sylvania.", 0, "PTW/SYL/112 PTE/SYL/112"},
		{"discard", "Freedonia accused Sylvania at the Duck Soup Festival.", 0, "###"},
		{"complex actor", "Freedonia accused Georgia.", 0, "+++"},
		{"no actor prior", "Yesterday accused Freedonia of spying on Sylvania.", 0, "+++"},
		{"subordinate", "Freedonia said it rejected Sylvania's offer.", 0, "FRE/SYL/120"},
		{"subordinate alone", "Freedonia said Sylvania was ready.", 0, "FRE/SYL/023"},
		{"determiner noun", "Freedonia condemned the attack on Sylvania.", 0, ""},
		{"capital noun", "Freedonia read the Sylvanian Attack report.", 0, ""},
		{"comma clause", "Freedonia, which Marxonia praised last week, accused Sylvania.", 0, "FRE/SYL/112"},
		{"end clause", "Freedonia accused Sylvania, the official Marxonian agency said.", 0, "FRE/SYL/112"},
		{"two clauses", "Freedonia accused Sylvania and then warned Marxonia.", 0, "FRE/SYL/112 FRE/MRX/160"},
		{"pronoun", "Freedonia said it would visit Sylvania.", 0, "FRE/SYL/042 SYL/FRE/043"},
		{"two-word clause", "Freedonia accused Sylvania and warned Marxonia.", 0, "FRE/SYL/112"},
		{"noun compound", "Freedonia accused sheep and black goats of Sylvania.", 0, "FRE/SYL/112"},
		{"no source in an earlier clause", "Freedonia sent sheep and black goats and then accused Sylvania.", 0, ""},
		{"empty", "", 0, ""},
		{"minimum words", "Freedonia accused Sylvania.", 0, "FRE/SYL/112"},
		{"no verb, no actor: complex under NOACTPRIOR", ",,, ; \"\" ...", 0, "+++"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := events(c.CodeSentence(tc.text, tc.date, nil))
			if got != tc.want {
				t.Errorf("%q\n got  %q\n want %q\n%s", tc.text, got, tc.want, c.Parse(tc.text, tc.date, nil))
			}
		})
	}
}

func TestOptions(t *testing.T) {
	c := testCoder(t, "")
	o := c.Options()
	if err := o.Apply("SET: MINIMUM WORDS = 5"); err != nil {
		t.Fatal(err)
	}
	if got := events(c.CodeSentence("Freedonia accused Sylvania.", 0, o)); got != "" {
		t.Errorf("below MINIMUM WORDS: %q", got)
	}
	if err := o.Apply("SET: MINIMUM WORDS = 0"); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply("DEFAULT: SOURCE [SRC] PRIOR TARGET [TAR] AFTER"); err != nil {
		t.Fatal(err)
	}
	if got := events(c.CodeSentence("Yesterday they accused somebody.", 0, o)); got != "SRC/TAR/112" {
		t.Errorf("defaults: %q", got)
	}
	if err := o.Apply("SET: CODE BY SENTENCE"); err != nil {
		t.Fatal(err)
	}
	if got := events(c.CodeSentence("Freedonia accused Sylvania and then warned Marxonia.", 0, o)); got != "FRE/SYL/112" {
		t.Errorf("code by sentence: %q", got)
	}
	if got := events(c.CodeSentence("Freedonia accused Sylvania and then warned Marxonia.", 0, nil)); got != "FRE/SYL/112 FRE/MRX/160" {
		t.Errorf("coder options changed by Apply on a copy: %q", got)
	}
	// forwarding
	r := c.CodeSentence("Freedonia accused Sylvania.", 0, nil)
	if r.Forward == nil || r.Forward.Codes[0] != "FRE" {
		t.Fatalf("forward %+v", r.Forward)
	}
	if got := events(c.CodeForward("He also warned Marxonia.", 0, nil, r.Forward)); got != "FRE/MRX/160" {
		t.Errorf("forwarded pronoun: %q", got)
	}
}

func TestTimeShift(t *testing.T) {
	c := testCoder(t, "")
	r := c.CodeSentence("Yesterday Freedonia accused Sylvania.", 19330101, nil)
	if !r.Shifted || r.DateShift != -1 || r.Date != 19321231 || events(r) != "FRE/SYL/112" {
		t.Errorf("shift: %+v", r)
	}
	if r := c.CodeSentence("When pigs fly Freedonia will accuse Sylvania.", 19330101, nil); !r.Complex {
		t.Errorf("complex time phrase: %+v", r)
	}
	o := c.Options()
	if err := o.Apply("SET: TIME SHIFT = FALSE"); err != nil {
		t.Fatal(err)
	}
	if r := c.CodeSentence("Yesterday Freedonia accused Sylvania.", 19330101, o); r.Shifted || r.Date != 19330101 || c.TimeShifting(o) {
		t.Errorf("time shift off: %+v", r)
	}
}

func TestVerbSpan(t *testing.T) {
	c := testCoder(t, "")
	text := "Freedonia, in a statement, accused Sylvania."
	r := c.CodeSentence(text, 0, nil)
	if len(r.Events) != 1 {
		t.Fatalf("events %+v", r.Events)
	}
	if r.Events[0].Verb != (doc.Span{Start: 27, End: 34}) {
		t.Errorf("verb span %+v, want [27,34) %q", r.Events[0].Verb, text[27:34])
	}
}

func TestProcess(t *testing.T) {
	c := testCoder(t, "")
	d := doc.New("s1", "Freedonia accused Sylvania.")
	d.Date = "1933-05-01"
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("events %+v", d.Events)
	}
	e := d.Events[0]
	if e.Source.Code != "FRE" || e.Target.Code != "SYL" || e.CAMEO != "112" || e.Trigger != (doc.Span{Start: 10, End: 17}) || e.ID != "s1-tabari-1" {
		t.Errorf("event %+v", e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Process(ctx, doc.New("s2", "Freedonia accused Sylvania.")); err == nil {
		t.Error("Process ignored a cancelled context")
	}
}

func TestConcurrent(t *testing.T) {
	c := testCoder(t, "")
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if got := events(c.CodeSentence("Freedonia accused Sylvania and Marxonia.", 0, nil)); got != "FRE/SYL/112 FRE/MRX/112" {
					errs <- fmt.Sprintf("goroutine %d: %q", i, got)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzCodeSentence(f *testing.F) {
	c := testCoder(f, "COMPLEX: VERBS[5] NOACTPRIOR\n")
	f.Add("Freedonia and Sylvania met in Marxonia, officials said.")
	f.Add("It said they, the rebels of Sylvania and, Freedonia was rescued by ,")
	f.Fuzz(func(t *testing.T, s string) {
		r := c.CodeSentence(s, 19330101, nil)
		for _, e := range r.Events {
			if e.Verb.Start < 0 || e.Verb.End > len(s) || e.Verb.Start > e.Verb.End {
				t.Fatalf("verb span %+v outside %q", e.Verb, s)
			}
		}
	})
}
