package where

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/pipeline"
)

// Requires lists the layers Process reads.
const Requires = doc.LayerTokens | doc.LayerSentences

// Assigns lists the layers Process adds.
const Assigns = doc.LayerPlaces

// AmbiguousMinPopulation is the population the most populous city of an
// ambiguous name (one held by several cities) must reach to be chosen
// when the story gives no context.
const AmbiguousMinPopulation = 50000

// ForeignMinPopulation is the population a city outside every country
// the story mentions must reach to be geocoded.
const ForeignMinPopulation = 100000

// hardStop holds city names that in English copy are nearly always
// words or parts of other names ("University", "Central", "Union",
// "Asia"): they are geocoded only with an explicit qualifier (",
// Florida").
var hardStop = map[string]bool{
	"university": true, "central": true, "union": true, "college": true, "park": true,
	"centre": true, "center": true, "federal": true, "liberty": true, "independence": true,
	"asia": true, "europe": true, "africa": true, "oceania": true, "antarctica": true,
	"time": true, "much": true, "most": true, "best": true, "police": true, "president": true,
	"general": true, "latina": true, "latino": true, "opportunity": true, "progress": true,
	"justice": true, "reform": true, "victory": true, "freedom": true, "peace": true,
	"unity": true, "friendship": true, "alliance": true, "enterprise": true, "commerce": true,
	"normal": true, "surprise": true, "mission": true, "paradise": true, "of": true, "say": true,
	"said": true, "well": true, "hit": true, "rally": true, "strike": true, "man": true,
	"deal": true, "battle": true, "sale": true, "goes": true, "gap": true, "bar": true, "hope": true,
	"delta": true, "mesa": true, "temple": true, "page": true, "price": true, "grant": true,
	"officer": true, "downtown": true, "chinatown": true, "metro": true, "golden": true,
	"superior": true, "liberal": true, "holiday": true, "date": true, "mine": true, "same": true,
	"young": true, "rich": true, "green": true, "springs": true, "worms": true, "tours": true,
	"gallup": true, "reuters": true,
}

// stoplist holds city names that are also common English words or first
// names: they are geocoded only with context (a qualifier such as ",
// England" or a story country holding such a city) and never at the start
// of a sentence.
var stoplist = map[string]bool{
	"of": true, "mobile": true, "reading": true, "bern": true, "march": true, "nice": true, "bath": true,
	"split": true, "best": true, "most": true, "police": true, "bar": true, "hope": true,
	"union": true, "independence": true, "liberty": true, "victoria": true, "florence": true,
	"jackson": true, "lincoln": true, "austin": true, "eugene": true, "charlotte": true,
	"douglas": true, "marion": true, "warren": true, "orange": true, "buffalo": true,
	"phoenix": true, "surprise": true, "normal": true, "commerce": true, "enterprise": true,
	"paradise": true, "temple": true, "mission": true, "wedding": true, "deal": true,
	"battle": true, "bury": true, "wells": true, "sale": true, "man": true, "bo": true,
	"ho": true, "goes": true, "gap": true, "salt": true, "sandy": true, "aurora": true,
	"mercedes": true, "concordia": true, "columbia": true, "sparks": true, "lafayette": true,
	"kent": true, "hamilton": true, "harrison": true, "clinton": true,
	"franklin": true, "madison": true, "monroe": true, "jefferson": true,
	"pace": true, "page": true, "price": true, "nelson": true, "grant": true, "carson": true,
	"tyler": true, "irving": true, "mesa": true, "delta": true, "alliance": true, "unity": true,
	"opportunity": true, "friendship": true, "progress": true, "justice": true, "reform": true,
	"centre": true, "center": true, "university": true, "college": true, "park": true, "university park": true,
	"saint": true, "san": true, "villa": true, "victory": true, "freedom": true, "peace": true,
	"president": true, "general": true, "colonel": true, "marshal": true, "governor": true,
	"de": true, "la": true, "el": true, "al": true, "as": true, "is": true, "on": true, "in": true,
	"say": true, "said": true, "well": true, "lots": true, "hit": true, "rally": true,
	"strike": true, "alexander": true, "tura": true,
	"sur": true, "sale el": true, "bella": true, "monday": true, "friday": true,
	"may": true, "june": true, "july": true, "august": true, "april": true, "january": true,
}

