package when

// This file holds the hand-written scanner: words are classified once
// through the lexicon (no regular expressions), then a small recursive
// matcher tries the expression patterns at each word, longest first.

// Extra word classes that the classifier assigns from a word's shape
// rather than from the lexicon.
const (
	lxNum       lex = 200 + iota // all digits: num, ndig
	lxDecade                     // "1990s": val 1990
	lxDecade2                    // "90s", "'90s": val 90
	lxISO                        // "2022-02-24" or "2022-02" in one token: iso
	lxYearRange                  // "2014-2016", "2014-16": num start, val end
	lxDot                        // "."
)

// word is one classified token (or part of one: "mid-June" gives three
// words).
type word struct {
	start, end int // byte offsets in the source text
	tok        int // index of the source token, for tense
	lx         lex
	val        int
	num        int  // value of a number
	ndig       int  // digits of a number
	plural     bool // a unit word ending in "s"
	cap        bool // first letter upper-case
	ord        bool // a number with an ordinal suffix: "13th"
	abbr       bool // an abbreviated month name: "Feb."
	iso        point
}

// tense is the tense of the clause around an expression.
type tense uint8

const (
	tenseUnknown tense = iota
	tensePast
	tenseFuture
)

// classify fills a word's class from its text.
func classify(w *word, text string) {
	w.lx = lxNone
	if text == "" {
		return
	}
	c := text[0]
	w.cap = c >= 'A' && c <= 'Z'
	if c >= '0' && c <= '9' {
		classifyDigits(w, text)
		return
	}
	if (c == '\'' || len(text) > 3 && text[:3] == "’") && len(text) > 1 {
		rest := text[1:]
		if c != '\'' {
			rest = text[3:]
		}
		if len(rest) == 3 && isDigit(rest[0]) && isDigit(rest[1]) && rest[2] == 's' {
			w.lx, w.val = lxDecade2, int(rest[0]-'0')*10+int(rest[1]-'0')
			return
		}
	}
	if text == "." {
		w.lx = lxDot
		return
	}
	var buf [24]byte
	if len(text) > len(buf) {
		return
	}
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	if e, ok := lexicon[string(buf[:len(text)])]; ok {
		w.lx, w.val = e.lx, e.val
		if e.lx == lxUnit && text[len(text)-1] == 's' {
			w.plural = true
		}
		if e.lx == lxMonth && e.val > 100 {
			w.val, w.abbr = e.val-100, true
		}
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// classifyDigits handles words that start with a digit: numbers, ordinals,
// decades, ISO dates and year ranges.
func classifyDigits(w *word, text string) {
	n, i := 0, 0
	for i < len(text) && isDigit(text[i]) && i < 9 {
		n = n*10 + int(text[i]-'0')
		i++
	}
	rest := text[i:]
	switch {
	case rest == "":
		if i < 9 {
			w.lx, w.num, w.ndig = lxNum, n, i
		}
	case rest == "s" && i == 4 && n%10 == 0:
		w.lx, w.val = lxDecade, n
	case rest == "s" && i == 2 && n%10 == 0:
		w.lx, w.val = lxDecade2, n
	case i <= 2 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th"):
		w.lx, w.num, w.ndig, w.ord = lxNum, n, i, true
	case i == 4 && len(text) == 10 || i == 4 && len(text) == 7:
		if p, err := parsePoint(text); err == nil {
			w.lx, w.iso = lxISO, p
		}
	case i == 4 && len(rest) >= 2 && (rest[0] == '-' || rest[0] == '/'):
		w.yearRange(n, rest[1:])
	case i == 4 && len(rest) >= 4 && rest[:3] == "–":
		w.yearRange(n, rest[3:])
	}
}

func (w *word) yearRange(start int, end string) {
	e := 0
	for i := 0; i < len(end); i++ {
		if !isDigit(end[i]) {
			return
		}
		e = e*10 + int(end[i]-'0')
	}
	switch len(end) {
	case 2:
		e += start / 100 * 100
	case 4:
	default:
		return
	}
	if e > start && start >= 1000 && e <= 2200 {
		w.lx, w.num, w.val = lxYearRange, start, e
	}
}

// result is one matched expression over words [first, last).
type result struct {
	first, last int
	val, until  point
	future      bool
	// spanStart and spanEnd are byte offsets into the string Normalize
	// was given, set by normalize only.
	spanStart, spanEnd int
}

// scanner matches time expressions over the words of one sentence.
type scanner struct {
	text     string // the source text the words' offsets index
	w        []word
	story    civil
	hasStory bool
	// tense reports the tense of the clause around words [first, last).
	tense func(first, last int) tense
}

func (s *scanner) lx(i int) lex {
	if i < 0 || i >= len(s.w) {
		return lxNone
	}
	return s.w[i].lx
}

// adjacent reports whether word i starts where word i-1 ends.
func (s *scanner) adjacent(i int) bool {
	return i > 0 && i < len(s.w) && s.w[i].start == s.w[i-1].end
}

// scan returns every expression in the words, left to right, never
// overlapping.
func (s *scanner) scan(out []result) []result {
	for i := 0; i < len(s.w); {
		if r, ok := s.match(i); ok && r.last > i {
			if s.hasStory && !r.future && s.story.less(r.val.first()) {
				r.future = true
			}
			out = append(out, r)
			i = r.last
			continue
		}
		i++
	}
	return out
}

func (r result) end() point {
	if !r.until.isZero() {
		return r.until
	}
	return r.val
}

// match tries the range forms ("since X", "from X to Y", "between X and
// Y") and then a single expression at word i.
func (s *scanner) match(i int) (result, bool) {
	switch s.lx(i) {
	case lxSince:
		if r, ok := s.core(i + 1); ok {
			r.first = i
			if s.hasStory {
				r.until = dayPoint(s.story)
			} else {
				r.until = point{}
			}
			r.future = false
			return r, true
		}
		return result{}, false
	case lxFrom, lxBetween:
		r, ok := s.core(i + 1)
		if !ok {
			return result{}, false
		}
		if !r.until.isZero() && s.lx(i) == lxFrom {
			r.first = i // "from 2014 to 2016", read by year
			return r, true
		}
		want := lxTo
		if s.lx(i) == lxBetween {
			want = lxAnd
		}
		if s.lx(r.last) == want || s.lx(r.last) == lxHyphen {
			if r2, ok := s.core(r.last + 1); ok && !r2.end().first().less(r.val.first()) {
				r.first, r.last, r.until = i, r2.last, r2.end()
				r.future = r.future && r2.future
				return r, true
			}
		}
		return r, true
	}
	return s.core(i)
}

// modifier is a leading "early", "late", "mid", "the end of" and so on.
type modifier uint8

const (
	modNone modifier = iota
	modEarly
	modMid
	modLate
	modEarlier
	modLater
)

// core matches an optional modifier and one base expression at word i.
func (s *scanner) core(i int) (result, bool) {
	j, mod := i, modNone
	switch s.lx(j) {
	case lxThe:
		if s.lx(j+2) == lxOf {
			switch s.lx(j + 1) {
			case lxEnd:
				mod, j = modLate, j+3
			case lxStart:
				mod, j = modEarly, j+3
			case lxMiddle:
				mod, j = modMid, j+3
			}
		}
	case lxEnd:
		if s.lx(j+1) == lxOf {
			mod, j = modLate, j+2
		}
	case lxEarly:
		mod, j = modEarly, j+1
	case lxLate:
		mod, j = modLate, j+1
	case lxMid:
		mod, j = modMid, j+1
		if s.lx(j) == lxHyphen && s.adjacent(j) {
			j++
		}
	case lxEarlier, lxLater:
		switch s.lx(j + 1) {
		case lxThis, lxToday, lxTonight:
			mod, j = modEarlier, j+1
			if s.lx(i) == lxLater {
				mod = modLater
			}
		}
	}
	r, ok := s.base(j, i, mod)
	if !ok {
		return result{}, false
	}
	r.first = i
	if mod == modLater {
		r.future = true
	}
	return r, true
}

// base matches one expression starting at word j; from is where the whole
// match started (before any modifier), for context checks.
func (s *scanner) base(j, from int, mod modifier) (result, bool) {
	if j >= len(s.w) {
		return result{}, false
	}
	w := &s.w[j]
	switch w.lx {
	case lxThe:
		return s.theForm(j, mod)
	case lxYesterday, lxToday, lxTomorrow, lxTonight:
		if w.cap && j > 0 && s.w[j-1].cap && s.w[j-1].lx == lxNone {
			return result{}, false // "USA Today", "Good Morning America Today"
		}
		return s.deictic(j)
	case lxLast, lxThis, lxNext, lxPast, lxComing, lxPrevious:
		return s.relative(j, false)
	case lxNum, lxNumWord, lxA:
		if r, ok := s.ago(j); ok {
			return r, true
		}
		if w.lx == lxNum {
			if r, ok := s.dayMonth(j); ok {
				return r, true
			}
			if r, ok := s.isoSplit(j); ok {
				return r, true
			}
			return s.year(j, from, mod)
		}
	case lxMonth:
		return s.month(j, from, mod)
	case lxWeekday:
		return s.weekday(j)
	case lxSeason:
		return s.season(j, lxNone)
	case lxQuarter:
		if w.val > 0 {
			return s.quarter(j, w.val, j+1)
		}
	case lxDecade, lxApos:
		return s.decade(j, mod)
	case lxDecade2:
		// "90s" alone may be an age ("in his 20s") or banknotes ("$20s");
		// it needs "the" or an apostrophe, handled by theForm and lxApos.
		return result{}, false
	case lxISO:
		return result{first: j, last: j + 1, val: w.iso}, true
	case lxYearRange:
		return result{first: j, last: j + 1, val: yearPoint(w.num), until: yearPoint(w.val)}, true
	}
	return result{}, false
}

// theForm handles expressions that start with "the": "the 1990s", "the
// past week", "the coming days", "the day before yesterday".
func (s *scanner) theForm(j int, mod modifier) (result, bool) {
	k := j + 1
	switch s.lx(k) {
	case lxPast, lxLast, lxComing, lxNext, lxPrevious:
		return s.relative(k, true)
	case lxDecade, lxDecade2, lxApos:
		return s.decade(k, mod)
	case lxUnit:
		// "by the end of the year", "at the start of the month": the
		// story's own week, month or year, only after such a modifier.
		if mod != modNone && !s.w[k].plural && s.hasStory && s.lx(j-1) == lxOf {
			return s.calendarUnit(lxThis, s.w[k].val, k+1)
		}
	case lxEarly, lxMid, lxLate:
		m := modEarly
		if s.lx(k) == lxMid {
			m = modMid
		} else if s.lx(k) == lxLate {
			m = modLate
		}
		k++
		if s.lx(k) == lxHyphen && s.adjacent(k) {
			k++
		}
		if s.lx(k) == lxDecade || s.lx(k) == lxDecade2 || s.lx(k) == lxApos {
			return s.decade(k, m)
		}
	case lxWeekend:
		// "over the weekend": the story's weekend or the one before it
		// in a past context, the coming one in a future context.
		if !s.hasStory {
			break
		}
		sat := weekStart(s.story).addDays(5)
		wd := s.story.weekday()
		t := s.tense(j, k+1)
		if t != tenseFuture && wd != 0 && wd != 6 {
			sat = sat.addDays(-7)
		}
		return result{last: k + 1, val: dayPoint(sat), until: dayPoint(sat.addDays(1)), future: t == tenseFuture}, true
	case lxSeason:
		if s.lx(k+1) == lxOf {
			if _, ok := s.yearAt(k + 2); ok {
				return s.season(k, lxNone)
			}
		}
		if s.lx(k+1) != lxOf {
			return s.season(k, lxNone)
		}
	case lxOrdWord:
		if s.lx(k+1) == lxQuarter && s.w[k+1].val == 0 {
			return s.quarter(k+1, s.w[k].val, k+2)
		}
	case lxDay:
		if !s.hasStory {
			break
		}
		if s.lx(k+1) == lxBefore && s.lx(k+2) == lxYesterday {
			return result{last: k + 3, val: dayPoint(s.story.addDays(-2))}, true
		}
		if s.lx(k+1) == lxAfter && s.lx(k+2) == lxTomorrow {
			return result{last: k + 3, val: dayPoint(s.story.addDays(2)), future: true}, true
		}
	}
	return result{}, false
}

// deictic handles yesterday, today, tomorrow and tonight, with an
// optional part of the day ("yesterday morning").
func (s *scanner) deictic(j int) (result, bool) {
	if !s.hasStory {
		return result{}, false
	}
	k := j + 1
	if s.lx(k) == lxPartOfDay || s.lx(k) == lxNight {
		k++
	}
	r := result{last: k}
	switch s.lx(j) {
	case lxYesterday:
		r.val = dayPoint(s.story.addDays(-1))
	case lxToday, lxTonight:
		r.val = dayPoint(s.story)
		// "tonight" points forward; "overnight" (val 1), in a story of
		// the morning after, does not.
		r.future = s.lx(j) == lxTonight && s.w[j].val == 0
	case lxTomorrow:
		r.val = dayPoint(s.story.addDays(1))
		r.future = true
	}
	return r, true
}

// count reads a count at word k: a number, a number word, "a"/"an", "a
// few", "a couple of", "several". It returns the count, the next word and
// whether the count is vague ("few").
func (s *scanner) count(k int) (n, next int, vague, ok bool) {
	switch s.lx(k) {
	case lxNum:
		if s.w[k].ord || s.w[k].num == 0 || s.w[k].num > 1000 {
			return 0, k, false, false
		}
		return s.w[k].num, k + 1, false, true
	case lxNumWord:
		if s.w[k].val == 0 {
			return 0, k, false, false
		}
		return s.w[k].val, k + 1, false, true
	case lxA:
		if s.lx(k+1) == lxFew {
			return 3, k + 2, true, true
		}
		return 1, k + 1, false, true
	case lxFew:
		return 3, k + 1, true, true
	}
	return 0, k, false, false
}

// shift moves the story date back (n < 0) or forward by n units and
// returns the result at the unit's granularity.
func (s *scanner) shift(unit, n int) point {
	switch unit {
	case unitDay:
		return dayPoint(s.story.addDays(n))
	case unitWeek:
		return dayPoint(s.story.addDays(7 * n))
	case unitMonth:
		c := s.story.addMonths(n)
		return monthPoint(c.y, c.m)
	case unitYear:
		return yearPoint(s.story.y + n)
	case unitDecade:
		return yearPoint(s.story.y + 10*n)
	}
	return point{}
}

// shiftDay moves the story date by n units and keeps day precision.
func (s *scanner) shiftDay(unit, n int) civil {
	switch unit {
	case unitDay:
		return s.story.addDays(n)
	case unitWeek:
		return s.story.addDays(7 * n)
	case unitMonth:
		return s.story.addMonths(n)
	case unitYear:
		return s.story.addYears(n)
	case unitDecade:
		return s.story.addYears(10 * n)
	}
	return s.story
}

// ago handles "two years ago", "a week ago", "three days ago".
func (s *scanner) ago(j int) (result, bool) {
	if !s.hasStory {
		return result{}, false
	}
	n, k, vague, ok := s.count(j)
	if !ok || vague || (s.lx(k) != lxUnit && s.lx(k) != lxDay) || s.lx(k+1) != lxAgo {
		return result{}, false
	}
	return result{last: k + 2, val: s.shift(s.w[k].val, -n)}, true
}

// weekStart returns the Monday of the week holding c.
func weekStart(c civil) civil {
	return c.addDays(-((c.weekday() + 6) % 7))
}

// relative handles "last/this/next/past/coming/previous X". the reports a
// leading "the" (word j-1), which turns "the past week" into a duration.
func (s *scanner) relative(j int, the bool) (result, bool) {
	if !s.hasStory {
		return result{}, false
	}
	rel := s.lx(j)
	k := j + 1
	// A count: "the past two weeks", "the next few days".
	if n, kk, _, ok := s.count(k); ok && s.lx(kk) == lxUnit && s.w[kk].plural && s.lx(k) != lxA {
		return s.duration(rel, s.w[kk].val, n, kk+1)
	}
	if s.lx(k) == lxA && s.lx(k+1) == lxFew && s.lx(k+2) == lxUnit {
		return s.duration(rel, s.w[k+2].val, 3, k+3)
	}
	switch s.lx(k) {
	case lxUnit:
		unit := s.w[k].val
		if s.w[k].cap && j > 0 {
			return result{}, false // a title: ABC's "This Week"
		}
		if (the || s.lx(j-1) == lxThe) && rel == lxNext && !s.w[k].plural {
			// "the next year" counts from the event just told, not
			// from the story date.
			return result{}, false
		}
		if s.w[k].plural {
			// "the coming days", "in the past weeks": a vague stretch.
			n := vagueCount(unit)
			return s.duration(rel, unit, n, k+1)
		}
		if the && (rel == lxPast || rel == lxLast || rel == lxComing || rel == lxNext) {
			return s.duration(rel, unit, 1, k+1)
		}
		return s.calendarUnit(rel, unit, k+1)
	case lxWeekend:
		// The weekend of the story's week (Monday to Sunday) is "this
		// weekend"; "last weekend" is the one before it; "next weekend" is
		// this one seen from a weekday, the following one from a weekend.
		sat := weekStart(s.story).addDays(5)
		wd := s.story.weekday()
		switch rel {
		case lxLast, lxPast, lxPrevious:
			sat = sat.addDays(-7)
		case lxNext, lxComing:
			if wd == 0 || wd == 6 {
				sat = sat.addDays(7)
			}
		case lxThis:
		default:
			return result{}, false
		}
		return result{last: k + 1, val: dayPoint(sat), until: dayPoint(sat.addDays(1)), future: rel == lxNext || rel == lxComing}, true
	case lxWeekday:
		if !s.w[k].cap {
			return result{}, false
		}
		wd := s.w[k].val
		back := (s.story.weekday() - wd + 7) % 7
		ahead := (wd - s.story.weekday() + 7) % 7
		var c civil
		switch rel {
		case lxLast, lxPast, lxPrevious:
			if back == 0 {
				back = 7
			}
			c = s.story.addDays(-back)
		case lxNext, lxComing:
			if ahead == 0 {
				ahead = 7
			}
			c = s.story.addDays(ahead)
		case lxThis:
			c = s.weekdayDate(wd, s.tense(j, k+1))
		default:
			return result{}, false
		}
		end := k + 1
		if s.lx(end) == lxPartOfDay || s.lx(end) == lxNight {
			end++
		}
		return result{last: end, val: dayPoint(c), future: rel == lxNext || rel == lxComing}, true
	case lxMonth:
		if !s.w[k].cap || rel == lxPast || rel == lxComing || rel == lxPrevious {
			return result{}, false
		}
		m := s.w[k].val
		y := s.story.y
		switch rel {
		case lxLast:
			if m >= s.story.m {
				y--
			}
		case lxNext:
			if m <= s.story.m {
				y++
			}
		}
		return result{last: k + 1, val: monthPoint(y, m), future: rel == lxNext}, true
	case lxSeason:
		return s.season(k, rel)
	case lxNight:
		if rel == lxLast {
			return result{last: k + 1, val: dayPoint(s.story.addDays(-1))}, true
		}
	case lxPartOfDay:
		if rel == lxThis {
			return result{last: k + 1, val: dayPoint(s.story)}, true
		}
	}
	return result{}, false
}

// calendarUnit handles "last week", "this month", "next year": calendar
// periods next to the story's own.
func (s *scanner) calendarUnit(rel lex, unit, end int) (result, bool) {
	var off int
	switch rel {
	case lxLast, lxPrevious:
		off = -1
	case lxThis:
		off = 0
	case lxNext, lxComing:
		off = 1
	default:
		return result{}, false
	}
	r := result{last: end, future: off > 0}
	switch unit {
	case unitWeek:
		mon := weekStart(s.story).addDays(7 * off)
		r.val, r.until = dayPoint(mon), dayPoint(mon.addDays(6))
	case unitMonth:
		c := s.story.addMonths(off)
		r.val = monthPoint(c.y, c.m)
	case unitYear:
		r.val = yearPoint(s.story.y + off)
	case unitDecade:
		d := s.story.y / 10 * 10
		if off != 0 {
			// "the last decade" read as a calendar unit means the ten
			// years before the story's.
			r.val, r.until = yearPoint(s.story.y+10*off), yearPoint(s.story.y)
			if off > 0 {
				r.val, r.until = yearPoint(s.story.y), yearPoint(s.story.y+10)
			}
			return r, true
		}
		r.val, r.until = yearPoint(d), yearPoint(d+9)
	default:
		return result{}, false
	}
	return r, true
}

// duration handles a stretch that ends or starts at the story date: "the
// past two weeks" (from two weeks back to the story date), "the coming
// days" (from the story date forward).
func (s *scanner) duration(rel lex, unit, n, end int) (result, bool) {
	switch rel {
	case lxPast, lxLast, lxPrevious:
		if unit == unitDecade {
			return result{last: end, val: yearPoint(s.story.y - 10*n), until: yearPoint(s.story.y)}, true
		}
		return result{last: end, val: dayPoint(s.shiftDay(unit, -n)), until: dayPoint(s.story)}, true
	case lxNext, lxComing:
		if unit == unitDecade {
			return result{last: end, val: yearPoint(s.story.y), until: yearPoint(s.story.y + 10*n), future: true}, true
		}
		return result{last: end, val: dayPoint(s.story), until: dayPoint(s.shiftDay(unit, n)), future: true}, true
	}
	return result{}, false
}

// weekdayDate resolves a bare weekday: the story's own weekday is the
// story date; otherwise the most recent one before the story date in a
// past (or unknown) context and the next one after it in a future context.
func (s *scanner) weekdayDate(wd int, t tense) civil {
	back := (s.story.weekday() - wd + 7) % 7
	if back == 0 {
		return s.story
	}
	if t == tenseFuture {
		return s.story.addDays(7 - back)
	}
	return s.story.addDays(-back)
}

// weekday handles "Saturday", "on Monday night", "Saturday, July 13".
func (s *scanner) weekday(j int) (result, bool) {
	if !s.w[j].cap {
		return result{}, false
	}
	k := j + 1
	// A weekday followed by a full date takes the date.
	kk := k
	if s.lx(kk) == lxComma {
		kk++
	}
	if s.lx(kk) == lxMonth {
		if r, ok := s.month(kk, kk, modNone); ok && r.val.g == GranDay {
			return result{last: r.last, val: r.val, future: r.future}, true
		}
	}
	if s.lx(kk) == lxNum {
		if r, ok := s.dayMonth(kk); ok {
			return result{last: r.last, val: r.val, future: r.future}, true
		}
	}
	if !s.hasStory {
		return result{}, false
	}
	if s.lx(k) == lxPartOfDay || s.lx(k) == lxNight {
		k++
	}
	t := s.tense(j, k)
	c := s.weekdayDate(s.w[j].val, t)
	return result{last: k, val: dayPoint(c), future: t == tenseFuture && s.story.less(c)}, true
}

// inferYear picks the year of a month and day given without one: in a
// past context the latest such date on or before the story date, in a
// future context the earliest on or after it, else the nearest.
func (s *scanner) inferYear(m, d int, t tense) (civil, bool) {
	var best civil
	found := false
	bestDist := 1 << 30
	// Four years each way, so that a bare "February 29" finds its leap
	// year.
	for y := s.story.y - 4; y <= s.story.y+4; y++ {
		if d > daysIn(y, m) {
			continue
		}
		c := civil{y, m, d}
		dist := s.story.daysTo(c)
		switch t {
		case tensePast:
			if dist > 0 {
				continue
			}
			dist = -dist
		case tenseFuture:
			if dist < 0 {
				continue
			}
		default:
			if dist < 0 {
				dist = -dist
			}
		}
		if dist < bestDist {
			best, bestDist, found = c, dist, true
		}
	}
	return best, found
}

// yearAt reads a year number at word k (1000-2199).
func (s *scanner) yearAt(k int) (int, bool) {
	if s.lx(k) != lxNum || s.w[k].ndig != 4 || s.w[k].ord {
		return 0, false
	}
	y := s.w[k].num
	return y, y >= 1000 && y < 2200
}

// dayAt reads a day of the month at word k, with an optional ordinal
// suffix, and returns the next word.
func (s *scanner) dayAt(k int) (int, int, bool) {
	if s.lx(k) != lxNum || s.w[k].ndig > 2 || s.w[k].num < 1 || s.w[k].num > 31 {
		return 0, k, false
	}
	d := s.w[k].num
	k++
	if s.lx(k) == lxOrdSuffix && s.adjacent(k) {
		k++
	}
	return d, k, true
}

// dated finishes a month and day with an optional year at word k (",
// 2024" or " 2024").
func (s *scanner) dated(m, d, k, first int) (result, bool) {
	if s.lx(k) == lxComma {
		if y, ok := s.yearAt(k + 1); ok {
			if d > daysIn(y, m) {
				return result{}, false
			}
			return result{last: k + 2, val: dayPoint(civil{y, m, d})}, true
		}
	}
	if y, ok := s.yearAt(k); ok {
		if d > daysIn(y, m) {
			return result{}, false
		}
		return result{last: k + 1, val: dayPoint(civil{y, m, d})}, true
	}
	// "September 16-19": a range of days in one month.
	if s.lx(k) == lxHyphen && s.lx(k+1) == lxNum && s.w[k+1].ndig <= 2 && s.w[k+1].num > d && s.w[k+1].num <= 31 {
		d2 := s.w[k+1].num
		r, ok := s.dated(m, d, k+2, first)
		if ok && d2 <= daysIn(r.val.c.y, m) {
			r.until = dayPoint(civil{r.val.c.y, m, d2})
			return r, true
		}
	}
	if !s.hasStory {
		return result{}, false
	}
	c, ok := s.inferYear(m, d, s.tense(first, k))
	if !ok {
		return result{}, false
	}
	return result{last: k, val: dayPoint(c)}, true
}

// month handles "July 13", "July 13, 2024", "February 2022", "February of
// 2022" and a bare month ("in March").
func (s *scanner) month(j, from int, mod modifier) (result, bool) {
	w := s.w[j]
	if !w.cap {
		return result{}, false
	}
	m := w.val
	k := j + 1
	if w.abbr && s.lx(k) == lxDot && s.adjacent(k) {
		k++
	}
	if d, kk, ok := s.dayAt(k); ok && !(s.lx(kk) == lxNum && s.adjacent(kk)) {
		if r, ok := s.dated(m, d, kk, j); ok {
			return r, true
		}
	}
	if y, ok := s.yearAt(k); ok {
		return result{last: k + 1, val: monthPoint(y, m)}, true
	}
	if s.lx(k) == lxOf {
		if y, ok := s.yearAt(k + 1); ok {
			return result{last: k + 2, val: monthPoint(y, m)}, true
		}
	}
	// A bare month: not an abbreviation, and "May" and "March" only where
	// the context makes them dates.
	if !s.hasStory || k != j+1 || w.abbr {
		return result{}, false
	}
	if m == 5 || m == 3 || m == 8 {
		if mod == modNone && !s.dateContext(from-1) {
			return result{}, false
		}
	}
	t := s.tense(j, k)
	y := s.story.y
	if t == tenseFuture {
		if m < s.story.m {
			y++
		}
	} else if m > s.story.m {
		y--
	}
	return result{last: k, val: monthPoint(y, m), future: t == tenseFuture && m != s.story.m}, true
}

// dateContext reports whether word k is a preposition or determiner that
// introduces a date ("in", "since", "by", "last").
func (s *scanner) dateContext(k int) bool {
	switch s.lx(k) {
	case lxPrep, lxSince, lxFrom, lxTo, lxBetween, lxAnd, lxBefore, lxAfter, lxOf, lxLast, lxNext, lxThis, lxEnd:
		return true
	}
	return false
}

// dayMonth handles "13 July", "13th of July 2024".
func (s *scanner) dayMonth(j int) (result, bool) {
	d, k, ok := s.dayAt(j)
	if !ok {
		return result{}, false
	}
	if s.lx(k) == lxOf {
		k++
	}
	if s.lx(k) != lxMonth || !s.w[k].cap {
		return result{}, false
	}
	m := s.w[k].val
	k++
	if s.w[k-1].abbr && s.lx(k) == lxDot && s.adjacent(k) {
		k++
	}
	return s.dated(m, d, k, j)
}

// isoSplit handles an ISO date the tokenizer split at its hyphens:
// "2022" "-" "02" "-" "24".
func (s *scanner) isoSplit(j int) (result, bool) {
	if s.w[j].ndig != 4 || s.lx(j+1) != lxHyphen || !s.adjacent(j+1) ||
		s.lx(j+2) != lxNum || s.w[j+2].ndig != 2 || !s.adjacent(j+2) {
		return result{}, false
	}
	y, m := s.w[j].num, s.w[j+2].num
	if m < 1 || m > 12 {
		return result{}, false
	}
	if s.lx(j+3) == lxHyphen && s.adjacent(j+3) && s.lx(j+4) == lxNum && s.w[j+4].ndig == 2 && s.adjacent(j+4) {
		d := s.w[j+4].num
		if d < 1 || d > daysIn(y, m) {
			return result{}, false
		}
		return result{last: j + 5, val: dayPoint(civil{y, m, d})}, true
	}
	return result{}, false
}

// year handles a bare year: "2014", "in 2020", "the 2020 protests", and
// a year range "2014-2016". Numbers that read as quantities are skipped.
func (s *scanner) year(j, from int, mod modifier) (result, bool) {
	y, ok := s.yearAt(j)
	if !ok {
		return result{}, false
	}
	prev := s.lx(from - 1)
	if y < 1900 || y > 2100 {
		if mod == modNone && !s.dateContext(from-1) && prev != lxSince {
			return result{}, false
		}
	}
	if prev == lxVeto || prev == lxNum || prev == lxDot && from-2 >= 0 && s.lx(from-2) == lxVeto {
		return result{}, false
	}
	next := s.lx(j + 1)
	if next == lxQty || next == lxNum || next == lxDot && s.adjacent(j+1) && s.lx(j+2) == lxNum {
		return result{}, false
	}
	if j+1 < len(s.w) && s.adjacent(j+1) {
		// "2,000", "20:15", "2020/21".
		t := s.w[j+1]
		if t.lx == lxComma && s.lx(j+2) == lxNum && s.adjacent(j+2) {
			return result{}, false
		}
		if t.lx == lxNone && t.end-t.start == 1 {
			return result{}, false
		}
	}
	// "the 1970's", "the 1970’s": a decade written with an apostrophe.
	if y%10 == 0 && (prev == lxThe || mod != modNone) {
		k := j + 1
		if s.lx(k) == lxApos && s.adjacent(k) && k+1 < len(s.w) && s.adjacent(k+1) && s.textIs(k+1, "s") {
			return s.decadeResult(y, mod, k+2), true
		}
		if k < len(s.w) && s.adjacent(k) && (s.textIs(k, "'s") || s.textIs(k, "’s")) {
			return s.decadeResult(y, mod, k+1), true
		}
	}
	r := result{last: j + 1, val: yearPoint(y)}
	// "2010 to 2013", "2010 through 2013"
	if s.lx(j+1) == lxTo {
		if e, ok := s.yearAt(j + 2); ok && e > y {
			r.last, r.until = j+3, yearPoint(e)
			return r, true
		}
	}
	// "2014-2016", "2014-16", "2014 to 2016"
	if s.lx(j+1) == lxHyphen && s.lx(j+2) == lxNum {
		e := s.w[j+2].num
		if s.w[j+2].ndig == 2 {
			e += y / 100 * 100
		}
		if (s.w[j+2].ndig == 2 || s.w[j+2].ndig == 4) && e > y && e < 2200 {
			r.last, r.until = j+3, yearPoint(e)
		}
	}
	return r, true
}

// decade handles "1990s", "the '90s", "the early 2000s".
func (s *scanner) decade(k int, mod modifier) (result, bool) {
	if s.lx(k-1) == lxVeto {
		return result{}, false
	}
	if s.lx(k) == lxApos {
		if s.lx(k+1) != lxDecade2 || !s.adjacent(k+1) {
			return result{}, false
		}
		k++
	}
	var d int
	switch s.lx(k) {
	case lxDecade:
		d = s.w[k].val
	case lxDecade2:
		d = 1900 + s.w[k].val
		if s.hasStory && 2000+s.w[k].val <= s.story.y {
			d = 2000 + s.w[k].val
		}
	default:
		return result{}, false
	}
	return s.decadeResult(d, mod, k+1), true
}

// decadeResult is the range of decade d ending at word last, narrowed by
// early (first four years), mid (3-6) or late (last four).
func (s *scanner) decadeResult(d int, mod modifier, last int) result {
	lo, hi := d, d+9
	switch mod {
	case modEarly:
		hi = d + 3
	case modMid:
		lo, hi = d+3, d+6
	case modLate:
		lo = d + 6
	}
	return result{last: last, val: yearPoint(lo), until: yearPoint(hi)}
}

// textIs reports whether word k's source text is exactly t.
func (s *scanner) textIs(k int, t string) bool {
	if k < 0 || k >= len(s.w) || s.text == "" {
		return false
	}
	w := s.w[k]
	return w.end <= len(s.text) && s.text[w.start:w.end] == t
}

// vagueCount is the number of units a plural without a count stands for:
// "the coming days" is a week, "the coming weeks" four weeks, "the coming
// months" six months, "the coming years" five years.
func vagueCount(unit int) int {
	switch unit {
	case unitDay:
		return 7
	case unitWeek:
		return 4
	case unitMonth:
		return 6
	case unitYear:
		return 5
	}
	return 3
}

// seasonRange returns the months of the season starting in month m of
// year y: spring 03-05, summer 06-08, autumn 09-11, winter 12-02.
func seasonRange(y, m int) result {
	end := civil{y, m, 1}.addMonths(2)
	return result{val: monthPoint(y, m), until: monthPoint(end.y, end.m)}
}

// season handles "summer 2022", "the summer of 2022", "last winter", "this
// spring", "in the autumn". rel is the word before (last, this, next) or
// lxNone. "Winter 2022" is the winter that ends in 2022.
func (s *scanner) season(k int, rel lex) (result, bool) {
	m := s.w[k].val
	fall := s.textIs(k, "fall") || s.textIs(k, "Fall")
	next := k + 1
	if s.lx(next) == lxOf {
		next++
	}
	if y, ok := s.yearAt(next); ok && rel == lxNone {
		if m == 12 {
			y--
		}
		r := seasonRange(y, m)
		r.last = next + 1
		return r, true
	}
	if !s.hasStory || fall && rel == lxNone && s.lx(k-1) != lxThe {
		return result{}, false // "the fall of Kabul", "prices fall"
	}
	if s.lx(k+1) == lxOf {
		return result{}, false
	}
	// The season of the story's year that starts in month m, and whether
	// the story date is inside it or after it.
	y := s.story.y
	if m == 12 && s.story.m <= 2 {
		y-- // January and February belong to the winter that began in December
	}
	cur := seasonRange(y, m)
	started := !s.story.less(cur.val.first())
	ended := lastDay(cur.until).less(s.story)
	prev, nxt := seasonRange(y-1, m), seasonRange(y+1, m)
	var r result
	switch rel {
	case lxLast, lxPast, lxPrevious:
		// The most recent one that is over: "last summer" in October is
		// the summer just gone, in July the one a year before.
		r = prev
		if ended {
			r = cur
		}
	case lxThis:
		r = cur
	case lxNext, lxComing:
		r = nxt
		if !started {
			r = cur
		}
		r.future = true
	default:
		if s.tense(k, k+1) == tenseFuture {
			r = nxt
			if !ended {
				r = cur
			}
			r.future = true
		} else {
			r = prev
			if started {
				r = cur
			}
		}
	}
	r.last = k + 1
	return r, true
}

// quarter handles "the first quarter of 2024", "Q2 2024", "the third
// quarter" (of the story's year).
func (s *scanner) quarter(k, q, next int) (result, bool) {
	if q < 1 || q > 4 {
		return result{}, false
	}
	if s.lx(next) == lxOf {
		next++
	}
	y, ok := s.yearAt(next)
	last := next + 1
	if !ok {
		if !s.hasStory {
			return result{}, false
		}
		y, last = s.story.y, k+1
	}
	m := 3*(q-1) + 1
	return result{last: last, val: monthPoint(y, m), until: monthPoint(y, m+2)}, true
}
