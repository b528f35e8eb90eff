package actor

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// Resolver is the pipeline stage that finds actor mentions, resolves each to
// the actor code valid on the story's date and links the mentions of one
// entity (coreference). It requires doc.LayerTokens|doc.LayerSentences,
// reads doc.LayerDeps and doc.LayerNER when the story has them, and assigns
// doc.LayerMentions|doc.LayerEntities. A Resolver is safe for concurrent
// use.
type Resolver struct {
	kb *KB
}

// NewResolver returns a resolver over kb.
func NewResolver(kb *KB) *Resolver {
	if !kb.built {
		kb.build()
	}
	return &Resolver{kb: kb}
}

// Requires lists the layers the resolver reads.
const Requires = doc.LayerTokens | doc.LayerSentences

// Assigns lists the layers the resolver adds.
const Assigns = doc.LayerMentions | doc.LayerEntities

// Process fills d.Mentions and d.Entities. It replaces any mentions and
// entities already on d.
func (r *Resolver) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("actor: resolve %q: %w", d.ID, err)
	}
	if d.Date != "" && !validDate(d.Date) {
		d.Errors.Add(-1, "actor", fmt.Sprintf("story date %q is not YYYY-MM-DD; using the latest roles", d.Date))
	}
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End > len(d.Text) || t.Start > t.End {
			return fmt.Errorf("actor: resolve %q: token %d has span [%d,%d) outside the text (%d bytes)", d.ID, i, t.Start, t.End, len(d.Text))
		}
	}
	p := &pass{kb: r.kb, d: d, date: d.Date, deps: d.Layers.Has(doc.LayerDeps)}
	if !validDate(p.date) {
		p.date = ""
	} else {
		p.date = dateStart(p.date)
	}
	p.keys = tokenKeys(d)
	p.nerEnd, p.nerType = nerSpans(d)
	p.raws = make([]raw, 0, len(d.Tokens)/5+4)
	p.find()
	p.resolve()
	return nil
}

// pass is the state of one Process call.
type pass struct {
	kb      *KB
	d       *doc.Doc
	date    string
	deps    bool
	keys    docKeys
	nerEnd  []int
	nerType []doc.EntityType
	raws    []raw
	// surnames of unknown persons named so far, for a surname used alone.
	surnames map[string]bool
	// noNER makes chain read the knowledge base alone.
	noNER bool
	// controlled reports that the last chain joined a name to what it runs
	// ("Hamas-run health ministry").
	controlled bool

	// second pass
	done     []bool
	country  []string // resolved country of each raw
	ents     []*entState
	byKey    map[string]int
	dominant string
	chosen   map[string]*Person
	// fullNames maps the surname of each person the story names in full
	// to that person.
	fullNames map[string]*Person
}

type entState struct {
	doc.Entity
	key      string
	gender   byte
	number   byte
	person   *Person
	titles   []string
	headWord string
	country  string
	last     int // raw index of the latest mention
	hasName  bool
}

// find is the first pass: it finds the mentions of each sentence.
func (p *pass) find() {
	toks := p.d.Tokens
	for s := 0; s < len(toks); {
		e := s + 1
		for e < len(toks) && toks[e].Sent == toks[s].Sent {
			e++
		}
		p.findIn(s, e, toks[s].Sent)
		s = e
	}
	// "a spokesperson for X": link the speaker to X.
	for i := range p.raws {
		r := &p.raws[i]
		if !r.speaker || r.code != "" || r.country != "" {
			continue
		}
		j := r.last
		if j < len(toks) && (p.keys.key[j] == "for" || p.keys.key[j] == "of" || p.keys.key[j] == "from") {
			j++
			for k := i + 1; k < len(p.raws) && p.raws[k].first <= j+1; k++ {
				if p.raws[k].first == j || (p.raws[k].first == j+1 && determiners[p.keys.key[j]]) {
					r.speaks = k
					break
				}
			}
		}
	}
}

