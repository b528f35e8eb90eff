package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirecoder/wirecoder/doc"
)

// opTokenize is the Op of the errors the tokenizer records.
const opTokenize = "tokenize"

// maxErrors caps the errors recorded for one text; one further entry says
// how many were left out.
const maxErrors = 100

// ASCII character classes.
const (
	clPunct = iota // punctuation or symbol: a token of its own
	clWord         // letter, digit or underscore
	clSpace        // white space
	clCtrl         // control character: skipped, with an error
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case c < 0x20 || c == 0x7f:
			t[c] = clCtrl
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
			t[c] = clWord
		default:
			t[c] = clPunct
		}
	}
	return t
}()

// runeClass classifies a non-ASCII rune.
func runeClass(r rune) uint8 {
	if r >= 0x2010 && r <= 0x2027 { // dashes, quotes, ellipsis
		return clPunct
	}
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
		0x200b, 0x200c, 0x200d, 0x2060, 0xfeff:
		return clSpace
	}
	switch {
	case r >= 0x2000 && r <= 0x200a:
		return clSpace
	case r < 0xa0:
		return clCtrl // C1 controls
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return clWord
	case unicode.Is(unicode.Cc, r):
		return clCtrl
	}
	return clPunct
}

// tokenizer holds the state of one tokenization. It is not shared.
type tokenizer struct {
	s    string
	toks []doc.Token
	errs *doc.ErrorList
	nerr int
	// seg, when set, segments each paragraph as soon as its last token is
	// out, while its tokens are still in the cache.
	seg *segmenter
	brk bool // a line break since the last token
}

// Tokenize splits s into tokens with byte offsets into s, following the
// conventions of UD English-EWT (see docs/text.md). Every token has Sent -1
// and Head -1. Problems in the input (invalid UTF-8, control characters)
// are skipped over; use Segmenter.Process to have them recorded.
func Tokenize(s string) []doc.Token {
	t := tokenizer{s: s}
	t.run()
	return t.toks
}

// tokenize runs the tokenizer over s, recording problems in errs and
// handing each paragraph to seg.
func tokenize(s string, errs *doc.ErrorList, seg *segmenter) []doc.Token {
	t := tokenizer{s: s, errs: errs, seg: seg}
	t.run()
	if seg != nil {
		seg.flush(t.toks, len(t.toks))
	}
	return t.toks
}

func (t *tokenizer) errorf(off int, format string, args ...any) {
	if t.errs == nil {
		return
	}
	t.nerr++
	switch {
	case t.nerr <= maxErrors:
		t.errs.Add(off, opTokenize, fmt.Sprintf(format, args...))
	case t.nerr == maxErrors+1:
		t.errs.Add(off, opTokenize, fmt.Sprintf("more than %d problems; further ones not recorded", maxErrors))
	}
}

// emit appends the token [start, end) with its normalised form.
func (t *tokenizer) emit(start, end int) { t.add(start, end, normalize(t.s[start:end])) }

// add appends a token. It sets the fields one by one in the zeroed spare
// capacity: copying whole Token values costs a bulk write barrier while
// the garbage collector runs.
func (t *tokenizer) add(start, end int, norm string) {
	n := len(t.toks)
	if t.brk {
		if n > 0 && t.seg != nil {
			t.seg.flush(t.toks, n)
		}
		t.brk = false
	}
	if n == cap(t.toks) {
		t.toks = append(t.toks, doc.Token{})
	} else {
		t.toks = t.toks[:n+1]
	}
	tk := &t.toks[n]
	tk.Start, tk.End, tk.Norm, tk.Sent, tk.Head = start, end, norm, -1, -1
}

