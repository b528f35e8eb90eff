//go:build !linux

package parser

// threadCPU is unavailable on this system.
func threadCPU() float64 { return 0 }
