package tabari

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CodeBy tells when the coder stops looking for events (SET: CODE BY).
type CodeBy uint8

// The CODE BY settings.
const (
	ByClause   CodeBy = iota // the first event of each clause (default)
	BySentence               // the first event of the sentence
	ByAll                    // every event
)

var codeByNames = [...]string{"clause", "sentence", "all"}

// String names the setting.
func (c CodeBy) String() string {
	if int(c) < len(codeByNames) {
		return codeByNames[c]
	}
	return fmt.Sprintf("CodeBy(%d)", c)
}

// ComplexRules is the COMPLEX: command: when a sentence is too complex to
// code. Zero counts are inactive.
type ComplexRules struct {
	Verbs, Actors, Pronouns, Conj, Comma, LateVerb              int
	NoActPrior, NoActAfter, NoVerb, NoSource, NoTarget, NoEvent bool
	Explain, NoSave                                             bool
}

// CommaRules is the COMMA: command: the lengths of the comma-delimited
// clauses that are eliminated. A clause of n words goes when Min < n <= Max
// (BMin/BMax at the start of the sentence, EMin/EMax at its end).
type CommaRules struct {
	Off                              bool
	Min, Max, BMin, BMax, EMin, EMax int
}

// Defaults is the DEFAULT: command.
type Defaults struct {
	Source, Target string
	Prior, After   bool
}

// Options is a parsed .options file.
type Options struct {
	Complex       ComplexRules
	Comma         CommaRules
	Default       Defaults
	CodeBy        CodeBy
	ConvertAgents bool
	MinimumWords  int // 0: off
	YYYY          bool
	TimeShift     int // -1 false, 1 true, 0 set by the .verbs file
	Label         bool
	Labels        map[string]string
	Output        []string
	Nonevents     string
	// Forward is the FORWARD: sequence format (e.g. "^^*****NNN*SSS")
	// locating the story and sentence numbers in record IDs; ForwardOff
	// keeps the format but disables pronoun forwarding.
	Forward    string
	ForwardOff bool
	// Set holds every SET: parameter as read, upper-cased.
	Set map[string]string
}

// DefaultOptions returns the settings TABARI uses without an .options file.
func DefaultOptions() *Options {
	return &Options{
		Comma:        CommaRules{Min: 2, Max: 10, BMin: 128, BMax: 0, EMin: 2, EMax: 10},
		MinimumWords: 8,
		Label:        true,
		Labels:       map[string]string{},
		Set:          map[string]string{},
	}
}

// Clone returns a deep copy, so that validation records can change options
// without touching the original.
func (o *Options) Clone() *Options {
	c := *o
	c.Labels = make(map[string]string, len(o.Labels))
	for k, v := range o.Labels {
		c.Labels[k] = v
	}
	c.Set = make(map[string]string, len(o.Set))
	for k, v := range o.Set {
		c.Set[k] = v
	}
	c.Output = append([]string(nil), o.Output...)
	return &c
}

// ReadOptionsFile reads an .options file.
func ReadOptionsFile(path string) (*Options, Problems, error) {
	return readFile(path, ReadOptions)
}

// ReadOptions reads an .options file from r, starting from
// DefaultOptions; name is used in errors.
func ReadOptions(r io.Reader, name string) (*Options, Problems, error) {
	o := DefaultOptions()
	var probs Problems
	lr := newLineReader(r)
	for {
		raw, n, ok := lr.next()
		if !ok {
			break
		}
		if strings.HasPrefix(strings.TrimSpace(raw), "~~") {
			break
		}
		if err := o.Apply(raw); err != nil {
			probs = append(probs, &SyntaxError{Op: "read options", File: name, Line: n, Msg: err.Error()})
		}
	}
	if err := lr.err(); err != nil {
		return o, probs, fmt.Errorf("read options: %s:%d: %w", name, lr.n, err)
	}
	return o, probs, nil
}

