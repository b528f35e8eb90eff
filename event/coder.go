// Package event codes political events from dependency-parsed text: who
// did what to whom, as CAMEO codes with their PLOVER equivalents.
//
// The coder follows the semantics of the PETRARCH coders' verb pattern
// dictionaries, read by package dict/petrarch, but over Universal
// Dependencies parses rather than constituency trees: for every verb it
// finds in the dictionary it matches the verb block's patterns against
// the words before and after the verb, takes the source and target from
// the pattern's slots or else from the nearest actor before the verb and
// the first actor after it, splits compound actors into one event per
// pair, codes symmetric codes ("030:030") in both directions and swaps the
// actors of a passive verb whose agent is given with "by". Actors come
// from an ActorFinder, so the same coder runs on PETRARCH actor
// dictionaries and on the entities the pipeline resolves.
package event

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/wirecoder/wirecoder/cameo"
	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/pipeline"
)

// Options tune the coder. The zero value codes like PETRARCH with its
// default configuration.
type Options struct {
	// AllowMonadic keeps events whose source or target has no code ("---"),
	// as PETRARCH does with require_dyad = false.
	AllowMonadic bool
	// NewActorLength, when positive, codes a noun phrase of at most that
	// many words that names no known actor by its own words in quotes
	// (PETRARCH's new_actor_length).
	NewActorLength int
	// Discards lists phrases whose sentence (or story) is not coded.
	Discards *petrarch.Discards
	// SkipDatelines leaves uncoded a sentence that starts with a wire
	// dateline ("CEBU CITY: -- ..."), as PETRARCH does.
	SkipDatelines bool
	// ExactForms looks verbs up by their written form only, as PETRARCH
	// does; by default a verb the dictionary lacks in that form is also
	// looked up by its lemma.
	ExactForms bool
	// IntentCodes turns an event that is only intended or threatened
	// ("will help", "vowed to attack", "threatened to impose sanctions")
	// into the matching CAMEO intent (03x) or threat (13x) code, as
	// PETRARCH-2 composes verbs; a negated intended attack ("will not
	// fight") becomes 0356, intent to de-escalate. Without it the code is
	// kept and only Event.Modality and Event.Negated record the status.
	IntentCodes bool
	// Nested also codes the verbs inside a clause whose verb has already
	// coded an event, which PETRARCH-1 skips: "X said Y attacked Z" gives
	// Y → Z with ClaimedBy [X] besides X's statement. The dictionary's ~
	// transformations then apply ("X said X attacked Z" is X claiming
	// responsibility, 015).
	Nested bool
	// KeepRepeats keeps one event per sentence when a story tells the same
	// event (same source, target, code and date) in several sentences; by
	// default they become one event whose Mentions hold the later
	// evidence spans.
	KeepRepeats bool
	// SubjectOnly takes no source from elsewhere in the sentence when the
	// verb's clause has a subject that names no actor ("they have pursued
	// attacks"): PETRARCH takes the nearest actor before the verb, which
	// in news text is often the wrong one. Use it with an ActorFinder that
	// resolves pronouns (MentionActors over coreference).
	//
	// SubjectOnly also selects the coder's news semantics for one-sided
	// events, which PETRARCH drops without AllowMonadic: protest, military
	// posture and de-escalation (14x, 15x, 087x) are coded without a
	// target ("the army pulled its troops back": the army 0874, target
	// "---", also when the target names the source's own forces), so are
	// aid, investigation and cuts in aid or relations (07x, 09x, 16x:
	// "provided food to 300,000 people"), and coercion and violence
	// (17x-20x) with one side unknown ("a car bomb killed a journalist"),
	// never both.
	SubjectOnly bool
	// NoNominal turns off nominal events: events told by a noun ("the
	// February 2022 invasion of Ukraine", "a Ukrainian troop buildup"),
	// which PETRARCH does not code.
	NoNominal bool
	// Nouns is the nominal event dictionary; nil means DefaultNouns.
	Nouns Nouns
}

// Coder codes events. It holds no mutable state and is safe for
// concurrent use.
type Coder struct {
	verbs  *petrarch.Verbs
	actors ActorFinder
	opt    Options
	pool   sync.Pool // of *analysis, to reuse their buffers
}

// NewCoder returns a coder that uses the verb dictionary v and finds
// actors with actors.
func NewCoder(v *petrarch.Verbs, actors ActorFinder, opt Options) *Coder {
	c := &Coder{verbs: v, actors: actors, opt: opt}
	c.pool.New = func() any { return new(analysis) }
	return c
}

// nouns returns the nominal event dictionary in use.
func (c *Coder) nouns() Nouns {
	if c.opt.Nouns != nil {
		return c.opt.Nouns
	}
	ns, err := DefaultNouns()
	if err != nil {
		return nil
	}
	return ns
}

// Requires is the set of layers Process needs.
const Requires = doc.LayerTokens | doc.LayerSentences | doc.LayerPOS | doc.LayerLemma | doc.LayerDeps

// Step returns the coder as a pipeline step.
func (c *Coder) Step() pipeline.Step {
	return pipeline.Step{Name: "events", Requires: Requires, Assigns: doc.LayerEvents, Stage: c}
}

// Error is a failure to code a document.
type Error struct {
	Op  string
	Err error
}

// Error formats the error.
func (e *Error) Error() string { return e.Op + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Process codes the events of every sentence of d and appends them to
// d.Events. A sentence whose parse is malformed is skipped with a
// positioned doc.Error.
func (c *Coder) Process(ctx context.Context, d *doc.Doc) error {
	if c == nil || c.verbs == nil || c.actors == nil {
		return &Error{Op: "code events", Err: errors.New("coder has no dictionary or actor finder")}
	}
	if d.Layers != 0 && !d.Layers.Has(doc.LayerTokens|doc.LayerSentences|doc.LayerDeps) {
		return &Error{Op: "code events", Err: fmt.Errorf("story %q lacks layers %s", d.ID, d.Layers.Missing(Requires))}
	}
	if c.opt.Discards != nil {
		for si := range d.Sentences {
			if e, ok := c.opt.Discards.Check(sentenceWords(d, si)); ok && e.Story {
				d.Layers |= doc.LayerEvents
				return nil
			}
		}
	}
	for si := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return &Error{Op: "code events", Err: err}
			}
		}
		if err := checkSentence(d, si); err != nil {
			d.Errors.Add(d.Sentences[si].Start, "code events", err.Error())
			continue
		}
		if c.opt.Discards != nil {
			if _, ok := c.opt.Discards.Check(sentenceWords(d, si)); ok {
				continue
			}
		}
		if c.opt.SkipDatelines && dateline(d, si) {
			continue
		}
		c.codeSentence(d, si)
	}
	attachQuotes(d)
	if !c.opt.KeepRepeats {
		d.Events = mergeRepeats(d.Events)
	}
	for k := range d.Events {
		if d.Events[k].ID == "" {
			d.Events[k].ID = "V" + strconv.Itoa(k+1)
		}
	}
	d.Layers |= doc.LayerEvents
	return nil
}

