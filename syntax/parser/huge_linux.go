package parser

import (
	"syscall"
	"unsafe"
)

// makeTable allocates a weight table. On Linux, large tables are marked
// for transparent huge pages: the parser reads them at random, and with
// 4 KB pages most reads would also miss the TLB.
func makeTable(n int) []int16 {
	t := make([]int16, n)
	const huge = 2 << 20
	size := uintptr(n) * 2
	if size < 2*huge {
		return t
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(t)))
	start := (base + huge - 1) &^ (huge - 1)
	end := (base + size) &^ (huge - 1)
	if end > start {
		p := unsafe.Add(unsafe.Pointer(unsafe.SliceData(t)), start-base)
		const madvHugepage = 14
		_ = syscall.Madvise(unsafe.Slice((*byte)(p), end-start), madvHugepage) // advisory only
	}
	return t
}
