//go:build !linux

package parser

// makeTable allocates a weight table.
func makeTable(n int) []int16 { return make([]int16, n) }
