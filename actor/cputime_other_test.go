//go:build !unix

package actor

import "time"

// cpuTime is not measured on this system: the cpu-ns/token metric reads 0.
func cpuTime() time.Duration { return 0 }
