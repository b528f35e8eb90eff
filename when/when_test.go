package when

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/pipeline"
)

// want is one expected time expression: byte offsets, the text they
// cover, the value, the end of a range and the future flag.
type want struct {
	start, end   int
	text         string
	value, until string
	future       bool
}

type tcase struct {
	date, text string
	tags       map[string]string // XPOS by token text; nil for an untagged doc
	want       []want
}

func runCase(t *testing.T, c tcase) {
	t.Helper()
	d := testDoc(c.date, c.text)
	if c.tags != nil {
		tag(d, c.tags)
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatalf("Process(%q): %v", c.text, err)
	}
	var got []want
	for _, x := range d.Times {
		got = append(got, want{x.Start, x.End, d.Slice(x.Span), x.Value, x.Until, x.Future})
	}
	if len(got) != len(c.want) {
		t.Fatalf("%s %q:\n got %+v\nwant %+v", c.date, c.text, got, c.want)
	}
	for i := range got {
		if got[i] != c.want[i] {
			t.Errorf("%s %q #%d:\n got %+v\nwant %+v", c.date, c.text, i, got[i], c.want[i])
		}
	}
}

// 2024-07-13, the seed story's date, is a Saturday.
var cases = []tcase{
	{"2024-07-13", "Officials said on Saturday that troops left.", nil, []want{
		{18, 26, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-13", "The talks will resume on Saturday.", nil, []want{
		{25, 33, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-15", "He said on Saturday that the border was calm.", nil, []want{
		{11, 19, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-15", "Leaders will meet on Saturday in Minsk.", nil, []want{
		{21, 29, "Saturday", "2024-07-20", "", true},
	}},
	{"2024-07-15", "On Saturday the border was quiet.", nil, []want{
		{3, 11, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-13", "The ministry said late last month that it had reinforced the border.", nil, []want{
		{18, 33, "late last month", "2024-06", "", false},
	}},
	{"2024-01-10", "Prices rose late last month.", nil, []want{
		{12, 27, "late last month", "2023-12", "", false},
	}},
	{"2024-03-31", "Prices rose late last month.", nil, []want{
		{12, 27, "late last month", "2024-02", "", false},
	}},
	{"2024-01-10", "Prices rose earlier this month.", nil, []want{
		{12, 30, "earlier this month", "2024-01", "", false},
	}},
	{"2024-07-13", "The army said last week that it would withdraw next week.", nil, []want{
		{14, 23, "last week", "2024-07-01", "2024-07-07", false},
		{47, 56, "next week", "2024-07-15", "2024-07-21", true},
	}},
	{"2024-01-03", "The army said last week that it had withdrawn.", nil, []want{
		{14, 23, "last week", "2023-12-25", "2023-12-31", false},
	}},
	{"2024-07-13", "Troops arrived yesterday and leave tomorrow; today is calm.", nil, []want{
		{15, 24, "yesterday", "2024-07-12", "", false},
		{35, 43, "tomorrow", "2024-07-14", "", true},
		{45, 50, "today", "2024-07-13", "", false},
	}},
	{"2024-03-01", "Troops arrived yesterday.", nil, []want{
		{15, 24, "yesterday", "2024-02-29", "", false},
	}},
	{"2023-03-01", "Troops arrived yesterday.", nil, []want{
		{15, 24, "yesterday", "2023-02-28", "", false},
	}},
	{"2024-12-31", "Troops arrive tomorrow.", nil, []want{
		{14, 22, "tomorrow", "2025-01-01", "", true},
	}},
	{"2024-07-13", "The attack happened on Monday night.", nil, []want{
		{23, 35, "Monday night", "2024-07-08", "", false},
	}},
	{"2024-07-13", "He visited Kyiv on July 13 and Minsk on 13 July.", nil, []want{
		{19, 26, "July 13", "2024-07-13", "", false},
		{40, 47, "13 July", "2024-07-13", "", false},
	}},
	{"2024-07-13", "The treaty was signed on July 13, 2024.", nil, []want{
		{25, 38, "July 13, 2024", "2024-07-13", "", false},
	}},
	{"2024-07-13", "It was ratified on 2 August 2024.", nil, []want{
		{19, 32, "2 August 2024", "2024-08-02", "", true},
	}},
	{"2024-07-13", "It began in February 2022.", nil, []want{
		{12, 25, "February 2022", "2022-02", "", false},
	}},
	{"2024-07-13", "Mass protests broke out in 2020.", nil, []want{
		{27, 31, "2020", "2020", "", false},
	}},
	{"2024-07-13", "He has ruled since 1994.", nil, []want{
		{13, 23, "since 1994", "1994", "2024-07-13", false},
	}},
	{"2024-07-13", "Talks are expected in the coming days.", nil, []want{
		{22, 37, "the coming days", "2024-07-13", "2024-07-20", true},
	}},
	{"2024-07-13", "More troops may arrive in the coming weeks.", nil, []want{
		{26, 42, "the coming weeks", "2024-07-13", "2024-08-10", true},
	}},
	{"2024-07-13", "It happened two years ago.", nil, []want{
		{12, 25, "two years ago", "2022", "", false},
	}},
	{"2024-07-13", "It happened three days ago.", nil, []want{
		{12, 26, "three days ago", "2024-07-10", "", false},
	}},
	{"2024-07-13", "Last year was hard.", nil, []want{
		{0, 9, "Last year", "2023", "", false},
	}},
	{"2024-07-13", "This year was hard.", nil, []want{
		{0, 9, "This year", "2024", "", false},
	}},
	{"2024-07-13", "Next year will be better.", nil, []want{
		{0, 9, "Next year", "2025", "", true},
	}},
	{"2024-07-13", "Protests swept the country in the 1990s.", nil, []want{
		{30, 39, "the 1990s", "1990", "1999", false},
	}},
	{"2024-07-13", "Protests swept the country in the '90s.", nil, []want{
		{30, 38, "the '90s", "1990", "1999", false},
	}},
	{"2024-07-13", "The invasion began on 2022-02-24.", nil, []want{
		{22, 32, "2022-02-24", "2022-02-24", "", false},
	}},
	{"2024-07-13", "Russia launched the February 2022 invasion of Ukraine.", nil, []want{
		{20, 33, "February 2022", "2022-02", "", false},
	}},
	{"2024-07-13", "The 2020 protests were the largest.", nil, []want{
		{4, 8, "2020", "2020", "", false},
	}},
	{"2024-07-13", "Crimea, 2014.", nil, []want{
		{8, 12, "2014", "2014", "", false},
	}},
	{"2024-07-13", "In 2014 Russia annexed Crimea.", nil, []want{
		{3, 7, "2014", "2014", "", false},
	}},
	{"2024-07-13", "About 2000 troops and 1500 tanks.", nil, []want{}},
	{"2024-07-13", "The regiment had 2020 soldiers.", nil, []want{}},
	{"2024-07-13", "In May the army will return.", nil, []want{
		{3, 6, "May", "2025-05", "", true},
	}},
	{"2024-07-13", "May I ask a question?", nil, []want{}},
	{"2024-07-13", "They march in March.", nil, []want{
		{14, 19, "March", "2024-03", "", false},
	}},
	{"2024-07-13", "The March 2023 rally was banned.", nil, []want{
		{4, 14, "March 2023", "2023-03", "", false},
	}},
	{"2024-07-13", "The economy grew in the early 2000s.", nil, []want{
		{20, 35, "the early 2000s", "2000", "2003", false},
	}},
	{"2024-07-13", "Output fell in mid-2022.", nil, []want{
		{15, 23, "mid-2022", "2022", "", false},
	}},
	{"2024-07-13", "Output fell in mid-June.", nil, []want{
		{15, 23, "mid-June", "2024-06", "", false},
	}},
	{"2024-07-13", "The past two weeks were tense.", nil, []want{
		{0, 18, "The past two weeks", "2024-06-29", "2024-07-13", false},
	}},
	{"2024-07-13", "The next few days matter.", nil, []want{
		{0, 17, "The next few days", "2024-07-13", "2024-07-16", true},
	}},
	{"2024-07-13", "He spoke last Saturday.", nil, []want{
		{9, 22, "last Saturday", "2024-07-06", "", false},
	}},
	{"2024-07-13", "He will speak next Saturday.", nil, []want{
		{14, 27, "next Saturday", "2024-07-20", "", true},
	}},
	{"2024-07-13", "The ceasefire held from 2014 to 2016.", nil, []want{
		{19, 36, "from 2014 to 2016", "2014", "2016", false},
	}},
	{"2024-07-13", "It lasted between March 2015 and June 2016.", nil, []want{
		{10, 42, "between March 2015 and June 2016", "2015-03", "2016-06", false},
	}},
	{"2024-07-13", "The war of 2014-2016 ended.", nil, []want{
		{11, 20, "2014-2016", "2014", "2016", false},
	}},
	{"2024-07-13", "A year ago he was president.", nil, []want{
		{0, 10, "A year ago", "2023", "", false},
	}},
	{"2024-07-13", "Elections are due in December.", nil, []want{
		{21, 29, "December", "2024-12", "", true},
	}},
	{"2024-07-13", "Elections were held in December.", nil, []want{
		{23, 31, "December", "2023-12", "", false},
	}},
	{"2024-07-13", "At the end of last year the talks failed.", nil, []want{
		{3, 23, "the end of last year", "2023", "", false},
	}},
	{"2024-07-13", "Later this year, he will visit.", nil, []want{
		{0, 15, "Later this year", "2024", "", true},
	}},
	{"2024-07-13", "Earlier today he spoke.", nil, []want{
		{0, 13, "Earlier today", "2024-07-13", "", false},
	}},
	{"2024-07-13", "This weekend was calm.", nil, []want{
		{0, 12, "This weekend", "2024-07-13", "2024-07-14", false},
	}},
	{"2024-07-13", "Last weekend was calm.", nil, []want{
		{0, 12, "Last weekend", "2024-07-06", "2024-07-07", false},
	}},
	{"2024-07-13", "The day before yesterday was calm.", nil, []want{
		{0, 24, "The day before yesterday", "2024-07-11", "", false},
	}},
	{"2024-07-13", "Last night was calm.", nil, []want{
		{0, 10, "Last night", "2024-07-12", "", false},
	}},
	{"2024-07-13", "On Saturday, July 6, the army moved.", nil, []want{
		{3, 19, "Saturday, July 6", "2024-07-06", "", false},
	}},
	{"2024-07-13", "The past year was hard.", nil, []want{
		{0, 13, "The past year", "2023-07-13", "2024-07-13", false},
	}},
	{"2024-02-29", "The report came out on February 29.", nil, []want{
		{23, 34, "February 29", "2024-02-29", "", false},
	}},
	{"2023-03-01", "It was founded on February 29.", nil, []want{
		{18, 29, "February 29", "2020-02-29", "", false},
	}},
	{"2024-03-01", "The vote took place on February 29.", nil, []want{
		{23, 34, "February 29", "2024-02-29", "", false},
	}},
	{"2024-01-05", "The vote took place on December 28.", nil, []want{
		{23, 34, "December 28", "2023-12-28", "", false},
	}},
	{"2024-12-28", "The vote will take place on January 3.", nil, []want{
		{28, 37, "January 3", "2025-01-03", "", true},
	}},
	{"2024-07-13", "No date here, only 15 people and 300 km.", nil, []want{}},
	{"2024-07-13", "Figures for 2,000 people and 20:15 local time.", nil, []want{}},
	{"2024-07-13", "The summit is scheduled for Thursday.", nil, []want{
		{28, 36, "Thursday", "2024-07-18", "", true},
	}},
	{"2024-07-13", "The 1648 treaty was signed in 1648.", nil, []want{
		{30, 34, "1648", "1648", "", false},
	}},
	{"2024-07-13", "Earlier this week the ministry spoke.", nil, []want{
		{0, 17, "Earlier this week", "2024-07-08", "2024-07-14", false},
	}},
	{"2024-07-13", "Kyiv said on Friday morning that drones hit Odesa.", nil, []want{
		{13, 27, "Friday morning", "2024-07-12", "", false},
	}},
	// Found in real copy: decades with apostrophes, names and money that
	// look like times, day ranges, planned events.
	{"2016-03-15", "He went to college in the 1970's.", nil, []want{
		{26, 32, "1970's", "1970", "1979", false},
	}},
	{"2016-03-15", "He went to college in the late 1960’s.", nil, []want{
		{26, 39, "late 1960’s", "1966", "1969", false},
	}},
	{"2016-09-26", "A reporter for USA Today spotted her.", nil, nil},
	{"2016-09-26", "Today, it is owned by a trust.", nil, []want{
		{0, 5, "Today", "2016-09-26", "", false},
	}},
	{"2016-09-20", "A cashier who steals a handful of $20s is punished.", nil, nil},
	{"2016-09-20", "She is in her 20s.", nil, nil},
	{"2016-09-20", "The survey was conducted September 16-19, using a panel.", nil, []want{
		{25, 40, "September 16-19", "2016-09-16", "2016-09-19", false},
	}},
	{"2016-09-15", "She left an event on September 11th earlier than scheduled.", nil, []want{
		{21, 35, "September 11th", "2016-09-11", "", false},
	}},
	{"2016-04-22", "Republicans could lose in November.", nil, []want{
		{26, 34, "November", "2016-11", "", true},
	}},
	// Seasons, quarters, weekends, recent days.
	{"2024-07-13", "Fighting intensified last summer.", nil, []want{
		{21, 32, "last summer", "2023-06", "2023-08", false},
	}},
	{"2024-10-13", "Fighting intensified last summer.", nil, []want{
		{21, 32, "last summer", "2024-06", "2024-08", false},
	}},
	{"2024-07-13", "Talks will resume next summer.", nil, []want{
		{18, 29, "next summer", "2025-06", "2025-08", true},
	}},
	{"2024-03-13", "Talks will resume next summer.", nil, []want{
		{18, 29, "next summer", "2024-06", "2024-08", true},
	}},
	{"2024-07-13", "Protests erupted in the summer of 2022.", nil, []want{
		{20, 38, "the summer of 2022", "2022-06", "2022-08", false},
	}},
	{"2024-07-13", "Protests erupted in summer 2022.", nil, []want{
		{20, 31, "summer 2022", "2022-06", "2022-08", false},
	}},
	{"2024-07-13", "Troops arrived in winter 2022.", nil, []want{
		{18, 29, "winter 2022", "2021-12", "2022-02", false},
	}},
	{"2024-01-20", "The offensive began this winter.", nil, []want{
		{20, 31, "this winter", "2023-12", "2024-02", false},
	}},
	{"2024-07-13", "Talks will resume in the autumn.", nil, []want{
		{21, 31, "the autumn", "2024-09", "2024-11", true},
	}},
	{"2024-07-13", "After the fall of Kabul, prices fall.", nil, nil},
	{"2024-07-13", "The economy grew in the first quarter of 2024.", nil, []want{
		{20, 45, "the first quarter of 2024", "2024-01", "2024-03", false},
	}},
	{"2024-07-13", "Output fell in Q2 2024 and in the third quarter.", nil, []want{
		{15, 22, "Q2 2024", "2024-04", "2024-06", false},
		{30, 47, "the third quarter", "2024-07", "2024-09", false},
	}},
	{"2024-07-15", "Drones struck over the weekend.", nil, []want{
		{19, 30, "the weekend", "2024-07-13", "2024-07-14", false},
	}},
	{"2024-07-13", "More drones were launched in recent days.", nil, []want{
		{29, 40, "recent days", "2024-07-06", "2024-07-13", false},
	}},
	{"2024-07-17", "Leaders will meet at the weekend.", nil, []want{
		{21, 32, "the weekend", "2024-07-20", "2024-07-21", true},
	}},
	// Anaphoric "the next year", programme titles, likely events, year ranges.
	{"2016-03-03", "It lost the elections and challenged it the next year.", nil, nil},
	{"2015-12-06", "Clinton said on ABC's This Week on Sunday that it worked.", nil, []want{
		{35, 41, "Sunday", "2015-12-06", "", false},
	}},
	{"2016-04-15", "He is likely to bounce back Tuesday in New York.", nil, []want{
		{28, 35, "Tuesday", "2016-04-19", "", true},
	}},
	{"2016-01-12", "Donations from the years 2010 to 2013 were not reported.", nil, []want{
		{25, 37, "2010 to 2013", "2010", "2013", false},
	}},
	{"2024-07-13", "Russia attacked Kyiv overnight.", nil, []want{
		{21, 30, "overnight", "2024-07-13", "", false},
	}},
	{"2024-07-13", "Troops will leave by the end of the year, not the year after.", nil, []want{
		{21, 40, "the end of the year", "2024", "", false},
	}},
	// Tense from Penn Treebank tags (Token.XPOS).
	{"2024-07-15", "He said they would meet on Saturday.", map[string]string{"said": "VBD", "would": "MD", "meet": "VB"}, []want{
		{27, 35, "Saturday", "2024-07-20", "", true},
	}},
	{"2024-07-15", "Leaders met on Saturday.", map[string]string{"met": "VBD"}, []want{
		{15, 23, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-15", "Talks are to be held on Friday.", map[string]string{"are": "VBP", "be": "VB", "held": "VBN"}, []want{
		{24, 30, "Friday", "2024-07-19", "", true},
	}},
	{"2024-07-15", "Putin meets Lukashenko on Saturday.", map[string]string{"meets": "VBZ"}, []want{
		{26, 34, "Saturday", "2024-07-13", "", false},
	}},
	{"2024-07-15", "Talks will be held in March.", map[string]string{"will": "MD", "be": "VB", "held": "VBN"}, []want{
		{22, 27, "March", "2025-03", "", true},
	}},
	{"2024-07-15", "Talks were held on July 20.", map[string]string{"were": "VBD", "held": "VBN"}, []want{
		{19, 26, "July 20", "2023-07-20", "", false},
	}},
}

func TestTagger(t *testing.T) {
	if len(cases) < 60 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		runCase(t, c)
	}
}

func TestSeedStory(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/belarus-border.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc("2024-07-13", string(b))
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]doc.TimeExpr{}
	for _, x := range d.Times {
		got[d.Slice(x.Span)] = x
	}
	for _, w := range []struct{ text, value, until string }{
		{"late last month", "2024-06", ""},
		{"February 2022", "2022-02", ""},
		{"since 1994", "1994", "2024-07-13"},
		{"2020", "2020", ""},
	} {
		x, ok := got[w.text]
		if !ok {
			t.Errorf("%q not found; got %v", w.text, d.Times)
			continue
		}
		if x.Value != w.value || x.Until != w.until || x.Future {
			t.Errorf("%q = %+v, want value %s until %q", w.text, x, w.value, w.until)
		}
		if d.Slice(x.Span) != w.text || !strings.Contains(d.Text, w.text) {
			t.Errorf("%q: span %v", w.text, x.Span)
		}
	}
	if len(d.Times) != 4 {
		t.Errorf("got %d expressions, want 4: %+v", len(d.Times), d.Times)
	}
	for _, x := range d.Times {
		if x.Value == "2024-06" && Historical(x.Value, d.Date, DefaultWindow) {
			t.Errorf("late last month should not be historical")
		}
		if (x.Value == "2022-02" || x.Value == "2020") && !Historical(x.Value, d.Date, DefaultWindow) {
			t.Errorf("%s should be historical", x.Value)
		}
	}
}

func TestMissingStoryDate(t *testing.T) {
	for _, date := range []string{"", "13/07/2024", "2024-07"} {
		d := testDoc(date, "It began in February 2022 and ended last week.")
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Times) != 1 || d.Times[0].Value != "2022-02" || d.Times[0].Start != 12 || d.Times[0].End != 25 {
			t.Errorf("date %q: got %+v, want only February 2022 at [12,25)", date, d.Times)
		}
		if (date != "") != (len(d.Errors) == 1) {
			t.Errorf("date %q: errors %v", date, d.Errors)
		}
	}
}

func TestBadInput(t *testing.T) {
	d := testDoc("2024-07-13", "Yesterday.")
	d.Sentences = append(d.Sentences, doc.Sentence{First: 5, Last: 99})
	d.Tokens = append(d.Tokens, doc.Token{Start: 50, End: 60})
	d.Sentences[0].Last = len(d.Tokens)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2024-07-12" {
		t.Errorf("got %+v", d.Times)
	}
	if len(d.Errors) != 1 {
		t.Errorf("errors: %v", d.Errors)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, d); err == nil {
		t.Error("cancelled context: no error")
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		expr, story string
		past        bool
		value       string
		ok          bool
	}{
		{"late last month", "2024-07-13", true, "2024-06", true},
		{"last month", "2024-01-15", true, "2023-12", true},
		{"on Saturday", "2024-07-16", true, "2024-07-13", true},
		{"on Saturday", "2024-07-16", false, "2024-07-20", true},
		{"on Saturday", "2024-07-13", true, "2024-07-13", true},
		{"Feb. 24", "2024-07-13", true, "2024-02-24", true},
		{"24 Feb", "2024-07-13", true, "2024-02-24", true},
		{"2022-02-24", "2024-07-13", true, "2022-02-24", true},
		{"2022-02-30", "2024-07-13", true, "", false},
		{"the 1990s", "2024-07-13", true, "1990", true},
		{"the ’90s", "2024-07-13", true, "1990", true},
		{"the '20s", "2024-07-13", true, "2020", true},
		{"mid-June", "2024-07-13", true, "2024-06", true},
		{"in 2014–2016", "2024-07-13", true, "2014", true},
		{"last year", "2024-01-01", true, "2023", true},
		{"next month", "2024-12-05", false, "2025-01", true},
		{"no time here", "2024-07-13", true, "", false},
		{"", "2024-07-13", true, "", false},
		{"yesterday", "0001-01-01", true, "", false},
		{"February 2022", "0001-01-01", true, "2022-02", true},
	} {
		st := day(c.story)
		if c.story == "0001-01-01" {
			st = time.Time{}
		}
		v, ok := Normalize(c.expr, st, c.past)
		if v != c.value || ok != c.ok {
			t.Errorf("Normalize(%q, %s, %v) = %q, %v; want %q, %v", c.expr, c.story, c.past, v, ok, c.value, c.ok)
		}
	}
	v, u, f, ok := NormalizeRange("since 1994", day("2024-07-13"), true)
	if v != "1994" || u != "2024-07-13" || f || !ok {
		t.Errorf("NormalizeRange(since 1994) = %q %q %v %v", v, u, f, ok)
	}
}

func TestHistorical(t *testing.T) {
	for _, c := range []struct {
		event, story string
		window       time.Duration
		want         bool
	}{
		{"2020", "2024-07-13", DefaultWindow, true},
		{"2024", "2024-07-13", DefaultWindow, false},
		{"2023", "2024-01-10", DefaultWindow, false}, // ends 2023-12-31, 10 days before
		{"2023", "2024-03-10", DefaultWindow, true},
		{"2024-06", "2024-07-13", DefaultWindow, false},
		{"2024-05", "2024-07-13", DefaultWindow, true},
		{"2024-06-13", "2024-07-13", DefaultWindow, false},
		{"2024-06-12", "2024-07-13", DefaultWindow, true},
		{"2024-06-12", "2024-07-13", 0, true},
		{"2024-06-12", "2024-07-13", 60 * 24 * time.Hour, false},
		{"2024-07-20", "2024-07-13", DefaultWindow, false},
		{"bad", "2024-07-13", DefaultWindow, false},
		{"2020", "", DefaultWindow, false},
	} {
		if got := Historical(c.event, c.story, c.window); got != c.want {
			t.Errorf("Historical(%q, %q, %v) = %v", c.event, c.story, c.window, got)
		}
	}
}

func TestHistoricalRange(t *testing.T) {
	for _, c := range []struct {
		value, until string
		want         bool
	}{
		{"1994", "2024-07-13", false},
		{"1990", "1999", true},
		{"2024-07-01", "2024-07-07", false},
		{"2020", "", true},
	} {
		if got := HistoricalExpr(doc.TimeExpr{Value: c.value, Until: c.until}, "2024-07-13", DefaultWindow); got != c.want {
			t.Errorf("HistoricalExpr(%s..%s) = %v", c.value, c.until, got)
		}
	}
}

func TestIntervals(t *testing.T) {
	for _, c := range []struct {
		a, b                       string
		contains, before, overlaps bool
	}{
		{"2024", "2024-06", true, false, true},
		{"2024", "2024-06-13", true, false, true},
		{"2024-06", "2024", false, false, true},
		{"2023", "2024-01-01", false, true, false},
		{"2024-02", "2024-02-29", true, false, true},
		{"2023-12-31", "2024", false, true, false},
		{"2024-06", "2024-06", true, false, true},
		{"2025", "2024", false, false, false},
		{"x", "2024", false, false, false},
	} {
		if got := Contains(c.a, c.b); got != c.contains {
			t.Errorf("Contains(%q, %q) = %v", c.a, c.b, got)
		}
		if got := Before(c.a, c.b); got != c.before {
			t.Errorf("Before(%q, %q) = %v", c.a, c.b, got)
		}
		if got := Overlaps(c.a, c.b); got != c.overlaps {
			t.Errorf("Overlaps(%q, %q) = %v", c.a, c.b, got)
		}
	}
	first, last, g, err := Parse("2024-02")
	if err != nil || first != day("2024-02-01") || last != day("2024-02-29") || g != GranMonth || g.String() != "month" {
		t.Errorf("Parse(2024-02) = %v %v %v %v", first, last, g, err)
	}
	for _, bad := range []string{"", "2024-13", "2023-02-29", "2024/01/01", "20x4"} {
		if _, _, _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		} else if de, ok := err.(*DateError); !ok || de.Op != "parse" {
			t.Errorf("Parse(%q): %T %v", bad, err, err)
		}
	}
	if Gran(9).String() != "none" {
		t.Error("Gran name table")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text, int64(0))
	}
	f.Add("the day before", int64(86400*365*-3000))
	f.Add("mid-", int64(1))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		st := time.Unix(sec%(86400*365*3000), 0).UTC()
		v, ok := Normalize(s, st, sec%2 == 0)
		if ok && v == "" {
			t.Fatalf("ok with empty value for %q", s)
		}
		if ok {
			if _, err := parsePoint(v); err != nil && st.Year() >= 0 && st.Year() <= 9999 {
				t.Fatalf("Normalize(%q) = %q, not a date: %v", s, v, err)
			}
		}
		d := testDoc(st.Format("2006-01-02"), s)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, x := range d.Times {
			if !x.Span.Valid(len(s)) || x.Start >= x.End {
				t.Fatalf("bad span %v for %q", x.Span, s)
			}
		}
	})
}

