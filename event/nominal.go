package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/wirecoder/wirecoder/doc"
)

// Nominal events: an event told by a noun rather than a verb ("the
// February 2022 invasion of Ukraine", "a Ukrainian troop buildup",
// "Russia's withdrawal from Kherson"). The nouns and their codes are in
// the embedded event/data/default.nouns (format in docs/events.md).

//go:embed data/default.nouns
var defaultNounsText string

// NounRole says which participant a noun's "of" modifier names.
type NounRole uint8

const (
	// OfTarget: "the invasion of Ukraine" names the target.
	OfTarget NounRole = iota
	// OfSource: "the withdrawal of Russian troops" names the source.
	OfSource
)

var nounRoleNames = [...]string{OfTarget: "target", OfSource: "source"}

// String returns the role's name as written in the noun dictionary.
func (r NounRole) String() string {
	if int(r) < len(nounRoleNames) {
		return nounRoleNames[r]
	}
	return fmt.Sprintf("NounRole(%d)", int(r))
}

// Noun is one entry of the nominal event dictionary.
type Noun struct {
	Word string // upper-case lemma: INVASION
	Code string // CAMEO code
	Of   NounRole
}

// Nouns is a nominal event dictionary, keyed by upper-case lemma.
type Nouns map[string]Noun

// ReadNouns reads a nominal event dictionary: one noun per line, "LEMMA
// CODE [target|source]", "#" comments. name labels errors.
func ReadNouns(text, name string) (Nouns, error) {
	ns := Nouns{}
	sc := bufio.NewScanner(strings.NewReader(text))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 || len(f) > 3 {
			return nil, &Error{Op: "read nouns", Err: fmt.Errorf("%s:%d: want LEMMA CODE [target|source], got %q", name, line, sc.Text())}
		}
		n := Noun{Word: strings.ToUpper(f[0]), Code: f[1]}
		if !validCode(n.Code) {
			return nil, &Error{Op: "read nouns", Err: fmt.Errorf("%s:%d: %q is not a CAMEO code", name, line, n.Code)}
		}
		if len(f) == 3 {
			switch f[2] {
			case "target":
				n.Of = OfTarget
			case "source":
				n.Of = OfSource
			default:
				return nil, &Error{Op: "read nouns", Err: fmt.Errorf("%s:%d: role %q is neither target nor source", name, line, f[2])}
			}
		}
		ns[n.Word] = n
	}
	if err := sc.Err(); err != nil {
		return nil, &Error{Op: "read nouns", Err: fmt.Errorf("%s: %w", name, err)}
	}
	return ns, nil
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

var (
	nounsOnce sync.Once
	nounsDict Nouns
	nounsErr  error
)

// DefaultNouns returns the embedded nominal event dictionary, read once.
// Callers must not modify it.
func DefaultNouns() (Nouns, error) {
	nounsOnce.Do(func() {
		nounsDict, nounsErr = ReadNouns(defaultNounsText, "event/data/default.nouns")
	})
	return nounsDict, nounsErr
}

// lightVerbs are verbs whose object noun tells the event their subject
// does: "Russia launched an invasion", "imposed sanctions".
var lightVerbs = map[string]bool{
	"LAUNCH": true, "BEGIN": true, "START": true, "STAGE": true, "CONDUCT": true, "CARRY": true,
	"MOUNT": true, "ORDER": true, "CONTINUE": true, "ANNOUNCE": true, "COMPLETE": true,
	"ESCALATE": true, "UNLEASH": true, "INTENSIFY": true, "IMPOSE": true, "SIGN": true,
	"HOLD": true, "DECLARE": true, "EXPAND": true, "STEP": true, "RESUME": true, "PLAN": true,
	"LEVY": true, "PROVIDE": true, "DELIVER": true, "GIVE": true, "OFFER": true, "PLEDGE": true, "SEND": true, "PERFORM": true, "OPEN": true, "MAKE": true, "PAY": true, "ISSUE": true,
}

