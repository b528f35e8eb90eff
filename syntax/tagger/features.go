package tagger

// Features are 64-bit hashes: each template mixes its id with the hashes
// of the word properties it reads. Word properties are hashed once per
// position (see wordInfo), so extracting a token's features allocates
// nothing and reads each word's bytes a handful of times at most.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// keyBits is the width of feature keys: 48 bits keep model files small
// (sorted keys are stored as deltas) while collisions among a few hundred
// thousand features stay improbable.
const keyBits = 48

// mix combines a template id and up to two property hashes into a feature
// key (a variant of the splitmix64 finaliser, truncated to keyBits). The
// result is never 0.
func mix(tmpl uint64, a, b uint64) uint64 {
	h := tmpl*0x9E3779B97F4A7C15 ^ a
	h = (h ^ h>>31) * 0xBF58476D1CE4E5B9
	h ^= b
	h = (h ^ h>>29) * 0x94D049BB133111EB
	h ^= h >> 32
	h &= 1<<keyBits - 1
	if h == 0 {
		h = 1
	}
	return h
}

// Word flags.
const (
	flagDigit   = 1 << iota // has an ASCII digit
	flagUpper               // has an upper-case letter
	flagHyphen              // has a hyphen
	flagAllCaps             // every letter is upper case (and there are letters)
	flagInitCap             // first letter is upper case
	flagAlpha               // has a letter
	flagPunct               // has no letter or digit
	flagLong                // longer than 12 bytes
)

// wordInfo holds the hashed properties of one word.
type wordInfo struct {
	raw, lower, norm, shape uint64
	pre, suf                [4]uint64 // prefixes and suffixes of 1..4 bytes of the lower-cased word
	flags                   uint64
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isUpperStart reports whether s starts with an upper-case letter, ASCII or
// a two-byte Latin upper-case letter (À-Þ).
func upperAt(s string, i int) bool {
	c := s[i]
	if 'A' <= c && c <= 'Z' {
		return true
	}
	return c == 0xC3 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9E && s[i+1] != 0x97
}

// analyze fills in the properties of word w.
func analyze(w string, wi *wordInfo) {
	var raw, lower uint64 = fnvOffset, fnvOffset
	var flags uint64
	digits, letters := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		raw = (raw ^ uint64(c)) * fnvPrime
		lower = (lower ^ uint64(lowerByte(c))) * fnvPrime
		switch {
		case '0' <= c && c <= '9':
			digits++
		case 'a' <= c && c <= 'z':
			letters++
		case 'A' <= c && c <= 'Z', c >= 0x80:
			letters++
		case c == '-':
			flags |= flagHyphen
		}
	}
	hasUpper, allCaps := false, letters > 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if upperAt(w, i) {
			hasUpper = true
		} else if 'a' <= c && c <= 'z' {
			allCaps = false
		}
	}
	if digits > 0 {
		flags |= flagDigit
	}
	if hasUpper {
		flags |= flagUpper
	}
	if allCaps && hasUpper {
		flags |= flagAllCaps
	}
	if len(w) > 0 && upperAt(w, 0) {
		flags |= flagInitCap
	}
	if letters > 0 {
		flags |= flagAlpha
	}
	if letters == 0 && digits == 0 {
		flags |= flagPunct
	}
	if len(w) > 12 {
		flags |= flagLong
	}
	wi.raw, wi.lower, wi.flags = raw, lower, flags
	// Normalised form: numbers collapse to a few classes.
	wi.norm = lower
	if digits > 0 && letters == 0 {
		switch {
		case len(w) == 4 && digits == 4:
			wi.norm = 0x59454152 // "YEAR"
		default:
			wi.norm = 0x4e554d00 | uint64(min(len(w), 12)) // "NUM" + length
		}
	}
	// Short shape: character classes with runs collapsed.
	shape := uint64(fnvOffset)
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		var k byte
		switch {
		case '0' <= c && c <= '9':
			k = 'd'
		case 'a' <= c && c <= 'z':
			k = 'x'
		case 'A' <= c && c <= 'Z':
			k = 'X'
		case c >= 0x80:
			if upperAt(w, i) {
				k = 'X'
			} else {
				k = 'u'
			}
			if c >= 0xC0 || c < 0x80 {
				// lead byte: keep; continuation bytes are skipped below
			} else {
				continue
			}
		default:
			k = c
		}
		if k != last {
			shape = (shape ^ uint64(k)) * fnvPrime
			last = k
		}
	}
	wi.shape = shape
	// Prefixes and suffixes of the lower-cased word.
	for n := 1; n <= 4; n++ {
		if n > len(w) {
			wi.pre[n-1] = uint64(n) // too short: a per-length constant
			wi.suf[n-1] = uint64(n)
			continue
		}
		p := uint64(fnvOffset)
		for i := 0; i < n; i++ {
			p = (p ^ uint64(lowerByte(w[i]))) * fnvPrime
		}
		s := uint64(fnvOffset)
		for i := len(w) - n; i < len(w); i++ {
			s = (s ^ uint64(lowerByte(w[i]))) * fnvPrime
		}
		wi.pre[n-1], wi.suf[n-1] = p, s
	}
}

