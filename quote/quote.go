// Package quote finds reported speech in a story: direct, indirect and
// mixed quotes, each with its cue, speaker, attribution chain (who relayed
// it), content, stance, channel and addressee; and, once events are coded,
// the claims those quotes make and which claims contradict each other.
//
// It works over the dependency parse when the story has one (the normal
// pipeline), and falls back to the order of words around quotation marks
// when it does not.
package quote

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/quote/attrib"
)

// Extractor is the quote stage. It holds no state between documents and
// is safe for concurrent use.
type Extractor struct{}

// New returns the quote stage.
func New() *Extractor { return &Extractor{} }

// Requires lists the layers the stage reads; it uses the syntax and
// entity layers as well when the story has them.
const Requires = doc.LayerTokens | doc.LayerSentences

// Process finds the quotes of d and stores them in d.Quotes.
func (x *Extractor) Process(ctx context.Context, d *doc.Doc) error {
	if !d.Layers.Has(Requires) && len(d.Tokens) > 0 && len(d.Sentences) == 0 {
		return fmt.Errorf("quote: story %q has no sentences", d.ID)
	}
	a := newAnalysis(d)
	if err := a.run(); err != nil {
		return fmt.Errorf("quote: story %q: %w", d.ID, err)
	}
	d.Quotes = a.quotes
	return nil
}

// analysis is the working state for one story.
type analysis struct {
	d         *doc.Doc
	deps      bool
	pos       bool
	children  [][]int
	subMin    []int
	subMax    []int
	regions   []region
	inRegion  []int // region index of each token, or -1
	mentionAt []int // mention index covering each token, or -1
	quotes    []doc.Quote
	used      map[int]bool // cue tokens already used
	outlet    doc.Ref      // the last outlet that relayed a quote
}

func newAnalysis(d *doc.Doc) *analysis {
	n := len(d.Tokens)
	a := &analysis{
		d:    d,
		deps: d.Layers.Has(doc.LayerDeps),
		pos:  d.Layers.Has(doc.LayerPOS),
		used: map[int]bool{},
	}
	a.inRegion = make([]int, n)
	for i := range a.inRegion {
		a.inRegion[i] = -1
	}
	a.regions = findRegions(d)
	for ri, r := range a.regions {
		lo, hi := r.First, r.Last
		if r.Open >= 0 {
			lo = r.Open
		}
		if r.Close >= 0 {
			hi = r.Close + 1
		}
		for i := lo; i < hi; i++ {
			a.inRegion[i] = ri
		}
	}
	a.mentionAt = make([]int, n)
	for i := range a.mentionAt {
		a.mentionAt[i] = -1
	}
	for mi, m := range d.Mentions {
		for i := m.First; i < m.Last && i < n; i++ {
			if i >= 0 && (a.mentionAt[i] < 0 || d.Mentions[a.mentionAt[i]].Last-d.Mentions[a.mentionAt[i]].First > m.Last-m.First) {
				a.mentionAt[i] = mi
			}
		}
	}
	if a.deps {
		a.children = make([][]int, n)
		a.subMin = make([]int, n)
		a.subMax = make([]int, n)
		for i := range d.Tokens {
			a.subMin[i], a.subMax[i] = i, i
		}
		for i, t := range d.Tokens {
			if t.Head >= 0 && t.Head < n && t.Head != i {
				a.children[t.Head] = append(a.children[t.Head], i)
			}
		}
		for i := range d.Tokens {
			// Walk up, widening every ancestor's subtree span.
			for h, steps := d.Tokens[i].Head, 0; h >= 0 && h < n && steps < n; h, steps = d.Tokens[h].Head, steps+1 {
				if i < a.subMin[h] {
					a.subMin[h] = i
				}
				if i > a.subMax[h] {
					a.subMax[h] = i
				}
			}
		}
	}
	return a
}

func (a *analysis) form(i int) string  { return a.d.TokenText(i) }
func (a *analysis) lower(i int) string { return strings.ToLower(a.d.Tokens[i].Norm) }

func (a *analysis) dep(i int) string {
	dep := a.d.Tokens[i].Dep
	if k := strings.IndexByte(dep, ':'); k >= 0 && dep[:k] != "nsubj" && dep[:k] != "obl" && dep[:k] != "aux" {
		return dep[:k]
	}
	return dep
}

// child returns the first child of i with one of the relations.
func (a *analysis) child(i int, rels ...string) int {
	if !a.deps {
		return -1
	}
	for _, c := range a.children[i] {
		for _, r := range rels {
			if a.d.Tokens[c].Dep == r || a.dep(c) == r {
				return c
			}
		}
	}
	return -1
}

// isVerb reports whether token i can be a cue verb.
func (a *analysis) isVerb(i int) bool {
	if !a.pos {
		return true
	}
	switch a.d.Tokens[i].UPOS {
	case "VERB":
		return true
	case "AUX", "NOUN", "PROPN", "ADJ":
		return false
	}
	return strings.HasPrefix(a.d.Tokens[i].XPOS, "VB")
}

// cueAt returns the class and lemma of a cue verb at token i.
func (a *analysis) cueAt(i int) (string, CueClass) {
	if a.inRegion[i] >= 0 || a.d.Tokens[i].Sent < 0 {
		return "", CueNone
	}
	lemma, c := cueLemma(a.d.Tokens[i].Norm, a.d.Tokens[i].Lemma)
	if c == CueNone || !a.isVerb(i) {
		return "", CueNone
	}
	return lemma, c
}