func BenchmarkWhen(b *testing.B) {
	text := strings.Repeat("Belarusian President Alexander Lukashenko said on Saturday that tensions had subsided at his country's border with Ukraine. "+
		"The defence ministry said late last month that it was reinforcing its border, and he has been in power since 1994. "+
		"Russia launched the February 2022 invasion, and mass protests broke out in 2020 over the election held two years ago.\n", 20)
	d := testDoc("2024-07-13", text)
	tg := New()
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := tg.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens)), "tokens/op")
}

func TestEventDate(t *testing.T) {
	text := "Lukashenko allowed Russia to launch the February 2022 invasion. He said on Saturday troops left. He has ruled since 1994. Nothing dated."
	d := testDoc("2024-07-13", text)
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sent, off int
		want      Dating
	}{
		{0, 29, Dating{Date: "2022-02", Historical: true, Expr: 0}},       // "launch"
		{1, 67, Dating{Date: "2024-07-13", Historical: false, Expr: 1}},   // "said"
		{2, 104, Dating{Date: "1994", Until: "2024-07-13", Expr: 2}},      // "ruled": ongoing
		{3, 122, Dating{Date: "2024-07-13", Historical: false, Expr: -1}}, // no expression
	} {
		if got := EventDate(d, c.sent, c.off, 0); got != c.want {
			t.Errorf("EventDate(sent %d, off %d) = %+v, want %+v", c.sent, c.off, got, c.want)
		}
	}
}