func (p *pass) findIn(s, e, sent int) {
	k := &p.keys
	firstInSent := len(p.raws)
	possessor := -1 // raw index of a person followed by a possessive
	for i := s; i < e; {
		w := k.key[i]
		// "the two leaders"
		if n, end := p.groupAt(i, e); end > 0 {
			p.add(raw{first: i, last: end, sent: sent, kind: doc.MentionNominal, typ: doc.GROUP,
				group: n, source: "coref", definite: true, noun: k.key[end-1]})
			i = end
			continue
		}
		if pronouns[w] && !(possPronouns[w] && i+1 < e && k.key[i+1] == "country") {
			if (w == "it" && p.pleonastic(i, e)) || (w == "her" && false) {
				i++
				continue
			}
			idx := p.add(raw{first: i, last: i + 1, sent: sent, kind: doc.MentionPronoun, pronoun: w, source: "coref"})
			possessor = -1
			if possPronouns[w] {
				possessor = idx // "his government", "its troops"
			}
			i++
			continue
		}
		ch, end, poss := p.chain(i, e)
		if len(ch) == 0 {
			possessor = -1
			i++
			continue
		}
		r, ok := p.interpret(ch, i, end, sent)
		if !ok {
			i = end
			continue
		}
		r.poss = poss > 0
		if possessor >= 0 && (p.raws[possessor].last+2 >= r.first && p.raws[possessor].kind != doc.MentionPronoun || p.raws[possessor].last == r.first) && r.country == "" && r.code == "" {
			r.ctyFrom = possessor
		}
		idx := p.add(r)
		possessor = -1
		if poss > 0 && (len(r.person) > 0 || r.typ == doc.PER) {
			possessor = idx
		}
		i = end + poss
	}
	// Subject detection.
	for j := firstInSent; j < len(p.raws); j++ {
		r := &p.raws[j]
		if p.deps {
			// The mention's syntactic head is its token whose head lies
			// outside it ("Alexander" in "President Alexander Lukashenko",
			// where "Lukashenko" is flat under "Alexander").
			// A misparse may hang a modifier outside too, so any
			// outward arc that is a subject counts.
			r.subject = false
			for t := r.first; t < r.last; t++ {
				if hd := p.d.Tokens[t].Head; (hd < r.first || hd >= r.last) && strings.HasPrefix(p.d.Tokens[t].Dep, "nsubj") {
					r.subject = true
					break
				}
			}
			continue
		}
		if r.last < e && subjectNext[k.key[r.last]] {
			r.subject = true
		}
		if r.last+1 < e && isAdverb(k.key[r.last]) && subjectNext[k.key[r.last+1]] {
			r.subject = true
		}
		if j == firstInSent && (r.first == s || r.first == s+1 && !isWord(k.key[s])) {
			r.subject = true
		}
	}
}

func isAdverb(w string) bool {
	return strings.HasSuffix(w, "ly") || w == "also" || w == "then" || w == "later"
}

func (p *pass) add(r raw) int {
	if r.ctyFrom == 0 && r.speaks == 0 {
		r.ctyFrom, r.speaks = -1, -1
	}
	p.raws = append(p.raws, r)
	return len(p.raws) - 1
}

// groupAt recognises "the two leaders", "both leaders", "the three
// countries".
func (p *pass) groupAt(i, e int) (int, int) {
	k := p.keys.key
	j := i
	if k[j] == "the" {
		j++
	}
	if j >= e {
		return 0, 0
	}
	n, ok := numberWords[k[j]]
	if !ok || n == 0 {
		return 0, 0
	}
	j++
	if j < e && groupNouns[k[j]] {
		return n, j + 1
	}
	if j+2 < e && k[j] == "heads" && k[j+1] == "of" && k[j+2] == "state" {
		return n, j + 3
	}
	return 0, 0
}

// pleonastic reports an "it" that refers to nothing: "it is understood
// that", "it was likely to".
func (p *pass) pleonastic(i, e int) bool {
	k := p.keys.key
	if i+1 >= e {
		return false
	}
	from := i + 2
	switch k[i+1] {
	case "is", "was", "'s", "seems", "seemed", "appears", "appeared", "remains", "remained":
	case "would", "will", "could", "may", "might":
		// "it would be wrong to": only with "be".
		if i+2 >= e || k[i+2] != "be" {
			return false
		}
		from = i + 3
	default:
		return false
	}
	// "it is (not) clear that", "it was understood", "it seems that": the
	// word after the verb decides, not a later "to" ("it was ready to").
	j := from
	if j < e && (k[j] == "not" || k[j] == "also" || k[j] == "very" || k[j] == "now" || k[j] == "still") {
		j++
	}
	if j < e && (pleonasticWords[k[j]] || k[from-1] == "seems" || k[from-1] == "seemed" || k[from-1] == "appears" || k[from-1] == "appeared") {
		return true
	}
	return false
}

// pleonasticWords follow "it is" in an "it" that refers to nothing.
var pleonasticWords = map[string]bool{
	"that": true, "unclear": true, "clear": true, "likely": true, "unlikely": true, "possible": true,
	"impossible": true, "important": true, "necessary": true, "understood": true, "believed": true,
	"expected": true, "reported": true, "raining": true, "time": true, "hard": true, "difficult": true,
	"easy": true, "true": true, "thought": true, "feared": true, "known": true, "said": true,
	"wrong": true, "right": true, "essential": true, "vital": true, "crucial": true, "obvious": true,
	"estimated": true, "hoped": true, "planned": true, "too": true, "worth": true, "a": true,
}