func (a *analysis) run() error {
	a.directQuotes()
	a.indirectQuotes()
	a.accordingTo()
	a.colonQuotes()
	if err := a.learnedQuotes(); err != nil {
		return err
	}
	sort.SliceStable(a.quotes, func(i, j int) bool {
		qi, qj := a.quotes[i], a.quotes[j]
		if qi.Content.Start != qj.Content.Start {
			return qi.Content.Start < qj.Content.Start
		}
		return qi.Content.End > qj.Content.End
	})
	a.chainNested()
	for i := range a.quotes {
		a.quotes[i].ID = fmt.Sprintf("Q%d", i+1)
	}
	return nil
}

// learnedQuotes merges in the attributions of the learned tagger
// (package quote/attrib), trained on PolNeAR. Where the rules found a
// quote whose cue overlaps the tagger's cue, the rules' quote stays (with
// its chain, addressee and channel) and only takes the tagger's fuller
// extents: the cue ("said in an interview"), a speaker phrase that
// overlaps the rules' one, a content that overlaps the rules' one, and a
// speaker the rules could not find, or one that resolves to an entity in
// place of an unresolved rules' speaker (no chain in play); a second
// content part the tagger sees for that cue ("X," he said, "Y") becomes a
// copy of the rules' quote.
// Elsewhere the tagger's attribution becomes a new quote. It needs the
// dependency parse.
func (a *analysis) learnedQuotes() error {
	if !a.deps || !a.pos || len(a.d.Tokens) == 0 {
		return nil
	}
	m, err := attrib.Default()
	if err != nil {
		return err
	}
	nRules := len(a.quotes)
	overlap := func(x, y doc.Span) bool { return x.Len() > 0 && y.Len() > 0 && x.Start < y.End && y.Start < x.End }
	union := func(x, y doc.Span) doc.Span { return doc.Span{Start: min(x.Start, y.Start), End: max(x.End, y.End)} }
	for _, at := range m.Attributions(a.d, attribLexicon) {
		cue := a.d.TokenSpan(at.Cue.First, at.Cue.Last)
		var src, con doc.Span
		if !at.Source.Empty() {
			src = a.d.TokenSpan(at.Source.First, at.Source.Last)
		}
		if !at.Content.Empty() {
			con = a.d.TokenSpan(at.Content.First, at.Content.Last)
		}
		matched, conDone := -1, con.Len() == 0
		for k := 0; k < nRules; k++ {
			q := &a.quotes[k]
			if !overlap(q.Cue, cue) {
				continue
			}
			matched = k
			q.Cue = union(q.Cue, cue)
			switch sp := q.Speaker.Span; {
			case src.Len() == 0:
			case sp.Len() == 0 && q.Speaker.Entity == "":
				q.Speaker = a.ref(at.Source.First, at.Source.Last)
			case overlap(sp, src):
				q.Speaker.Span = union(sp, src)
				q.Speaker.Text = a.d.Slice(q.Speaker.Span)
			case len(q.Via) == 0 && q.Speaker.Entity == "" && a.d.Tokens[at.Source.First].Sent == a.d.Tokens[at.Cue.First].Sent:
				// The rules' speaker resolved to no entity and the tagger
				// sees another source, with no chain in play.
				if r := a.ref(at.Source.First, at.Source.Last); r.Entity != "" {
					q.Speaker = r
				}
			}
			if overlap(q.Content, con) {
				q.Content = union(q.Content, con)
				conDone = true
			} else if q.Content.Len() == 0 && con.Len() > 0 {
				q.Content = con
				conDone = true
			}
		}
		if matched >= 0 {
			if !conDone {
				for _, q := range a.quotes {
					if overlap(q.Content, con) {
						conDone = true
						break
					}
				}
			}
			if !conDone {
				q := a.quotes[matched]
				q.Via = append([]doc.Ref{}, q.Via...)
				q.Content = con
				q.Kind = a.kindOf(at.Content)
				a.quotes = append(a.quotes, q)
			}
			continue
		}
		q := doc.Quote{Kind: doc.Indirect, Via: []doc.Ref{}, Cue: cue, Stance: doc.Assert, Sent: a.d.Tokens[at.Cue.First].Sent}
		if src.Len() > 0 {
			q.Speaker = a.ref(at.Source.First, at.Source.Last)
		}
		if con.Len() > 0 {
			q.Content = con
			q.Kind = a.kindOf(at.Content)
		}
		q.Stance = stanceOf(a, cueInfo{verb: -1, class: CueClass(at.CueClass)}, q.Content)
		a.quotes = append(a.quotes, q)
	}
	return nil
}

// kindOf tells a direct quote (inside one quoted region), a mixed one
// (partly quoted) and an indirect one.
func (a *analysis) kindOf(r attrib.Range) doc.QuoteKind {
	first, last := a.inRegion[r.First], a.inRegion[r.Last-1]
	switch {
	case first >= 0 && first == last:
		return doc.Direct
	case first >= 0 || last >= 0:
		return doc.Mixed
	}
	return doc.Indirect
}

func attribLexicon(norm, lemma string) int { return int(CueClassOf(norm, lemma)) }

// cueInfo is what a cue verb tells about its quote.
type cueInfo struct {
	verb    int
	lemma   string
	class   CueClass
	cue     doc.Span
	speaker doc.Ref
	via     []doc.Ref
	channel string
	to      string
}

