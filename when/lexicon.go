package when

// lex is the lexical class of a word that can take part in a time
// expression.
type lex uint8

const (
	lxNone lex = iota
	lxMonth
	lxWeekday
	lxYesterday
	lxToday
	lxTomorrow
	lxTonight
	lxLast
	lxThis
	lxNext
	lxPast
	lxComing
	lxPrevious
	lxEarly
	lxLate
	lxMid
	lxEarlier
	lxLater
	lxThe
	lxEnd
	lxStart
	lxMiddle
	lxOf
	lxUnit
	lxWeekend
	lxPartOfDay
	lxNight
	lxAgo
	lxNumWord
	lxA
	lxFew
	lxSince
	lxFrom
	lxTo
	lxBetween
	lxAnd
	lxBefore
	lxAfter
	lxDay
	lxComma
	lxHyphen
	lxApos
	lxOrdSuffix
	lxPrep    // other prepositions that license a bare year or month
	lxSeason  // val: first month of the season (3 spring, 6 summer, 9 autumn, 12 winter)
	lxOrdWord // first .. fourth: val
	lxQuarter // "quarter"; a "Q1".."Q4" token has val 1-4
	lxVeto    // words before a number that make it a quantity, not a year
	lxQty     // words after a number that make it a quantity
)

// Units (entry.val of lxUnit).
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
	unitDecade
)

type entry struct {
	lx  lex
	val int
}

// lexicon maps a lower-cased word to its class. It is built once and never
// written afterwards.
var lexicon = buildLexicon()