func (t *tokenizer) run() {
	s := t.s
	n := len(s)
	if n == 0 {
		return
	}
	// Pre-size: about one token per space plus one per three spaces for
	// punctuation and clitics; a text with few spaces falls back on its
	// length.
	nl := strings.Count(s, "\n")
	sp := strings.Count(s, " ") + nl
	est := sp + sp/3 + 16
	if sp < n/16 {
		est = n/4 + 16
	}
	t.toks = make([]doc.Token, 0, est)
	for i := 0; i < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clSpace:
				if k := len(t.toks) - 1; k >= 0 && t.toks[k].End == i {
					t.toks[k].SpaceAfter = true
				}
				if c != ' ' && c != '\t' {
					t.brk = true // LF, CR, VT, FF
				}
				i++
			case clWord:
				i = t.word(i)
			case clCtrl:
				if k := len(t.toks) - 1; k >= 0 && t.toks[k].End == i {
					t.toks[k].SpaceAfter = true
				}
				t.errorf(i, "control character %U treated as white space", rune(c))
				i++
			default:
				i = t.punct(i, rune(c), 1)
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			t.errorf(i, "invalid UTF-8 byte 0x%02x", c)
			t.add(i, i+1, "\uFFFD")
			i++
			continue
		}
		cl := runeClass(r)
		if cl == clSpace || cl == clCtrl {
			if k := len(t.toks) - 1; k >= 0 && t.toks[k].End == i {
				t.toks[k].SpaceAfter = true
			}
		}
		switch cl {
		case clSpace:
			if r == 0x85 || r == 0x2028 || r == 0x2029 {
				t.brk = true
			}
			i += w
		case clWord:
			i = t.word(i)
		case clCtrl:
			t.errorf(i, "control character %U treated as white space", r)
			i += w
		default:
			i = t.punct(i, r, w)
		}
	}
}

// spaceAt reports whether white space (or a skipped control character)
// starts at byte i of s.
func spaceAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		cl := asciiClass[c]
		return cl == clSpace || cl == clCtrl
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && w == 1 {
		return false
	}
	cl := runeClass(r)
	return cl == clSpace || cl == clCtrl
}

// at returns the rune at byte i of s and its width; 0, 0 past the end.
// An invalid byte decodes as utf8.RuneError of width 1.
func at(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isWord reports whether r is a word character.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == clWord
	}
	if r == utf8.RuneError {
		return false
	}
	return runeClass(r) == clWord
}

func isDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isLetter(r rune) bool { return isWord(r) && !isDigit(r) && r != '_' }
func isUpperASCII(c byte) bool {
	return c >= 'A' && c <= 'Z'
}

// isHyphen reports whether r joins the parts of a hyphenated word.
func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

// lastRune returns the rune that ends s[:i].
func lastRune(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// punct emits the punctuation or symbol token that starts at i with rune r
// of width w and returns the offset after it.
func (t *tokenizer) punct(i int, r rune, w int) int {
	s := t.s
	j := i + w
	switch r {
	case '.', '!', '?':
		// "...", "?!", "!!!": one token.
		for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
			j++
		}
		// ".5" is a number.
		if r == '.' && j == i+1 && j < len(s) && isDigit(rune(s[j])) && (i == 0 || !isWord(lastRune(s, i))) {
			for j < len(s) && isDigit(rune(s[j])) {
				j++
			}
		}
	case ':', ';':
		if (i == 0 || spaceAt(s, i-1)) && j < len(s) {
			if n := emoticon(s[i:]); n > 0 {
				j = i + n
			}
		}
	case '#':
		// A hashtag: "#MeToo".
		if (i == 0 || spaceAt(s, i-1)) && j < len(s) && isLetter(rune(s[j])) {
			for j < len(s) && s[j] < utf8.RuneSelf && asciiClass[s[j]] == clWord {
				j++
			}
			break
		}
		fallthrough
	case '-', '*', '=', '~', '<', '>', '_', '+', '`', '$':
		for j < len(s) && rune(s[j]) == r {
			j++
		}
	case 0x2014, 0x2013, 0x2015: // em dash, en dash, horizontal bar: runs are one token
		for {
			r2, w2 := at(s, j)
			if r2 != r {
				break
			}
			j += w2
		}
	}
	t.emit(i, j)
	return j
}