// directQuotes attributes each quoted region.
func (a *analysis) directQuotes() {
	var prev *doc.Quote
	prevSent := -10
	for ri, r := range a.regions {
		first, last := r.First, r.Last-1
		sFirst, sLast := a.d.Tokens[first].Sent, a.d.Tokens[last].Sent
		if r.Close >= 0 {
			sLast = a.d.Tokens[r.Close].Sent
		}
		ci, ok := a.cueForRegion(ri, sFirst, sLast)
		if !ok {
			startsSentence := a.regionStartsSentence(r)
			switch {
			case prev != nil && startsSentence && sFirst-prevSent <= 2 && sFirst > prevSent:
				// A continuation: no new cue, same speaker.
				q := *prev
				q.Content = r.span(a.d)
				q.Sent = sFirst
				q.Kind = doc.Direct
				q.Via = append([]doc.Ref(nil), prev.Via...)
				a.quotes = append(a.quotes, q)
				prev = &a.quotes[len(a.quotes)-1]
				prevSent = sLast
			case startsSentence && r.size() >= 6:
				a.quotes = append(a.quotes, doc.Quote{Kind: doc.Direct, Content: r.span(a.d), Sent: sFirst, Via: []doc.Ref{}})
				prev = &a.quotes[len(a.quotes)-1]
				prevSent = sLast
			}
			// Otherwise a scare quote, a title or a nickname: not speech.
			continue
		}
		a.used[ci.verb] = true
		q := doc.Quote{
			Kind: doc.Direct, Speaker: ci.speaker, Via: ci.via, Cue: ci.cue,
			Content: r.span(a.d), Stance: stanceOf(a, ci, r.span(a.d)),
			Channel: ci.channel, Addressee: ci.to, Sent: a.d.Tokens[ci.verb].Sent,
		}
		// A quoted fragment inside a reported clause ("said X were
		// “cause for concern”") makes a mixed quote whose content is the
		// whole clause.
		if c := a.contentOf(ci); c.Len() > 0 && c.Contains(q.Content) && c.Len() > q.Content.Len()+2 && !a.clauseIsRegion(c, r) {
			q.Kind = doc.Mixed
			q.Content = c
		} else if r.size() <= 4 && !a.regionStartsSentence(r) && a.contentOf(ci).Len() == 0 {
			continue // a short quoted phrase the cue does not govern
		}
		a.quotes = append(a.quotes, q)
		prev = &a.quotes[len(a.quotes)-1]
		prevSent = sLast
	}
}

func (a *analysis) clauseIsRegion(c doc.Span, r region) bool {
	rs := r.span(a.d)
	inner := a.d.TokenSpan(r.First, r.Last)
	return c == rs || c == inner
}

func (a *analysis) regionStartsSentence(r region) bool {
	start := r.First
	if r.Open >= 0 {
		start = r.Open
	}
	s := a.d.Tokens[start].Sent
	return s >= 0 && a.d.Sentences[s].First == start
}

// cueForRegion finds the cue verb that introduces quoted region ri.
func (a *analysis) cueForRegion(ri, sFirst, sLast int) (cueInfo, bool) {
	r := a.regions[ri]
	lo := a.d.Sentences[sFirst].First
	hi := a.d.Sentences[sLast].Last
	if a.deps {
		// A cue verb outside the region that governs it, or that hangs off
		// a word inside it (parataxis: “…,” he said).
		best := -1
		for i := lo; i < hi; i++ {
			if _, c := a.cueAt(i); c == CueNone || a.used[i] {
				continue
			}
			if a.governsRegion(i, r) || a.attachedInto(i, r) {
				if best < 0 || abs(i-r.Last) < abs(best-r.Last) {
					best = i
				}
			}
		}
		if best >= 0 {
			return a.cueInfo(best), true
		}
	}
	// Word order: “…,” X said. / “…,” said X. / X said: “…”
	for i := r.Last; i < hi && i < r.Last+8; i++ {
		if a.inRegion[i] >= 0 && a.inRegion[i] != ri {
			break
		}
		if _, c := a.cueAt(i); c != CueNone && !a.used[i] {
			return a.cueInfo(i), true
		}
	}
	start := r.First
	if r.Open >= 0 {
		start = r.Open
	}
	for i := start - 1; i >= lo && i >= start-10; i-- {
		if a.inRegion[i] >= 0 {
			break
		}
		if _, c := a.cueAt(i); c != CueNone && !a.used[i] {
			return a.cueInfo(i), true
		}
		if a.form(i) == ":" && i > lo && i == start-1 {
			if _, c := a.cueAt(i - 1); c != CueNone && !a.used[i-1] {
				return a.cueInfo(i - 1), true
			}
			// "Lukashenko: “…”": the words before the colon are the speaker.
			sp := doc.Span{Start: a.d.Tokens[lo].Start, End: a.d.Tokens[i-1].End}
			return cueInfo{verb: i, cue: a.d.Tokens[i].Span(), speaker: a.ref(lo, i), class: CueSpeech, via: []doc.Ref{}}, sp.Len() > 0 && i-lo <= 6
		}
	}
	return cueInfo{}, false
}

// governsRegion reports whether verb v is an ancestor of the region's
// root within the sentence.
func (a *analysis) governsRegion(v int, r region) bool {
	root := a.regionRoot(r)
	if root < 0 {
		return false
	}
	for h, steps := a.d.Tokens[root].Head, 0; h >= 0 && steps < 50; h, steps = a.d.Tokens[h].Head, steps+1 {
		if h == v {
			return true
		}
		if a.inRegion[h] < 0 && h != v {
			// Allow one intermediate word outside the region (xcomp
			// "saying" under "quoted").
			if a.d.Tokens[h].Head == v {
				return true
			}
			return false
		}
	}
	return false
}

// attachedInto reports whether verb v's head lies inside the region.
func (a *analysis) attachedInto(v int, r region) bool {
	h := a.d.Tokens[v].Head
	return h >= r.First && h < r.Last
}

// regionRoot returns the token of the region whose head lies outside it.
func (a *analysis) regionRoot(r region) int {
	for i := r.First; i < r.Last; i++ {
		h := a.d.Tokens[i].Head
		if h < r.First || h >= r.Last {
			if a.d.Tokens[i].UPOS != "PUNCT" {
				return i
			}
		}
	}
	return -1
}