// postureCode reports codes of protest (14x), military posture (15x
// mobilize), de-escalation (0871-0874) and the intent to de-escalate
// (0356: "we have no intention of fighting"), whose target is often implicit,
// the actor's own forces or a place:
// they are coded with an uncoded target even without AllowMonadic.
func postureCode(code string) bool {
	return strings.HasPrefix(code, "14") || strings.HasPrefix(code, "15") || strings.HasPrefix(code, "087") || code == "0356"
}

// tokenActor returns the actor named by the subtree of token t, if any.
func (c *Coder) tokenActor(a *analysis, t int) (doc.Ref, bool) {
	if t < a.first || t >= a.last {
		return doc.Ref{}, false
	}
	if bi := a.inBlock[t-a.first]; bi >= 0 {
		b := a.blocks[bi]
		if b.nec < 0 && b.head == t && a.nps[b.ne].coded {
			rs := a.refs(binding{ne: b.ne, nec: -1, set: true})
			return rs[0], true
		}
	}
	var toks []int
	var walk func(x int)
	walk = func(x int) {
		toks = append(toks, x)
		for _, k := range a.kids[x-a.first] {
			if d := baseDep(a.tok(k).Dep); d == "acl" || d == "conj" || d == "cc" || d == "punct" || d == "appos" {
				continue
			}
			walk(k)
		}
	}
	walk(t)
	sort.Ints(toks)
	ws := make([]string, 0, len(toks))
	for _, x := range toks {
		if !a.possMarker(x) && !a.punct(x) {
			ws = append(ws, a.wordOf(x))
		}
	}
	p := Phrase{Tokens: toks, Head: t, Words: ws}
	r, ok := c.actors.Actor(a.d, p)
	if !ok || r.Code == "" {
		return doc.Ref{}, false
	}
	if r.Text == "" {
		r.Text = phraseText(a.d, p)
	}
	if r.Span == (doc.Span{}) {
		r.Span = phraseSpan(a.d, p)
	}
	return r, true
}

// caseOf returns the upper-case preposition of nominal modifier t, or "".
func (a *analysis) caseOf(t int) string {
	for _, k := range a.kids[t-a.first] {
		if baseDep(a.tok(k).Dep) == "case" && !a.possMarker(k) {
			return a.wordOf(k)
		}
	}
	return ""
}

// controller returns the subject of verb v's clause, following
// coordination, open complements ("allowed Russia to use": object
// control) and infinitival purpose clauses ("used it to launch"); -1 when
// none.
func (a *analysis) controller(v int) int {
	h := a.clauseHead(v)
	for hop := 0; hop < 5 && h >= a.first && h < a.last; hop++ {
		for _, k := range a.kids[h-a.first] {
			if d := a.tok(k).Dep; baseDep(d) == "nsubj" && d != "nsubj:pass" && d != "nsubjpass" {
				return k
			}
		}
		p := a.tok(h).Head
		if p < a.first || p >= a.last {
			return -1
		}
		switch baseDep(a.tok(h).Dep) {
		case "xcomp":
			for _, k := range a.kids[p-a.first] {
				if d := baseDep(a.tok(k).Dep); d == "obj" || d == "dobj" || d == "iobj" {
					return k
				}
			}
		case "conj":
		case "acl":
			// "to use its territory to launch": a purpose clause the
			// parser hung on the verb's object
			if !a.infinitival(h) {
				return -1
			}
			if p = a.tok(p).Head; p < a.first || p >= a.last {
				return -1
			}
		case "advcl":
			if !a.infinitival(h) {
				return -1
			}
		default:
			return -1
		}
		h = a.clauseHead(p)
	}
	return -1
}

// infinitival reports a clause introduced by "to" without its own subject.
func (a *analysis) infinitival(h int) bool {
	for _, k := range a.kids[h-a.first] {
		if baseDep(a.tok(k).Dep) == "mark" && a.wordOf(k) == "TO" {
			return true
		}
	}
	return false
}

