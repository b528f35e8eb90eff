package event

import (
	"strconv"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
	"github.com/wirecoder/wirecoder/doc"
)

// Phrase is a noun phrase the coder found in the parse: the candidate
// actor of an event. Tokens are indexes into Doc.Tokens in text order; the
// phrase need not be contiguous (a modifier shared by the members of a
// compound is repeated in each).
type Phrase struct {
	Tokens []int
	Head   int
	// Words are the upper-case words of the phrase, possessive markers and
	// punctuation left out: what dictionary patterns are matched against.
	Words []string
}

// ActorFinder gives the actor code of a noun phrase. The coder works the
// same with PETRARCH dictionaries (DictActors) and with the entities the
// pipeline has resolved (MentionActors).
type ActorFinder interface {
	// Actor returns the reference for phrase p of d, and false when the
	// phrase names no known actor. The coder fills in an empty Text and
	// Span from the phrase.
	Actor(d *doc.Doc, p Phrase) (doc.Ref, bool)
}

// DictActors finds actors with PETRARCH actor and agent dictionaries, as
// PETRARCH does: the first actor phrase in the noun phrase gives the base
// code, dated by the story date; every agent phrase elsewhere in it adds
// its code after (~GOV) or before (NGO~) the base, a code already present
// being added once.
type DictActors struct {
	Actors *petrarch.Actors
	Agents *petrarch.Agents
	// Date is the date (YYYYMMDD) for date-restricted codes when the Doc
	// has none.
	Date int
}

// Actor implements ActorFinder.
func (a *DictActors) Actor(d *doc.Doc, p Phrase) (doc.Ref, bool) {
	code, ok := a.Code(p.Words, a.date(d))
	if !ok {
		return doc.Ref{}, false
	}
	return doc.Ref{Code: code}, true
}

func (a *DictActors) date(d *doc.Doc) int {
	if d != nil && len(d.Date) >= 10 {
		if n, err := strconv.Atoi(d.Date[:4] + d.Date[5:7] + d.Date[8:10]); err == nil {
			return n
		}
	}
	return a.Date
}

// Code returns the code of a phrase's upper-case words on date (YYYYMMDD):
// actor code plus agent codes; "---" stands for the missing actor when only
// agents are found ("---GOV"). ok is false when neither is found.
func (a *DictActors) Code(words []string, date int) (string, bool) {
	code := ""
	from, to := -1, -1
	if a.Actors != nil {
		for k := range words {
			act, n := a.Actors.Match(words[k:])
			if act == nil {
				continue
			}
			from, to = k, k+n
			code = act.CodeOn(date)
			if code == "" {
				code = "---"
			}
			break
		}
	}
	var agents []*petrarch.Agent
	if a.Agents != nil {
		for k := 0; k < len(words); k++ {
			if k >= from && k < to {
				continue
			}
			ag, n := a.Agents.Match(words[k:])
			if ag == nil {
				continue
			}
			agents = append(agents, ag)
			k += n - 1
		}
	}
	if from < 0 && len(agents) == 0 {
		return "", false
	}
	if code == "" {
		code = "---"
	}
	for _, ag := range agents {
		if hasBlock(code, ag.Code) {
			break
		}
		if ag.Prefix {
			code = ag.Code + code
		} else {
			code += ag.Code
		}
	}
	return code, true
}

// hasBlock reports whether code holds sub at a multiple of three
// characters: CAMEO actor codes are built of three-letter blocks.
func hasBlock(code, sub string) bool {
	for k := 0; k+len(sub) <= len(code); k += 3 {
		if code[k:k+len(sub)] == sub {
			return true
		}
	}
	return false
}

// MentionActors finds actors among the mentions the pipeline has resolved
// (doc.Mentions with their entities): a phrase takes the coded mention that
// covers its head token, else the first coded mention inside it.
type MentionActors struct{}

// Actor implements ActorFinder.
func (MentionActors) Actor(d *doc.Doc, p Phrase) (doc.Ref, bool) {
	best := -1
	for i := range d.Mentions {
		m := &d.Mentions[i]
		code := mentionCode(d, m)
		if code == "" {
			continue
		}
		inside := false
		for _, t := range p.Tokens {
			if t >= m.First && t < m.Last {
				inside = true
				break
			}
		}
		if !inside {
			continue
		}
		if p.Head >= m.First && p.Head < m.Last {
			best = i
			break
		}
		// a possessive pronoun yields to a named mention: "his
		// counterpart Italian President Sergio Mattarella"
		if best < 0 || (possPronoun(d, &d.Mentions[best]) && !possPronoun(d, m)) {
			best = i
		}
	}
	if best < 0 {
		return speakerOf(d, p)
	}
	m := &d.Mentions[best]
	ref := doc.Ref{Text: d.Slice(m.Span), Code: mentionCode(d, m), Span: m.Span}
	if m.Entity >= 0 && m.Entity < len(d.Entities) {
		ref.Entity = d.Entities[m.Entity].ID
	}
	return ref, true
}

// firstPerson are the pronouns by which a quoted speaker names itself or
// its side.
var firstPerson = map[string]bool{"I": true, "ME": true, "WE": true, "US": true, "MY": true, "OUR": true}

// speakerOf resolves a first-person pronoun inside a quote's content that
// coreference left unresolved ("we have to pull back our troops", said
// Lukashenko) to the innermost quote's coded speaker.
func speakerOf(d *doc.Doc, p Phrase) (doc.Ref, bool) {
	if p.Head < 0 || p.Head >= len(d.Tokens) || len(p.Tokens) != 1 || !firstPerson[strings.ToUpper(d.TokenText(p.Head))] {
		return doc.Ref{}, false
	}
	sp := d.Tokens[p.Head].Span()
	best := -1
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !q.Content.Contains(sp) || q.Speaker.Code == "" || q.Speaker.Code == "---" {
			continue
		}
		if best < 0 || d.Quotes[best].Content.Contains(q.Content) {
			best = i
		}
	}
	if best < 0 {
		return doc.Ref{}, false
	}
	r := d.Quotes[best].Speaker
	r.Text, r.Span = d.TokenText(p.Head), sp
	return r, true
}

// possPronoun reports a mention that is a lone possessive pronoun.
func possPronoun(d *doc.Doc, m *doc.Mention) bool {
	return m.Last-m.First == 1 && m.First >= 0 && m.First < len(d.Tokens) && d.Tokens[m.First].XPOS == "PRP$"
}

func mentionCode(d *doc.Doc, m *doc.Mention) string {
	if m.Entity >= 0 && m.Entity < len(d.Entities) && d.Entities[m.Entity].Actor.Code != "" {
		return d.Entities[m.Entity].Actor.Code
	}
	return m.Actor.Code
}

func phraseSpan(d *doc.Doc, p Phrase) doc.Span {
	if len(p.Tokens) == 0 {
		return doc.Span{}
	}
	return doc.Span{Start: d.Tokens[p.Tokens[0]].Start, End: d.Tokens[p.Tokens[len(p.Tokens)-1]].End}
}

func phraseText(d *doc.Doc, p Phrase) string {
	var b strings.Builder
	for i, t := range p.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(d.TokenText(t))
	}
	return b.String()
}