// cueInfo gathers the speaker, chain, channel and addressee of cue verb v.
func (a *analysis) cueInfo(v int) (ci cueInfo) {
	lemma, class := a.cueAt(v)
	ci = cueInfo{verb: v, lemma: lemma, class: class, via: []doc.Ref{}}
	ci.cue = a.cueSpan(v)
	passive := a.child(v, "nsubj:pass", "aux:pass") >= 0 || a.passiveByWords(v)
	subj := a.child(v, "nsubj", "nsubj:pass", "csubj")
	if subj < 0 && a.deps {
		// "... and said": take the subject of the coordinated head.
		if a.dep(v) == "conj" || a.dep(v) == "xcomp" || a.dep(v) == "advcl" {
			subj = a.child(a.d.Tokens[v].Head, "nsubj", "nsubj:pass")
		}
	}
	if subj < 0 && a.deps {
		// A parser may hang "X, quoted by Y," before the verb as a clause
		// of its own; its subject is the speaker.
		for _, k := range a.children[v] {
			if k < v && (a.dep(k) == "ccomp" || a.dep(k) == "advcl" || a.dep(k) == "csubj") {
				if s2 := a.child(k, "nsubj", "nsubj:pass"); s2 >= 0 && s2 < k {
					subj = s2
					if l, cl := cueLemma(a.d.Tokens[k].Norm, a.d.Tokens[k].Lemma); cl == CueQuoting || l == "cite" {
						if by := a.byAgent(k); by >= 0 {
							pending := a.refPhrase(by)
							defer func() { ci.via = append([]doc.Ref{pending}, ci.via...); a.outlet = pending }()
						}
					}
					break
				}
			}
		}
	}
	if subj < 0 {
		subj = a.subjectByWords(v)
	}
	switch {
	case class == CueQuoting && !passive:
		// "BelTA quoted him as saying": the object speaks, the subject relays.
		obj := a.child(v, "obj")
		if obj < 0 {
			obj = a.objectByWords(v)
		}
		if obj >= 0 {
			ci.speaker = a.refPhrase(obj)
			if subj >= 0 {
				outlet := a.refPhrase(subj)
				ci.via = append(ci.via, outlet)
				a.outlet = outlet
			}
			ci.cue = a.quotingCueSpan(v)
		} else if subj >= 0 {
			ci.speaker = a.refPhrase(subj)
		}
	case class == CueQuoting && passive:
		// "he was quoted as saying": the outlet is the by-agent, or the one
		// named earlier in the story.
		if subj >= 0 {
			ci.speaker = a.refPhrase(subj)
		}
		if by := a.byAgent(v); by >= 0 {
			outlet := a.refPhrase(by)
			ci.via = append(ci.via, outlet)
			a.outlet = outlet
		} else if a.outlet.Text != "" {
			ci.via = append(ci.via, a.outlet)
		}
		ci.cue = a.quotingCueSpan(v)
	default:
		if subj >= 0 {
			ci.speaker = a.refPhrase(subj)
			// "Lukashenko, quoted by BelTA, said": the participle names the outlet.
			if q := a.quotedByOn(subj); q.Text != "" {
				ci.via = append(ci.via, q)
				a.outlet = q
			}
		} else if sp := a.invertedSubject(v); sp >= 0 {
			ci.speaker = a.refPhrase(sp)
		}
	}
	ci.channel = a.channelOf(v)
	ci.to = a.addresseeOf(v, lemma)
	return ci
}

func (a *analysis) passiveByWords(v int) bool {
	if a.deps {
		return false
	}
	for i := v - 1; i >= 0 && i >= v-2; i-- {
		switch a.lower(i) {
		case "was", "were", "been", "is", "are", "being":
			return true
		}
	}
	return false
}

// stopWord ends a noun phrase found by word order.
func stopWord(s string) bool {
	switch s {
	case "in", "on", "at", "for", "to", "that", "during", "after", "before", "from", "with", "of", "by",
		"and", "but", "or", "as", "when", "while", "who", "which", "was", "is", "has", "had":
		return true
	}
	return false
}

func (a *analysis) isWord(i int) bool {
	f := a.form(i)
	if f == "" || a.inRegion[i] >= 0 {
		return false
	}
	c := f[0]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80 && markOf(f) == notMark && f != "—" && f != "–"
}

// subjectByWords finds a subject by word order when there is no parse:
// the words right before the verb, back to a comma, a quote or the
// sentence start. It returns the phrase's last token, or -1.
func (a *analysis) subjectByWords(v int) int {
	if a.deps {
		return -1
	}
	lo, _ := a.phraseBefore(v)
	if lo < 0 {
		return -1
	}
	return v - 1
}

func (a *analysis) phraseBefore(v int) (int, int) {
	s := a.d.Tokens[v].Sent
	first := a.d.Sentences[s].First
	lo := v
	for i := v - 1; i >= first && i >= v-6; i-- {
		if !a.isWord(i) || (stopWord(a.lower(i)) && a.lower(i) != "was") {
			break
		}
		lo = i
	}
	if lo == v {
		return -1, -1
	}
	// "was quoted": the auxiliary is not part of the subject.
	hi := v
	for hi > lo && (a.lower(hi-1) == "was" || a.lower(hi-1) == "were" || a.lower(hi-1) == "has" || a.lower(hi-1) == "had") {
		hi--
	}
	if hi == lo {
		return -1, -1
	}
	return lo, hi
}

