package series_test

import (
	"fmt"

	"github.com/wirecoder/wirecoder/series"
	"github.com/wirecoder/wirecoder/store"
)

func ExamplePeriod() {
	for _, by := range []string{"day", "week", "month"} {
		p, _ := series.Period("2024-07-13", by)
		fmt.Println(by, p)
	}
	p, _ := series.Period("2022-02", "week") // known to the month: its first day
	fmt.Println("week of 2022-02:", p)
	// Output:
	// day 2024-07-13
	// week 2024-07-08
	// month 2024-07
	// week of 2022-02: 2022-01-31
}

func ExampleCompute() {
	evs := []store.Event{
		{ID: "s1-E1", SourceCode: "BLRMIL", TargetCode: "UKR", CAMEO: "152", Quad: 4, Goldstein: -7.2, StoryDate: "2024-07-12"},
		{ID: "s1-E2", SourceCode: "BLRGOV", TargetCode: "UKR", CAMEO: "036", Quad: 1, Goldstein: 4, StoryDate: "2024-07-12"},
		{ID: "s2-E1", SourceCode: "BLRMIL", TargetCode: "UKR", CAMEO: "152", Quad: 4, Goldstein: -7.2, StoryDate: "2024-07-12", DupOf: "s1"},
		{ID: "s1-E3", SourceCode: "UKR", TargetCode: "BLR", CAMEO: "190", Quad: 4, Goldstein: -10, Date: "2022-02", StoryDate: "2024-07-12", Historical: true},
	}
	s, _ := series.Compute(evs, series.Options{Dyad: [2]string{"BLR", "UKR"}, By: "month"})
	for _, p := range s.Series {
		fmt.Println(p.Period, p.Events, p.GoldsteinSum, p.Quad, p.Tension, p.EventIDs)
	}
	// Output:
	// 2022-02 1 -10 [0 0 0 1] 0.5 [s1-E3]
	// 2024-07 2 -3.2 [1 0 0 1] 0.1067 [s1-E1 s1-E2]
}

func ExampleTension() {
	fmt.Println(series.Tension([]int{4, 4, 3}, []float64{-10, -7.2, -2}))
	fmt.Println(series.Tension([]int{1, 2}, []float64{4, 7.4}))
	fmt.Println(series.Tension([]int{3}, []float64{-2}))
	// Output:
	// 0.48
	// -0.38
	// 0.1
}

func ExampleParseDyad() {
	d, err := series.ParseDyad("blr-ukr")
	fmt.Println(d, err)
	_, err = series.ParseDyad("Belarus-Ukraine")
	fmt.Println(err)
	// Output:
	// [BLR UKR] <nil>
	// dyad "Belarus-Ukraine": want two three-letter codes joined by '-', e.g. BLR-UKR
}
