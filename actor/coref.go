package actor

import (
	"fmt"
	"sort"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
)

// resolve is the second pass: it gives each mention its code and links it to
// an entity, in text order.
func (p *pass) resolve() {
	n := len(p.raws)
	p.done = make([]bool, n)
	p.country = make([]string, n)
	p.byKey = map[string]int{}
	p.chosen = map[string]*Person{}
	p.d.Mentions = make([]doc.Mention, n)
	p.dominant = p.dominantCountry()
	p.fullNames = map[string]*Person{}
	for i := range p.raws {
		r := &p.raws[i]
		if r.fullName && len(r.person) > 0 && r.surname != "" {
			if _, ok := p.fullNames[r.surname]; !ok {
				p.fullNames[r.surname] = p.choosePerson(r)
			}
		}
	}
	for i := range p.raws {
		p.one(i)
	}
	p.finish()
}

// dominantCountry is the country named most often in the story (by country
// names, demonyms, capitals, named actors and persons' roles); ties go to
// the one named first.
func (p *pass) dominantCountry() string {
	count := map[string]int{}
	first := map[string]int{}
	for i, r := range p.raws {
		c := r.country
		if c == "" && r.code != "" {
			c, _ = splitCode(r.code)
		}
		if c == "" && len(r.person) > 0 {
			role, _ := r.person[0].RoleOn(p.date)
			c, _ = splitCode(role.Code)
		}
		if c == "" || c == "IGO" {
			continue
		}
		if _, ok := first[c]; !ok {
			first[c] = i
		}
		count[c]++
	}
	best := ""
	for c, n := range count {
		if best == "" || n > count[best] || (n == count[best] && first[c] < first[best]) {
			best = c
		}
	}
	return best
}

func (p *pass) mentionOf(i int) doc.Mention {
	r := &p.raws[i]
	return doc.Mention{
		Span:   p.d.TokenSpan(r.first, r.last),
		First:  r.first,
		Last:   r.last,
		Sent:   r.sent,
		Kind:   r.kind,
		Type:   r.typ,
		Entity: -1,
		Source: r.source,
	}
}

func actorOf(code string) doc.Actor {
	if code == "" {
		return doc.Actor{}
	}
	c, s := splitCode(code)
	return doc.Actor{Code: code, Country: c, Sector: s}
}

// one resolves raw mention i (once).
func (p *pass) one(i int) {
	if p.done[i] {
		return
	}
	p.done[i] = true
	r := &p.raws[i]
	m := p.mentionOf(i)
	ent := -1
	switch {
	case r.kind == doc.MentionPronoun:
		ent = p.antecedent(i)
	case r.group > 0:
		ent = p.group(i)
	case r.ctyRef:
		if c := p.countryRef(r.pronoun, i); c != "" {
			ent = p.countryEntity(c)
			m.Actor = actorOf(c)
		}
	case len(r.person) > 0:
		per := p.choosePerson(r)
		role, _ := per.RoleOn(p.date)
		code := role.Code
		// Before the person's first known role, a title in the mention
		// gives the sector ("Iranian Foreign Minister Abbas Araghchi" in a
		// week our dates miss).
		if len(code) <= 3 && r.sector != "" && (r.title != "" || r.country != "") {
			c := r.country
			if c == "" {
				c = code
			}
			if c != "" {
				code = c + r.sector
			}
		}
		m.Actor = actorOf(code)
		ent = p.entity("P:"+per.Name, func(e *entState) {
			e.Name, e.Type, e.person, e.gender, e.number, e.hasName = per.Name, doc.PER, per, per.Gender, 's', true
			e.Actor = actorOf(code)
			if role.Title != "" {
				e.titles = append(e.titles, strings.ToLower(role.Title))
			}
		})
	case r.speaks >= 0:
		p.one(r.speaks)
		ent = p.d.Mentions[r.speaks].Entity
		if ent >= 0 {
			m.Actor = p.ents[ent].Actor
		}
	case r.kind == doc.MentionName && r.typ == doc.PER:
		// An unknown person: a surname used alone joins an earlier full name.
		code := r.code
		if code == "" && r.inherit {
			// A titled person of no known country: the country named
			// nearest in the sentence ("President Michel Suleiman ... in
			// Beirut"), else the context.
			c := p.sentenceCountry(i)
			if c == "" {
				c = p.contextCountry(i)
			}
			if c != "" {
				code = c + r.sector
			}
		}
		if !strings.Contains(r.name, " ") {
			for j := len(p.ents) - 1; j >= 0; j-- {
				e := p.ents[j]
				if e.Type == doc.PER && e.person == nil && strings.HasSuffix(strings.ToLower(e.Name), " "+r.surname) {
					ent = j
					break
				}
			}
		}
		if ent < 0 {
			ent = p.entity(r.key, func(e *entState) {
				e.Name, e.Type, e.number, e.hasName = r.name, doc.PER, 's', true
				e.Actor = actorOf(code)
			})
		}
		if code == "" {
			code = p.ents[ent].Actor.Code
		} else if p.ents[ent].Actor.Code == "" {
			p.ents[ent].Actor = actorOf(code)
		}
		m.Actor = actorOf(code)
	case r.kind == doc.MentionNominal && r.title != "" && r.noun == "":
		ent, m.Actor = p.titleMention(i)
	case r.kind == doc.MentionNominal && r.noun != "":
		ent, m.Actor = p.sectorMention(i)
	default:
		code := r.code
		m.Actor = actorOf(code)
		ent = p.entity(r.key, func(e *entState) {
			e.Name, e.Type, e.number, e.hasName = r.name, r.typ, r.number, r.kind == doc.MentionName
			if r.typ == doc.NORP && strings.HasPrefix(r.key, "C:") {
				e.Name = r.name
			}
			e.Actor = actorOf(code)
		})
		// A country named by name makes its entity a GPE even when a
		// demonym came first.
		if r.typ == doc.GPE && strings.HasPrefix(r.key, "C:") {
			p.ents[ent].Type = doc.GPE
		}
	}
	if r.title != "" && ent >= 0 && p.ents[ent].Type == doc.PER {
		p.ents[ent].titles = appendUniq(p.ents[ent].titles, r.title)
	}
	m.Entity = ent
	if ent >= 0 {
		e := p.ents[ent]
		e.Mentions = append(e.Mentions, i)
		e.last = i
		if r.kind == doc.MentionName {
			e.hasName = true
		}
		p.country[i] = e.Actor.Country
		if m.Actor.Country != "" {
			p.country[i] = m.Actor.Country
		}
	} else if m.Actor.Country != "" {
		p.country[i] = m.Actor.Country
	}
	p.d.Mentions[i] = m
}