// nominalEvents codes the event nouns of the sentence: the source from a
// possessor, a demonym or actor modifier before the noun, "by X", "of X"
// (for nouns whose "of" names the agent) or the subject of a light verb
// whose object the noun is; the target from "of X" (for the others),
// "against/on/into/to/with X". A noun with no source is not coded.
func (c *Coder) nominalEvents(a *analysis, si int, nouns Nouns, have []doc.Event) []doc.Event {
	var out []doc.Event
	for i := a.first; i < a.last; i++ {
		t := a.tok(i)
		if t.UPOS != "NOUN" && !strings.HasPrefix(t.XPOS, "NN") {
			continue
		}
		if strings.HasPrefix(t.XPOS, "NNP") || t.UPOS == "PROPN" {
			continue
		}
		n, ok := Noun{}, false
		for _, k := range a.kids[i-a.first] {
			// two-word nouns: "air strike", "hunger strike"
			if k == i-1 && baseDep(a.tok(k).Dep) == "compound" {
				if n, ok = nouns[a.wordOf(k)+"_"+upper(t.Lemma)]; ok {
					break
				}
			}
		}
		if !ok {
			if n, ok = nouns[upper(t.Lemma)]; !ok {
				if n, ok = nouns[a.wordOf(i)]; !ok {
					continue
				}
			}
		}
		if baseDep(t.Dep) == "compound" {
			continue // "invasion plans", "attack helicopter"
		}
		var src, tgt doc.Ref
		var hasSrc, hasTgt bool
		subj := -1 // the light verb's subject that gave the source
		for _, k := range a.kids[i-a.first] {
			d := a.tok(k).Dep
			switch {
			case d == "nmod:poss" || ((baseDep(d) == "amod" || baseDep(d) == "compound") && k < i):
				if !hasSrc {
					src, hasSrc = c.tokenActor(a, k)
				}
				if !hasSrc && baseDep(d) == "compound" {
					// "a Ukrainian troop buildup": the demonym on the compound
					for _, g := range a.kids[k-a.first] {
						if !hasSrc && (baseDep(a.tok(g).Dep) == "amod" || baseDep(a.tok(g).Dep) == "compound") {
							src, hasSrc = c.tokenActor(a, g)
						}
					}
				}
			case baseDep(d) == "nmod" && k > i:
				switch a.caseOf(k) {
				case "OF":
					if n.Of == OfSource {
						if !hasSrc {
							src, hasSrc = c.tokenActor(a, k)
							if !hasSrc {
								// "the withdrawal of Russian troops"
								for _, g := range a.kids[k-a.first] {
									if !hasSrc && baseDep(a.tok(g).Dep) == "amod" {
										src, hasSrc = c.tokenActor(a, g)
									}
								}
							}
						}
					} else if !hasTgt {
						tgt, hasTgt = c.tokenActor(a, k)
					}
				case "BY":
					if !hasSrc {
						src, hasSrc = c.tokenActor(a, k)
					}
				case "AGAINST", "ON", "INTO", "TO", "WITH", "IN", "UPON", "ACROSS":
					if !hasTgt {
						tgt, hasTgt = c.tokenActor(a, k)
					}
				}
			}
		}
		if !hasSrc {
			if h := t.Head; h >= a.first && h < a.last && (baseDep(t.Dep) == "obj" || baseDep(t.Dep) == "dobj") && lightVerbs[upper(a.tok(h).Lemma)] {
				if s := a.controller(h); s >= 0 {
					src, hasSrc = c.tokenActor(a, s)
					subj = s
				}
			}
		}
		if !hasSrc {
			continue
		}
		emit := func(src, tgt doc.Ref, hasTgt bool) {
			if !hasTgt {
				if !c.opt.AllowMonadic && !(c.opt.SubjectOnly && (postureCode(n.Code) || unattributed(n.Code) || sourceOnly(n.Code))) {
					return
				}
				tgt = doc.Ref{Code: "---"}
			}
			if src.Code == tgt.Code || (src.Entity != "" && src.Entity == tgt.Entity) {
				return
			}
			dup := false
			for _, e := range have {
				// told by a verb already ("sending aid to North Korea")
				if e.Source.Code == src.Code && (e.Target.Code == tgt.Code || tgt.Code == "---") && len(e.CAMEO) >= 2 && e.CAMEO[:2] == n.Code[:2] {
					dup = true
					break
				}
			}
			if dup {
				return
			}
			lo, hi := a.leftmost(i), a.rightmost(i)
			trigger := doc.Span{Start: t.Start, End: t.End}
			date, hist := a.spanDate(a.tok(lo).Start, a.tok(hi).End)
			if h := t.Head; date == a.d.Date && h >= a.first && h < a.last && a.isVerb(h) {
				// "launched an invasion of Ukraine in February 2022"
				date, hist = a.spanDate(a.tok(a.leftmost(h)).Start, a.tok(a.rightmost(h)).End)
			}
			ev := doc.Event{
				Source: src, Target: tgt, CAMEO: n.Code, Sent: si, Trigger: trigger,
				Evidence:   doc.Span{Start: a.tok(lo).Start, End: a.tok(hi).End},
				Confidence: 0.55, Date: date, Historical: hist,
			}
			for _, sp := range []doc.Span{src.Span, tgt.Span} {
				if sp.End > sp.Start {
					ev.Evidence.Start = min(ev.Evidence.Start, sp.Start)
					ev.Evidence.End = max(ev.Evidence.End, sp.End)
				}
			}
			if a.negatedNoun(i) {
				ev.Negated = true
				ev.Confidence -= 0.1
			}
			if g, ok := goldsteinOf(n.Code); ok {
				ev.Goldstein = g
				ev.Plover = ploverOf(n.Code)
			}
			out = append(out, ev)
		}
		if members := c.mutualMembers(a, subj); !hasTgt && mutualCode(n.Code) && len(members) >= 2 {
			// "Gaddafi and Zhivkov signed a treaty": each with the other
			for _, x := range members {
				for _, y := range members {
					if x.Code != y.Code {
						emit(x, y, true)
					}
				}
			}
			continue
		}
		emit(src, tgt, hasTgt)
	}
	return out
}

