package ner

// featTable maps feature hashes to weight rows: an open-addressing hash
// table with linear probing, faster than a Go map for this read-only use.
type featTable struct {
	keys []uint64 // 0 marks an empty slot; the hash 0 is stored as zeroKey
	vals []int32
	mask uint64
	n    int
}

// zeroKey stands for the (improbable) feature hash 0.
const zeroKey = 0x9e3779b97f4a7c15

func newFeatTable(n int) *featTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &featTable{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

func fixKey(h uint64) uint64 {
	if h == 0 {
		return zeroKey
	}
	return h
}

// slot spreads the hash's bits (they are FNV products, weak in the low
// bits) and returns the first slot to probe.
func (t *featTable) slot(h uint64) uint64 {
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h & t.mask
}

// put sets the row of h; the table must not be full.
func (t *featTable) put(h uint64, row int32) {
	h = fixKey(h)
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = h, row
			t.n++
			return
		case h:
			t.vals[i] = row
			return
		}
	}
}

// get returns the row of h; a nil table holds nothing.
func (t *featTable) get(h uint64) (int32, bool) {
	if t == nil {
		return 0, false
	}
	h = fixKey(h)
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}