// entity returns the entity with key, creating it with init when new. An
// empty key always creates a new entity.
func (p *pass) entity(key string, init func(e *entState)) int {
	if key != "" {
		if i, ok := p.byKey[key]; ok {
			return i
		}
	}
	e := &entState{key: key}
	init(e)
	p.ents = append(p.ents, e)
	if key != "" {
		p.byKey[key] = len(p.ents) - 1
	}
	return len(p.ents) - 1
}

func (p *pass) countryEntity(code string) int {
	name := code
	if c, ok := p.kb.countryByCode[code]; ok && len(c.Names) > 0 {
		name = c.Names[0]
	}
	i := p.entity("C:"+code, func(e *entState) {
		e.Name, e.Type, e.number = name, doc.GPE, 's'
		e.Actor = actorOf(code)
	})
	p.ents[i].Type = doc.GPE
	return i
}

// choosePerson picks among the persons an alias names: one already in the
// story, then one with a role on the date, then one of the mention's
// country.
func (p *pass) choosePerson(r *raw) *Person {
	// A surname alone means the person the story names in full
	// ("Hillary Clinton" ... "Clinton"), even when the full name comes later.
	if !r.fullName && r.surname != "" {
		if per, ok := p.fullNames[r.surname]; ok {
			return per
		}
	}
	if len(r.person) == 1 {
		return r.person[0]
	}
	for _, per := range r.person {
		if _, ok := p.byKey["P:"+per.Name]; ok {
			return per
		}
	}
	best, bestScore := r.person[0], -1
	for _, per := range r.person {
		s := 0
		role, ok := per.RoleOn(p.date)
		if ok {
			s += 4
		}
		if c, _ := splitCode(role.Code); r.country != "" && c == r.country {
			s += 2
		}
		if sourceRank(role.Source) == 0 {
			s++
		}
		if s > bestScore {
			best, bestScore = per, s
		}
	}
	return best
}