// neighbourOK lists capitalised words that may stand next to a place name
// without making it part of a longer name ("Kyiv Mayor", "Minsk Region").
var neighbourOK = map[string]bool{
	"mayor": true, "governor": true, "region": true, "oblast": true, "province": true,
	"district": true, "city": true, "airport": true, "station": true, "regional": true,
	"reuters": true, "on": true, "in": true, "at": true, "the": true, "and": true, "but": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "i": true,
}

// personCountries are country names that are also personal names; they
// get the same neighbour check as cities ("Michael Jordan").
var personCountries = map[string]bool{"chad": true, "jordan": true, "israel": true, "georgia": true}

var borderWords = map[string]bool{
	"border": true, "borders": true, "frontier": true, "frontiers": true, "borderlands": true,
	"borderland": true,
}

// borderAgents follow "border" when it names an agency or its people, not
// a place: "border guards".
var borderAgents = map[string]bool{
	"guard": true, "guards": true, "guardsmen": true, "service": true, "services": true,
	"police": true, "force": true, "forces": true, "troops": true, "patrol": true, "patrols": true,
	"agency": true, "officials": true, "official": true, "control": true, "controls": true,
	"security": true, "committee": true, "protection": true, "officers": true, "authorities": true,
	"dispute": true, "disputes": true, "policy": true, "wall": true, "tax": true, "adjustment": true,
}

var borderRegions = map[string]bool{
	"region": true, "regions": true, "area": true, "areas": true, "zone": true, "zones": true,
	"district": true, "districts": true, "town": true, "towns": true, "village": true,
	"villages": true, "crossing": true, "crossings": true, "checkpoint": true, "checkpoints": true,
	"post": true, "posts": true, "line": true,
}

type mkind uint8

const (
	mCountry mkind = iota
	mDemonym
	mCity
	mState
)

// mention is a gazetteer match over tokens [first, last).
type mention struct {
	first, last int
	sent        int
	kind        mkind
	country     int     // country index (mCountry, mDemonym)
	cities      []int32 // candidates, most populous first (mCity)
	state       State   // (mState)
	key         string
}