// negatedNoun reports "no invasion".
func (a *analysis) negatedNoun(i int) bool {
	for _, k := range a.kids[i-a.first] {
		if w := a.wordOf(k); w == "NO" || (baseDep(a.tok(k).Dep) == "neg") {
			return true
		}
	}
	return false
}

// rightmost returns the last token of t's subtree.
func (a *analysis) rightmost(t int) int {
	r := t
	for _, k := range a.kids[t-a.first] {
		if x := a.rightmost(k); x > r {
			r = x
		}
	}
	return r
}

// spanDate returns the date of the first dated time expression inside
// [lo, hi), else the story date.
func (a *analysis) spanDate(lo, hi int) (string, bool) {
	for _, t := range a.d.Times {
		if t.Value == "" || t.Future || t.Start < lo || t.End > hi {
			continue
		}
		return t.Value, monthsBefore(t.Value, a.d.Date) >= 2
	}
	return a.d.Date, false
}

// mutualCode reports codes of things done together (consult, cooperate,
// agree: 04x-06x), which a compound subject does with each other.
func mutualCode(code string) bool {
	return strings.HasPrefix(code, "04") || strings.HasPrefix(code, "05") || strings.HasPrefix(code, "06")
}

// mutualMembers returns the coded actors of subject token s and the
// tokens conjoined with it ("Gaddafi and Zhivkov").
func (c *Coder) mutualMembers(a *analysis, s int) []doc.Ref {
	if s < a.first || s >= a.last {
		return nil
	}
	var out []doc.Ref
	for _, x := range append([]int{s}, a.nominalConj(s)...) {
		if r, ok := c.tokenActor(a, x); ok && r.Code != "---" {
			out = append(out, r)
		}
	}
	return out
}