// countryRef resolves "the country" (the story's dominant country) and
// "his/its/their country" (the country of the possessor).
func (p *pass) countryRef(pron string, i int) string {
	if pron == "the" || pron == "" {
		// The country of the sentence's subject ("Yanukovych fled the
		// country"), else the story's dominant country.
		r := &p.raws[i]
		for j := i - 1; j >= 0 && p.raws[j].sent == r.sent; j-- {
			if o := &p.raws[j]; o.subject && o.typ == doc.PER && p.country[j] != "" && p.country[j] != "IGO" {
				return p.country[j]
			}
		}
		return p.dominant
	}
	ant := p.pronounAntecedent(pron, i)
	if ant >= 0 {
		if c := p.ents[ant].Actor.Country; c != "" && c != "IGO" {
			return c
		}
	}
	return p.dominant
}

// contextCountry gives a sector noun with no country of its own the
// country of the nearest clause subject before it in the sentence, or else
// the story's dominant country.
func (p *pass) contextCountry(i int) string {
	r := &p.raws[i]
	if r.ctyFrom >= 0 {
		p.one(r.ctyFrom)
		if c := p.country[r.ctyFrom]; c != "" {
			return c
		}
	}
	for j := i - 1; j >= 0 && p.raws[j].sent == r.sent; j-- {
		if p.raws[j].subject && p.country[j] != "" && p.country[j] != "IGO" {
			return p.country[j]
		}
	}
	return p.dominant
}

// titleMention links "the Belarusian president" to the person holding the
// role, or makes it an entity of its own.
func (p *pass) titleMention(i int) (int, doc.Actor) {
	r := &p.raws[i]
	code := r.code
	if code == "" && r.pronoun != "" {
		if c := p.countryRef(r.pronoun, i); c != "" {
			code = c + r.sector
		}
	}
	// An apposition names the holder: "the Russian foreign minister,
	// Sergey V. Lavrov".
	if i+1 < len(p.raws) {
		n := &p.raws[i+1]
		if n.typ == doc.PER && n.kind == doc.MentionName && n.sent == r.sent &&
			(n.first == r.last || n.first == r.last+1 && p.keys.key[r.last] == ",") {
			p.one(i + 1)
			if ent := p.d.Mentions[i+1].Entity; ent >= 0 {
				return ent, p.ents[ent].Actor
			}
		}
	}
	cty, _ := splitCode(code)
	generic := r.title == "leader" || r.title == "head" || r.title == "head of state"
	best := -1
	for j := len(p.ents) - 1; j >= 0; j-- {
		e := p.ents[j]
		if e.Type != doc.PER || e.number == 'p' {
			continue
		}
		if cty != "" && e.Actor.Country != cty {
			continue
		}
		ok := generic && (strings.HasSuffix(e.Actor.Code, "GOV") || e.person != nil && strings.HasSuffix(e.Actor.Code, "ELI"))
		for _, t := range e.titles {
			if strings.Contains(t, r.title) {
				ok = true
			}
		}
		if ok && (best < 0 || p.ents[j].last > p.ents[best].last) {
			best = j
		}
	}
	if best >= 0 {
		return best, p.ents[best].Actor
	}
	if code == "" && r.inherit {
		if c := p.contextCountry(i); c != "" {
			code = c + r.sector
		}
	}
	key := ""
	if r.definite {
		key = "T:" + code + "|" + r.title
	}
	ent := p.entity(key, func(e *entState) {
		e.Name, e.Type, e.number = p.d.Slice(p.d.TokenSpan(r.first, r.last)), doc.PER, 's'
		e.Actor = actorOf(code)
		e.titles = []string{r.title}
	})
	return ent, actorOf(code)
}

// sectorMention resolves a sector noun: "Belarusian intelligence",
// "regional officials", "the ministry".
func (p *pass) sectorMention(i int) (int, doc.Actor) {
	r := &p.raws[i]
	code := r.code
	explicit := code != "" || r.country != ""
	if code == "" && r.pronoun != "" {
		if c := p.countryRef(r.pronoun, i); c != "" {
			code = c + r.sector
			explicit = true
		}
	}
	// "the alliance": the latest named organisation.
	if r.anaphor && !explicit && r.definite {
		for j := len(p.ents) - 1; j >= 0; j-- {
			if e := p.ents[j]; e.Type == doc.ORG && e.hasName {
				return j, e.Actor
			}
		}
	}
	if r.anaphor && !explicit {
		return -1, doc.Actor{} // "the group" with no organisation before it
	}
	// "the ministry": the latest entity whose noun ends in the same word.
	if !explicit && r.definite {
		for j := len(p.ents) - 1; j >= 0; j-- {
			e := p.ents[j]
			if e.headWord == r.headWord && e.headWord != "" {
				return j, e.Actor
			}
		}
	}
	if code == "" && nearestSectors[r.sector] {
		if c := p.nearestCountry(i); c != "" {
			code = c + r.sector
		}
	}
	if code == "" {
		if c := p.contextCountry(i); c != "" {
			code = c + r.sector
		} else {
			code = r.sector
		}
	}
	key := r.key
	if key == "" {
		key = code + "|" + r.noun
		if r.number == 's' && r.typ == doc.PER && !r.definite {
			key = "" // "a soldier": a new entity each time
		}
	}
	ent := p.entity(key, func(e *entState) {
		e.Name, e.Type, e.number = p.d.Slice(p.d.TokenSpan(r.first, r.last)), r.typ, r.number
		if r.typ == doc.TypeUnknown {
			e.Type = doc.ORG
		}
		e.Actor = actorOf(code)
		e.headWord = r.headWord
	})
	return ent, actorOf(code)
}