// Process geocodes the countries, cities and borders the story names and
// fills d.Places in text order, replacing any already there. Cities are
// disambiguated by a qualifier (", Texas"), then by the US states and the
// countries the story mentions (names, demonyms, d.Entities' actor
// countries), then by population; see docs/when-where.md for the rules.
func (g *Gazetteer) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("where: story %q: %w", d.ID, err)
	}
	ms := g.mentions(d)
	byFirst := map[int]int{}
	byLast := map[int]int{}
	for i, m := range ms {
		byFirst[m.first] = i
		byLast[m.last] = i
	}
	// Names that end a personal name somewhere in the story ("Hillary
	// Clinton") are that person's surname everywhere in it.
	surnames := map[string]bool{}
	for _, m := range ms {
		if (m.kind == mCity || m.kind == mState) && m.last-m.first == 1 && g.afterName(d, ms, m, byLast) {
			surnames[m.key] = true
		}
	}
	// The story's countries and states.
	story := map[string]bool{}
	states := map[string]bool{}
	for _, m := range ms {
		switch m.kind {
		case mCountry, mDemonym:
			if m.kind == mDemonym || !g.personLike(d, ms, m, byFirst, byLast) {
				story[g.countries[m.country].ISO3] = true
			}
		case mState:
			states[m.state.Code] = true
			story[m.state.Country] = true
		}
	}
	for _, e := range d.Entities {
		if e.Actor.Country != "" {
			story[e.Actor.Country] = true
		}
	}
	for _, m := range ms {
		if m.kind == mCity && len(m.cities) == 1 && !g.weak(m) && g.cities[m.cities[0]].Population >= 100000 &&
			!g.personLike(d, ms, m, byFirst, byLast) && !personOrOrg(d, m) {
			story[g.cities[m.cities[0]].Country] = true
		}
	}

	var places []doc.Place
	for _, m := range ms {
		span := d.TokenSpan(m.first, m.last)
		switch m.kind {
		case mCountry:
			if g.personLike(d, ms, m, byFirst, byLast) {
				continue
			}
			c := g.countries[m.country]
			places = append(places, doc.Place{Span: span, Sent: m.sent, Name: c.Name, Country: c.ISO3, Lat: c.Lat, Lon: c.Lon})
		case mState:
			if g.personLike(d, ms, m, byFirst, byLast) || surnames[m.key] || personOrOrg(d, m) {
				continue
			}
			places = append(places, doc.Place{Span: span, Sent: m.sent, Name: m.state.Name, Country: m.state.Country, Lat: m.state.Lat, Lon: m.state.Lon})
		case mCity:
			if surnames[m.key] || personOrOrg(d, m) {
				continue
			}
			id, ok := g.resolve(d, ms, m, byFirst, byLast, story, states)
			if !ok {
				continue
			}
			p := g.cityPlace(id)
			p.Span, p.Sent = span, m.sent
			places = append(places, p)
		}
	}
	places = append(places, g.borders(d, ms, byLast)...)
	// A dateline's place ("KYIV, July 13 (Reuters) -") lies outside
	// every sentence: Sent -1. It is the most populous of its name unless
	// a state or country follows it ("PARIS, Texas").
	for _, c := range d.Credits {
		if c.Kind != doc.CreditDateline || c.Place == "" || !c.Span.Valid(len(d.Text)) {
			continue
		}
		k := strings.Index(d.Text[c.Start:c.End], c.Place)
		if k < 0 {
			continue
		}
		p, ok := g.Lookup(c.Place, nil)
		if !ok {
			continue
		}
		if rest := d.Text[c.Start+k+len(c.Place) : c.End]; strings.HasPrefix(rest, ", ") {
			q := rest[2:]
			if e := strings.IndexAny(q, ",(-–—"); e >= 0 {
				q = q[:e]
			}
			q = normalize(strings.TrimSpace(q))
			st, isState := g.states[q]
			ref, isCountry := g.countryKeys[q]
			for _, id := range g.cityKeys[normalize(c.Place)] {
				ct := g.cities[id]
				if isState && ct.Country == st.Country && ct.Admin == st.Code ||
					isCountry && g.countries[ref.idx].ISO3 == ct.Country {
					p = g.cityPlace(id)
					break
				}
			}
		}
		p.Span, p.Sent = doc.Span{Start: c.Start + k, End: c.Start + k + len(c.Place)}, -1
		places = append(places, p)
	}
	sort.SliceStable(places, func(i, j int) bool { return places[i].Start < places[j].Start })
	d.Places = places
	d.Layers |= doc.LayerPlaces
	return nil
}

// mentions finds the gazetteer names in the story's sentences, longest
// match first; every name must start with a capital letter.
func (g *Gazetteer) mentions(d *doc.Doc) []mention {
	var ms []mention
	var buf []byte
	n := len(d.Text)
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			d.Errors.Add(s.Start, "where", fmt.Sprintf("sentence %d has token range [%d,%d) outside the %d tokens", si, s.First, s.Last, len(d.Tokens)))
			continue
		}
		for i := s.First; i < s.Last; {
			t := d.Tokens[i]
			if t.Start < 0 || t.End > n || t.Start >= t.End || !upperFirst(d.Text[t.Start:t.End]) {
				i++
				continue
			}
			tt := d.Text[t.Start:t.End]
			hw := len(tt)
			for k, r := range tt {
				if !isWordRune(r) {
					hw = k
					break
				}
			}
			buf = appendNormalized(buf[:0], tt[:hw])
			maxN, ok := g.heads[string(buf)]
			if !ok {
				i++
				continue
			}
			found := false
			for k := min(maxN, s.Last-i); k >= 1 && !found; k-- {
				end := d.Tokens[i+k-1].End
				if end > n || end < t.Start {
					continue
				}
				buf = appendNormalized(buf[:0], d.Text[t.Start:end])
				m := mention{first: i, last: i + k, sent: si}
				if ref, ok := g.countryKeys[string(buf)]; ok {
					m.country = ref.idx
					m.kind = mCountry
					if ref.demonym {
						m.kind = mDemonym
					}
					found = true
				} else if st, ok := g.states[string(buf)]; ok && !g.bigCity(string(buf)) {
					// A US state beats a small namesake city ("Florida"),
					// not a big one ("New York", "Washington").
					m.kind, m.state, found = mState, st, true
				} else if ids, ok := g.cityKeys[string(buf)]; ok {
					m.kind, m.cities, found = mCity, ids, true
				}
				if found {
					m.key = string(buf)
					ms = append(ms, m)
					i += k
				}
			}
			if !found {
				i++
			}
		}
	}
	return ms
}

