package when

import (
	"fmt"
	"time"

	"github.com/wirecoder/wirecoder/doc"
)

// Gran is the granularity of a date value: a year, a month or a day.
type Gran uint8

// The granularities of date values.
const (
	GranNone  Gran = iota // not a date
	GranYear              // YYYY
	GranMonth             // YYYY-MM
	GranDay               // YYYY-MM-DD
)

var granNames = [...]string{GranNone: "none", GranYear: "year", GranMonth: "month", GranDay: "day"}

// String returns the granularity's name.
func (g Gran) String() string {
	if int(g) < len(granNames) {
		return granNames[g]
	}
	return "none"
}

// DefaultWindow is the reporting window of a story: an event whose
// best-known date ends more than DefaultWindow before the story date is
// historical (see Historical).
const DefaultWindow = 30 * 24 * time.Hour

// DateError reports a malformed date string.
type DateError struct {
	Op    string // the function that failed: "parse"
	Input string
	Msg   string
}

// Error formats the error.
func (e *DateError) Error() string {
	return fmt.Sprintf("when %s: %q: %s", e.Op, e.Input, e.Msg)
}

// civil is a calendar date; m is 1-12. Arithmetic goes through time.Date,
// which normalises out-of-range days and months.
type civil struct{ y, m, d int }

func fromTime(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, int(m), d}
}

func (c civil) time() time.Time { return time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC) }

func (c civil) addDays(n int) civil { return fromTime(c.time().AddDate(0, 0, n)) }

// addMonths moves by n months, keeping the day within the target month.
func (c civil) addMonths(n int) civil {
	y, m := c.y, c.m-1+n
	y += floorDiv(m, 12)
	m = m - floorDiv(m, 12)*12 + 1
	d := c.d
	if dim := daysIn(y, m); d > dim {
		d = dim
	}
	return civil{y, m, d}
}

func (c civil) addYears(n int) civil {
	d := c.d
	if dim := daysIn(c.y+n, c.m); d > dim {
		d = dim
	}
	return civil{c.y + n, c.m, d}
}

func (c civil) weekday() int { return int(c.time().Weekday()) }