// phraseAfter returns the words right after token v, up to punctuation or
// a function word.
func (a *analysis) phraseAfter(v int) (int, int) {
	s := a.d.Tokens[v].Sent
	last := a.d.Sentences[s].Last
	hi := v + 1
	for hi < last && hi <= v+5 && a.isWord(hi) && !stopWord(a.lower(hi)) {
		hi++
	}
	if hi == v+1 {
		return -1, -1
	}
	return v + 1, hi
}

func (a *analysis) objectByWords(v int) int {
	if a.deps || v+1 >= len(a.d.Tokens) {
		return -1
	}
	if isPronoun(a.lower(v+1)) || a.mentionAt[v+1] >= 0 {
		return v + 1
	}
	return -1
}

// invertedSubject finds X in "…,” said X: only when the verb comes right
// after the quote.
func (a *analysis) invertedSubject(v int) int {
	i := v - 1
	for i >= 0 && a.inRegion[i] < 0 && (a.form(i) == "," || a.form(i) == "—") {
		i--
	}
	if i < 0 || a.inRegion[i] < 0 {
		return -1
	}
	lo, _ := a.phraseAfter(v)
	return lo
}

// byAgent returns the head of the "by X" phrase of a passive verb.
func (a *analysis) byAgent(v int) int {
	if c := a.child(v, "obl:agent"); c >= 0 {
		return c
	}
	if a.deps {
		for _, c := range a.children[v] {
			if a.dep(c) == "obl" && a.child(c, "case") >= 0 && a.lower(a.child(c, "case")) == "by" {
				return c
			}
		}
		return -1
	}
	for i := v + 1; i < len(a.d.Tokens) && i <= v+2; i++ {
		if a.lower(i) == "by" && i+1 < len(a.d.Tokens) {
			return i + 1
		}
	}
	return -1
}

// quotedByOn finds "quoted by X" attached to a subject noun.
func (a *analysis) quotedByOn(subj int) doc.Ref {
	if !a.deps {
		return doc.Ref{}
	}
	for _, c := range a.children[subj] {
		if a.dep(c) != "acl" {
			continue
		}
		if l, class := cueLemma(a.d.Tokens[c].Norm, a.d.Tokens[c].Lemma); class == CueQuoting || l == "cite" {
			if by := a.byAgent(c); by >= 0 {
				return a.refPhrase(by)
			}
		}
	}
	return doc.Ref{}
}

// cueSpan returns the verb with its auxiliaries, negation and particles.
func (a *analysis) cueSpan(v int) doc.Span {
	lo, hi := v, v
	if a.deps {
		for _, c := range a.children[v] {
			switch a.dep(c) {
			case "aux", "aux:pass", "neg", "compound":
				if c < lo && v-c <= 3 {
					lo = c
				}
			}
			if a.d.Tokens[c].Dep == "compound:prt" && c > hi && c-v <= 2 {
				hi = c
			}
		}
	}
	if !a.deps {
		for lo > 0 && v-lo < 2 && (a.lower(lo-1) == "was" || a.lower(lo-1) == "were" || a.lower(lo-1) == "been") {
			lo--
		}
	}
	// Keep the cue contiguous and free of quoted words.
	for i := lo; i < v; i++ {
		if a.inRegion[i] >= 0 || a.form(i) == "," {
			lo = i + 1
		}
	}
	return a.d.TokenSpan(lo, hi+1)
}

// quotingCueSpan covers "quoted him as saying" or "was quoted as saying".
func (a *analysis) quotingCueSpan(v int) doc.Span {
	sp := a.cueSpan(v)
	s := a.d.Tokens[v].Sent
	hi := a.d.Sentences[s].Last
	end := v
	for i := v + 1; i < hi && i <= v+4; i++ {
		if a.inRegion[i] >= 0 || a.form(i) == "," || a.form(i) == "." {
			break
		}
		end = i
		if l := a.lower(i); l == "saying" || l == "telling" || l == "writing" {
			break
		}
	}
	if end > v {
		if t := a.lower(end); t == "saying" || t == "telling" || t == "writing" {
			sp.End = a.d.Tokens[end].End
		}
	}
	return sp
}

// refPhrase returns a reference to the noun phrase headed by h: its
// subtree, cut before appositions and participle clauses, resolved to an
// entity when a mention covers its head.
func (a *analysis) refPhrase(h int) doc.Ref {
	lo, hi := h, h
	if a.deps {
		lo, hi = a.subMin[h], a.subMax[h]
		for _, c := range a.children[h] {
			switch a.dep(c) {
			case "appos", "acl", "parataxis", "advcl":
				if c > h && a.subMin[c]-1 < hi+1 {
					hi = a.subMin[c] - 1
				}
			case "punct":
				if c > h && c <= hi && a.form(c) == "," {
					hi = c - 1
				}
			case "nmod", "obl", "acl:relcl":
				if c > h && a.subMin[c] <= hi {
					if cs := a.child(c, "case"); cs >= 0 {
						switch a.lower(cs) {
						case "during", "in", "at", "on", "after", "before", "while", "amid":
							hi = a.subMin[c] - 1
						}
					}
				}
			}
		}
		if hi < h {
			hi = h
		}
		for lo < h && (a.form(lo) == "," || a.inRegion[lo] >= 0 || a.dep(lo) == "case" || a.dep(lo) == "mark") {
			lo++
		}
		// A subject ends at its first comma: "A spokesperson for X, in a
		// statement posted online," and "Lukashenko, a close ally of Putin,".
		for k := h + 1; k <= hi; k++ {
			if a.form(k) == "," {
				hi = k - 1
				break
			}
		}
		for hi > h && (a.form(hi) == "," || a.d.Tokens[hi].UPOS == "PUNCT") {
			hi--
		}
	} else if m := a.mentionAt[h]; m >= 0 {
		lo, hi = a.d.Mentions[m].First, a.d.Mentions[m].Last-1
	} else if h+1 < len(a.d.Tokens) {
		if _, c := a.cueAt(h + 1); c != CueNone || a.lower(h+1) == "was" || a.lower(h+1) == "were" {
			// A subject found by word order: back to the phrase start.
			if l, hh := a.phraseBefore(h + 1); l >= 0 {
				lo, hi = l, hh-1
			}
		} else if pl, ph := a.phraseAfterStart(h); pl >= 0 {
			lo, hi = pl, ph-1
		}
	}
	return a.ref(lo, hi+1)
}