// Apply applies one .options command line (also used by the OPTION:
// records of the validation suite). Comments (# or //) and blank lines are
// ignored.
func (o *Options) Apply(line string) error {
	if i := strings.Index(line, "//"); i >= 0 {
		line = line[:i]
	}
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	cmd, arg, ok := strings.Cut(line, ":")
	if !ok {
		return fmt.Errorf("no command in %q", line)
	}
	cmd = strings.ToUpper(strings.TrimSpace(cmd))
	arg = strings.TrimSpace(arg)
	if len(cmd) > 4 {
		cmd = cmd[:4]
	}
	up := strings.ToUpper(arg)
	switch cmd {
	case "COMP":
		return o.applyComplex(up)
	case "COMM":
		return o.applyComma(up)
	case "DEFA":
		return o.applyDefault(up)
	case "SET":
		return o.applySet(arg)
	case "LABE":
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			return fmt.Errorf("LABEL needs code=text: %q", arg)
		}
		o.Labels[strings.ToUpper(strings.TrimSpace(k))] = strings.TrimSpace(v)
	case "OUTP":
		o.Output = append(o.Output, up)
	case "NONE":
		o.Nonevents = up
	case "FORW":
		f := strings.Fields(up)
		if len(f) == 0 {
			return fmt.Errorf("FORWARD needs a sequence format")
		}
		o.Forward = f[0]
		o.ForwardOff = false
		for _, w := range f[1:] {
			if w == "OFF" {
				o.ForwardOff = true
			}
		}
	case "ISSU", "FREQ", "ATTR":
		// accepted, not used in coding
	default:
		return fmt.Errorf("unknown command %q", cmd)
	}
	return nil
}

// bracketNum reads NAME[n] from s.
func bracketNum(s, name string) (int, bool, error) {
	i := strings.Index(s, name+"[")
	if i < 0 {
		return 0, false, nil
	}
	rest := s[i+len(name)+1:]
	j := strings.IndexByte(rest, ']')
	if j < 0 {
		return 0, true, fmt.Errorf("missing ] after %s", name)
	}
	n, err := strconv.Atoi(strings.TrimSpace(rest[:j]))
	if err != nil {
		return 0, true, fmt.Errorf("bad count in %s[%s]", name, rest[:j])
	}
	return n, true, nil
}

func (o *Options) applyComplex(s string) error {
	c := ComplexRules{}
	if strings.TrimSpace(s) == "OFF" {
		o.Complex = c
		return nil
	}
	for _, f := range []struct {
		name string
		p    *int
	}{{"VERBS", &c.Verbs}, {"ACTORS", &c.Actors}, {"PRONOUNS", &c.Pronouns}, {"CONJ", &c.Conj}, {"COMMA", &c.Comma}, {"LATEVERB", &c.LateVerb}} {
		n, _, err := bracketNum(s, f.name)
		if err != nil {
			return err
		}
		*f.p = n
	}
	for _, w := range strings.Fields(s) {
		switch w {
		case "NOACTPRIOR":
			c.NoActPrior = true
		case "NOACTAFTER":
			c.NoActAfter = true
		case "NOVERB":
			c.NoVerb = true
		case "NOSOURCE":
			c.NoSource = true
		case "NOTARGET":
			c.NoTarget = true
		case "NOEVENT":
			c.NoEvent = true
		case "EXPLAIN":
			c.Explain = true
		case "NOSAVE":
			c.NoSave = true
		}
	}
	o.Complex = c
	return nil
}

func (o *Options) applyComma(s string) error {
	if strings.TrimSpace(s) == "OFF" {
		o.Comma.Off = true
		return nil
	}
	o.Comma.Off = false
	s = strings.ReplaceAll(s, " = ", "=")
	s = strings.ReplaceAll(s, "= ", "=")
	s = strings.ReplaceAll(s, " =", "=")
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return fmt.Errorf("COMMA: bad setting %q", f)
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("COMMA: bad number in %q", f)
		}
		switch k {
		case "MIN":
			o.Comma.Min = n
		case "MAX":
			o.Comma.Max = n
		case "BMIN":
			o.Comma.BMin = n
		case "BMAX":
			o.Comma.BMax = n
		case "EMIN":
			o.Comma.EMin = n
		case "EMAX":
			o.Comma.EMax = n
		default:
			return fmt.Errorf("COMMA: unknown setting %q", k)
		}
	}
	return nil
}