// chain reads the elements of one mention from token i: determiners,
// modifiers, demonyms, countries, titles, names and sector nouns, joined by
// possessives. It returns the elements, the end of the last one and the
// length of a possessive that follows the chain (0 if none).
func (p *pass) chain(i, e int) ([]elem, int, int) {
	k := &p.keys
	p.controlled = false
	var ch []elem
	j := i
	det := false
	for j < e {
		end, ents := p.kb.match(k, j, e)
		if end > j {
			if ents = p.plausible(j, end, i, e, ents); len(ents) == 0 {
				end = -1
			}
		}
		nEnd := 0
		if p.nerEnd != nil && p.nerEnd[j] > j {
			nEnd = p.nerEnd[j]
			if nEnd > e {
				nEnd = e
			}
		}
		// A named-entity span the knowledge-base chain covers as well
		// ("Ukrainian Defence Ministry", "President Alexander Lukashenko")
		// is read through the knowledge base.
		if nEnd > end && nEnd > j && !p.noNER {
			p.noNER = true
			_, kbEnd, _ := p.chain(j, e)
			p.noNER = false
			if kbEnd >= nEnd {
				nEnd = 0
			}
		}
		if p.noNER {
			nEnd = 0
		}
		var el elem
		switch {
		case nEnd > end && nEnd > j:
			el = elem{first: j, last: nEnd, kind: eNER, nerType: p.nerType[j]}
		case end == j+1 && isOnlyPerson(ents) && end < e && k.upper[end] && k.lower[end] && isWord(k.key[end]) && !stopWords[k.key[end]] && !calendarWords[k.key[end]] && !p.startsKB(end, e):
			// A one-word alias followed by more capitalised words is the
			// first name of someone else: "John Mwangi" is not King John.
			n := end + 1
			for n < e && n < j+6 && (k.upper[n] && k.lower[n] && isWord(k.key[n]) && !stopWords[k.key[n]] && !calendarWords[k.key[n]] || k.glued[n] && n+1 < e && k.upper[n+1]) {
				n++
			}
			el = elem{first: j, last: n, kind: eName}
		case end > j:
			el = elem{first: j, last: end, kind: eKB, ent: pick(ents), alts: ents}
			// A title before a capitalised word is a title ("General
			// Smith"), otherwise a sector noun wins ("the general").
			if t, ok := hasKind(ents, KindTitle); ok && el.ent.kind == KindSector && end < e && k.upper[end] && k.lower[end] {
				el.ent = t
			}
			if el.ent.kind == KindSector {
				if _, ok := hasKind(ents, KindTitle); ok && len(ch) > 0 && ch[len(ch)-1].kind == eKB && isCountryish(ch[len(ch)-1].ent.kind) && k.upper[j] {
					el.ent, _ = hasKind(ents, KindTitle)
				}
			}
		case len(ch) == 0 && !det && possPronouns[k.key[j]] && j+1 < e && k.key[j+1] == "country":
			el = elem{first: j, last: j + 2, kind: eCountryRef, pron: k.key[j]}
		case det && len(ch) == 0 && k.key[j] == "country":
			el = elem{first: j, last: j + 1, kind: eCountryRef, pron: "the"}
		case len(ch) == 0 && !det && k.upper[j] && k.lower[j] && p.surnames[k.key[j]]:
			el = elem{first: j, last: j + 1, kind: eName}
		case len(ch) == 0 && !det && determiners[k.key[j]]:
			det = true
			j++
			continue
		case len(ch) > 0 && p.titleLike(ch[len(ch)-1]) && k.upper[j] && k.lower[j] && isWord(k.key[j]):
			n := j + 1
			for n < e && n < j+6 && ((k.upper[n] && k.lower[n] && isWord(k.key[n]) && !stopWords[k.key[n]] && !calendarWords[k.key[n]]) || nameParticle[k.key[n]] || k.glued[n] && n+1 < e && k.upper[n+1]) {
				n++
			}
			for n > j+1 && (nameParticle[k.key[n-1]] || k.glued[n-1]) {
				n--
			}
			el = elem{first: j, last: n, kind: eName}
		default:
			// One or two unknown lower-case words between a country or
			// organisation and a sector noun belong to the mention
			// ("Russian aviation authorities").
			if n := p.bridge(ch, j, e); n > j {
				j = n
				continue
			}
			return ch, lastEnd(ch, i), 0
		}
		ch = append(ch, el)
		j = el.last
		if isPersonElem(el) {
			// "the Obama administration": a person before a government noun.
			if el.kind == eKB && j < e && !k.upper[j] {
				if end, ents := p.kb.match(k, j, e); end > j {
					if en := pick(ents); en.kind == KindSector && p.kb.Nouns[en.idx].Type != doc.PER && p.kb.Nouns[en.idx].Sector == "GOV" {
						continue
					}
				}
			}
			return ch, j, k.possLen(j, e)
		}
		if pl := k.possLen(j, e); pl > 0 {
			// A possessive joins what follows unless that is another
			// country ("Turkey's Syria policy").
			if nEnd, ents := p.kb.match(k, j+pl, e); nEnd > j+pl {
				if en := pick(ents); en.kind != KindCountry && en.kind != KindCapital {
					j += pl
					continue
				}
			}
			return ch, j, pl
		}
		if el.kind == eKB && (el.ent.kind == KindTitle || el.ent.kind == KindSector) && j+1 < e && k.key[j] == "of" {
			n := j + 1
			if k.key[n] == "the" {
				n++
			}
			if end, ents := p.kb.match(k, n, e); end > n {
				if en := pick(ents); en.kind == KindCountry {
					ch = append(ch, elem{first: n, last: end, kind: eKB, ent: en, alts: ents, comp: true})
					j = end
					return ch, j, k.possLen(j, e)
				}
			}
		}
		// "Hamas-run health ministry", "Russian-installed officials": what
		// follows belongs to the name's side ("-backed" does not).
		if el.kind == eKB && isCountryish(el.ent.kind) && j+2 < e && k.glued[j] && controlWords[k.key[j+1]] {
			if end, ents := p.kb.match(k, j+2, e); end > j+2 && pick(ents).kind == KindSector {
				j += 2
				p.controlled = true
				continue
			}
		}
		if el.kind == eKB && (el.ent.kind == KindActor || el.ent.kind == KindCountry || el.ent.kind == KindPeople) {
			// A name ends the mention unless a noun follows ("BelTA news
			// agency", "Kremlin leader").
			if end, ents := p.kb.match(k, j, e); end > j {
				if en := pick(ents); en.kind == KindSector || en.kind == KindTitle {
					continue
				}
				if _, ok := hasKind(ents, KindPerson); ok && el.ent.kind == KindActor {
					continue
				}
			}
			if p.nerEnd != nil && j < len(p.nerEnd) && p.nerEnd[j] > j && p.nerType[j] == doc.PER {
				continue
			}
			if n := p.bridge(ch, j, e); n > j {
				j = n // "U.N. war crimes court"
				continue
			}
			return ch, j, 0
		}
	}
	return ch, lastEnd(ch, i), 0
}