// Padding words beyond the sentence's edges.
var (
	padBefore = wordInfo{raw: 0xB0, lower: 0xB0, norm: 0xB0, shape: 0xB0, pre: [4]uint64{0xB0, 0xB0, 0xB0, 0xB0}, suf: [4]uint64{0xB0, 0xB0, 0xB0, 0xB0}, flags: 1 << 20}
	padAfter  = wordInfo{raw: 0xE0, lower: 0xE0, norm: 0xE0, shape: 0xE0, pre: [4]uint64{0xE0, 0xE0, 0xE0, 0xE0}, suf: [4]uint64{0xE0, 0xE0, 0xE0, 0xE0}, flags: 1 << 21}
)

// Tag history values for positions before the sentence.
const (
	histStart1 = 1 << 16
	histStart2 = 1<<16 + 1
	histEnd1   = 1<<16 + 2
	histEnd2   = 1<<16 + 3
)

// nFeatures is the number of feature templates of the first pass;
// nFeatures2 adds the second pass's templates over first-pass tags.
const (
	nFeatures  = 36
	nFeatures2 = nFeatures + 9
)

// extract2 writes the second pass's features of position i into f: the
// first pass's features plus features of the first pass's tags q, which
// hold two padding entries on each side like ws.
func extract2(ws []wordInfo, q []uint64, i int, p1, p2 uint64, f []uint64) {
	extract(ws, i, p1, p2, f)
	w := &ws[i+2]
	q0, r1, r2 := q[i+2], q[i+3], q[i+4]
	f[36] = mix(36, q0, 0)
	f[37] = mix(37, r1, 0)
	f[38] = mix(38, r2, 0)
	f[39] = mix(39, r1, r2)
	f[40] = mix(40, q0, r1)
	f[41] = mix(41, r1, w.norm)
	f[42] = mix(42, p1, r1)
	f[43] = mix(43, q0, w.suf[2])
	f[44] = mix(44, p1<<20|q0, r1)
}

// extract writes the features of position i into f. ws holds the word
// properties with two padding entries on each side (ws[i+2] is word i);
// p1 and p2 are the tags chosen for the two previous words.
func extract(ws []wordInfo, i int, p1, p2 uint64, f []uint64) {
	_ = f[nFeatures-1]
	w := &ws[i+2]
	l1, l2 := &ws[i+1], &ws[i]
	r1, r2 := &ws[i+3], &ws[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	f[0] = mix(0, 0, 0) // bias
	f[1] = mix(1, w.norm, 0)
	f[2] = mix(2, w.raw, 0)
	f[3] = mix(3, w.suf[0], 0)
	f[4] = mix(4, w.suf[1], 0)
	f[5] = mix(5, w.suf[2], 0)
	f[6] = mix(6, w.suf[3], 0)
	f[7] = mix(7, w.pre[0], 0)
	f[8] = mix(8, w.pre[1], 0)
	f[9] = mix(9, w.pre[2], 0)
	f[10] = mix(10, w.pre[3], 0)
	f[11] = mix(11, w.shape, 0)
	f[12] = mix(12, w.flags, first)
	f[13] = mix(13, p1, 0)
	f[14] = mix(14, p2, 0)
	f[15] = mix(15, p1, p2)
	f[16] = mix(16, p1, w.norm)
	f[17] = mix(17, l1.norm, 0)
	f[18] = mix(18, l1.suf[2], 0)
	f[19] = mix(19, l2.norm, 0)
	f[20] = mix(20, r1.norm, 0)
	f[21] = mix(21, r1.suf[2], 0)
	f[22] = mix(22, r2.norm, 0)
	f[23] = mix(23, l1.norm, w.norm)
	f[24] = mix(24, w.norm, r1.norm)
	f[25] = mix(25, p1, r1.norm)
	f[26] = mix(26, l1.shape, w.shape)
	f[27] = mix(27, w.shape, r1.shape)
	f[28] = mix(28, r2.suf[2], 0)
	f[29] = mix(29, p1, w.suf[2])
	f[30] = mix(30, l1.norm, r1.norm)
	f[31] = mix(31, r1.suf[1], w.suf[2])
	f[32] = mix(32, l2.suf[2], 0)
	f[33] = mix(33, p2, l1.norm)
	f[34] = mix(34, w.lower, first)
	f[35] = mix(35, r1.flags, w.suf[1])
}