// hasPrefixFold reports whether s starts with the ASCII prefix p, ignoring
// case.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// urlEnd returns the end of the URL that starts at i, or -1.
func (t *tokenizer) urlEnd(i int) int {
	s := t.s[i:]
	if len(s) < 5 {
		return -1
	}
	switch c0, c1, c2 := s[0]|0x20, s[1]|0x20, s[2]|0x20; {
	case c0 == 'h' && c1 == 't' && c2 == 't', c0 == 'w' && c1 == 'w' && c2 == 'w', c0 == 'f' && c1 == 't' && c2 == 'p':
	default:
		return -1
	}
	if !hasPrefixFold(s, "http://") && !hasPrefixFold(s, "https://") && !hasPrefixFold(s, "www.") && !hasPrefixFold(s, "ftp://") {
		return -1
	}
	j := 0
	depth := 0
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c] != clWord && asciiClass[c] != clPunct {
				break
			}
			if c == '"' || c == '<' || c == '>' {
				break
			}
			if c == '(' || c == '[' {
				depth++
			} else if c == ')' || c == ']' {
				if depth == 0 {
					break
				}
				depth--
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError || runeClass(r) != clWord {
			break
		}
		j += w
	}
	// Trailing punctuation belongs to the sentence.
	for j > 0 && strings.IndexByte(".,;:!?'", s[j-1]) >= 0 {
		j--
	}
	if j <= 4 {
		return -1
	}
	return i + j
}

// word scans the word that starts at i, emits its tokens and returns the
// offset after it.
func (t *tokenizer) word(i int) int {
	s := t.s
	if c := s[i] | 0x20; c == 'h' || c == 'w' || c == 'f' {
		if e := t.urlEnd(i); e > 0 {
			t.emit(i, e)
			return e
		}
	}
	j := i
	email := false
	plain := true // only ASCII word characters so far
	// Extent: word characters, and joiners between them.
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf && asciiClass[c] == clWord {
			j++
			continue
		}
		r, w := at(s, j)
		if isWord(r) {
			plain = false
			j += w
			continue
		}
		if j == i {
			break
		}
		next, nw := at(s, j+w)
		if nw == 0 || !isWord(next) {
			break
		}
		prev := lastRune(s, j)
		ok := false
		switch {
		case r == '.':
			ok = true
		case r == ',' || r == ':':
			ok = isDigit(prev) && isDigit(next)
		case r == '/':
			ok = isDigit(prev) && isDigit(next)
		case isHyphen(r):
			ok = true
		case r == '\'' || r == 0x2019:
			ok = isLetter(next)
		case r == '&':
			ok = prev < utf8.RuneSelf && next < utf8.RuneSelf && isUpperASCII(byte(prev)) && isUpperASCII(byte(next))
		case r == '@':
			ok = !email
			email = true
		}
		if !ok {
			break
		}
		plain = false
		j += w + nw
	}
	if plain {
		t.plainWord(i, j)
	} else if email {
		// An address: one token.
		t.emit(i, j)
		return j
	} else {
		t.splitWord(i, j)
	}
	// A period that ends an abbreviation belongs to it.
	if j < len(s) && s[j] == '.' && len(t.toks) > 0 && (j+1 == len(s) || s[j+1] != '.') {
		last := &t.toks[len(t.toks)-1]
		if last.End == j && isAbbrev(s[last.Start:j], s, j+1) {
			last.End = j + 1
			last.Norm = normalize(s[last.Start : j+1])
			return j + 1
		}
	}
	return j
}

// splitWord emits the tokens of the word [i, j): clitics and hyphens are
// split off as in UD English-EWT.
func (t *tokenizer) splitWord(i, j int) {
	s := t.s
	w := s[i:j]
	// Clitics at the end: n't, 's, 're, 've, 'll, 'd, 'm; a decade such as
	// "70's" stays whole.
	if c := cliticStart(w); c > 0 && !isDigit(rune(w[c-1])) {
		t.splitHyphens(i, i+c)
		t.emit(i+c, j)
		return
	}
	t.splitHyphens(i, j)
}

// plainWord emits the word [i, j) made only of ASCII letters, digits and
// underscores.
func (t *tokenizer) plainWord(i, j int) {
	w := t.s[i:j]
	if w[0] <= '9' {
		if b := unitSplit(w); b > 0 {
			t.emit(i, i+b)
			t.emit(i+b, j)
			return
		}
	} else if (len(w) == 6 || len(w) == 5) && strings.IndexByte("cCgGwW", w[0]) >= 0 {
		if b, ok := splitFused(w); ok {
			t.emit(i, i+b)
			t.emit(i+b, j)
			return
		}
	}
	t.add(i, j, w)
}

// lowerASCII writes w in lower case (ASCII letters only) into buf and
// returns the bytes written; w longer than buf gives nil. Callers switch on
// string(result), which does not allocate.
func lowerASCII(w string, buf []byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return buf[:len(w)]
}