func isCountryish(k Kind) bool {
	return k == KindCountry || k == KindDemonym || k == KindActor || k == KindCapital
}

var nameParticle = map[string]bool{"al": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true, "der": true, "da": true, "del": true, "la": true, "el": true, "abu": true}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '\'' && c < 0x80 {
			return false
		}
	}
	return true
}

func lastEnd(ch []elem, i int) int {
	if len(ch) == 0 {
		return i
	}
	return ch[len(ch)-1].last
}

func isPersonElem(el elem) bool {
	switch el.kind {
	case eName:
		return true
	case eNER:
		return el.nerType == doc.PER
	case eKB:
		return el.ent.kind == KindPerson
	}
	return false
}

// interpret turns a chain into one mention.
func (p *pass) interpret(ch []elem, start, end, sent int) (raw, bool) {
	k := &p.keys
	r := raw{sent: sent, first: start, last: end, ctyFrom: -1, speaks: -1, source: "kb"}
	// The head is the last element that is not a modifier.
	h := -1
	for i := len(ch) - 1; i >= 0; i-- {
		if !(ch[i].kind == eKB && ch[i].ent.kind == KindModifier) && !ch[i].comp {
			h = i
			break
		}
	}
	if h < 0 {
		return r, false
	}
	// Trailing modifiers are not part of the mention; an "of" complement is.
	r.last = ch[h].last
	if c := ch[len(ch)-1]; c.comp {
		r.last = c.last
	}
	head := ch[h]
	// The complement's country counts first: "the government of Syria".
	order := make([]int, 0, len(ch))
	for i := len(ch) - 1; i > h; i-- {
		if ch[i].comp {
			order = append(order, i)
		}
	}
	for i := h - 1; i >= 0; i-- {
		order = append(order, i)
	}
	var org *NamedActor
	var title *Noun
	var ctyPron, orgSector string
	for _, i := range order {
		el := ch[i]
		switch el.kind {
		case eCountryRef:
			if r.country == "" && ctyPron == "" {
				ctyPron = el.pron
			}
		case eKB:
			switch el.ent.kind {
			case KindCountry, KindDemonym, KindPeople, KindCapital:
				if r.country == "" && ctyPron == "" {
					r.country = p.kb.Countries[el.ent.idx].Code
				}
			case KindActor:
				if org == nil {
					org = p.kb.Actors[el.ent.idx]
				}
			case KindPerson:
				if r.country == "" && ctyPron == "" {
					role, _ := p.kb.People[el.ent.idx].RoleOn(p.date)
					if c, _ := splitCode(role.Code); c != "IGO" {
						r.country = c
					}
				}
			case KindTitle:
				if title == nil {
					title = p.kb.Nouns[el.ent.idx]
				}
			case KindSector:
				n := p.kb.Nouns[el.ent.idx]
				if n.Type == doc.PER && title == nil {
					title = n // "spokesperson Mao Ning"
				} else if n.Type != doc.PER && n.Sector != "" && orgSector == "" {
					orgSector = n.Sector // "Foreign Ministry spokesperson"
				}
			}
		}
	}
	explicitCty := r.country != "" // from a country, demonym or capital, not an organisation
	if org != nil && r.country == "" && ctyPron == "" {
		r.country = org.Country
	}
	r.definite = k.key[start] == "the"
	hasDet := determiners[k.key[start]]
	nameStart := start
	if hasDet && !(head.kind == eKB && head.ent.kind == KindActor && strings.HasPrefix(strings.ToLower(head.ent.text), "the ")) {
		nameStart = start + 1
	}
	if title != nil {
		r.title = strings.ToLower(title.Text)
		r.sector = title.Sector
		if r.sector == "" {
			r.sector = orgSector
		}
		if r.sector == "" {
			r.sector = "GOV"
		}
	}
	setCtyPron := func() {
		if ctyPron != "" {
			r.ctyRef = false
			r.pronoun = ctyPron
		}
	}
	switch head.kind {
	case eCountryRef:
		r.kind, r.typ, r.ctyRef, r.pronoun = doc.MentionNominal, doc.GPE, true, head.pron
		return r, true
	case eName, eNER:
		r.first = nameStart
		text := p.d.Slice(p.d.TokenSpan(head.first, head.last))
		typ := head.nerType
		if head.kind == eName {
			typ = doc.PER
			r.source = "kb"
		} else {
			r.source = "ner"
		}
		r.kind, r.typ = doc.MentionName, typ
		r.name = text
		r.key = "N:" + strings.ToLower(text)
		if typ == doc.PER {
			r.surname = k.key[head.last-1]
			if p.surnames == nil {
				p.surnames = map[string]bool{}
			}
			p.surnames[r.surname] = true
			if title != nil || org != nil {
				if org != nil && org.Sector != "" {
					r.code = org.Code
				} else if r.country != "" {
					r.code = r.country + r.sector
				} else {
					r.inherit = true
				}
			}
		} else {
			// What the knowledge base knows inside the span: "Belarusian
			// State Border Committee" is Belarusian.
			cty, sec, inner := p.inside(head.first, head.last)
			switch {
			case inner != nil:
				r.code = inner.Code
			case org != nil:
				r.code = org.Code
			case r.country != "":
				r.code = r.country + sec
			case cty != "":
				r.country, r.code = cty, cty+sec
			}
		}
		setCtyPron()
		return r, true
	}
	// A knowledge-base head.
	en := head.ent
	switch en.kind {
	case KindPerson:
		r.first = nameStart
		r.kind, r.typ = doc.MentionName, doc.PER
		r.surname = k.key[head.last-1]
		r.fullName = strings.Contains(en.text, " ")
		for _, a := range head.alts {
			if a.kind == KindPerson {
				r.person = append(r.person, p.kb.People[a.idx])
			}
		}
	case KindActor:
		a := p.kb.Actors[en.idx]
		r.first = nameStart
		r.kind, r.typ, r.code = a.Kind, a.Type, a.Code
		if a.Type == doc.LOC {
			r.country = a.Country // a place: "militants in Jenin"
		}
		r.key = "A:" + a.Code + ":" + a.Names[0]
		r.name = a.Names[0]
		r.number = actorNumber(a)
	case KindCountry:
		c := p.kb.Countries[en.idx]
		r.first = nameStart
		if r.definite && !strings.HasPrefix(strings.ToLower(en.text), "the ") || h > 0 {
			r.first = head.first // no determiner, no modifiers: "new Syria" is Syria
		}
		r.kind, r.typ, r.code, r.country = doc.MentionName, doc.GPE, c.Code, c.Code
		r.key, r.name = "C:"+c.Code, c.Names[0]
	case KindCapital:
		c := p.kb.Countries[en.idx]
		r.first = head.first
		r.country = c.Code
		// A capital after a locative or a verb of motion, or in a dateline
		// (a credit, outside any sentence), is a place.
		if sent < 0 || r.first > 0 && (locPreps[k.key[r.first-1]] || placeVerbs[k.key[r.first-1]]) {
			r.kind, r.typ, r.code = doc.MentionName, doc.GPE, c.Code
			r.key, r.name = "L:"+strings.ToLower(en.text), en.text
		} else {
			r.kind, r.typ, r.code = doc.MentionMetonym, doc.ORG, c.Code+"GOV"
			r.key, r.name, r.number = "M:"+c.Code+"GOV", en.text, 's'
		}
	case KindPeople:
		c := p.kb.Countries[en.idx]
		r.kind, r.typ, r.code, r.country = doc.MentionDemonym, doc.NORP, c.Code, c.Code
		r.key, r.name, r.number = "P:"+c.Code, en.text, 'p'
	case KindDemonym:
		c := p.kb.Countries[en.idx]
		r.first = head.first
		r.kind, r.typ, r.code, r.country = doc.MentionDemonym, doc.NORP, c.Code, c.Code
		r.key, r.name = "C:"+c.Code, c.Names[0]
	case KindTitle:
		n := p.kb.Nouns[en.idx]
		if !hasDet && len(ch) == 1 && !p.possessed(start) && n.Text != "president" && n.Text != "prime minister" {
			return r, false // a bare "chief", "chair": no actor of its own
		}
		r.kind, r.typ = doc.MentionNominal, doc.PER
		r.title, r.sector, r.number = strings.ToLower(n.Text), n.Sector, 's'
		if org != nil && !(explicitCty && org.Country == "IGO") {
			r.code = org.Code
		} else if r.country != "" {
			r.code = r.country + n.Sector
		} else if ctyPron == "" {
			r.inherit = true
		}
		setCtyPron()
	case KindSector:
		n := p.kb.Nouns[en.idx]
		if n.Type == doc.PER && n.Number == 's' && !hasDet && len(ch) == 1 && !p.possessed(start) {
			return r, false // a bare "officer" in "chief executive officer"
		}
		r.kind, r.typ, r.number = doc.MentionNominal, n.Type, n.Number
		r.noun = strings.ToLower(n.Text)
		r.headWord = k.key[head.last-1]
		r.sector = n.Sector
		if n.Type == doc.PER && orgSector != "" && n.Sector == "GOV" {
			r.sector = orgSector // "defence ministry officials" are the ministry's
		}
		if n.Sector == "" {
			if n.Type == doc.ORG {
				r.anaphor = true // "the alliance"; "Israeli peace movement" is ISR
				r.sector = ""
			} else {
				r.speaker = true
				r.sector = "GOV"
			}
		}
		if r.anaphor && org == nil && !r.definite {
			return r, false // "a group", "movement": no actor of its own
		}
		switch {
		case org != nil && (org.Sector != "" || n.Sector == "" || n.Sector == org.Sector) && !p.controlled:
			// The organisation's people and bodies carry its code ("Pentagon
			// officials", "BelTA news agency", "NATO troops"); what it runs
			// is of its country ("Hamas-run health ministry", below).
			r.code = org.Code
			if n.Type == doc.ORG && org.Type == doc.ORG {
				r.key, r.name, r.kind = "A:"+org.Code+":"+org.Names[0], org.Names[0], doc.MentionName
				r.number = actorNumber(org)
			}
		case org != nil && org.Country != "" && org.Country != "IGO":
			r.code = org.Country + n.Sector // "Hamas-run health ministry" → PSEHLH
		case org != nil:
			r.code = org.Code + n.Sector
		case r.country != "":
			r.code = r.country + r.sector
		case ctyPron != "":
			setCtyPron()
		default:
			r.inherit = !r.speaker
		}
	default:
		return r, false
	}
	if r.first >= r.last {
		r.first = head.first
	}
	return r, true
}