func TestStep(t *testing.T) {
	p, err := pipeline.New(pipeline.Step{Name: "text", Assigns: doc.LayerTokens | doc.LayerSentences,
		Stage: pipeline.StageFunc(func(context.Context, *doc.Doc) error { return nil })}, New().Step())
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc("2024-07-13", "It happened yesterday.")
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || !d.Layers.Has(doc.LayerTimes) {
		t.Errorf("times %v layers %v", d.Times, d.Layers)
	}
	if _, err := pipeline.New(New().Step()); err == nil {
		t.Error("a pipeline without tokens accepted the when step")
	}
}

func TestNERNames(t *testing.T) {
	d := testDoc("2024-07-13", "Theresa May met them in May.")
	d.Tokens[1].NER = "I-PER"
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Start != 24 || d.Times[0].Value != "2024-05" {
		t.Errorf("got %+v, want only the month at 24", d.Times)
	}
}

func TestDateline(t *testing.T) {
	text := "KYIV, July 13 (Reuters) - Troops left yesterday."
	d := testDoc("2024-07-13", text)
	// The text stage keeps the dateline out of the sentences.
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 26, End: len(text)}, First: 7, Last: len(d.Tokens)}}
	d.Credits = []doc.Credit{{Span: doc.Span{Start: 0, End: 25}, Kind: doc.CreditDateline, Place: "KYIV", Date: "July 13"}}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []doc.TimeExpr{
		{Span: doc.Span{Start: 6, End: 13}, Sent: -1, Value: "2024-07-13"},
		{Span: doc.Span{Start: 38, End: 47}, Sent: 0, Value: "2024-07-12"},
	}
	if !reflect.DeepEqual(d.Times, want) {
		t.Errorf("got %+v\nwant %+v", d.Times, want)
	}
}