// unitSplit returns where a number followed by a unit splits ("185m",
// "375mm", "24hrs" split as in EWT; "20th", "1990s" do not), or 0.
func unitSplit(w string) int {
	if w[0] < '0' || w[0] > '9' {
		return 0
	}
	k := 1
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == len(w) {
		return 0
	}
	for p := k; p < len(w); p++ {
		c := w[p] | 0x20
		if c < 'a' || c > 'z' {
			return 0
		}
	}
	var buf [8]byte
	switch string(lowerASCII(w[k:], buf[:])) {
	case "st", "nd", "rd", "th", "s", "d":
		return 0
	}
	return k
}

// splitFused splits "cannot", "gonna", "wanna", "gotta" as EWT does.
func splitFused(w string) (int, bool) {
	switch {
	case strings.EqualFold(w, "cannot"):
		return 3, true
	case strings.EqualFold(w, "gonna"), strings.EqualFold(w, "wanna"):
		return 3, true
	case strings.EqualFold(w, "gotta"):
		return 3, true
	}
	return 0, false
}

// cliticStart returns the offset in w where a final clitic starts, or 0.
func cliticStart(w string) int {
	n := len(w)
	// Find the last apostrophe.
	k := -1
	aw := 0
	for p := n - 1; p > 0 && p >= n-6; p-- {
		if w[p] == '\'' {
			k, aw = p, 1
			break
		}
		if w[p] == 0x99 && p >= 2 && w[p-2] == 0xe2 && w[p-1] == 0x80 { // U+2019
			k, aw = p-2, 3
			break
		}
	}
	if k <= 0 {
		return 0
	}
	rest := w[k+aw:]
	var buf [8]byte
	switch string(lowerASCII(rest, buf[:])) {
	case "t":
		if k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
			return k - 1
		}
	case "s", "re", "ve", "ll", "d", "m":
		return k
	}
	return 0
}

// hyphenPrefixes are the prefixes that EWT keeps joined to the rest of a
// hyphenated word ("re-election", "e-mail"); other hyphens are split off.
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "mid": true, "re": true,
	"post": true, "co": true, "over": true, "multi": true, "pro": true, "ex": true,
	"sub": true, "semi": true, "cross": true, "neo": true, "psycho": true,
	"counter": true, "intra": true, "micro": true, "un": true, "inter": true,
	"bi": true, "tri": true, "ultra": true, "mega": true, "mini": true, "trans": true,
	"de": true, "vice": true, "mis": true,
}