// bigCity reports whether the most populous city named key is a national
// capital or has a million people.
func (g *Gazetteer) bigCity(key string) bool {
	ids := g.cityKeys[key]
	if len(ids) == 0 {
		return false
	}
	c := g.cities[ids[0]]
	return c.Capital || c.Population >= 1000000
}

// tokenLower returns the lower-cased text of token i, or "" when i is out
// of range.
func tokenLower(d *doc.Doc, i int) string {
	if i < 0 || i >= len(d.Tokens) {
		return ""
	}
	t := d.Tokens[i]
	if t.Start < 0 || t.End > len(d.Text) || t.Start > t.End {
		return ""
	}
	return normalize(d.Text[t.Start:t.End])
}

// sentenceInitial reports whether token i opens its sentence (after any
// opening quotes or brackets).
func sentenceInitial(d *doc.Doc, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if d.Tokens[k].Sent != d.Tokens[i].Sent {
			return true
		}
		switch tokenLower(d, k) {
		case "\"", "'", "“", "‘", "(", "[", "«", "—", "-":
			continue
		}
		return false
	}
	return true
}

// leadWords open sentences and clauses; capitalised at the start of a
// sentence they are not first names.
var leadWords = map[string]bool{
	"in": true, "at": true, "on": true, "from": true, "after": true, "before": true, "during": true,
	"for": true, "with": true, "to": true, "by": true, "near": true, "outside": true, "inside": true,
	"across": true, "the": true, "a": true, "an": true, "and": true, "but": true, "when": true,
	"while": true, "as": true, "since": true, "until": true, "of": true, "like": true, "unlike": true,
	"despite": true, "into": true, "through": true, "over": true, "under": true, "between": true,
	"both": true, "then": true, "so": true, "yet": true, "if": true, "unless": true, "around": true,
	"beyond": true, "toward": true, "towards": true, "via": true, "where": true,
	"whereas": true, "although": true, "though": true, "because": true, "once": true, "even": true,
}