// actorNumber is how a named actor is referred to: news agencies and seats
// of power as "it", groups named by a plural ("the Taliban") as "they",
// other organisations as either.
func actorNumber(a *NamedActor) byte {
	switch {
	case a.Plural:
		return 'p'
	case a.Sector == "MED" || a.Kind == doc.MentionMetonym:
		return 's'
	}
	return 'o'
}

func isOnlyPerson(ents []phraseEnt) bool {
	for _, e := range ents {
		if e.kind != KindPerson {
			return false
		}
	}
	return len(ents) > 0
}

// startsKB reports whether a knowledge-base phrase other than a person's
// name starts at token i.
func (p *pass) startsKB(i, e int) bool {
	end, ents := p.kb.match(&p.keys, i, e)
	return end > i && !isOnlyPerson(ents)
}

// titleLike reports an element after which capitalised words are a
// person's name: a title, or a person noun such as "spokesperson".
func (p *pass) titleLike(el elem) bool {
	if el.kind != eKB {
		return false
	}
	if el.ent.kind == KindTitle {
		return true
	}
	if el.ent.kind == KindSector {
		n := p.kb.Nouns[el.ent.idx]
		return n.Type == doc.PER && n.Number != 'p'
	}
	return false
}

// bridge returns the token after one or two unknown lower-case words at j
// that lead to a sector noun, when the chain so far names a country or an
// organisation; else j.
func (p *pass) bridge(ch []elem, j, e int) int {
	if len(ch) == 0 {
		return j
	}
	// Only after an adjective-like element: "Russia sent troops" is a
	// clause, "Russian aviation authorities" a noun phrase.
	last := ch[len(ch)-1]
	if last.kind != eKB || !(last.ent.kind == KindDemonym || last.ent.kind == KindActor) {
		return j
	}
	k := &p.keys
	pos := p.d.Layers.Has(doc.LayerPOS)
	for n := j; n < e && n < j+2; n++ {
		if k.upper[n] || !isWord(k.key[n]) || stopWords[k.key[n]] || strings.HasSuffix(k.key[n], "ed") {
			return j
		}
		if pos {
			switch p.d.Tokens[n].UPOS {
			case "NOUN", "ADJ", "PROPN", "NUM":
			default:
				return j
			}
		}
		if end, ents := p.kb.match(k, n+1, e); end > n+1 {
			if en := pick(ents); en.kind == KindSector && p.kb.Nouns[en.idx].Sector != "" {
				return n + 1
			}
		}
	}
	return j
}

