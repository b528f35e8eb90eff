package store

import "testing"

func TestStripCredits(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Body text.\n(With inputs from Reuters)", "Body text."},
		{"By Jane Doe\nBody text.", "Body text."},
		{"Body.\n(Reporting by A; Editing by B)\n", "Body.\n"},
		{"Body.\nCopyright 2024 Example News. All rights reserved.", "Body."},
		// Story sentences that merely mention a report stay.
		{"The report, which was written by the inquiry, said (in part) that troops left.", "The report, which was written by the inquiry, said (in part) that troops left."},
		{"By the end of the day, the troops had left.", "By the end of the day, the troops had left."},
	} {
		if got := StripCredits(tc.in); got != tc.want {
			t.Errorf("StripCredits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNearDuplicateDistance(t *testing.T) {
	base := "Officials in the capital said on Monday that talks on border security would resume next week after a pause of two months. " +
		"The two delegations are expected to meet in a neutral city, and observers from several countries will attend, the foreign ministry said. " +
		"Both sides have accused each other of moving troops closer to the frontier since the spring, and trade across the border has fallen."
	edited := base + " The ministry did not say who would lead the delegation."
	if d := Distance(SimHash(base), SimHash(base+"\n(Reporting by a correspondent; Editing by a desk)")); d != 0 {
		t.Errorf("credit line changed the SimHash by %d bits", d)
	}
	if d := Distance(SimHash(base), SimHash(edited)); d > 16 {
		t.Errorf("light edit: distance %d", d)
	}
	if SimHash("") != SimHash("  ") {
		t.Error("empty texts differ")
	}
}