func TestCorruptTokens(t *testing.T) {
	d := testDoc("2024-07-13", "Troops left on Saturday, late last month and in 2020.")
	d.Tokens[1].Start, d.Tokens[1].End = 500, 400
	d.Tokens[3].End = 9999
	d.Tokens[5].Start = -3
	d.Credits = []doc.Credit{{Span: doc.Span{Start: 60, End: 10}, Kind: doc.CreditDateline, Date: "July 13"}}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, x := range d.Times {
		if !x.Span.Valid(len(d.Text)) {
			t.Errorf("invalid span %v", x.Span)
		}
	}
	EventDate(d, 0, 3, 0)
}

// With a dependency tree the governing verb decides, not the nearest one.
func TestSyntaxTense(t *testing.T) {
	// "He said talks will be held on Saturday ."
	//  0   1    2     3    4  5    6  7        8
	d := testDoc("2024-07-15", "He said talks will be held on Saturday.")
	tree := []struct {
		head      int
		dep, xpos string
	}{{1, "nsubj", "PRP"}, {-1, "root", "VBD"}, {5, "nsubj:pass", "NNS"}, {5, "aux", "MD"},
		{5, "aux:pass", "VB"}, {1, "ccomp", "VBN"}, {7, "case", "IN"}, {5, "obl", "NNP"}, {1, "punct", "."}}
	for i, n := range tree {
		d.Tokens[i].Head, d.Tokens[i].Dep, d.Tokens[i].XPOS = n.head, n.dep, n.xpos
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2024-07-20" || !d.Times[0].Future {
		t.Errorf("got %+v, want Saturday 2024-07-20 (future)", d.Times)
	}
	// The nearest verb ("was announced") is past; the governing one ("will
	// take place") is future.
	text := "The vote, which will take place on Saturday, was announced."
	tree2 := []struct {
		head      int
		dep, xpos string
	}{{1, "det", "DT"}, {11, "nsubj:pass", "NN"}, {5, "punct", ","}, {5, "nsubj", "WDT"}, {5, "aux", "MD"},
		{1, "acl:relcl", "VB"}, {5, "obj", "NN"}, {8, "case", "IN"}, {5, "obl", "NNP"}, {5, "punct", ","},
		{11, "aux:pass", "VBD"}, {-1, "root", "VBN"}, {11, "punct", "."}}
	d = testDoc("2024-07-15", text)
	for i, n := range tree2 {
		d.Tokens[i].XPOS = n.xpos
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2024-07-13" {
		t.Errorf("tags only: got %+v, want the nearest verb's past Saturday 2024-07-13", d.Times)
	}
	d = testDoc("2024-07-15", text)
	for i, n := range tree2 {
		d.Tokens[i].Head, d.Tokens[i].Dep, d.Tokens[i].XPOS = n.head, n.dep, n.xpos
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Times) != 1 || d.Times[0].Value != "2024-07-20" || !d.Times[0].Future {
		t.Errorf("with the tree: got %+v, want Saturday 2024-07-20 (future)", d.Times)
	}
}
