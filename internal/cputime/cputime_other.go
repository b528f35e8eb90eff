//go:build !unix

package cputime

import "time"

// Now returns 0: this platform does not report process CPU time.
func Now() time.Duration { return 0 }
