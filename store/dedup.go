package store

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"strings"
	"unicode"
)

// ContentHash returns a story's identity: the hex SHA-256 of its text with
// runs of white space collapsed to one space and the ends trimmed, so that
// copies differing only in line endings or indentation are the same story.
func ContentHash(text string) string {
	h := sha256.New()
	space := false
	started := false
	var buf [4]byte
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && started {
			h.Write([]byte{' '})
		}
		space, started = false, true
		n := encodeRune(buf[:], r)
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func encodeRune(b []byte, r rune) int {
	s := string(r)
	return copy(b, s)
}

// ShingleSize is the number of words per SimHash feature.
const ShingleSize = 3

// SimHash returns the 64-bit SimHash of a text (Charikar 2002) over
// overlapping word 3-shingles of its lower-cased letters and digits, after
// credit lines are removed (see StripCredits). Two texts that share most
// shingles, such as a wire story and its reprint with another credit line
// or a light edit, get hashes a few bits apart.
func SimHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(StripCredits(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var v [64]int
	add := func(x uint64) {
		for i := 0; i < 64; i++ {
			v[i] += int(x>>i&1)*2 - 1
		}
	}
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = fnv64(w)
	}
	if len(hs) < ShingleSize {
		var x uint64 = 14695981039346656037
		for _, h := range hs {
			x = mix(x, h)
		}
		add(x)
	} else {
		for i := 0; i+ShingleSize <= len(hs); i++ {
			x := mix(mix(mix(14695981039346656037, hs[i]), hs[i+1]), hs[i+2])
			add(x)
		}
	}
	var out uint64
	for i := 0; i < 64; i++ {
		if v[i] > 0 {
			out |= 1 << i
		}
	}
	return out
}

// fnv64 is FNV-1a of a word.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix folds a word hash into a shingle hash (the splitmix64 finaliser
// over the combination, so that shingles of the same words in another
// order differ).
func mix(acc, h uint64) uint64 {
	x := acc*31 ^ h
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance returns the Hamming distance of two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// creditMarkers are phrases that mark a line as a credit rather than
// story text.
var creditMarkers = []string{
	"reporting by", "editing by", "writing by", "inputs from", "additional reporting",
	"contributed reporting", "contributed to this report", "all rights reserved", "copyright ",
}

// StripCredits removes the lines of a text that credit rather than tell:
// bylines ("By Jane Doe"), parenthesised credit lines ("(With inputs from
// Reuters)", "(Reporting by ...; Editing by ...)") and copyright notices.
// Reprints of one wire story differ mostly in these lines.
func StripCredits(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for _, l := range lines {
		if !isCreditLine(strings.TrimSpace(l)) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func isCreditLine(l string) bool {
	if l == "" || len(l) > 240 {
		return false
	}
	low := strings.ToLower(l)
	if strings.HasPrefix(low, "by ") && len(l) < 80 && !strings.ContainsAny(l, ".!?") {
		return true
	}
	paren := strings.HasPrefix(l, "(") && strings.HasSuffix(l, ")")
	for _, m := range creditMarkers {
		if strings.Contains(low, m) && (paren || len(l) < 120) {
			return true
		}
	}
	return false
}
