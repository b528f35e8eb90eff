// Package cputime reads the CPU time the process has used, for benchmarks
// that must stay meaningful on a machine shared with other work: there the
// wall-clock rate falls with the load, the rate per CPU-second does not.
package cputime