// group makes a GROUP entity of the latest persons: "the two leaders".
func (p *pass) group(i int) int {
	r := &p.raws[i]
	type cand struct{ ent, last int }
	// "the two countries" groups countries, "the two sides" anything,
	// "the two leaders" persons.
	want := func(e *entState) bool { return e.Type == doc.PER && e.number != 'p' }
	switch r.noun {
	case "countries", "nations", "states", "governments":
		want = func(e *entState) bool { return e.Type == doc.GPE }
	case "sides":
		want = func(e *entState) bool { return e.Type != doc.GROUP && e.Type != doc.NORP && e.number != 'p' }
	}
	var cs []cand
	for j, e := range p.ents {
		if want(e) {
			cs = append(cs, cand{j, e.last})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].last > cs[b].last })
	// Prefer named persons holding office (heads of state) over other
	// persons.
	var members []int
	for _, pass := range []bool{true, false} {
		for _, c := range cs {
			if len(members) == r.group {
				break
			}
			e := p.ents[c.ent]
			if pass && e.Type == doc.PER && !(e.hasName && strings.HasSuffix(e.Actor.Code, "GOV") && headOfState(e)) {
				continue
			}
			dup := false
			for _, m := range members {
				dup = dup || m == c.ent
			}
			if !dup {
				members = append(members, c.ent)
			}
		}
	}
	if len(members) < 2 {
		return -1
	}
	sort.Ints(members)
	code := p.ents[members[0]].Actor.Code
	for _, m := range members[1:] {
		if p.ents[m].Actor.Code != code {
			code = ""
		}
	}
	var names []string
	for _, m := range members {
		names = append(names, p.ents[m].Name)
	}
	key := "G:" + fmt.Sprint(members)
	return p.entity(key, func(e *entState) {
		e.Name, e.Type, e.number = strings.Join(names, " and "), doc.GROUP, 'p'
		e.Actor = actorOf(code)
		e.Members = members
	})
}

// antecedent resolves pronoun mention i.
func (p *pass) antecedent(i int) int {
	return p.pronounAntecedent(p.raws[i].pronoun, i)
}

// pronounAntecedent finds the entity a pronoun refers to: the most salient
// agreeing entity, by recency (sentence distance), subject position and
// whether it was last seen as a possessive modifier.
func (p *pass) pronounAntecedent(pron string, i int) int {
	r := &p.raws[i]
	var want func(e *entState) bool
	switch pron {
	case "he", "him", "his", "himself":
		want = func(e *entState) bool { return e.Type == doc.PER && e.number != 'p' && e.gender != 'f' }
	case "she", "her", "hers", "herself":
		want = func(e *entState) bool { return e.Type == doc.PER && e.number != 'p' && e.gender != 'm' }
	case "it", "its", "itself":
		want = func(e *entState) bool {
			return (e.Type == doc.ORG || e.Type == doc.GPE) && e.number != 'p'
		}
	default: // they
		want = func(e *entState) bool {
			switch e.Type {
			case doc.GROUP, doc.NORP:
				return true
			case doc.ORG:
				return e.number != 's' || e.headWord != ""
			case doc.PER:
				return e.number == 'p' || e.number == 'o'
			}
			return false
		}
	}
	best, bestScore := -1, -1e9
	for j, e := range p.ents {
		// Entities last seen more than three sentences back are out of
		// reach; checking that first keeps long stories linear.
		if e.last < i && p.raws[e.last].sent < r.sent-3 || !want(e) {
			continue
		}
		// The latest mention of the entity before the pronoun.
		last := -1
		for _, m := range e.Mentions {
			if m < i && m > last {
				last = m
			}
		}
		if last < 0 {
			continue
		}
		lr := &p.raws[last]
		dist := r.sent - lr.sent
		if dist > 3 {
			continue
		}
		score := -2.0 * float64(dist)
		if lr.subject {
			score += 1.5
		}
		if lr.poss {
			score -= 1.0
		}
		if e.hasName {
			score += 0.3
		}
		// Recency breaks ties: the later the mention, the higher.
		score += 0.001 * float64(last)
		if score > bestScore {
			best, bestScore = j, score
		}
	}
	return best
}