func (o *Options) applyDefault(s string) error {
	if strings.TrimSpace(s) == "OFF" {
		o.Default = Defaults{}
		return nil
	}
	code := func(key string) (string, error) {
		i := strings.Index(s, key)
		if i < 0 {
			return "", nil
		}
		rest := s[i+len(key):]
		a := strings.IndexByte(rest, '[')
		b := strings.IndexByte(rest, ']')
		if a < 0 || b < a {
			return "", fmt.Errorf("DEFAULT: %s needs [code]", key)
		}
		return strings.TrimSpace(rest[a+1 : b]), nil
	}
	var err error
	d := o.Default
	if d.Source, err = code("SOURCE"); err != nil {
		return err
	}
	if d.Target, err = code("TARGET"); err != nil {
		return err
	}
	// PRIOR / AFTER outside the brackets
	plain := s
	for strings.Contains(plain, "[") {
		a := strings.IndexByte(plain, '[')
		b := strings.IndexByte(plain[a:], ']')
		if b < 0 {
			break
		}
		plain = plain[:a] + " " + plain[a+b+1:]
	}
	d.Prior = strings.Contains(plain, "PRIOR")
	d.After = strings.Contains(plain, "AFTER")
	o.Default = d
	return nil
}

func truth(v string) (bool, error) {
	switch strings.ToUpper(strings.TrimSpace(v)) {
	case "TRUE", "T":
		return true, nil
	case "FALSE", "F", "OFF":
		return false, nil
	}
	return false, fmt.Errorf("want TRUE or FALSE, got %q", v)
}

func (o *Options) applySet(arg string) error {
	up := strings.ToUpper(strings.TrimSpace(arg))
	if strings.HasPrefix(up, "CODE BY") || strings.HasPrefix(up, "CODE ALL") {
		switch {
		case strings.Contains(up, "SENTENCE"):
			o.CodeBy = BySentence
		case strings.Contains(up, "ALL"):
			o.CodeBy = ByAll
		default:
			o.CodeBy = ByClause
		}
		o.Set["CODE BY"] = o.CodeBy.String()
		return nil
	}
	k, v, ok := strings.Cut(up, "=")
	if !ok {
		return fmt.Errorf("SET: needs parameter = value: %q", arg)
	}
	k = strings.Join(strings.Fields(k), " ")
	v = strings.TrimSpace(v)
	o.Set[k] = v
	var err error
	switch {
	case strings.HasPrefix(k, "CONVERT AGENT"):
		o.ConvertAgents, err = truth(v)
	case strings.HasPrefix(k, "MINIMUM WORDS"):
		if n, e := strconv.Atoi(v); e == nil {
			o.MinimumWords = n
		} else if b, e2 := truth(v); e2 == nil && !b {
			o.MinimumWords = 0
		} else {
			err = fmt.Errorf("MINIMUM WORDS: bad value %q", v)
		}
	case k == "YYYY":
		o.YYYY, err = truth(v)
	case strings.HasPrefix(k, "TIME SHIFT"):
		var b bool
		if b, err = truth(v); err == nil {
			o.TimeShift = -1
			if b {
				o.TimeShift = 1
			}
		}
	case k == "LABEL":
		o.Label, err = truth(v)
	}
	return err
}

// StorySentence extracts the story and sentence numbers from a record ID
// with the FORWARD format: "^" stands for a blank between the date and the
// ID, "*" for any character, "N" for a digit of the story number and "S"
// for a digit of the sentence number. ok is false when there is no format
// or the ID is too short.
func (o *Options) StorySentence(id string) (story string, sent int, ok bool) {
	f := strings.TrimLeft(o.Forward, "^")
	if f == "" || len(id) < len(f) {
		return "", 0, false
	}
	var sb strings.Builder
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case 'N':
			sb.WriteByte(id[i])
		case 'S':
			d := id[i]
			if d < '0' || d > '9' {
				return "", 0, false
			}
			sent = sent*10 + int(d-'0')
		}
	}
	return sb.String(), sent, true
}