// attachQuotes links each event whose trigger lies in the content of a
// quote (doc.Quotes, from the pipeline's attribution stage) to that quote,
// innermost quote first, and, when the parse gave no claimant, takes the
// quote's attribution chain as ClaimedBy: the outlets it came through,
// then the speaker.
func attachQuotes(d *doc.Doc) {
	for k := range d.Events {
		e := &d.Events[k]
		best := -1
		for qi := range d.Quotes {
			q := &d.Quotes[qi]
			if !q.Content.Contains(e.Trigger) {
				continue
			}
			if best < 0 || d.Quotes[best].Content.Contains(q.Content) {
				best = qi
			}
		}
		if best < 0 {
			continue
		}
		q := &d.Quotes[best]
		e.Quote = q.ID
		if len(e.ClaimedBy) == 0 {
			e.ClaimedBy = append(append([]doc.Ref(nil), q.Via...), q.Speaker)
		}
	}
}

// mergeRepeats folds an event told again in a later sentence (same source,
// target, code, date, negation and modality) into its first telling: the
// later evidence goes to Mentions and the confidence rises a little.
func mergeRepeats(evs []doc.Event) []doc.Event {
	type key struct {
		src, tgt, code, date string
		neg                  bool
		mod                  doc.Modality
	}
	first := map[key]int{}
	out := evs[:0]
	for _, e := range evs {
		k := key{e.Source.Code, e.Target.Code, e.CAMEO, e.Date, e.Negated, e.Modality}
		if i, ok := first[k]; ok && out[i].Sent != e.Sent {
			out[i].Mentions = append(out[i].Mentions, e.Evidence)
			if out[i].Confidence < e.Confidence {
				out[i].Confidence = e.Confidence
			}
			out[i].Confidence += (1 - out[i].Confidence) * 0.25
			continue
		}
		if _, ok := first[k]; !ok {
			first[k] = len(out)
		}
		out = append(out, e)
	}
	return out
}

// checkSentence verifies that the tokens and heads of sentence si are
// usable: heads inside the sentence (or -1) and no cycles.
func checkSentence(d *doc.Doc, si int) error {
	s := d.Sentences[si]
	if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
		return fmt.Errorf("sentence %d: token range [%d,%d) out of bounds", si, s.First, s.Last)
	}
	for i := s.First; i < s.Last; i++ {
		t := d.Tokens[i]
		if !t.Span().Valid(len(d.Text)) {
			return fmt.Errorf("token %d: span [%d,%d) outside the text", i, t.Start, t.End)
		}
		if t.Head != -1 && (t.Head < s.First || t.Head >= s.Last) {
			return fmt.Errorf("token %d: head %d outside its sentence", i, t.Head)
		}
	}
	for i := s.First; i < s.Last; i++ {
		x, n := i, 0
		for x >= 0 {
			x = d.Tokens[x].Head
			if n++; n > s.Last-s.First {
				return fmt.Errorf("token %d: heads form a cycle", i)
			}
		}
	}
	return nil
}

func sentenceWords(d *doc.Doc, si int) []string {
	s := d.Sentences[si]
	ws := make([]string, 0, s.Last-s.First)
	for i := s.First; i < s.Last; i++ {
		ws = append(ws, strings.ToUpper(d.TokenText(i)))
	}
	return ws
}

// dateline reports a sentence that opens with an upper-case place name and
// a colon or dash: "CEBU CITY: --".
func dateline(d *doc.Doc, si int) bool {
	s := d.Sentences[si]
	n := 0
	for i := s.First; i < s.Last && i < s.First+6; i++ {
		w := d.TokenText(i)
		if w == ":" || w == "--" || w == "-" {
			return n > 0
		}
		if strings.ToUpper(w) != w || strings.ToLower(w) == w {
			return false
		}
		n++
	}
	return false
}

// verbMatch is a dictionary verb found in the sentence.
type verbMatch struct {
	verb        *petrarch.Verb
	first, last int // token range of the verb phrase [first, last]
	head        int // the inflected token
	// blocks are the blocks whose patterns apply: the verb's, and those
	// of the same verb defined again in other blocks.
	blocks []*petrarch.Block
}

func (c *Coder) codeSentence(d *doc.Doc, si int) {
	s := d.Sentences[si]
	a := c.pool.Get().(*analysis)
	defer func() { a.d = nil; c.pool.Put(a) }()
	a.d, a.first, a.last = d, s.First, s.Last
	a.build(c.actors, c.opt.NewActorLength)
	skip := make([]bool, s.Last-s.First)
	var evs []doc.Event
	var heads []int // the verb head of each event
	for i := s.First; i < s.Last; i++ {
		mis := false // a verb the tagger took for an adjective
		if skip[i-s.First] || ((a.inBlock[i-s.First] >= 0 || !a.isVerb(i)) && !(c.opt.SubjectOnly && a.mistagged(i))) {
			continue
		}
		if !a.isVerb(i) || a.inBlock[i-s.First] >= 0 {
			mis = true
		}
		vm, ok := c.findVerb(a, i)
		if !ok || (!mis && a.reducedRelative(vm)) {
			continue
		}
		var region []int
		if mis {
			region = a.flatRegion(i)
		} else {
			region = a.region(vm)
		}
		lower := a.seq(region)
		upper := a.upperSeq(vm.first)
		code, st, matched := c.matchPatterns(a, vm, upper, lower)
		if !matched && vm.verb.Code != "---" {
			code, matched = vm.verb.Code, true
			st = matchState{}
		}
		if !matched {
			continue
		}
		var open []bool // with Nested: the complement clauses left to code
		if c.opt.Nested {
			open = a.complements(vm)
		}
		for _, t := range region {
			if open == nil || !open[t-s.First] {
				skip[t-s.First] = true
			}
		}
		tgt := st.tgt
		if !tgt.set {
			tgt = findTarget(a, lower)
		}
		if tgt.set && c.opt.Nested && !st.src.set && !st.tgt.set && (strings.HasPrefix(code, "01") || speechVerbs[strings.ToUpper(a.tok(vm.head).Lemma)]) && a.clausalTarget(vm, tgt) {
			// the verb's own code with a target inside its complement
			// clause ("said that Y attacked Z"), which is coded itself
			tgt = binding{}
		}
		if !tgt.set && !(c.opt.SubjectOnly && (postureCode(code) || unattributed(code) || sourceOnly(code))) {
			continue
		}
		if code == "010" && c.opt.Nested && !st.tgt.set && (relayVerbs[strings.ToUpper(a.tok(vm.head).Lemma)] || !tgt.set) {
			continue
		}
		src := st.src
		if !src.set {
			src = a.subjectSource(vm, tgt)
		}
		if !src.set && !(c.opt.SubjectOnly && a.hasSubject(vm)) {
			src = findSource(a, upper, tgt)
		}
		if !src.set && c.opt.SubjectOnly && unattributed(code) {
			// "a roadside bomb killed two soldiers": the uncoded subject
			src = a.subjectBinding(vm, tgt)
		}
		if !src.set {
			continue
		}
		if !tgt.set {
			tgt = binding{none: true}
		}
		n0 := len(evs)
		evs = c.makeEvents(a, evs, si, vm, src, tgt, code, st.src.set || st.tgt.set, region)
		for range evs[n0:] {
			heads = append(heads, vm.head)
		}
	}
	if c.opt.Nested {
		evs = c.compose(a, evs, heads)
	}
	if c.opt.Nested {
		evs = append(evs, c.demands(a, si, evs)...)
	}
	if !c.opt.NoNominal {
		if ns := c.nouns(); len(ns) > 0 {
			evs = append(evs, c.nominalEvents(a, si, ns, evs)...)
		}
	}
	d.Events = append(d.Events, dedupEvents(evs)...)
}

