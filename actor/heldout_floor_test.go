package actor

// heldOutFloor and heldOut2Floor are the held-out pass rates measured; see
// TestHeldOut.
const (
	heldOutFloor  = 0.97
	heldOut2Floor = 0.97
	heldOut3Floor = 0.97
)