// stopWords are function words that never sit inside a mention.
var stopWords = map[string]bool{
	"and": true, "or": true, "but": true, "the": true, "a": true, "an": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "that": true,
	"said": true, "says": true, "say": true, "told": true, "had": true, "has": true, "have": true,
	"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "will": true, "would": true,
	"not": true, "no": true, "as": true, "than": true, "its": true, "their": true, "his": true, "her": true,
	"who": true, "which": true, "when": true, "where": true, "after": true, "before": true, "while": true,
	"against": true, "into": true, "over": true, "about": true, "there": true, "this": true, "these": true,
	"those": true, "it": true, "they": true, "he": true, "she": true, "we": true, "you": true, "i": true,
}

// plausible filters the entries of a knowledge-base match at [j, end) by
// the words around it (s is where the chain started, e the sentence end):
//   - a lower-case modifier written with a capital inside a sentence is part
//     of a name ("New Jersey" is not new Jersey);
//   - a country or capital next to another capitalised word that is not in
//     the knowledge base is part of a longer name ("New Jersey", "Jordan
//     Peterson");
//   - a one-word alias of a person known only from Archigos or Wikidata
//     counts only when the person held a role within 15 years of the story
//     ("Islam" is not Syed Nazrul Islam in 2016), and never in all capitals.
func (p *pass) plausible(j, end, s, e int, ents []phraseEnt) []phraseEnt {
	k := &p.keys
	sentStart := j == 0 || p.d.Tokens[j-1].Sent != p.d.Tokens[j].Sent || !isWord(k.key[j-1]) && !k.upper[j-1]
	prevName := !sentStart && k.upper[j-1] && k.lower[j-1] && isWord(k.key[j-1]) && !stopWords[k.key[j-1]] && !calendarWords[k.key[j-1]] &&
		!pronouns[k.key[j-1]] && !p.startsProperKB(j-1, j)
	nextName := end < e && k.upper[end] && k.lower[end] && isWord(k.key[end]) && !calendarWords[k.key[end]] && !p.startsAnyKB(end, e)
	// "anti-Syria", "pro-Russian": against or for a country, not of it.
	stance := j >= 2 && k.glued[j-1] && (k.key[j-2] == "anti" || k.key[j-2] == "pro")
	keep := 0
	out := ents
	copied := false
	for idx, en := range ents {
		ok := true
		switch en.kind {
		case KindModifier:
			ok = !(k.upper[j] && !sentStart)
		case KindCountry, KindCapital:
			ok = !prevName && !nextName && !stance
		case KindDemonym:
			ok = !stance
		case KindActor:
			// A bloc named by a common word is no bloc inside a longer
			// name ("the West Bank").
			a := p.kb.Actors[en.idx]
			ok = !stance && !(a.Type == doc.GPE && end < e && k.upper[end] && k.lower[end] && isWord(k.key[end]) && !calendarWords[k.key[end]])
		case KindPerson:
			if per := p.kb.People[en.idx]; per.Weak && !strings.Contains(en.text, " ") && (j == 0 || !p.kb.titleWords[k.key[j-1]]) {
				ok = false
				break
			}
			if !strings.Contains(en.text, " ") && !strings.ContainsAny(en.text, "-") {
				ok = k.lower[j] || isAcronym(en.text)
				if ok {
					ok = p.recent(p.kb.People[en.idx])
				}
			}
		}
		if ok {
			if copied {
				out = append(out, en)
			}
			keep++
			continue
		}
		if !copied {
			out = append([]phraseEnt(nil), ents[:idx]...)
			copied = true
		}
	}
	if keep == 0 {
		return nil
	}
	return out
}

