package actor

// heldOutFloor is the held-out pass rate first measured; see TestHeldOut.
const heldOutFloor = 0.97