func buildLexicon() map[string]entry {
	m := map[string]entry{}
	months := [][]string{
		{"january", "jan", "jan."},
		{"february", "feb", "feb."},
		{"march", "mar."},
		{"april", "apr", "apr."},
		{"may"},
		{"june", "jun", "jun."},
		{"july", "jul", "jul."},
		{"august", "aug", "aug."},
		{"september", "sep", "sep.", "sept", "sept."},
		{"october", "oct", "oct."},
		{"november", "nov", "nov."},
		{"december", "dec", "dec."},
	}
	for i, names := range months {
		for k, n := range names {
			v := i + 1
			if k > 0 {
				v += 100 // an abbreviation
			}
			m[n] = entry{lxMonth, v}
		}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, n := range days {
		m[n] = entry{lxWeekday, i}
	}
	set := func(l lex, v int, words ...string) {
		for _, w := range words {
			m[w] = entry{l, v}
		}
	}
	set(lxYesterday, 0, "yesterday")
	set(lxToday, 0, "today")
	set(lxTomorrow, 0, "tomorrow")
	set(lxTonight, 0, "tonight")
	set(lxTonight, 1, "overnight")
	set(lxLast, 0, "last")
	set(lxThis, 0, "this")
	set(lxNext, 0, "next")
	set(lxPast, 0, "past")
	set(lxComing, 0, "coming", "upcoming")
	set(lxPrevious, 0, "previous")
	set(lxEarly, 0, "early")
	set(lxLate, 0, "late")
	set(lxMid, 0, "mid", "mid-")
	set(lxEarlier, 0, "earlier")
	set(lxLater, 0, "later")
	set(lxThe, 0, "the")
	set(lxEnd, 0, "end")
	set(lxStart, 0, "start", "beginning")
	set(lxMiddle, 0, "middle")
	set(lxOf, 0, "of")
	set(lxUnit, unitDay, "days")
	set(lxDay, unitDay, "day")
	set(lxUnit, unitWeek, "week", "weeks")
	set(lxUnit, unitMonth, "month", "months")
	set(lxUnit, unitYear, "year", "years")
	set(lxUnit, unitDecade, "decade", "decades")
	set(lxWeekend, 0, "weekend")
	set(lxPartOfDay, 0, "morning", "afternoon", "evening")
	set(lxNight, 0, "night")
	set(lxAgo, 0, "ago")
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty"}
	for i, n := range nums {
		m[n] = entry{lxNumWord, i}
	}
	set(lxNumWord, 30, "thirty")
	set(lxNumWord, 40, "forty")
	set(lxNumWord, 50, "fifty")
	set(lxNumWord, 100, "hundred")
	set(lxA, 1, "a", "an")
	set(lxFew, 3, "few", "several")
	set(lxSince, 0, "since")
	set(lxFrom, 0, "from")
	set(lxTo, 0, "to", "until", "till", "through", "thru")
	set(lxBetween, 0, "between")
	set(lxAnd, 0, "and")
	set(lxBefore, 0, "before")
	set(lxAfter, 0, "after")
	set(lxComma, 0, ",")
	set(lxHyphen, 0, "-", "–", "—")
	set(lxApos, 0, "'", "’", "‘")
	set(lxOrdSuffix, 0, "st", "nd", "rd", "th")
	set(lxPrep, 0, "in", "on", "by", "during", "around", "circa", "ending", "throughout", "within",
		"into", "at", "over")
	set(lxSeason, 3, "spring")
	set(lxSeason, 6, "summer")
	set(lxSeason, 9, "autumn", "fall")
	set(lxSeason, 12, "winter")
	set(lxOrdWord, 1, "first")
	set(lxOrdWord, 2, "second")
	set(lxOrdWord, 3, "third")
	set(lxOrdWord, 4, "fourth", "final")
	set(lxQuarter, 0, "quarter")
	set(lxQuarter, 1, "q1")
	set(lxQuarter, 2, "q2")
	set(lxQuarter, 3, "q3")
	set(lxQuarter, 4, "q4")
	set(lxPast, 0, "recent")
	set(lxVeto, 0, "$", "€", "£", "¥", "#", "no", "no.", "number", "nos", "about", "some", "nearly",
		"almost", "approximately", "roughly", "over", "than", "least", "just", "only", "flight",
		"route", "resolution", "model", "kilometre", "km", "page", "article", "highway", "code",
		"item", "unit", "brigade", "division", "regiment", "battalion", "squadron", "rs", "rs.")
	set(lxQty, 0, "%", "percent", "per", "people", "persons", "troops", "soldiers", "men", "women",
		"children", "civilians", "casualties", "votes", "km", "kilometres", "kilometers", "miles",
		"metres", "meters", "feet", "tonnes", "tons", "dollars", "euros", "roubles", "rubles",
		"hryvnias", "pounds", "yuan", "gmt", "utc", "hours", "hrs", "local", "pm", "am", "a.m.",
		"p.m.", "units", "vehicles", "tanks", "rockets", "missiles", "drones", "shells", "barrels",
		"refugees", "migrants", "protesters", "demonstrators", "prisoners", "deaths", "killed",
		"dead", "wounded", "injured", "members", "delegates", "seats", "jobs", "homes", "cases",
		"times", "hectares", "acres", "cars", "aircraft", "planes", "ships", "square", "sq")
	return m
}

// Words after a clause's verb that mark it as past or future when the
// tokens carry no POS tags.
var pastWords = map[string]bool{
	"said": true, "told": true, "was": true, "were": true, "had": true, "did": true, "went": true,
	"came": true, "took": true, "made": true, "held": true, "gave": true, "saw": true, "began": true,
	"left": true, "sent": true, "won": true, "lost": true, "fought": true, "spoke": true, "met": true,
	"struck": true, "hit": true, "shot": true, "fell": true, "led": true, "ran": true, "wrote": true,
	"brought": true, "thought": true, "felt": true, "kept": true, "became": true, "stood": true,
	"got": true, "sought": true, "broke": true, "drew": true, "flew": true, "rose": true, "chose": true,
	"announced": true, "reported": true, "ago": true, "yesterday": true,
}

var futureWords = map[string]bool{
	"will": true, "shall": true, "'ll": true, "’ll": true, "wo": true, "tomorrow": true,
	"would": true, "might": true, "could": true, "may": true,
	"upcoming": true, "plans": true, "planning": true, "intends": true, "aims": true,
}

// plannedWords mark the future after a form of "be": "is scheduled for
// Thursday", "are expected on Monday"; elsewhere ("earlier than
// scheduled") they decide nothing.
var plannedWords = map[string]bool{
	"expected": true, "scheduled": true, "due": true, "planned": true, "set": true, "slated": true,
	"likely": true, "poised": true, "going": true, "about": true,
}

var beWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "'s": true, "’s": true,
}
