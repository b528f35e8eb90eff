package event_test

import (
	"context"
	"sync"
	"testing"

	"github.com/wirecoder/wirecoder/event"
)

// One coder serves several goroutines (run with -race).
func TestConcurrentProcess(t *testing.T) {
	c := testCoder(t, event.Options{Nested: true, IntentCodes: true})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				d := parsed("1995-01-01", [][5]string{
					{"Arnor", "NNP", "Arnor", "4", "nsubj"},
					{"and", "CC", "and", "1", "cc"},
					{"Mordor", "NNP", "Mordor", "1", "conj"},
					{"attacked", "VBD", "attack", "0", "root"},
					{"Gondor", "NNP", "Gondor", "4", "dobj"},
				})
				if err := c.Process(context.Background(), d); err != nil || len(d.Events) != 2 {
					t.Errorf("events %v, err %v", d.Events, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
