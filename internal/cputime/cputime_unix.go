//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Now returns the user plus system CPU time used by the process so far, or
// 0 where the platform cannot tell.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
