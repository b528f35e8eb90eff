package store_test

import (
	"fmt"

	"github.com/wirecoder/wirecoder/store"
)

func ExampleContentHash() {
	a := store.ContentHash("Belarus said\r\n  troops were leaving. ")
	b := store.ContentHash("Belarus said troops were leaving.")
	fmt.Println(a == b, store.StoryID(a))
	// Output:
	// true s3fe35d16ff2f6d8c
}

func ExampleSimHash() {
	story := "Belarus said on Friday that extra troops deployed at its border with Ukraine were being sent back to their bases.\n" +
		"The defence ministry said the reinforcement followed a security incident.\n"
	reprint := story + "(With inputs from Reuters)"
	other := "Farmers in the valley expect a smaller harvest after late spring rains delayed planting by three weeks.\n"
	fmt.Println(store.Distance(store.SimHash(story), store.SimHash(reprint)))
	fmt.Println(store.Distance(store.SimHash(story), store.SimHash(other)) > store.NearDupDistance)
	// Output:
	// 0
	// true
}

func ExampleScheme() {
	for _, dsn := range []string{"./wirecoder.db", "postgres://postgres@127.0.0.1:5432/test", "sqlite:///tmp/x.db"} {
		fmt.Println(store.Scheme(dsn))
	}
	// Output:
	// sqlite
	// postgres
	// sqlite
}