// startsAnyKB reports whether any knowledge-base phrase starts at token i.
func (p *pass) startsAnyKB(i, e int) bool {
	end, _ := p.kb.match(&p.keys, i, e)
	return end > i
}

// calendarWords are capitalised words that are no part of a name.
var calendarWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// startsProperKB reports whether a capitalised knowledge-base phrase (a
// name, not a lower-case noun) starts at token i.
func (p *pass) startsProperKB(i, e int) bool {
	end, ents := p.kb.match(&p.keys, i, e)
	if end <= i {
		return false
	}
	for _, en := range ents {
		if en.caps != 0 {
			return true
		}
	}
	return false
}

// recent reports whether a person may be meant by a surname alone on the
// story's date: curated and user entries always, others when a role lies
// within 15 years of the date.
func (p *pass) recent(per *Person) bool {
	if p.date == "" {
		return true
	}
	y := p.date[:4]
	lo := fmt.Sprintf("%04d", atoi(y)-15)
	hi := fmt.Sprintf("%04d", atoi(y)+1)
	for i, r := range per.Roles {
		if sourceRank(r.Source) <= 1 {
			return true
		}
		from, until := r.From, per.until(i)
		if (from == "" || from[:4] <= hi) && (until == "" || until[:4] >= lo) {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// possessed reports whether a possessive ("Putin's", "his") stands right
// before token i.
func (p *pass) possessed(i int) bool {
	k := p.keys.key
	if i < 1 {
		return false
	}
	switch k[i-1] {
	case "'s", "'", "his", "her", "its", "their":
		return true
	case "s":
		return i >= 2 && k[i-2] == "'"
	}
	return false
}

// placeVerbs take a place as object: a capital after them is the city, not
// its government ("visited Kyiv").
var placeVerbs = map[string]bool{
	"visited": true, "visit": true, "visits": true, "visiting": true, "reached": true,
	"left": true, "entered": true, "toured": true, "struck": true, "hit": true,
	"shelled": true, "bombed": true, "attacked": true, "flew": true, "arrived": true,
	"returned": true, "leave": true, "reach": true, "enter": true,
}

// inside returns what the knowledge base finds within tokens [a, b) of a
// named-entity span: a country, a sector and a named organisation.
func (p *pass) inside(a, b int) (country, sector string, org *NamedActor) {
	for t := a; t < b; {
		end, ents := p.kb.match(&p.keys, t, b)
		if end <= t {
			t++
			continue
		}
		en := pick(ents)
		switch en.kind {
		case KindCountry, KindDemonym, KindCapital, KindPeople:
			if country == "" {
				country = p.kb.Countries[en.idx].Code
			}
		case KindSector:
			if s := p.kb.Nouns[en.idx].Sector; s != "" {
				sector = s
			}
		case KindActor:
			if a := p.kb.Actors[en.idx]; a.Type != doc.LOC && org == nil {
				org = a
			}
		}
		t = end
	}
	return country, sector, org
}

// controlWords after a hyphen make what follows part of the name's side.
var controlWords = map[string]bool{"run": true, "led": true, "controlled": true, "owned": true, "appointed": true, "installed": true}