// phraseAfterStart returns the word-order phrase that starts at h.
func (a *analysis) phraseAfterStart(h int) (int, int) {
	if h == 0 {
		return -1, -1
	}
	lo, hi := a.phraseAfter(h - 1)
	if lo != h {
		return -1, -1
	}
	return lo, hi
}

// ref makes a reference for tokens [lo, hi), resolved through the mention
// that covers the phrase's head, or any mention inside it.
func (a *analysis) ref(lo, hi int) doc.Ref {
	r := doc.Ref{Text: a.d.Slice(a.d.TokenSpan(lo, hi)), Span: a.d.TokenSpan(lo, hi)}
	best := -1
	// Prefer the mention at the phrase's syntactic head, else the first
	// mention that resolves to an entity.
	if a.deps {
		for i := lo; i < hi; i++ {
			h := a.d.Tokens[i].Head
			if (h < lo || h >= hi) && a.mentionAt[i] >= 0 && a.d.Mentions[a.mentionAt[i]].Entity >= 0 {
				best = a.mentionAt[i]
				break
			}
		}
	}
	if best < 0 {
		for i := lo; i < hi; i++ {
			if m := a.mentionAt[i]; m >= 0 && a.d.Mentions[m].Entity >= 0 {
				best = m
				break
			}
		}
	}
	if best >= 0 {
		e := a.d.Entities[a.d.Mentions[best].Entity]
		r.Entity = e.ID
		r.Code = e.Actor.Code
	}
	return r
}

// channelOf finds the medium of a statement: "in a statement posted
// online", "in an interview", "on Telegram".
func (a *analysis) channelOf(v int) string {
	s := a.d.Tokens[v].Sent
	lo, hi := a.d.Sentences[s].First, a.d.Sentences[s].Last
	for i := lo; i < hi; i++ {
		if a.inRegion[i] >= 0 {
			continue
		}
		l := a.lower(i)
		if !channelNouns[l] {
			continue
		}
		if a.pos && a.d.Tokens[i].UPOS != "NOUN" && a.d.Tokens[i].UPOS != "PROPN" {
			continue
		}
		// Must follow "in"/"on"/"at"/"during" within three words.
		for j := i - 1; j >= lo && j >= i-3; j-- {
			p := a.lower(j)
			if p == "in" || p == "on" || p == "at" || p == "during" || p == "via" || p == "through" {
				end := i
				if a.deps {
					end = a.subMax[i]
				}
				start := j + 1
				for start < i && isDeterminer(a.lower(start)) {
					start++
				}
				for end > i && (a.form(end) == "," || a.form(end) == ".") {
					end--
				}
				return a.d.Slice(a.d.TokenSpan(start, end+1))
			}
		}
	}
	return ""
}

// addresseeOf finds who was told: "told reporters", "told a meeting of
// regional officials".
func (a *analysis) addresseeOf(v int, lemma string) string {
	if lemma != "tell" && lemma != "inform" && lemma != "assure" && lemma != "write" {
		return ""
	}
	obj := a.child(v, "obj", "iobj")
	if obj < 0 && !a.deps && v+1 < len(a.d.Tokens) {
		// By word order: the phrase after "told" up to "that" or a comma.
		s := a.d.Tokens[v].Sent
		hi := a.d.Sentences[s].Last
		end := v + 1
		for end < hi && end <= v+7 && a.isWord(end) && (end == v+1 || !stopWord(a.lower(end)) || a.lower(end) == "of") && a.lower(end) != "that" {
			end++
		}
		if end == v+1 {
			return ""
		}
		return stripOf(a.d.Slice(a.d.TokenSpan(v+1, end)))
	}
	if obj < 0 {
		return ""
	}
	if gatheringNouns[a.lower(obj)] {
		// "a meeting of regional officials": the "of" complement.
		for _, n := range a.children[obj] {
			if a.dep(n) == "nmod" {
				if cs := a.child(n, "case"); cs >= 0 && a.lower(cs) == "of" {
					return a.phraseText(n, true)
				}
			}
		}
	}
	return a.phraseText(obj, false)
}

// phraseText returns the text of h's subtree without a leading case
// marker ("of") or determiner.
func (a *analysis) phraseText(h int, dropDet bool) string {
	lo, hi := a.subMin[h], a.subMax[h]
	for _, c := range a.children[h] {
		if a.dep(c) == "acl" || a.dep(c) == "ccomp" || a.dep(c) == "punct" {
			if c > h && a.subMin[c]-1 < hi {
				hi = a.subMin[c] - 1
			}
		}
	}
	for lo < h && (a.dep(lo) == "case" || (dropDet && a.dep(lo) == "det")) {
		lo++
	}
	return a.d.Slice(a.d.TokenSpan(lo, hi+1))
}