// isHyphenPrefix reports whether seg is one of hyphenPrefixes, ignoring
// case.
func isHyphenPrefix(seg string) bool {
	if len(seg) > 7 {
		return false
	}
	var buf [7]byte
	for k := 0; k < len(seg); k++ {
		c := seg[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return hyphenPrefixes[string(buf[:len(seg)])]
}

// splitHyphens emits [i, j), splitting it at hyphens between letters unless
// the part before the hyphen is a prefix such as "re" or "non". Hyphens
// between digits ("2022-02-24") stay.
func (t *tokenizer) splitHyphens(i, j int) {
	s := t.s
	start := i // start of the current token
	seg := i   // start of the current hyphen-separated part
	for k := i; k < j; {
		r, w := at(s, k)
		if !isHyphen(r) || k == i || k+w >= j {
			k += w
			continue
		}
		prev := lastRune(s, k)
		next, _ := at(s, k+w)
		if (isDigit(prev) && isDigit(next)) || isHyphenPrefix(s[seg:k]) {
			k += w
			seg = k
			continue
		}
		t.emit(start, k)
		t.emit(k, k+w)
		k += w
		start, seg = k, k
	}
	if start < j {
		t.emit(start, j)
	}
}

// titles are abbreviations that stand before a name: a sentence never ends
// after them.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Lt": true,
	"Col": true, "Sgt": true, "Capt": true, "Gov": true, "Sen": true, "Rep": true,
	"Prof": true, "Rev": true, "Maj": true, "Adm": true, "Cmdr": true, "Hon": true,
	"Pres": true, "Amb": true, "Messrs": true, "Mt": true, "Ft": true, "Sr": true,
	"Jr": true, "Cpl": true, "Pvt": true, "Brig": true, "Supt": true, "Insp": true,
	"Fr": true, "Msgr": true, "Mme": true, "Mlle": true, "Atty": true,
}

// abbrevs are other abbreviations written with a period.
var abbrevs = map[string]bool{
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true,
	"Thurs": true, "Fri": true, "Sat": true, "Sun": true,
	"etc": true, "vs": true, "Inc": true, "Corp": true, "Ltd": true, "Co": true,
	"Bros": true, "Dept": true, "Univ": true, "Assn": true, "Ave": true, "Blvd": true,
	"St": true, "Rd": true, "approx": true, "est": true, "cf": true, "al": true,
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true,
	"Del": true, "Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true,
	"Ky": true, "La": true, "Md": true, "Mass": true, "Mich": true, "Minn": true,
	"Miss": true, "Mo": true, "Mont": true, "Neb": true, "Nev": true, "Okla": true,
	"Ore": true, "Pa": true, "Tenn": true, "Tex": true, "Va": true, "Vt": true,
	"Wash": true, "Wis": true, "Wyo": true, "Mts": true, "ca": true, "ext": true,
}

// isAbbrev reports whether w followed by a period is an abbreviation whose
// period belongs to it; after is the offset after the period.
func isAbbrev(w, s string, after int) bool {
	if titles[w] {
		return true
	}
	// At the end of a line the period ends the sentence, as in EWT
	// ("in the U.S" "."), except after a title.
	if lineEndAt(s, after) {
		return false
	}
	if abbrevs[w] {
		return true
	}
	if w == "No" || w == "no" || w == "Nos" || w == "Art" || w == "Vol" || w == "Fig" || w == "p" || w == "pp" {
		// "No. 1": only before a number.
		k := after
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k > after && k < len(s) && isDigit(rune(s[k]))
	}
	// Initials and dotted abbreviations: "J", "U.S", "e.g", "a.m".
	if len(w) == 1 {
		return isUpperASCII(w[0])
	}
	dots := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c == '.' {
			if k == 0 || w[k-1] == '.' {
				return false
			}
			dots++
			continue
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
		if k+1 < len(w) && w[k+1] != '.' {
			return false
		}
	}
	return dots > 0
}

// lineEndAt reports whether only spaces and tabs stand between offset i
// and the end of its line or of s.
func lineEndAt(s string, i int) bool {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

// emoticon returns the length of the emoticon at the start of s, or 0:
// ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":P", when it stands alone.
func emoticon(s string) int {
	n := 0
	switch {
	case len(s) >= 3 && (s[0] == ':' || s[0] == ';') && s[1] == '-' && strings.IndexByte(")(DP", s[2]) >= 0:
		n = 3
	case len(s) >= 2 && (s[0] == ':' || s[0] == ';') && strings.IndexByte(")(DP", s[1]) >= 0:
		n = 2
	default:
		return 0
	}
	if n < len(s) && !spaceAt(s, n) && strings.IndexByte(".,!?", s[n]) < 0 {
		return 0
	}
	return n
}

// normalize returns the form later stages see: curly quotes and
// apostrophes straightened, the ellipsis character spelled "...". It
// returns tok itself when nothing changes.
func normalize(tok string) string {
	// Fast path: ASCII.
	k := 0
	for k < len(tok) && tok[k] < utf8.RuneSelf {
		k++
	}
	if k == len(tok) {
		return tok
	}
	switch tok {
	case "\u2019", "\u2018", "\u201a", "\u201b", "\u2032":
		return "'"
	case "\u201c", "\u201d", "\u201e", "\u201f", "\u2033":
		return `"`
	case "\u2026":
		return "..."
	case "\u2019s":
		return "'s"
	case "n\u2019t":
		return "n't"
	case "\u2019re":
		return "'re"
	case "\u2019ve":
		return "'ve"
	case "\u2019ll":
		return "'ll"
	case "\u2019d":
		return "'d"
	case "\u2019m":
		return "'m"
	case "\u2019S":
		return "'S"
	case "N\u2019T":
		return "N'T"
	}
	if !strings.ContainsAny(tok[k:], "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2026") {
		return tok
	}
	var b strings.Builder
	b.Grow(len(tok))
	b.WriteString(tok[:k])
	for _, r := range tok[k:] {
		switch r {
		case 0x2018, 0x2019, 0x201a, 0x201b:
			b.WriteByte('\'')
		case 0x201c, 0x201d, 0x201e, 0x201f:
			b.WriteByte('"')
		case 0x2026:
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