// finish numbers the entities by their first mention and writes them to the
// Doc.
func (p *pass) finish() {
	order := make([]int, len(p.ents))
	for i := range order {
		order[i] = i
	}
	first := func(e *entState) int {
		m := len(p.raws)
		for _, x := range e.Mentions {
			if x < m {
				m = x
			}
		}
		return m
	}
	sort.SliceStable(order, func(a, b int) bool { return first(p.ents[order[a]]) < first(p.ents[order[b]]) })
	newIdx := make([]int, len(p.ents))
	kept := 0
	for _, old := range order {
		if len(p.ents[old].Mentions) == 0 {
			newIdx[old] = -1
			continue
		}
		newIdx[old] = kept
		kept++
	}
	out := make([]doc.Entity, 0, kept)
	for _, old := range order {
		if newIdx[old] < 0 {
			continue
		}
		e := p.ents[old].Entity
		sort.Ints(e.Mentions)
		e.ID = fmt.Sprintf("E%d", len(out)+1)
		if len(e.Members) > 0 {
			ms := make([]int, 0, len(e.Members))
			for _, m := range e.Members {
				if newIdx[m] >= 0 {
					ms = append(ms, newIdx[m])
				}
			}
			sort.Ints(ms)
			e.Members = ms
		}
		out = append(out, e)
	}
	for i := range p.d.Mentions {
		if e := p.d.Mentions[i].Entity; e >= 0 {
			p.d.Mentions[i].Entity = newIdx[e]
		}
	}
	p.d.Entities = out
}

// nearestSectors are the sectors of groups that are more often of the
// place named right after them than of the clause's subject: rebels,
// civilians, refugees, opposition ("Israeli forces killed civilians in
// Gaza").
var nearestSectors = map[string]bool{"REB": true, "CVL": true, "REF": true, "OPP": true}

// nearestCountry returns the country of a country name that closely
// follows raw mention i after "in" or "of" ("militants in Gaza",
// "rebels of Syria"), or "".
func (p *pass) nearestCountry(i int) string {
	r := &p.raws[i]
	for j := i + 1; j < len(p.raws) && p.raws[j].sent == r.sent; j++ {
		o := &p.raws[j]
		if o.first-r.last > 4 {
			break
		}
		if (o.typ != doc.GPE && o.typ != doc.LOC) || o.country == "" || o.kind == doc.MentionMetonym || o.first == 0 {
			continue
		}
		switch p.keys.key[o.first-1] {
		case "in", "inside", "of", "across", "throughout":
			return o.country
		}
	}
	return ""
}

// sentenceCountry returns the country of the country name, capital or
// demonym nearest to raw mention i in its sentence, on either side, or "".
func (p *pass) sentenceCountry(i int) string {
	r := &p.raws[i]
	best, bestDist := "", 1<<30
	lo, hi := i, i
	for lo > 0 && p.raws[lo-1].sent == r.sent {
		lo--
	}
	for hi+1 < len(p.raws) && p.raws[hi+1].sent == r.sent {
		hi++
	}
	for j := lo; j <= hi; j++ {
		o := &p.raws[j]
		if j == i || o.country == "" || o.country == "IGO" || len(o.person) > 0 {
			continue
		}
		if !(o.typ == doc.GPE || o.typ == doc.LOC || o.kind == doc.MentionDemonym || o.kind == doc.MentionMetonym) {
			continue
		}
		d := r.first - o.last
		if o.first >= r.last {
			d = o.first - r.last
		}
		if d >= 0 && d < bestDist {
			best, bestDist = o.country, d
		}
	}
	return best
}

// headOfState reports a person whose titles name a head of state or
// government ("President of Russia", "Kremlin leader"), the members "the
// two leaders" stands for first.
func headOfState(e *entState) bool {
	for _, t := range e.titles {
		if strings.Contains(t, "vice") || strings.Contains(t, "deputy") || strings.Contains(t, "spokes") {
			continue
		}
		for _, w := range []string{"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "leader", "general secretary", "head of state", "supreme", "taoiseach", "pope", "sultan", "monarch", "effective leader"} {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return false
}