// contentOf returns the reported clause of a cue verb: its ccomp (with
// "that"), or for a denial its object ("dismissed the notion of ...").
func (a *analysis) contentOf(ci cueInfo) doc.Span {
	if !a.deps {
		return doc.Span{}
	}
	v := ci.verb
	if ci.class == CueQuoting {
		// The content hangs off "saying".
		for _, c := range a.children[v] {
			if a.dep(c) == "xcomp" || a.dep(c) == "advcl" {
				v = c
				break
			}
		}
	}
	// The reported clause: a ccomp after the verb (a parser may hang a
	// stray ccomp before it), else a denial's or announcement's object.
	c := -1
	for _, k := range a.children[v] {
		if a.dep(k) == "ccomp" && k > v && a.subMax[k] > k-1 && (c < 0 || a.subMax[k]-a.subMin[k] > a.subMax[c]-a.subMin[c]) {
			c = k
		}
	}
	if c < 0 && (ci.class == CueDeny || ci.lemma == "announce" || ci.lemma == "confirm") {
		c = a.child(v, "obj")
	}
	if c < 0 && ci.class != CueQuoting {
		// "urged Congress to act", "called for a ban", "criticized the
		// plan", "wants to win": an infinitive, a for/about phrase or an
		// object after the verb carries what is attributed.
		for _, k := range a.children[v] {
			if k < v {
				continue
			}
			switch a.dep(k) {
			case "xcomp":
				c = k
			case "obl":
				if cs := a.child(k, "case"); cs >= 0 && (a.lower(cs) == "for" || a.lower(cs) == "about" || a.lower(cs) == "on") {
					c = k
				}
			case "obj":
				if ci.lemma != "tell" && ci.lemma != "ask" && ci.lemma != "inform" && ci.lemma != "assure" {
					c = k
				}
			}
			if c >= 0 {
				break
			}
		}
	}
	if c < 0 && a.dep(v) == "parataxis" {
		// "Julian Assange should be freed, the rights group says": the
		// cue hangs off the clause it reports; the content is that clause
		// up to the cue's own words.
		h := a.d.Tokens[v].Head
		if h >= 0 && h < v && a.inRegion[h] < 0 {
			lo, hi := a.subMin[h], a.subMin[v]-1
			for hi > lo && (a.d.Tokens[hi].UPOS == "PUNCT" || a.form(hi) == ",") && markOf(a.form(hi)) == notMark {
				hi--
			}
			if hi > lo {
				return a.d.TokenSpan(lo, hi+1)
			}
		}
	}
	if c < 0 {
		// "determined that Ukraine had withdrawn ...", parsed without a
		// ccomp: the clause runs from "that" to the end of the verb's subtree.
		from := v
		if o := a.child(v, "obj", "iobj"); o > v {
			// "told a meeting of regional officials that ...": past the object.
			from = o
			for k := o; k < len(a.d.Tokens) && k <= o+6 && a.d.Tokens[k].Sent == a.d.Tokens[v].Sent; k++ {
				if a.lower(k) == "that" {
					from = k - 1
					break
				}
			}
		}
		for k := from + 1; k < len(a.d.Tokens) && k <= from+3 && a.d.Tokens[k].Sent == a.d.Tokens[v].Sent; k++ {
			if a.lower(k) == "that" && k+1 < len(a.d.Tokens) {
				hi := a.subMax[v]
				if last := a.d.Sentences[a.d.Tokens[v].Sent].Last - 1; hi < last && a.subMax[a.d.Tokens[k].Head] > hi {
					hi = a.subMax[a.d.Tokens[k].Head]
				}
				for hi > k && a.d.Tokens[hi].UPOS == "PUNCT" && markOf(a.form(hi)) == notMark {
					hi--
				}
				if hi > k+1 {
					return a.d.TokenSpan(k, hi+1)
				}
			}
			if a.inRegion[k] >= 0 || a.form(k) == "," {
				break
			}
		}
		return doc.Span{}
	}
	lo, hi := a.subMin[c], a.subMax[c]
	if lo < v && c > v {
		lo = v + 1
	}
	for hi > lo && a.d.Tokens[hi].UPOS == "PUNCT" && markOf(a.form(hi)) == notMark {
		hi--
	}
	return a.d.TokenSpan(lo, hi+1)
}

// indirectQuotes finds cue verbs with a reported clause that are not
// already the cue of a direct quote.
func (a *analysis) indirectQuotes() {
	if !a.deps {
		return
	}
	for i := range a.d.Tokens {
		if a.used[i] {
			continue
		}
		_, class := a.cueAt(i)
		if class == CueNone {
			continue
		}
		ci := a.cueInfo(i)
		content := a.contentOf(ci)
		if content.Len() == 0 {
			continue
		}
		// A clause that is entirely a quoted region was attributed as a
		// direct quote already.
		a.used[i] = true
		a.quotes = append(a.quotes, doc.Quote{
			Kind: doc.Indirect, Speaker: ci.speaker, Via: ci.via, Cue: ci.cue, Content: content,
			Stance: stanceOf(a, ci, content), Channel: ci.channel, Addressee: ci.to,
			Sent: a.d.Tokens[i].Sent,
		})
		if ci.speaker.Text == "" && ci.class == CueCognition {
			a.quotes = a.quotes[:len(a.quotes)-1] // "it is understood that": no source
		}
	}
}

