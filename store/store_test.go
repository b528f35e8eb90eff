package store

import (
	"context"
	"strings"
	"testing"
)

func TestOpenWithoutBackend(t *testing.T) {
	// No backend is linked into this test binary.
	_, err := Open(context.Background(), "postgres://x@127.0.0.1/db")
	if err == nil || !strings.Contains(err.Error(), "postgres open: backend not linked in") {
		t.Errorf("Open = %v", err)
	}
}

func TestOutcomeString(t *testing.T) {
	for o, want := range map[Outcome]string{Added: "new", Duplicate: "duplicate", NearDuplicate: "near-duplicate", 9: "Outcome(9)"} {
		if got := o.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", o, got, want)
		}
	}
}