// less compares dates.
func (c civil) less(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// days returns the days from c to o (o - c).
func (c civil) daysTo(o civil) int {
	return int(o.time().Sub(c.time()).Hours() / 24)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// point is a date at a granularity: for GranYear only y is set, for
// GranMonth y and m.
type point struct {
	c civil
	g Gran
}

func yearPoint(y int) point         { return point{civil{y, 1, 1}, GranYear} }
func monthPoint(y, m int) point     { return point{civil{y, m, 1}, GranMonth} }
func dayPoint(c civil) point        { return point{c, GranDay} }
func (p point) valid() bool         { return p.g != GranNone && p.c.y >= 0 && p.c.y <= 9999 }
func (p point) String() string      { return format(p) }
func (p point) first() civil        { return p.c }
func (p point) last() civil         { return lastDay(p) }
func (p point) isZero() bool        { return p.g == GranNone }
func pointOf(c civil, g Gran) point { return normPoint(point{c, g}) }

func normPoint(p point) point {
	switch p.g {
	case GranYear:
		p.c.m, p.c.d = 1, 1
	case GranMonth:
		p.c.d = 1
	}
	return p
}

func lastDay(p point) civil {
	switch p.g {
	case GranYear:
		return civil{p.c.y, 12, 31}
	case GranMonth:
		return civil{p.c.y, p.c.m, daysIn(p.c.y, p.c.m)}
	}
	return p.c
}

// format writes YYYY, YYYY-MM or YYYY-MM-DD without fmt.
func format(p point) string {
	if !p.valid() {
		return ""
	}
	var b [10]byte
	y := p.c.y
	b[0] = byte('0' + y/1000%10)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	n := 4
	if p.g >= GranMonth {
		b[4] = '-'
		b[5] = byte('0' + p.c.m/10)
		b[6] = byte('0' + p.c.m%10)
		n = 7
	}
	if p.g == GranDay {
		b[7] = '-'
		b[8] = byte('0' + p.c.d/10)
		b[9] = byte('0' + p.c.d%10)
		n = 10
	}
	return string(b[:n])
}

// parsePoint reads YYYY, YYYY-MM or YYYY-MM-DD, checking that the month and
// day exist.
func parsePoint(s string) (point, error) {
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, len(s) > 0
	}
	bad := func(msg string) (point, error) { return point{}, &DateError{Op: "parse", Input: s, Msg: msg} }
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	y, ok := num(s[:4])
	if !ok {
		return bad("year is not a number")
	}
	if len(s) == 4 {
		return yearPoint(y), nil
	}
	if s[4] != '-' {
		return bad("want '-' after the year")
	}
	m, ok := num(s[5:7])
	if !ok || m < 1 || m > 12 {
		return bad("month out of range")
	}
	if len(s) == 7 {
		return monthPoint(y, m), nil
	}
	if s[7] != '-' {
		return bad("want '-' after the month")
	}
	d, ok := num(s[8:10])
	if !ok || d < 1 || d > daysIn(y, m) {
		return bad("day out of range")
	}
	return dayPoint(civil{y, m, d}), nil
}

// Parse reads a date value of any granularity (YYYY, YYYY-MM or
// YYYY-MM-DD) and returns the first and last day it covers: "2024-06"
// covers 2024-06-01 to 2024-06-30.
func Parse(s string) (first, last time.Time, g Gran, err error) {
	p, err := parsePoint(s)
	if err != nil {
		return time.Time{}, time.Time{}, GranNone, err
	}
	return p.first().time(), p.last().time(), p.g, nil
}

// Historical reports whether an event dated eventDate (YYYY, YYYY-MM or
// YYYY-MM-DD) lies before the reporting window of a story dated storyDate
// (YYYY-MM-DD; a coarser date stands for its last day): the last day the
// event date covers is more than window before the story date. With the
// DefaultWindow of 30 days, for a story of 2024-07-13, "2020", "2024-05"
// and "2024-06-12" are historical while "2024", "2024-06" (late last month)
// and "2024-06-13" are not. A window of zero or less means DefaultWindow.
// Malformed dates are never historical.
func Historical(eventDate, storyDate string, window time.Duration) bool {
	if window <= 0 {
		window = DefaultWindow
	}
	ev, err := parsePoint(eventDate)
	if err != nil {
		return false
	}
	st, err := parsePoint(storyDate)
	if err != nil {
		return false
	}
	cut := st.last().time().Add(-window)
	return ev.last().time().Before(cut)
}

// Contains reports whether the period of date outer holds the whole period
// of date inner: "2024" contains "2024-06" and "2024-06-13"; "2024-06"
// does not contain "2024". Malformed dates contain nothing.
func Contains(outer, inner string) bool {
	o, err := parsePoint(outer)
	if err != nil {
		return false
	}
	i, err := parsePoint(inner)
	if err != nil {
		return false
	}
	return !i.first().less(o.first()) && !o.last().less(i.last())
}

// Overlaps reports whether the periods of two dates share a day: "2024"
// and "2024-06" overlap; "2023" and "2024-06" do not.
func Overlaps(a, b string) bool {
	x, err := parsePoint(a)
	if err != nil {
		return false
	}
	y, err := parsePoint(b)
	if err != nil {
		return false
	}
	return !x.last().less(y.first()) && !y.last().less(x.first())
}

// Before reports whether the whole period of date a ends before the period
// of date b starts: "2023" is before "2024-01-01"; "2024" is not before
// "2024-06", which it contains. Malformed dates are never before anything.
func Before(a, b string) bool {
	x, err := parsePoint(a)
	if err != nil {
		return false
	}
	y, err := parsePoint(b)
	if err != nil {
		return false
	}
	return x.last().less(y.first())
}

// HistoricalRange is Historical for a value that may be a range: a range
// is historical only when its end, until, is ("since 1994" runs to the
// story date, so it is not). An empty until means value alone.
func HistoricalRange(value, until, storyDate string, window time.Duration) bool {
	if until != "" {
		return Historical(until, storyDate, window)
	}
	return Historical(value, storyDate, window)
}

// HistoricalExpr applies HistoricalRange to a time expression.
func HistoricalExpr(t doc.TimeExpr, storyDate string, window time.Duration) bool {
	return HistoricalRange(t.Value, t.Until, storyDate, window)
}