// capWord reports whether token i, in the sentence of mention m, is a
// capitalised word of letters that is not one of neighbourOK.
func capWord(d *doc.Doc, m mention, i int) bool {
	if i < 0 || i >= len(d.Tokens) || d.Tokens[i].Sent != d.Tokens[m.first].Sent {
		return false
	}
	t := d.Tokens[i]
	if t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End {
		return false
	}
	w := d.Text[t.Start:t.End]
	if !upperFirst(w) || neighbourOK[normalize(w)] {
		return false
	}
	for _, r := range w {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// afterName reports a mention preceded by a capitalised word that is not
// a place and not a sentence-opening function word: "Hillary Clinton",
// "President Putin".
func (g *Gazetteer) afterName(d *doc.Doc, ms []mention, m mention, byLast map[int]int) bool {
	if initialBefore(d, m) {
		return true // "George J. Mitchell"
	}
	if !capWord(d, m, m.first-1) {
		return false
	}
	if i, ok := byLast[m.first]; ok && g.countryOf(ms[i]) != "" {
		return false // "Belarusian Minsk", "Ukraine Kyiv"
	}
	return !sentenceInitial(d, m.first-1) || !leadWords[tokenLower(d, m.first-1)]
}

// initialBefore reports a name initial right before the mention: "J." as
// one token, or "J" and "." as two.
func initialBefore(d *doc.Doc, m mention) bool {
	// A tokenizer may have ended a sentence at the initial's period, so
	// the sentence is not checked.
	i := m.first - 1
	if i < 0 || !d.Tokens[i].Span().Valid(len(d.Text)) {
		return false
	}
	w := d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	// The initial must follow a first name ("George J."), so that the
	// end of "U.S." or "D.C." before a new sentence does not count.
	firstName := func(k int) bool {
		if k < 0 || !d.Tokens[k].Span().Valid(len(d.Text)) {
			return false
		}
		p := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
		if len(p) < 2 || !upperFirst(p) {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	if len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.' {
		return firstName(i - 1)
	}
	if w == "." && i > 0 && d.Tokens[i-1].End == d.Tokens[i].Start && d.Tokens[i-1].Span().Valid(len(d.Text)) {
		p := d.Text[d.Tokens[i-1].Start:d.Tokens[i-1].End]
		return len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' && firstName(i-2)
	}
	return false
}

// personLike reports a single name that stands next to another
// capitalised word which is not a place and not one of neighbourOK: most
// likely part of a personal or organisation name ("Vladimir Putin").
func (g *Gazetteer) personLike(d *doc.Doc, ms []mention, m mention, byFirst, byLast map[int]int) bool {
	if m.kind == mCountry && m.key == "america" {
		switch tokenLower(d, m.first-1) {
		case "north", "south", "latin", "central":
			return true // a continent or region, not the United States
		}
	}
	if m.kind == mCountry && !personCountries[m.key] {
		return false
	}
	if i, ok := byFirst[m.last]; (!ok || g.countryOf(ms[i]) == "") && capWord(d, m, m.last) {
		return true
	}
	if l := tokenLower(d, m.last); l == "&" || l == "+" {
		return true // "Latham & Watkins"
	}
	return g.afterName(d, ms, m, byLast)
}

// resolve picks the city a mention names, or reports that it names none.
func (g *Gazetteer) resolve(d *doc.Doc, ms []mention, m mention, byFirst, byLast map[int]int, story, states map[string]bool) (int32, bool) {
	if g.personLike(d, ms, m, byFirst, byLast) {
		return 0, false
	}
	cands := m.cities
	top := g.cities[cands[0]]
	// A qualifier: "Paris, Texas", "Reading (England)".
	q := m.last
	if l := tokenLower(d, q); l == "," || l == "(" {
		if qi, ok := byFirst[q+1]; ok {
			qm := ms[qi]
			for _, id := range cands {
				c := g.cities[id]
				if (qm.kind == mCountry || qm.kind == mDemonym) && c.Country == g.countries[qm.country].ISO3 ||
					qm.kind == mState && c.Country == "USA" && c.Admin == qm.state.Code {
					return id, true
				}
			}
		}
	}
	flagged := false
	for _, id := range cands {
		if c := g.cities[id]; c.CommonWord || c.PersonName {
			flagged = true
		}
	}
	if hardStop[m.key] {
		return 0, false
	}
	for _, id := range cands {
		if g.cities[id].Region {
			return id, true // a curated region or sea: "Crimea", "Black Sea"
		}
	}
	stop := stoplist[m.key] || len([]rune(m.key)) <= 3 && top.Population < 1000000 ||
		flagged && !(top.Capital && top.Population >= 1000000)
	if stop && sentenceInitial(d, m.first) {
		return 0, false
	}
	// A big capital is not displaced by a small namesake that only the
	// story's context favours: "Paris" in a story that mentions the
	// United States, or Texas, is still the capital.
	bigCapital := func(c City) bool {
		return top.Capital && top.Population >= 1000000 && c.Population < AmbiguousMinPopulation && !story[top.Country]
	}
	for _, id := range cands {
		if c := g.cities[id]; c.Country == "USA" && states[c.Admin] && !bigCapital(c) {
			return id, true
		}
	}
	for _, id := range cands {
		c := g.cities[id]
		if story[c.Country] && !bigCapital(c) {
			return id, true
		}
	}
	if stop {
		return 0, false
	}
	// A small town abroad needs its country in the story: a story about
	// the United States and China does not mention Obama, Japan.
	if len(story) > 0 && top.Population < ForeignMinPopulation {
		return 0, false
	}
	if len(cands) == 1 || top.Population >= AmbiguousMinPopulation {
		return cands[0], true
	}
	return 0, false
}

// weak reports a city name that needs context: on the soft stoplist,
// flagged from EWT as a common word or a person's name (unless a capital
// of a million or more), or of three letters or fewer (under a million).
func (g *Gazetteer) weak(m mention) bool {
	if len(m.cities) == 0 {
		return false
	}
	top := g.cities[m.cities[0]]
	big := top.Population >= 1000000
	if stoplist[m.key] || hardStop[m.key] || len([]rune(m.key)) <= 3 && !big {
		return true
	}
	for _, id := range m.cities {
		if c := g.cities[id]; (c.CommonWord || c.PersonName) && !(top.Capital && big) {
			return true
		}
	}
	return false
}

// personOrOrg reports a mention that earlier stages found to be part of a
// person's or an organisation's name: a token tagged B-/I-PER or
// B-/I-ORG by the NER stage, or a PER or ORG mention of Doc.Mentions
// covering it.
func personOrOrg(d *doc.Doc, m mention) bool {
	for i := m.first; i < m.last && i < len(d.Tokens); i++ {
		if t := d.Tokens[i].NER; strings.HasSuffix(t, "-PER") || strings.HasSuffix(t, "-ORG") {
			return true
		}
	}
	if len(d.Mentions) == 0 {
		return false
	}
	span := d.TokenSpan(m.first, m.last)
	for _, x := range d.Mentions {
		if (x.Type == doc.PER || x.Type == doc.ORG) && x.Span.Overlaps(span) && x.Kind != doc.MentionMetonym {
			return true
		}
	}
	return false
}

// countryOf returns the ISO3 code of a country or demonym mention, or "".
func (g *Gazetteer) countryOf(m mention) string {
	if m.kind == mCountry || m.kind == mDemonym {
		return g.countries[m.country].ISO3
	}
	return ""
}

// borders finds border mentions and ties each to the countries involved.
func (g *Gazetteer) borders(d *doc.Doc, ms []mention, byLast map[int]int) []doc.Place {
	var out []doc.Place
	var last []string // countries of the previous border mention
	byFirst := map[int]int{}
	for i, m := range ms {
		byFirst[m.first] = i
	}
	countryAt := func(i int) (mention, bool) {
		if tokenLower(d, i) == "the" {
			i++
		}
		if k, ok := byFirst[i]; ok && g.countryOf(ms[k]) != "" {
			return ms[k], true
		}
		return mention{}, false
	}
	for si, s := range d.Sentences {
		if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if t := d.Tokens[i]; t.End-t.Start < 6 || t.End-t.Start > 11 || t.Start < 0 || t.Start >= len(d.Text) ||
				d.Text[t.Start]|0x20 != 'b' && d.Text[t.Start]|0x20 != 'f' {
				continue // cheap test before normalising: border, frontier
			}
			w := tokenLower(d, i)
			if !borderWords[w] {
				continue
			}
			next := tokenLower(d, i+1)
			if i+1 < s.Last && (borderAgents[next] || next == "-" && borderAgents[tokenLower(d, i+2)]) {
				continue
			}
			if x := d.Tokens[i].XPOS; strings.HasPrefix(x, "VB") {
				continue
			}
			switch tokenLower(d, i-1) {
			case "that", "which", "who", "to", "they", "also", "countries", "states":
				continue
			}
			var cs []string
			add := func(c string) {
				if c != "" && !contains(cs, c) {
					cs = append(cs, c)
				}
			}
			start, end := i, i+1
			// Modifiers: "the Belarusian-Ukrainian border", "Ukraine's border".
			k := i - 1
			if l := tokenLower(d, k); l == "'s" || l == "s" && tokenLower(d, k-1) == "'" {
				k--
				if l == "s" {
					k--
				}
			}
			var mods []string
			for k >= s.First {
				mi, ok := byLast[k+1]
				if !ok || g.countryOf(ms[mi]) == "" {
					break
				}
				mods = append(mods, g.countryOf(ms[mi]))
				start = ms[mi].first
				k = ms[mi].first - 1
				if l := tokenLower(d, k); l == "-" || l == "and" || l == "/" || l == "," {
					k--
					continue
				}
				break
			}
			for j := len(mods) - 1; j >= 0; j-- {
				add(mods[j])
			}
			if borderRegions[tokenLower(d, end)] && end < s.Last {
				end++
			}
			// "with Ukraine", "between Belarus and Ukraine", "of Belarus".
			switch tokenLower(d, end) {
			case "with", "between", "of":
				e := end + 1
				if m, ok := countryAt(e); ok && (m.kind == mCountry || tokenLower(d, end) != "of") {
					withs := []string{g.countryOf(m)}
					e = m.last
					if l := tokenLower(d, e); l == "and" || l == "," {
						if m2, ok := countryAt(e + 1); ok {
							withs = append(withs, g.countryOf(m2))
							e = m2.last
						}
					}
					if tokenLower(d, end) == "with" && len(cs) == 0 {
						// The owner of "its border with Ukraine": the
						// nearest country mentioned before that is not
						// Ukraine.
						for mi := len(ms) - 1; mi >= 0; mi-- {
							if ms[mi].last <= start && g.countryOf(ms[mi]) != "" && !contains(withs, g.countryOf(ms[mi])) {
								add(g.countryOf(ms[mi]))
								break
							}
						}
					}
					for _, c := range withs {
						add(c)
					}
					end = e
				}
			}
			if len(cs) == 1 && len(mods) > 0 {
				// "the Russian border" in a story about Ukraine: a border
				// has two sides; the other is the nearest other country
				// named in this sentence or the one before.
				if other := g.otherCountry(ms, cs[0], i, si); other != "" {
					add(other)
				}
			}
			if len(cs) == 0 && strings.HasPrefix(w, "frontier") {
				continue // "the frontier of economic policy": only a named frontier is a place
			}
			if len(cs) == 0 {
				if len(last) > 0 {
					cs = append(cs, last...)
				} else {
					cs = g.nearbyCountries(d, ms, i, si)
				}
			}
			if len(cs) > 0 {
				last = append(last[:0], cs...)
			}
			span := d.TokenSpan(start, end)
			p := doc.Place{Span: span, Sent: si, Name: d.Slice(span), Countries: cs}
			if len(cs) == 1 {
				p.Country = cs[0]
			}
			out = append(out, p)
		}
	}
	return out
}

// otherCountry returns the country other than c mentioned nearest to
// token i in sentence si or the one before, or "".
func (g *Gazetteer) otherCountry(ms []mention, c string, i, si int) string {
	best, bestDist := "", 0
	for _, m := range ms {
		if m.sent != si && m.sent != si-1 {
			continue
		}
		oc := g.countryOf(m)
		if oc == "" || oc == c {
			continue
		}
		dist := i - m.last
		if m.first > i {
			dist = m.first - i
		}
		if m.sent != si {
			dist += 1000 // this sentence first
		}
		if best == "" || dist < bestDist {
			best, bestDist = oc, dist
		}
	}
	return best
}

// nearbyCountries returns up to two countries mentioned closest before
// token i in its sentence and the one before, else after it in its
// sentence.
func (g *Gazetteer) nearbyCountries(d *doc.Doc, ms []mention, i, si int) []string {
	var cs []string
	for mi := len(ms) - 1; mi >= 0 && len(cs) < 2; mi-- {
		m := ms[mi]
		if m.last > i || m.sent < si-1 {
			continue
		}
		if c := g.countryOf(m); c != "" && !contains(cs, c) {
			cs = append(cs, c)
		}
	}
	for _, m := range ms {
		if len(cs) >= 2 {
			break
		}
		if m.first > i && m.sent == si {
			if c := g.countryOf(m); c != "" && !contains(cs, c) {
				cs = append(cs, c)
			}
		}
	}
	sort.Strings(cs)
	return cs
}

// Step returns the gazetteer as a pipeline step named "where".
func (g *Gazetteer) Step() pipeline.Step {
	return pipeline.Step{Name: "where", Requires: Requires, Assigns: Assigns, Stage: g}
}
