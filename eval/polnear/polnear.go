// Package polnear reads the PolNeAR attribution corpus (brat standoff:
// Source, Cue and Content spans over each article's text) and scores
// predicted attributions against it, exactly and by token overlap.
package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Role is the part of an attribution a span plays.
type Role uint8

// The three roles of PolNeAR.
const (
	Source Role = iota
	Cue
	Content
	numRoles
)

var roleNames = [...]string{Source: "source", Cue: "cue", Content: "content"}

// String returns the role's name.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// Span is a byte span [Start, End) with its role. Brat's character
// offsets are converted to byte offsets on reading; a discontinuous brat
// span becomes several Spans.
type Span struct {
	Role       Role
	Start, End int
}

// Annotation is one annotator's attributions for one article.
type Annotation struct {
	File  string
	Spans []Span
}

// Article is one article with every annotation of it.
type Article struct {
	Name        string
	Text        string
	Annotations []Annotation
}

// Error is a malformed line in a brat file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("polnear: %s:%d: %s", e.File, e.Line, e.Msg) }

var annSuffix = regexp.MustCompile(`_[0-9a-f]{4}\.ann$`)

// ReadDir reads DIR/text/*.txt and DIR/attributions/*.ann. An article may
// have several annotation files (NAME_xxxx.ann, one per annotator).
// Malformed lines are skipped and returned as errors; reading goes on.
func ReadDir(dir string) ([]Article, []error, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, nil, fmt.Errorf("polnear: list texts: %w", err)
	}
	if len(texts) == 0 {
		return nil, nil, fmt.Errorf("polnear: no text/*.txt under %s", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, nil, fmt.Errorf("polnear: list annotations: %w", err)
	}
	byName := map[string][]string{}
	for _, a := range anns {
		base := annSuffix.ReplaceAllString(filepath.Base(a), "")
		base = strings.TrimSuffix(base, ".ann")
		byName[base] = append(byName[base], a)
	}
	sort.Strings(texts)
	var arts []Article
	var problems []error
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		b, err := os.ReadFile(t)
		if err != nil {
			problems = append(problems, fmt.Errorf("polnear: read %s: %w", t, err))
			continue
		}
		art := Article{Name: name, Text: string(b)}
		files := byName[name]
		sort.Strings(files)
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				problems = append(problems, fmt.Errorf("polnear: open %s: %w", f, err))
				continue
			}
			spans, errs := ReadAnn(fh, f, art.Text)
			fh.Close()
			problems = append(problems, errs...)
			art.Annotations = append(art.Annotations, Annotation{File: f, Spans: spans})
		}
		if len(art.Annotations) > 0 {
			arts = append(arts, art)
		}
	}
	return arts, problems, nil
}

// ReadAnn reads the Source, Cue and Content spans of one brat file over
// text. Other annotation types are ignored.
func ReadAnn(r io.Reader, name, text string) ([]Span, []error) {
	// Brat counts characters (code points); map them to bytes.
	idx := make([]int, 0, len(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	idx = append(idx, len(text))
	nChars := utf8.RuneCountInString(text)
	var spans []Span
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if !strings.HasPrefix(l, "T") {
			continue
		}
		f := strings.SplitN(l, "\t", 3)
		if len(f) < 2 {
			errs = append(errs, &Error{name, line, "text-bound annotation without type and offsets"})
			continue
		}
		typ, offs, _ := strings.Cut(f[1], " ")
		var role Role
		switch typ {
		case "Source":
			role = Source
		case "Cue":
			role = Cue
		case "Content":
			role = Content
		default:
			continue
		}
		for _, frag := range strings.Split(offs, ";") {
			a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e > nChars {
				errs = append(errs, &Error{name, line, fmt.Sprintf("bad offsets %q", frag)})
				continue
			}
			spans = append(spans, Span{Role: role, Start: idx[s], End: idx[e]})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("polnear: read %s: %w", name, err))
	}
	return spans, errs
}

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// RoleScores holds one PRF per role.
type RoleScores struct {
	Source  PRF `json:"source"`
	Cue     PRF `json:"cue"`
	Content PRF `json:"content"`
}

// Result is the score over a corpus.
type Result struct {
	Task     string     `json:"task"`
	Articles int        `json:"articles"`
	Exact    RoleScores `json:"exact"`
	Overlap  RoleScores `json:"overlap"`
}

// counts accumulates true positives and the sizes of the two sides.
type counts struct{ tp, pred, gold float64 }

func (c counts) prf() PRF {
	var p PRF
	if c.pred > 0 {
		p.Precision = c.tp / c.pred
	}
	if c.gold > 0 {
		p.Recall = c.tp / c.gold
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Scorer accumulates scores article by article.
type Scorer struct {
	articles int
	exact    [numRoles]counts
	overlap  [numRoles]counts
}

// Add scores the predicted spans of one article against each of its
// annotations and adds the mean over annotations. tokens are the byte
// spans of the article's tokens, for the overlap measure: a token counts
// for a role when it lies inside a span of that role.
func (s *Scorer) Add(art Article, pred []Span, tokens [][2]int) {
	if len(art.Annotations) == 0 {
		return
	}
	s.articles++
	w := 1 / float64(len(art.Annotations))
	for _, ann := range art.Annotations {
		for r := Role(0); r < numRoles; r++ {
			e := exactCounts(r, pred, ann.Spans)
			o := overlapCounts(r, pred, ann.Spans, tokens)
			s.exact[r].tp += w * e.tp
			s.exact[r].pred += w * e.pred
			s.exact[r].gold += w * e.gold
			s.overlap[r].tp += w * o.tp
			s.overlap[r].pred += w * o.pred
			s.overlap[r].gold += w * o.gold
		}
	}
}

// Result returns the scores so far.
func (s *Scorer) Result() Result {
	rs := func(c [numRoles]counts) RoleScores {
		return RoleScores{Source: c[Source].prf(), Cue: c[Cue].prf(), Content: c[Content].prf()}
	}
	return Result{Task: "polnear", Articles: s.articles, Exact: rs(s.exact), Overlap: rs(s.overlap)}
}

func exactCounts(r Role, pred, gold []Span) counts {
	g := map[[2]int]bool{}
	for _, x := range gold {
		if x.Role == r {
			g[[2]int{x.Start, x.End}] = true
		}
	}
	p := map[[2]int]bool{}
	for _, x := range pred {
		if x.Role == r {
			p[[2]int{x.Start, x.End}] = true
		}
	}
	var c counts
	c.pred, c.gold = float64(len(p)), float64(len(g))
	for k := range p {
		if g[k] {
			c.tp++
		}
	}
	return c
}

func overlapCounts(r Role, pred, gold []Span, tokens [][2]int) counts {
	var c counts
	for _, t := range tokens {
		ip, ig := inAny(r, pred, t), inAny(r, gold, t)
		if ip {
			c.pred++
		}
		if ig {
			c.gold++
		}
		if ip && ig {
			c.tp++
		}
	}
	return c
}

func inAny(r Role, spans []Span, t [2]int) bool {
	for _, s := range spans {
		if s.Role == r && t[0] >= s.Start && t[1] <= s.End {
			return true
		}
	}
	return false
}