// findVerb looks token i up in the dictionary, preferring the longest
// multi-word verb whose other words surround it.
func (c *Coder) findVerb(a *analysis, i int) (verbMatch, bool) {
	w := a.wordOf(i)
	cands := c.verbs.Lookup(w)
	if len(cands) == 0 && !c.opt.ExactForms {
		lemma := strings.ToUpper(a.tok(i).Lemma)
		for _, v := range c.verbs.Lookup(lemma) {
			if v.Forms[0] == lemma {
				cands = append(cands, v)
			}
		}
	}
	best := verbMatch{}
	found := false
	for _, v := range cands {
		first, last, ok := a.verbWords(v, i)
		if !ok {
			continue
		}
		switch {
		case !found || len(v.Words) > len(best.verb.Words):
			best = verbMatch{verb: v, first: first, last: last, head: i, blocks: []*petrarch.Block{v.Block}}
			found = true
		case len(v.Words) == len(best.verb.Words) && sameWords(v.Words, best.verb.Words):
			// the same verb in another block: PETRARCH pools the
			// patterns, and the later definition's code wins
			best.verb = v
			if !containsBlock(best.blocks, v.Block) {
				best.blocks = append(best.blocks, v.Block)
			}
		}
	}
	return best, found
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsBlock(bs []*petrarch.Block, b *petrarch.Block) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

// verbWords checks the words of a multi-word verb around its head token
// i, skipping PETRARCH's skip words, and returns the phrase's range.
func (a *analysis) verbWords(v *petrarch.Verb, i int) (int, int, bool) {
	first, last := i, i
	t := i
	for k := v.Head + 1; k < len(v.Words); k++ {
		t++
		for t < a.last && isSkipWord(a.wordOf(t)) && a.wordOf(t) != v.Words[k] {
			t++
		}
		if t >= a.last || a.wordOf(t) != v.Words[k] {
			// a particle may stand after the object: "pulled its troops back"
			if k == len(v.Words)-1 {
				if p := a.particle(i, v.Words[k]); p > last {
					last = p
					continue
				}
			}
			return 0, 0, false
		}
		last = t
	}
	t = i
	for k := v.Head - 1; k >= 0; k-- {
		t--
		for t >= a.first && isSkipWord(a.wordOf(t)) && a.wordOf(t) != v.Words[k] {
			t--
		}
		if t < a.first || a.wordOf(t) != v.Words[k] {
			return 0, 0, false
		}
		first = t
	}
	return first, last, true
}

// particle returns the verb particle child of token i spelled w
// ("compound:prt"), or -1.
func (a *analysis) particle(i int, w string) int {
	for _, c := range a.kids[i-a.first] {
		if d := a.tok(c).Dep; (d == "compound:prt" || d == "prt") && a.wordOf(c) == w {
			return c
		}
	}
	return -1
}

var auxDeps = map[string]bool{"aux": true, "auxpass": true, "aux:pass": true, "cop": true}

// clauseHead returns the head of the clause verb token i belongs to: the
// token itself, or the word an auxiliary or copula attaches to.
func (a *analysis) clauseHead(i int) int {
	if auxDeps[a.tok(i).Dep] {
		if h := a.tok(i).Head; h >= a.first && h < a.last {
			return h
		}
	}
	return i
}

// region returns the tokens of the verb's phrase after the verb: the
// clause's subtree after it, without coordinated clauses, parenthetical
// clauses and subjects.
func (a *analysis) region(vm verbMatch) []int {
	h := a.clauseHead(vm.head)
	out := a.regionBuf[:0]
	defer func() { a.regionBuf = out[:0] }()
	var walk func(t int, top bool)
	walk = func(t int, top bool) {
		if t > vm.last {
			out = append(out, t)
		}
		for _, c := range a.kids[t-a.first] {
			if top {
				switch baseDep(a.tok(c).Dep) {
				case "conj", "cc", "parataxis", "nsubj", "nsubjpass", "csubj", "csubjpass", "discourse", "vocative":
					continue
				case "punct":
					if c > vm.last && a.lastOfClause(h, c) {
						continue
					}
				}
			}
			walk(c, false)
		}
	}
	walk(h, true)
	sort.Ints(out)
	return out
}

// lastOfClause reports punctuation that ends a clause rather than
// separating words inside it.
func (a *analysis) lastOfClause(h, c int) bool {
	for _, k := range a.kids[h-a.first] {
		if k > c && baseDep(a.tok(k).Dep) != "punct" {
			d := baseDep(a.tok(k).Dep)
			if d == "conj" || d == "parataxis" || d == "cc" {
				return true
			}
			return false
		}
	}
	return true
}

// seq returns the items of the given tokens, whole noun phrases included
// when their head is among them.
func (a *analysis) seq(toks []int) []item {
	inb := a.scratch
	if len(inb) != a.last-a.first {
		inb = make([]bool, a.last-a.first)
	}
	clear(inb)
	for _, t := range toks {
		inb[t-a.first] = true
	}
	in := func(t int) bool { return t >= a.first && t < a.last && inb[t-a.first] }
	out := a.lowerBuf[:0]
	defer func() { a.lowerBuf = out[:0] }()
	for k := 0; k < len(a.items); k++ {
		it := a.items[k]
		switch it.kind {
		case itWord:
			if it.ne < 0 && in(it.tok) {
				out = append(out, it)
			}
		case itNEStart, itNECStart:
			b := a.blocks[a.inBlock[it.tok-a.first]]
			if !in(b.head) {
				// skip the whole block
				for k+1 < len(a.items) && a.inBlockItem(a.items[k+1], b) {
					k++
				}
				continue
			}
			for {
				out = append(out, a.items[k])
				if k+1 >= len(a.items) || !a.inBlockItem(a.items[k+1], b) {
					break
				}
				k++
			}
		}
	}
	return out
}

func (a *analysis) inBlockItem(it item, b block) bool {
	if b.nec >= 0 {
		return it.nec == b.nec
	}
	return it.ne == b.ne && it.ne >= 0
}

// upperSeq returns the items before token first, nearest first, up to a
// comma outside any noun phrase or the start of the sentence.
func (a *analysis) upperSeq(first int) []item {
	k := a.itemAt[first-a.first]
	if k < 0 {
		k = 0
		for k < len(a.items) && a.items[k].tok < first {
			k++
		}
	}
	out := a.upperBuf[:0]
	defer func() { a.upperBuf = out[:0] }()
	for j := k - 1; j >= 0; j-- {
		it := a.items[j]
		if it.kind == itWord && it.ne < 0 && (it.word == ",") {
			break
		}
		switch it.kind {
		case itNEStart:
			it.kind = itNEEnd
		case itNEEnd:
			it.kind = itNEStart
		case itNECStart:
			it.kind = itNECEnd
		case itNECEnd:
			it.kind = itNECStart
		}
		out = append(out, it)
	}
	return out
}

// matchPatterns tries the verb block's patterns and returns the code of
// the most specific one that matches, with its slots.
func (c *Coder) matchPatterns(a *analysis, vm verbMatch, upper, lower []item) (string, matchState, bool) {
	bestN := -1
	var bestCode string
	var bestSt matchState
	if len(lower) == 0 {
		return "", bestSt, false
	}
	// the later definition of a verb defined in several blocks wins ties,
	// as its code does
	for bi := len(vm.blocks) - 1; bi >= 0; bi-- {
		b := vm.blocks[bi]
		for pi := range b.Patterns {
			p := &b.Patterns[pi]
			n := len(p.Before) + len(p.After)
			if n <= bestN {
				continue
			}
			if !a.hasWords(p.After) || !a.hasWords(p.Before) {
				continue
			}
			st := matchState{}
			lm := matcher{verbs: c.verbs, items: lower, lower: true}
			if !lm.match(p.After, 0, 0, &st) {
				continue
			}
			um := matcher{verbs: c.verbs, items: upper, reverse: true}
			if !um.match(p.Before, 0, 0, &st) {
				continue
			}
			bestN, bestCode, bestSt = n, p.Code, st
		}
	}
	if bestN < 0 || bestCode == "---" || bestCode == "" {
		return "", matchState{}, false
	}
	return bestCode, bestSt, true
}

// hasWords is a quick filter: every literal word of elems occurs in the
// sentence.
func (a *analysis) hasWords(elems []petrarch.Elem) bool {
	for _, e := range elems {
		if e.Kind != petrarch.ElemWord {
			continue
		}
		if _, ok := a.wordSet[e.Text]; !ok {
			return false
		}
	}
	return true
}

func (a *analysis) codedNE(x int) bool { return a.nps[x].coded }

// findTarget takes the first compound or coded phrase after the verb, else
// the first phrase.
func findTarget(a *analysis, lower []item) binding {
	for _, it := range lower {
		if it.kind == itNECStart && a.codedComp(it.nec) {
			return binding{ne: -1, nec: it.nec, set: true}
		}
		if it.kind == itNEStart && it.nec < 0 && a.codedNE(it.ne) {
			return binding{ne: it.ne, nec: -1, set: true}
		}
	}
	for _, it := range lower {
		if it.kind == itNEStart {
			if it.nec >= 0 {
				return binding{ne: -1, nec: it.nec, set: true}
			}
			return binding{ne: it.ne, nec: -1, set: true}
		}
	}
	return binding{}
}

// findSource takes the nearest compound or coded phrase before the verb
// whose code differs from the target's, else the nearest such phrase.
func findSource(a *analysis, upper []item, tgt binding) binding {
	tcode := ""
	if tgt.set && tgt.ne >= 0 {
		tcode = a.nps[tgt.ne].ref.Code
	}
	differs := func(x int) bool { return tcode == "" || a.nps[x].ref.Code != tcode }
	for _, it := range upper {
		if it.kind == itNECStart {
			return binding{ne: -1, nec: it.nec, set: true}
		}
		if it.kind == itNEStart && it.nec < 0 && a.codedNE(it.ne) && differs(it.ne) {
			return binding{ne: it.ne, nec: -1, set: true}
		}
	}
	for _, it := range upper {
		if it.kind == itNEStart && it.nec < 0 && (!a.codedNE(it.ne) || differs(it.ne)) {
			return binding{ne: it.ne, nec: -1, set: true}
		}
	}
	return binding{}
}

// subjectSource returns the phrase of the verb's subject when it names
// an actor: the clause's own subject, or that of the clause it is
// coordinated with or controlled by ("Arnor is about to restore", "the
// government condemned ... and promised"); a relative pronoun stands for
// the noun its clause modifies.
func (a *analysis) subjectSource(vm verbMatch, tgt binding) binding {
	h := a.clauseHead(vm.head)
	for hop := 0; hop < 4 && h >= a.first && h < a.last; hop++ {
		for _, c := range a.kids[h-a.first] {
			d := a.tok(c).Dep
			if baseDep(d) != "nsubj" && baseDep(d) != "nsubjpass" {
				continue
			}
			s := c
			if x := a.tok(c).XPOS; (x == "WP" || x == "WDT") && baseDep(a.tok(h).Dep) == "acl" {
				s = a.tok(h).Head
			}
			b := a.blockBinding(s)
			if !b.set || b == tgt {
				continue
			}
			if b.nec >= 0 || a.codedNE(b.ne) {
				return b
			}
			// "Hours earlier Maduro expelled": a second subject the
			// parser found may be the coded one
		}
		if a.hasOwnSubject(h) {
			return binding{}
		}
		switch baseDep(a.tok(h).Dep) {
		case "xcomp":
			// object control: "urged Gondor to attack", "allowed Russia
			// to use"
			p := a.tok(h).Head
			for _, c := range a.kids[p-a.first] {
				if d := baseDep(a.tok(c).Dep); d == "obj" || d == "dobj" || d == "iobj" {
					if b := a.blockBinding(c); b.set && b != tgt && (b.nec >= 0 || a.codedNE(b.ne)) {
						return b
					}
				}
			}
			h = p
		case "conj":
			h = a.tok(h).Head
		default:
			return binding{}
		}
	}
	return binding{}
}

// hasSubject reports whether the verb's clause, or the clause it is
// coordinated with or controlled by, has a subject.
func (a *analysis) hasSubject(vm verbMatch) bool {
	h := a.clauseHead(vm.head)
	for hop := 0; hop < 4 && h >= a.first && h < a.last; hop++ {
		for _, c := range a.kids[h-a.first] {
			if d := baseDep(a.tok(c).Dep); d == "nsubj" || d == "nsubjpass" || d == "csubj" {
				return true
			}
		}
		switch baseDep(a.tok(h).Dep) {
		case "conj", "xcomp":
			h = a.tok(h).Head
		default:
			return false
		}
	}
	return false
}

// complements marks the tokens of the verb's complement clauses ("said
// [that Y attacked Z]"), whose verbs Options.Nested codes too; relative
// and adverbial clauses stay skipped, as in PETRARCH.
func (a *analysis) complements(vm verbMatch) []bool {
	open := make([]bool, a.last-a.first)
	h := a.clauseHead(vm.head)
	var mark func(t int)
	mark = func(t int) {
		open[t-a.first] = true
		for _, c := range a.kids[t-a.first] {
			mark(c)
		}
	}
	// a "that" clause the parser took for a relative clause of the verb's
	// object: "told a meeting [that the troops should return]acl:relcl"
	var thatClauses func(t int)
	thatClauses = func(t int) {
		for _, c := range a.kids[t-a.first] {
			switch baseDep(a.tok(c).Dep) {
			case "acl":
				if a.markedThat(c) {
					mark(c)
					continue
				}
			case "ccomp", "xcomp", "parataxis", "advcl", "conj":
				continue
			}
			thatClauses(c)
		}
	}
	for _, c := range a.kids[h-a.first] {
		switch baseDep(a.tok(c).Dep) {
		case "obj", "dobj", "iobj", "obl":
			thatClauses(c)
		}
	}
	for _, c := range a.kids[h-a.first] {
		switch baseDep(a.tok(c).Dep) {
		case "ccomp", "xcomp", "parataxis":
			mark(c)
		case "obl", "obj", "dobj":
			// a parser error seen in news: "determined [that]obl Ukraine
			// had withdrawn" with the clause as a relative clause of "that"
			if a.wordOf(c) == "THAT" && (a.tok(c).UPOS == "SCONJ" || a.tok(c).XPOS == "IN") {
				mark(c)
			}
		}
	}
	return open
}

// blockBinding returns the phrase or compound that holds token t.
func (a *analysis) blockBinding(t int) binding {
	if t < a.first || t >= a.last {
		return binding{}
	}
	bi := a.inBlock[t-a.first]
	if bi < 0 {
		return binding{}
	}
	b := a.blocks[bi]
	if b.nec >= 0 {
		return binding{ne: -1, nec: b.nec, set: true}
	}
	return binding{ne: b.ne, nec: -1, set: true}
}

// refs returns the actor references of a binding: the phrase's, or each
// coded member's of a compound; an uncoded actor is "---".
func (a *analysis) refs(b binding) []doc.Ref {
	one := func(x int) doc.Ref {
		np := &a.nps[x]
		if np.coded {
			r := np.ref
			if r.Text == "" {
				r.Text = phraseText(a.d, np.Phrase)
			}
			if r.Span == (doc.Span{}) {
				r.Span = phraseSpan(a.d, np.Phrase)
			}
			return r
		}
		return doc.Ref{Text: phraseText(a.d, np.Phrase), Code: "---", Span: phraseSpan(a.d, np.Phrase)}
	}
	if b.none {
		return []doc.Ref{{Code: "---"}}
	}
	if b.nec < 0 {
		return []doc.Ref{one(b.ne)}
	}
	var out []doc.Ref
	for _, x := range a.comps[b.nec].members {
		if a.nps[x].coded {
			out = append(out, one(x))
		}
	}
	if len(out) == 0 {
		return []doc.Ref{one(a.comps[b.nec].members[0])}
	}
	return out
}

// passive reports a verb in the passive voice, whose subject is the
// target and whose agent (or, without one, the actor found after the
// verb) is the source. PETRARCH-1 swaps only when a "by" agent is
// present; the unit suite's gold swaps for any passive.
func (a *analysis) passive(vm verbMatch) bool {
	h := vm.head
	if x := a.tok(h).XPOS; x != "" && x != "VBN" {
		return false
	}
	for _, c := range a.kids[h-a.first] {
		switch a.tok(c).Dep {
		case "auxpass", "aux:pass", "nsubjpass", "nsubj:pass":
			return true
		}
	}
	return false
}

// intentVerbs are verbs whose complement clause states an intention or a
// threat ("vowed to attack").
var intentVerbs = map[string]doc.Modality{
	"INTEND": doc.Intended, "PLAN": doc.Intended, "VOW": doc.Intended, "PLEDGE": doc.Intended,
	"PROMISE": doc.Intended, "AIM": doc.Intended, "DECIDE": doc.Intended, "AGREE": doc.Intended,
	"HOPE": doc.Hoped, "WANT": doc.Hoped, "WISH": doc.Hoped,
	"THREATEN": doc.Threatened, "WARN": doc.Threatened,
}

// negativeVerbs are verbs whose open complement did not or will not
// happen ("refused to meet", "failed to reach agreement").
var negativeVerbs = map[string]bool{
	"REFUSE": true, "DECLINE": true, "FAIL": true, "REJECT": true, "AVOID": true, "REFRAIN": true,
}

// requestVerbs are verbs whose open complement is what someone asks or
// considers others (or themselves) to do, not what they did.
var requestVerbs = map[string]bool{
	"URGE": true, "ASK": true, "CALL": true, "APPEAL": true, "PRESS": true, "PUSH": true,
	"REQUEST": true, "DEMAND": true, "ENCOURAGE": true, "INVITE": true, "PERSUADE": true,
	"PRESSURE": true, "CONSIDER": true, "EXPLORE": true, "IMPLORE": true, "BEG": true,
	"PETITION": true, "EXHORT": true,
}

// intentNouns are nouns whose complement clause states an intention or a
// threat ("no intention of fighting", "plans to attack").
var intentNouns = map[string]doc.Modality{
	"INTENTION": doc.Intended, "INTENT": doc.Intended, "PLAN": doc.Intended, "DECISION": doc.Intended,
	"READINESS": doc.Intended, "WILLINGNESS": doc.Intended, "PLEDGE": doc.Intended, "PROMISE": doc.Intended,
	"DESIRE": doc.Hoped, "WISH": doc.Hoped, "HOPE": doc.Hoped,
	"THREAT": doc.Threatened, "ULTIMATUM": doc.Threatened,
}

// modality reads negation and modality off the verb's dependents.
func (a *analysis) modality(vm verbMatch) (neg bool, mod doc.Modality) {
	h := a.clauseHead(vm.head)
	if baseDep(a.tok(h).Dep) == "xcomp" {
		if p := a.tok(h).Head; p >= a.first && p < a.last {
			if m, ok := intentVerbs[upper(a.tok(p).Lemma)]; ok {
				mod = m
			} else if negativeVerbs[upper(a.tok(p).Lemma)] {
				// "refused to meet": the meeting did not happen
				neg = true
			} else if requestVerbs[upper(a.tok(p).Lemma)] {
				// "urged Washington to lift sanctions": wanted, not done
				mod = doc.Hoped
			}
		}
	}
	// "no intention of fighting", "plans to attack": a clause that
	// complements an intention noun
	if d := baseDep(a.tok(h).Dep); d == "acl" || d == "nmod" {
		if p := a.tok(h).Head; p >= a.first && p < a.last {
			if m, ok := intentNouns[upper(a.tok(p).Lemma)]; ok {
				mod = m
				for _, c := range a.kids[p-a.first] {
					if w := a.wordOf(c); w == "NO" || baseDep(a.tok(c).Dep) == "neg" {
						neg = true
					}
				}
				if v := a.tok(p).Head; v >= a.first && v < a.last {
					for _, c := range a.kids[v-a.first] {
						if w := a.wordOf(c); w == "NOT" || w == "N'T" || w == "NEVER" {
							neg = true // "does not have any intention of"
						}
					}
				}
			}
		}
	}
	for _, x := range []int{vm.head, h} {
		for _, c := range a.kids[x-a.first] {
			w := a.wordOf(c)
			switch baseDep(a.tok(c).Dep) {
			case "neg":
				neg = true
			case "advmod":
				if w == "NOT" || w == "N'T" || w == "NEVER" {
					neg = true
				}
			case "aux":
				switch w {
				case "NOT", "N'T":
					neg = true
				case "WILL", "SHALL", "'LL", "WO":
					if mod == doc.Asserted {
						mod = doc.Intended
					}
				case "WOULD":
					// "said it would attack": the reported future
					if p := a.complementOf(vm.head); p >= 0 && speechVerbs[upper(a.tok(p).Lemma)] {
						if mod == doc.Asserted || mod == doc.Possible {
							mod = doc.Intended
						}
					} else if mod == doc.Asserted {
						mod = doc.Possible
					}
				case "MUST", "SHOULD":
					// "Libya must hand over the suspects": required, not done
					if mod == doc.Asserted {
						mod = doc.Hoped
					}
				case "COULD", "MAY", "MIGHT", "CAN", "CA":
					if mod == doc.Asserted {
						mod = doc.Possible
					}
				}
			case "mark":
				if w == "IF" || w == "UNLESS" {
					mod = doc.Hypothetical
				}
			}
		}
	}
	return neg, mod
}

func (c *Coder) makeEvents(a *analysis, evs []doc.Event, si int, vm verbMatch, src, tgt binding, code string, slotted bool, region []int) []doc.Event {
	date, historical := a.eventDate(vm, region)
	srcs, tgts := a.refs(src), a.refs(tgt)
	if a.passive(vm) && !slotted && !(postureCode(code) && !a.hasAgent(vm)) {
		srcs, tgts = tgts, srcs
	}
	trigger := doc.Span{Start: a.tok(vm.first).Start, End: a.tok(vm.last).End}
	neg, mod := a.modality(vm)
	if c.opt.IntentCodes && (mod == doc.Intended || mod == doc.Threatened) {
		code = intentCode(code, neg, mod)
	}
	conf := 0.6
	if slotted {
		conf = 0.85
	} else if code != vm.verb.Code {
		conf = 0.75
	}
	if neg {
		conf -= 0.1
	}
	if mod == doc.Hoped {
		// what is asked for or hoped ranks below what is done
		conf -= 0.2
	}
	emit := func(ss, ts []doc.Ref, code string) {
		if code == "" || code == "---" {
			return
		}
		for _, s := range ss {
			for _, t := range ts {
				if s.Code == t.Code || (s.Entity != "" && s.Entity == t.Entity) {
					if !c.opt.SubjectOnly || !postureCode(code) || s.Code == "---" {
						continue
					}
					// "the army pulled its troops back": the army's own move
					t = doc.Ref{Code: "---"}
				}
				if !c.opt.AllowMonadic && !(c.opt.SubjectOnly && oneSided(code, s.Code, t.Code)) && (s.Code == "---" || t.Code == "---") {
					continue
				}
				if code == "010" && c.opt.Nested && sameCountry(s.Code, t.Code) {
					continue
				}
				ev := doc.Event{
					Source: s, Target: t, CAMEO: code, Sent: si,
					Trigger: trigger, Negated: neg, Modality: mod, Confidence: conf,
					Date: date, Historical: historical,
				}
				ev.Evidence = trigger
				for _, sp := range []doc.Span{s.Span, t.Span} {
					if sp.End > sp.Start {
						if sp.Start < ev.Evidence.Start {
							ev.Evidence.Start = sp.Start
						}
						if sp.End > ev.Evidence.End {
							ev.Evidence.End = sp.End
						}
					}
				}
				if g, ok := goldsteinOf(code); ok {
					ev.Goldstein = g
					ev.Plover = ploverOf(code)
				}
				evs = append(evs, ev)
			}
		}
	}
	if c1, c2, sym := strings.Cut(code, ":"); sym {
		if allNull(srcs) {
			srcs = tgts
		} else if allNull(tgts) {
			tgts = srcs
		}
		emit(srcs, tgts, c1)
		emit(tgts, srcs, c2)
	} else {
		emit(srcs, tgts, code)
	}
	return evs
}

// intentCode returns the intent (03x) or threat (13x) code for an event
// that is only intended or threatened; codes without one are returned
// unchanged.
func intentCode(code string, neg bool, mod doc.Modality) string {
	if !cameo.Valid(code) {
		return code
	}
	root := code[:2]
	if neg {
		switch root {
		case "18", "19", "20":
			return "0356" // "will not fight": intent to de-escalate
		}
		return code
	}
	if mod == doc.Threatened {
		switch root {
		case "03", "04", "05", "06", "07", "08":
			return code
		}
	}
	sub := ""
	if len(code) >= 3 {
		sub = code[2:3]
	}
	switch root {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		if sub >= "1" && sub <= "4" {
			return "031" + sub
		}
		return "031"
	case "07":
		if sub >= "1" && sub <= "4" {
			return "033" + sub
		}
		return "033"
	case "08":
		switch code[:3] {
		case "081":
			return "0351"
		case "082":
			return "0352"
		case "084":
			return "0353"
		case "085":
			return "0354"
		case "086":
			return "0355"
		case "087":
			return "0356"
		}
		return "035"
	case "14":
		return "133"
	case "16":
		switch code[:3] {
		case "161":
			return "1313"
		case "162":
			return "1311"
		case "163":
			return "1312"
		case "164":
			return "134"
		case "165":
			return "135"
		case "166":
			return "136"
		}
		return "131"
	case "17":
		switch code {
		case "1722", "1723", "1724":
			return "132" + code[3:]
		}
		if code[:3] == "172" {
			return "132"
		}
		if code[:3] == "175" {
			return "137"
		}
		return "130"
	case "18":
		return "1383"
	case "19":
		if code == "191" {
			return "1381"
		}
		if code == "192" {
			return "1382"
		}
		return "1384"
	case "20":
		if code[:3] == "204" {
			return "1385"
		}
		return "138"
	}
	return code
}

// eventDate returns the event's date: that of a time expression
// (doc.Times, from the pipeline's time stage) among the verb's own words
// or the phrase after it, else the story date. historical reports a date
// before the story's month: "the February 2022 invasion", "protests in
// 2020".
func (a *analysis) eventDate(vm verbMatch, region []int) (string, bool) {
	story := a.d.Date
	if len(a.d.Times) == 0 {
		return story, false
	}
	lo, hi := a.tok(vm.first).Start, a.tok(vm.last).End
	if len(region) > 0 {
		hi = a.tok(region[len(region)-1]).End
	}
	// the clause's own words before the verb too: "In 2020, X attacked Y"
	h := a.clauseHead(vm.head)
	if l := a.leftmost(h); a.tok(l).Start < lo {
		lo = a.tok(l).Start
	}
	for _, t := range a.d.Times {
		if t.Value == "" || t.Future || t.Start < lo || t.End > hi {
			continue
		}
		return t.Value, monthsBefore(t.Value, story) >= 2
	}
	// a clause the parser hung under a time noun: "said late last month
	// [that it was reinforcing]acl"
	for x, hop := a.tok(h).Head, 0; x >= a.first && x < a.last && hop < 2; x, hop = a.tok(x).Head, hop+1 {
		sp := a.tok(x).Span()
		for _, t := range a.d.Times {
			if t.Value != "" && !t.Future && t.Start <= sp.Start && sp.End <= t.End {
				return t.Value, monthsBefore(t.Value, story) >= 2
			}
		}
		if a.isVerb(x) {
			break
		}
	}
	// an event reported in the complement of a dated statement takes the
	// statement's date: "the ministry said late last month that it was
	// reinforcing its border"
	if p := a.complementOf(vm.head); p >= 0 && speechVerbs[upper(a.tok(p).Lemma)] {
		for _, k := range a.kids[p-a.first] {
			switch baseDep(a.tok(k).Dep) {
			case "obl", "nmod", "advmod", "npadvmod", "obl:tmod":
			default:
				continue
			}
			klo, khi := a.tok(a.leftmost(k)).Start, a.tok(a.rightmost(k)).End
			for _, t := range a.d.Times {
				if t.Value == "" || t.Future || t.Start < klo || t.End > khi {
					continue
				}
				return t.Value, monthsBefore(t.Value, story) >= 2
			}
		}
	}
	return story, false
}

// monthsBefore returns how many months date lies before ref (YYYY,
// YYYY-MM or YYYY-MM-DD); a date without a month counts as its December,
// so that only a clearly earlier date is "before". 0 when either is
// malformed.
func monthsBefore(date, ref string) int {
	ym := func(s string, month int) (int, bool) {
		if len(s) < 4 {
			return 0, false
		}
		y, err := strconv.Atoi(s[:4])
		if err != nil {
			return 0, false
		}
		if len(s) >= 7 {
			m, err := strconv.Atoi(s[5:7])
			if err != nil || m < 1 || m > 12 {
				return 0, false
			}
			month = m
		}
		return y*12 + month, true
	}
	d, ok1 := ym(date, 12)
	r, ok2 := ym(ref, 1)
	if !ok1 || !ok2 {
		return 0
	}
	return r - d
}

// goldsteinOf returns the Goldstein score of a valid CAMEO code.
func goldsteinOf(code string) (float64, bool) {
	if !cameo.Valid(code) {
		return 0, false
	}
	return cameo.Goldstein(code)
}

// ploverOf returns the PLOVER coding of a valid CAMEO code.
func ploverOf(code string) doc.Plover { return cameo.Plover(code) }

func allNull(rs []doc.Ref) bool {
	return len(rs) > 0 && rs[0].Code == "---"
}

// dedupEvents drops repeated (source, target, code) triples of a
// sentence, keeping the first.
func dedupEvents(evs []doc.Event) []doc.Event {
	out := evs[:0]
	for _, e := range evs {
		dup := false
		for _, o := range out {
			if o.Source.Code == e.Source.Code && o.Target.Code == e.Target.Code && o.CAMEO == e.CAMEO {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// relayVerbs are verbs of passing on what someone said ("BelTA quoted him
// as saying"): relaying is not itself a statement event.
var relayVerbs = map[string]bool{"QUOTE": true, "CITE": true, "RELAY": true}

// clausalTarget reports a target that the verb reaches only through a
// clause (a complement, adverbial or relative clause): "determined that
// Ukraine had withdrawn" does not make Ukraine the target of "determined".
func (a *analysis) clausalTarget(vm verbMatch, tgt binding) bool {
	t := -1
	switch {
	case tgt.ne >= 0:
		t = a.nps[tgt.ne].Head
	case tgt.nec >= 0 && len(a.comps[tgt.nec].members) > 0:
		t = a.nps[a.comps[tgt.nec].members[0]].Head
	}
	h := a.clauseHead(vm.head)
	for hop := 0; t >= a.first && t < a.last && t != h && hop < a.last-a.first; hop++ {
		switch baseDep(a.tok(t).Dep) {
		case "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj":
			return true
		}
		t = a.tok(t).Head
	}
	return false
}

// hasAgent reports a passive verb with a "by" agent.
func (a *analysis) hasAgent(vm verbMatch) bool {
	for _, c := range a.kids[vm.head-a.first] {
		if a.tok(c).Dep == "obl:agent" || a.tok(c).Dep == "nmod:agent" {
			return true
		}
		if baseDep(a.tok(c).Dep) == "obl" || baseDep(a.tok(c).Dep) == "nmod" {
			if a.caseOf(c) == "BY" {
				return true
			}
		}
	}
	return false
}

// sameCountry reports actor codes of the same country ("BLR" and
// "BLRGOV"): a statement to one's own country is no event.
func sameCountry(x, y string) bool {
	if len(x) < 3 || len(y) < 3 || x == "---" || y == "---" {
		return false
	}
	return x[:3] == y[:3]
}

// reducedRelative reports a past participle that modifies the noun before
// it ("extra troops deployed there", "troops dispatched to the area"): a
// description, not an event, unless a "by" agent names who did it. The
// parser often attaches such participles as adverbial clauses.
func (a *analysis) reducedRelative(vm verbMatch) bool {
	h := vm.head
	if a.tok(h).XPOS != "VBN" || h == a.first {
		return false
	}
	switch baseDep(a.tok(h).Dep) {
	case "acl", "advcl", "amod":
	default:
		return false
	}
	p := h - 1
	if !(a.nominal(p) && a.tok(p).UPOS != "PRON" && a.tok(p).XPOS != "PRP") {
		return false
	}
	for _, c := range a.kids[h-a.first] {
		switch baseDep(a.tok(c).Dep) {
		case "aux", "nsubj", "csubj", "cop", "mark":
			return false
		}
	}
	return !a.hasAgent(vm)
}

// markedThat reports a clause introduced by the subordinator "that" with a
// subject of its own: a complement clause, whatever the parser called it.
func (a *analysis) markedThat(h int) bool {
	that, subj := false, false
	for _, c := range a.kids[h-a.first] {
		switch baseDep(a.tok(c).Dep) {
		case "mark":
			that = that || a.wordOf(c) == "THAT"
		case "nsubj":
			subj = true
		}
	}
	return that && subj
}

// oneSided reports whether an event with source code src and target
// code tgt may be coded without AllowMonadic: both coded; or a protest,
// posture or de-escalation code, or one of sourceOnly, without a target;
// or coercion and violence with one side unknown (never both).
func oneSided(code, src, tgt string) bool {
	switch {
	case src != "---" && tgt != "---":
		return true
	case src != "---":
		return postureCode(code) || unattributed(code) || sourceOnly(code)
	case tgt != "---":
		return unattributed(code)
	}
	return false
}

// unattributed reports codes of coercion and violence (17x-20x) that news
// often reports with one side unnamed ("a car bomb killed a journalist",
// "police arrested dozens of protesters").
func unattributed(code string) bool {
	return strings.HasPrefix(code, "17") || strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")
}

// subjectBinding returns the phrase of the verb's subject, coded or not,
// unless it is the target.
func (a *analysis) subjectBinding(vm verbMatch, tgt binding) binding {
	h := a.clauseHead(vm.head)
	for _, c := range a.kids[h-a.first] {
		if d := baseDep(a.tok(c).Dep); d == "nsubj" || d == "csubj" {
			if b := a.blockBinding(c); b.set && b != tgt {
				return b
			}
			return binding{}
		}
	}
	return binding{}
}

// hasOwnSubject reports a clause head with a subject of its own.
func (a *analysis) hasOwnSubject(h int) bool {
	for _, c := range a.kids[h-a.first] {
		if d := baseDep(a.tok(c).Dep); d == "nsubj" || d == "nsubjpass" {
			return true
		}
	}
	return false
}

// codedComp reports a compound with at least one coded member: a list of
// uncoded words ("sanctions ... and six others") is passed over for a
// coded phrase after it.
func (a *analysis) codedComp(nec int) bool {
	for _, x := range a.comps[nec].members {
		if a.nps[x].coded {
			return true
		}
	}
	return false
}

// sourceOnly reports codes that news often tells with a named actor and an
// unnamed or uncoded target: aid (07x: "provided food to 300,000
// people"), investigation (09x: "police opened an investigation into the
// allegations") and cuts in relations or aid (16x: "suspended aid
// deliveries").
func sourceOnly(code string) bool {
	return strings.HasPrefix(code, "07") || strings.HasPrefix(code, "09") || strings.HasPrefix(code, "16")
}

// mistagged reports a past-tense verb the tagger took for an adjective or
// a participle modifier between a subject and its object ("Irish
// guerrillas wounded[JJ] two British soldiers", "helicopters shelled[VBN,
// amod] positions"): a word ending in -ED after a common noun and before
// a determiner, number, adjective or noun, in a sentence whose parse
// gives it no clause of its own.
func (a *analysis) mistagged(i int) bool {
	t := a.tok(i)
	if i == a.first || i+1 >= a.last || (t.XPOS != "JJ" && t.XPOS != "VBN") {
		return false
	}
	if d := baseDep(t.Dep); d != "amod" && d != "acl" {
		return false
	}
	w := a.wordOf(i)
	if !strings.HasSuffix(w, "ED") {
		return false
	}
	p, n := a.tok(i-1), a.tok(i+1)
	if !strings.HasPrefix(p.XPOS, "NNS") && p.XPOS != "NNPS" {
		return false
	}
	switch {
	case n.XPOS == "DT" || n.XPOS == "CD" || n.XPOS == "PRP$" || strings.HasPrefix(n.XPOS, "NN") || strings.HasPrefix(n.XPOS, "JJ"):
	default:
		return false
	}
	for x := a.first; x < a.last; x++ {
		if x != i && a.isVerb(x) && baseDep(a.tok(x).Dep) == "root" && !speechVerbs[upper(a.tok(x).Lemma)] {
			return false // the sentence has its verb ("police said" does not count)
		}
	}
	return true
}

// flatRegion returns the tokens after a mistagged verb up to the next
// comma, full stop or verb: its words for pattern matching.
func (a *analysis) flatRegion(i int) []int {
	out := a.regionBuf[:0]
	defer func() { a.regionBuf = out[:0] }()
	for x := i + 1; x < a.last; x++ {
		if w := a.wordOf(x); w == "," || w == "." || w == ";" || a.isVerb(x) {
			break
		}
		out = append(out, x)
	}
	return out
}

// obligationAux are the modals by which a speaker says what another must
// do.
var obligationAux = map[string]bool{"MUST": true, "SHOULD": true}

// demands codes "X said (that) Y must/should do Z" as X's demand (100) of
// Y, as PETRARCH-2 composes a statement with a modal complement: the
// speaker is the subject of a speech verb, the target the complement's
// coded subject. The event's trigger is the modal.
func (c *Coder) demands(a *analysis, si int, have []doc.Event) []doc.Event {
	var out []doc.Event
	for v := a.first; v < a.last; v++ {
		if !a.isVerb(v) || !speechVerbs[upper(a.tok(v).Lemma)] {
			continue
		}
		vm := verbMatch{first: v, last: v, head: v}
		src := a.subjectSource(vm, binding{})
		if !src.set {
			continue
		}
		for _, h := range a.kids[v-a.first] {
			if baseDep(a.tok(h).Dep) != "ccomp" {
				continue
			}
			modal := -1
			for _, k := range a.kids[h-a.first] {
				if baseDep(a.tok(k).Dep) == "aux" && obligationAux[a.wordOf(k)] {
					modal = k
				}
			}
			if modal < 0 {
				continue
			}
			tgt := a.subjectSource(verbMatch{first: h, last: h, head: h}, src)
			if !tgt.set {
				continue
			}
			for _, s := range a.refs(src) {
				for _, t := range a.refs(tgt) {
					if s.Code == "---" || t.Code == "---" || s.Code == t.Code || (s.Entity != "" && s.Entity == t.Entity) {
						continue
					}
					dup := false
					for _, e := range have {
						if e.Source.Code == s.Code && e.Target.Code == t.Code && strings.HasPrefix(e.CAMEO, "10") {
							dup = true
						}
					}
					if dup {
						continue
					}
					trig := a.tok(modal).Span()
					ev := doc.Event{Source: s, Target: t, CAMEO: "100", Sent: si, Trigger: trig,
						Evidence:   doc.Span{Start: min(s.Span.Start, trig.Start), End: max(t.Span.End, trig.End)},
						Confidence: 0.8, Date: a.d.Date}
					if g, ok := goldsteinOf("100"); ok {
						ev.Goldstein = g
						ev.Plover = ploverOf("100")
					}
					out = append(out, ev)
				}
			}
		}
	}
	return out
}