// accordingTo handles "according to X, ...": X is the source of the rest
// of the clause.
func (a *analysis) accordingTo() {
	for i := 0; i+2 < len(a.d.Tokens); i++ {
		if a.lower(i) != "according" || a.lower(i+1) != "to" || a.inRegion[i] >= 0 {
			continue
		}
		s := a.d.Tokens[i].Sent
		if s < 0 {
			continue
		}
		lo, hi := a.d.Sentences[s].First, a.d.Sentences[s].Last
		// The source: up to the next comma or the end of the sentence.
		end := i + 2
		for end < hi && a.form(end) != "," && a.form(end) != "." && a.inRegion[end] < 0 {
			end++
		}
		if end == i+2 {
			continue
		}
		var content doc.Span
		if i > lo {
			// "X did Y, according to Z."
			cEnd := i - 1
			for cEnd > lo && (a.form(cEnd) == "," || a.d.Tokens[cEnd].UPOS == "PUNCT") {
				cEnd--
			}
			content = a.d.TokenSpan(lo, cEnd+1)
		} else {
			// "According to Z, X did Y."
			cStart := end
			for cStart < hi && a.form(cStart) == "," {
				cStart++
			}
			cEnd := hi - 1
			for cEnd > cStart && a.d.Tokens[cEnd].UPOS == "PUNCT" && markOf(a.form(cEnd)) == notMark {
				cEnd--
			}
			content = a.d.TokenSpan(cStart, cEnd+1)
		}
		if content.Len() == 0 {
			continue
		}
		src := a.ref(i+2, end)
		kind := doc.Indirect
		if a.inRegion[a.d.TokenAt(content.Start)] >= 0 {
			kind = doc.Mixed
		}
		a.quotes = append(a.quotes, doc.Quote{
			Kind: kind, Speaker: src, Via: []doc.Ref{}, Cue: a.d.TokenSpan(i, i+2), Content: content,
			Stance: doc.Assert, Sent: s,
		})
	}
}

// colonQuotes handles "Clinton: we will win" and "Reporter X says:"
// without quotation marks: a short phrase ending in a colon near the start
// of a sentence introduces the rest of the sentence, or the next sentence
// when the colon ends this one.
func (a *analysis) colonQuotes() {
	for s := range a.d.Sentences {
		sent := a.d.Sentences[s]
		for i := sent.First + 1; i < sent.Last && i <= sent.First+7; i++ {
			if a.form(i) != ":" || a.inRegion[i] >= 0 || a.used[i] {
				continue
			}
			// The words before the colon name the speaker; a cue verb among
			// them ("Reporter X says:") is the cue.
			cue := a.d.Tokens[i].Span()
			spkHi := i
			for k := sent.First; k < i; k++ {
				if _, c := a.cueAt(k); c != CueNone {
					if a.used[k] {
						spkHi = -1
						break
					}
					cue = a.d.TokenSpan(k, i)
					spkHi = k
					break
				}
				if !a.isWord(k) {
					spkHi = -1
					break
				}
			}
			if spkHi <= sent.First {
				break
			}
			var content doc.Span
			switch {
			case i+1 < sent.Last-1:
				content = a.d.TokenSpan(i+1, sent.Last)
			case s+1 < len(a.d.Sentences) && a.d.Sentences[s+1].Paragraph <= sent.Paragraph+1:
				content = a.d.Sentences[s+1].Span
			}
			if content.Len() == 0 {
				break
			}
			// A quoted region is attributed already.
			if k := a.d.TokenAt(content.Start); k >= 0 && a.inRegion[k] >= 0 {
				break
			}
			a.used[i] = true
			a.quotes = append(a.quotes, doc.Quote{Kind: doc.Indirect, Speaker: a.ref(sent.First, spkHi), Via: []doc.Ref{},
				Cue: cue, Content: content, Stance: doc.Assert, Sent: s})
			break
		}
	}
}

// chainNested gives a quote whose cue sits inside another quote's content
// the outer quote's chain: "BelTA said he told a meeting that ..." makes
// the inner speaker's words reach us via BelTA.
func (a *analysis) chainNested() {
	for i := range a.quotes {
		q := &a.quotes[i]
		if q.Cue.Len() == 0 {
			continue
		}
		outer := -1
		for j := range a.quotes {
			if j == i {
				continue
			}
			o := a.quotes[j]
			if o.Content.Contains(q.Cue) && (outer < 0 || a.quotes[outer].Content.Contains(o.Content)) {
				outer = j
			}
		}
		if outer < 0 || outer > i && a.quotes[outer].Content.Start == q.Content.Start {
			continue
		}
		o := a.quotes[outer]
		chain := append([]doc.Ref{}, o.Via...)
		if o.Speaker.Text != "" {
			chain = append(chain, o.Speaker)
		}
		q.Via = append(chain, q.Via...)
	}
}

// stanceOf decides whether the source asserts, denies or hedges.
func stanceOf(a *analysis, ci cueInfo, content doc.Span) doc.Stance {
	switch ci.class {
	case CueDeny:
		return doc.Deny
	case CueUncertain:
		return doc.Uncertain
	}
	text := strings.ToLower(strings.TrimLeft(a.d.Slice(content), "“\"‘'… ."))
	for _, p := range []string{"there was no ", "there were no ", "there had been no ", "there has been no ", "nothing of the sort"} {
		if strings.HasPrefix(text, p) {
			return doc.Deny
		}
	}
	if a.deps && ci.verb >= 0 && ci.verb < len(a.d.Tokens) && a.child(ci.verb, "advmod") >= 0 {
		if m := a.child(ci.verb, "advmod"); a.lower(m) == "not" || a.lower(m) == "never" {
			return doc.Uncertain // "did not say", "never said"
		}
	}
	for _, w := range []string{" may ", " might ", " could ", " possibly ", " perhaps ", " probably "} {
		if strings.Contains(" "+text+" ", w) && ci.class == CueCognition {
			return doc.Uncertain
		}
	}
	return doc.Assert
}

func isPronoun(s string) bool {
	switch s {
	case "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me":
		return true
	}
	return false
}

func isDeterminer(s string) bool {
	switch s {
	case "a", "an", "the", "its", "his", "her", "their", "our", "this", "that":
		return true
	}
	return false
}

func isCapitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func stripOf(s string) string {
	for _, g := range []string{"a meeting of ", "a gathering of ", "a group of ", "a session of "} {
		if strings.HasPrefix(s, g) {
			return s[len(g):]
		}
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
