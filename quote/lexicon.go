package quote

import "strings"

// CueClass is what a cue word says about its content.
type CueClass uint8

// The classes of cues.
const (
	CueNone      CueClass = iota
	CueSpeech             // say, tell, announce: the source asserts the content
	CueDeny               // deny, dismiss, reject: the source denies it
	CueUncertain          // suggest, speculate: the source hedges
	CueCognition          // believe, determine, conclude: a mental state reported
	CueQuoting            // quote, cite: a third party relays someone's words
)

var cueClassNames = [...]string{CueNone: "none", CueSpeech: "speech", CueDeny: "deny", CueUncertain: "uncertain", CueCognition: "cognition", CueQuoting: "quoting"}

// String returns the class's name.
func (c CueClass) String() string {
	if int(c) < len(cueClassNames) {
		return cueClassNames[c]
	}
	return "none"
}

// cueVerbs maps the lemma of a cue verb to its class. Irregular and
// inflected forms are listed in verbForms so that the lexicon works even
// when no lemmatizer has run.
var cueVerbs = map[string]CueClass{
	"say": CueSpeech, "tell": CueSpeech, "add": CueSpeech, "state": CueSpeech, "announce": CueSpeech,
	"claim": CueSpeech, "declare": CueSpeech, "insist": CueSpeech, "argue": CueSpeech, "note": CueSpeech,
	"explain": CueSpeech, "confirm": CueSpeech, "report": CueSpeech, "write": CueSpeech, "tweet": CueSpeech,
	"post": CueSpeech, "stress": CueSpeech, "emphasise": CueSpeech, "emphasize": CueSpeech, "warn": CueSpeech,
	"accuse": CueSpeech, "allege": CueSpeech, "assert": CueSpeech, "acknowledge": CueSpeech, "admit": CueSpeech,
	"reply": CueSpeech, "respond": CueSpeech, "remark": CueSpeech, "comment": CueSpeech, "describe": CueSpeech,
	"call": CueSpeech, "promise": CueSpeech, "pledge": CueSpeech, "vow": CueSpeech, "threaten": CueSpeech,
	"urge": CueSpeech, "ask": CueSpeech, "demand": CueSpeech, "predict": CueSpeech, "recall": CueSpeech,
	"repeat": CueSpeech, "reiterate": CueSpeech, "indicate": CueSpeech, "point": CueSpeech, "signal": CueSpeech,
	"complain": CueSpeech, "joke": CueSpeech, "boast": CueSpeech, "concede": CueSpeech, "mention": CueSpeech,
	"testify": CueSpeech, "disclose": CueSpeech, "reveal": CueSpeech, "answer": CueSpeech, "inform": CueSpeech,
	"assure": CueSpeech, "caution": CueSpeech, "contend": CueSpeech, "maintain": CueSpeech, "charge": CueSpeech,
	"shout": CueSpeech, "blame": CueSpeech, "criticise": CueSpeech, "criticize": CueSpeech, "praise": CueSpeech,
	"discuss": CueSpeech, "express": CueSpeech, "thank": CueSpeech, "mock": CueSpeech, "defend": CueSpeech,
	"endorse": CueSpeech, "show": CueSpeech, "question": CueSpeech, "slam": CueSpeech,
	"blast": CueSpeech, "condemn": CueSpeech, "welcome": CueSpeech, "applaud": CueSpeech, "propose": CueSpeech,
	"recommend": CueSpeech, "insinuate": CueSpeech, "lament": CueSpeech, "decry": CueSpeech,
	"deny": CueDeny, "dismiss": CueDeny, "reject": CueDeny, "refute": CueDeny, "rebuff": CueDeny,
	"dispute": CueDeny, "rebut": CueDeny, "contradict": CueDeny, "disavow": CueDeny,
	"suggest": CueUncertain, "speculate": CueUncertain, "hint": CueUncertain, "guess": CueUncertain,
	"wonder": CueUncertain, "doubt": CueUncertain,
	"believe": CueCognition, "think": CueCognition, "determine": CueCognition, "conclude": CueCognition,
	"find": CueCognition, "know": CueCognition, "learn": CueCognition, "estimate": CueCognition,
	"expect": CueCognition, "hope": CueCognition, "fear": CueCognition, "worry": CueCognition,
	"feel": CueCognition, "assess": CueCognition, "want": CueCognition, "plan": CueCognition, "intend": CueCognition,
	"prefer": CueCognition, "consider": CueCognition, "see": CueCognition, "suspect": CueCognition, "recognize": CueCognition,
	"recognise": CueCognition, "realize": CueCognition, "realise": CueCognition, "agree": CueCognition, "establish": CueCognition, "understand": CueCognition,
	"quote": CueQuoting, "cite": CueQuoting,
}

// verbForms maps inflected forms to lemmas for the cue verbs.
var verbForms = func() map[string]string {
	m := map[string]string{
		"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell",
		"wrote": "write", "written": "write", "writes": "write", "writing": "write",
		"thought": "think", "thinks": "think", "found": "find", "finds": "find", "knew": "know",
		"known": "know", "knows": "know", "learnt": "learn", "felt": "feel", "understood": "understand",
		"denied": "deny", "denies": "deny", "replied": "reply", "replies": "reply", "testified": "testify",
		"cried": "cry", "worried": "worry", "implied": "imply", "ran": "run",
	}
	for lemma := range cueVerbs {
		for _, f := range regularForms(lemma) {
			if _, ok := m[f]; !ok {
				m[f] = lemma
			}
		}
	}
	return m
}()

// regularForms returns the -s, -ed and -ing forms of a regular verb.
func regularForms(v string) []string {
	stem := v
	var ed, ing string
	switch {
	case strings.HasSuffix(v, "e"):
		stem = v[:len(v)-1]
		ed, ing = stem+"ed", stem+"ing"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		ed, ing = v[:len(v)-1]+"ied", v+"ing"
	default:
		ed, ing = v+"ed", v+"ing"
	}
	s := v + "s"
	if strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") {
		s = v + "es"
	} else if strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])) {
		s = v[:len(v)-1] + "ies"
	}
	return []string{v, s, ed, ing}
}

// cueLemma returns the lemma and class of a cue word, given its form and
// (possibly empty) lemma from the lemmatizer.
func cueLemma(form, lemma string) (string, CueClass) {
	f := strings.ToLower(form)
	if l, ok := verbForms[f]; ok {
		return l, cueVerbs[l]
	}
	if c, ok := cueVerbs[lemma]; ok {
		return lemma, c
	}
	return "", CueNone
}

// channelNouns name the medium of a statement, recorded as the quote's
// channel when the text states it ("in a statement posted online").
var channelNouns = map[string]bool{
	"statement": true, "interview": true, "conference": true, "briefing": true, "post": true,
	"telegram": true, "tweet": true, "twitter": true, "x": false, "facebook": true, "video": true,
	"address": true, "speech": true, "letter": true, "broadcast": true, "communique": true,
	"release": true, "blog": true, "message": true, "email": true, "television": true, "radio": true,
}

// gatheringNouns are the heads of addressee phrases whose real addressee is
// their "of" complement ("a meeting of regional officials").
var gatheringNouns = map[string]bool{
	"meeting": true, "gathering": true, "session": true, "conference": true, "group": true,
	"audience": true, "crowd": true, "delegation": true, "assembly": true, "rally": true,
}

// mediaNouns mark an outlet that relays someone else's words.
var mediaNouns = map[string]bool{
	"agency": true, "newspaper": true, "television": true, "broadcaster": true, "outlet": true,
	"channel": true, "radio": true, "daily": true, "media": true, "tv": true, "magazine": true,
}
