package lemma

import "strings"

// irregularVerbs lists English irregular verbs as "base past participle"
// (alternatives joined with "/"). Written for wirecoder from general
// knowledge of English grammar.
const irregularVerbs = `arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|
become became become|begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|
bleed bled bled|blow blew blown|break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast|
build built built|burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught|
choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|
dig dug dug|do did done|draw drew drawn|dream dreamt dreamt|drink drank drunk|drive drove driven|dwell dwelt dwelt|
eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|
fling flung flung|fly flew flown|forbid forbade forbidden|forecast forecast forecast|foresee foresaw foreseen|
forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten/got|give gave given|go went gone|
grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|
hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|
lean leant leant|leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|
light lit lit|lose lost lost|make made made|mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken|
overcome overcame overcome|overtake overtook overtaken|overthrow overthrew overthrown|pay paid paid|prove proved proven|
put put put|quit quit quit|read read read|rebuild rebuilt rebuilt|rid rid rid|ride rode ridden|ring rang rung|
rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|
sew sewed sewn|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk|
shut shut shut|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid|
sling slung slung|slit slit slit|smell smelt smelt|speak spoke spoken|speed sped sped|spend spent spent|spill spilt spilt|
spin spun spun|spit spat spat|split split split|spoil spoilt spoilt|spread spread spread|spring sprang sprung|
stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|stink stank stunk|stride strode stridden|
strike struck struck|strive strove striven|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum|
swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|
throw threw thrown|thrust thrust thrust|tread trod trodden|undergo underwent undergone|understand understood understood|
undertake undertook undertaken|upset upset upset|uphold upheld upheld|wake woke woken|wear wore worn|weave wove woven|
weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|
withstand withstood withstood|wring wrung wrung|write wrote written`

// irregularNouns lists irregular plurals as "singular plural".
const irregularNouns = `man men|woman women|child children|foot feet|tooth teeth|goose geese|mouse mice|ox oxen|
louse lice|crisis crises|thesis theses|analysis analyses|hypothesis hypotheses|diagnosis diagnoses|basis bases|
phenomenon phenomena|criterion criteria|medium media|datum data|nucleus nuclei|cactus cacti|fungus fungi|
stimulus stimuli|syllabus syllabi|alumnus alumni|index indices|appendix appendices|matrix matrices|vertex vertices|
life lives|wife wives|knife knives|wolf wolves|leaf leaves|half halves|shelf shelves|thief thieves|calf calves|
loaf loaves|self selves|businessman businessmen|chairman chairmen|spokesman spokesmen|congressman congressmen|
policeman policemen|fireman firemen|gentleman gentlemen|fisherman fishermen|salesman salesmen|spokeswoman spokeswomen|
congresswoman congresswomen|businesswoman businesswomen`

// irregular tables, built once from the lists above; read-only after init.
var irregVerb, irregNoun = buildIrregular()

func buildIrregular() (verbs map[string]string, nouns map[string]string) {
	verbs, nouns = map[string]string{}, map[string]string{}
	for _, e := range strings.Split(irregularVerbs, "|") {
		f := strings.Fields(e)
		if len(f) != 3 {
			continue
		}
		for _, form := range f[1:] {
			for _, v := range strings.Split(form, "/") {
				if _, dup := verbs[v]; !dup {
					verbs[v] = f[0]
				}
			}
		}
	}
	for _, e := range strings.Split(irregularNouns, "|") {
		f := strings.Fields(e)
		if len(f) == 2 {
			nouns[f[1]] = f[0]
		}
	}
	return verbs, nouns
}

// irregular looks up an irregular form of the given (lower-cased) word.
func irregular(lf, upos, xpos string) (string, bool) {
	switch xpos {
	case "VBD", "VBN":
		l, ok := irregVerb[lf]
		return l, ok
	case "NNS":
		l, ok := irregNoun[lf]
		return l, ok
	}
	if xpos == "" && (upos == "VERB" || upos == "AUX") {
		l, ok := irregVerb[lf]
		return l, ok
	}
	return "", false
}
