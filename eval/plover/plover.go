// Package plover reads the PLOVER gold-standard records (PLOVER_GSR JSON)
// and scores coded events against them: the event type of each record's
// top event, and its source and target actors.
//
// The gold uses PLOVER's older type names; Canonical maps them onto the
// current ones (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE,
// FIGHT → ASSAULT) on both sides before comparing.
package plover

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/eval/evalutil"
)

// Actor is one gold actor: the text it was coded from, its code (a
// country or international code such as "USA" or "IGO") and its sector
// ("GOV", "REB", ...; "" when the gold has none).
type Actor struct {
	Text   string
	Code   string
	Sector string
}

// Record is one gold record with an event to score.
type Record struct {
	// Index is the record's position in the file's top-level array (or
	// its line number for JSON Lines), counted from 0, so that messages
	// can point at it.
	Index int
	ID    string
	// Date is the record's date (YYYY-MM-DD) or "".
	Date string
	// Type is the gold event type as written in the file ("FIGHT");
	// Canonical(Type) is what is scored.
	Type    string
	Mode    string
	Context []string
	// Text is the text to code, trimmed, with a pair of braces that
	// encloses all of it removed (a few gold records have them).
	Text   string
	Source []Actor
	Target []Actor
}

// Error is a problem with one record of a gold file, or with the file.
type Error struct {
	Op     string // "read" or "decode"
	File   string
	Record int    // index of the record, or -1 for the whole file
	ID     string // the record's id, when known
	Err    error
}

// Error formats the error as "plover: OP FILE: record N (ID): ERR".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "plover: %s %s", e.Op, e.File)
	if e.Record >= 0 {
		fmt.Fprintf(&b, ": record %d", e.Record)
		if e.ID != "" {
			fmt.Fprintf(&b, " (%s)", e.ID)
		}
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Types returns the event types of the current PLOVER manual, in the
// manual's order.
func Types() []string {
	return []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
}

// Aliases returns the mapping from the older PLOVER type names found in
// the gold to the current names. It is a fresh map on every call.
func Aliases() map[string]string {
	return map[string]string{
		"DEMAND":      "REQUEST",
		"DISAPPROVE":  "ACCUSE",
		"INVESTIGATE": "ACCUSE",
		"FIGHT":       "ASSAULT",
	}
}

// Canonical returns the current PLOVER name for an event type: trimmed,
// upper-cased and with the older names mapped (see Aliases). Unknown
// names pass through upper-cased.
func Canonical(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	switch t {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE", "INVESTIGATE":
		return "ACCUSE"
	case "FIGHT":
		return "ASSAULT"
	}
	return t
}

// Country returns the country (or international) part of an actor code:
// its first three letters, upper-cased, with the gold's non-ISO country
// codes mapped to ISO 3166 alpha-3 as CAMEO uses them (JAP → JPN,
// ITL → ITA, VTN → VNM). A code shorter than three letters is returned
// upper-cased as it is.
func Country(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) > 3 {
		code = code[:3]
	}
	switch code {
	case "JAP":
		return "JPN"
	case "ITL":
		return "ITA"
	case "VTN":
		return "VNM"
	}
	return code
}

// FullCode returns a gold actor's full CAMEO-style code: its country part
// (see Country) followed by its sector, upper-cased ("USA" + "GOV" →
// "USAGOV").
func (a Actor) FullCode() string {
	return Country(a.Code) + strings.ToUpper(strings.TrimSpace(a.Sector))
}

// ReadFile reads a gold file; see Read.
func ReadFile(path string) ([]Record, []error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &Error{Op: "read", File: path, Record: -1, Err: err}
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads gold records from r; name is used in messages. The input is
// either a JSON array of records (as PLOVER_GSR_*.json) or JSON Lines,
// one record per line.
//
// The reader is lenient: an actor list may also be a single actor object,
// a bare code string, "" or null; context may be a string (several
// contexts separated by commas or semicolons) or a list; a pair of braces
// around the whole text is removed. Records that
// carry no event to score (event "DOCUMENT", or no text) are skipped
// silently. A record that cannot be decoded, or has no event type, is
// skipped and reported in problems, naming the file and the record; err
// is non-nil only when the file as a whole cannot be read.
func Read(r io.Reader, name string) (recs []Record, problems []error, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, &Error{Op: "read", File: name, Record: -1, Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(data)
	var raws []json.RawMessage
	var lines []int
	switch {
	case len(trimmed) == 0:
		return nil, nil, &Error{Op: "read", File: name, Record: -1, Err: errors.New("empty file")}
	case trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, nil, &Error{Op: "read", File: name, Record: -1, Err: fmt.Errorf("not a JSON array of records: %w", err)}
		}
	default:
		// JSON Lines: one record per non-blank line.
		for i, ln := range bytes.Split(data, []byte("\n")) {
			ln = bytes.TrimSpace(ln)
			if len(ln) == 0 {
				continue
			}
			raws = append(raws, json.RawMessage(ln))
			lines = append(lines, i+1)
		}
	}
	for i, raw := range raws {
		idx := i
		if lines != nil {
			idx = lines[i]
		}
		rec, skip, err := decodeRecord(raw)
		rec.Index = idx
		if err != nil {
			problems = append(problems, &Error{Op: "decode", File: name, Record: idx, ID: rec.ID, Err: err})
			continue
		}
		if !skip {
			recs = append(recs, rec)
		}
	}
	return recs, problems, nil
}

// rawRecord is the JSON shape of a gold record; the lenient fields are
// decoded by hand.
type rawRecord struct {
	ID      any             `json:"id"`
	Date    any             `json:"date"`
	Event   any             `json:"event"`
	Mode    any             `json:"mode"`
	Context json.RawMessage `json:"context"`
	Text    any             `json:"text"`
	Source  json.RawMessage `json:"source"`
	Target  json.RawMessage `json:"target"`
}

func decodeRecord(raw json.RawMessage) (rec Record, skip bool, err error) {
	var rr rawRecord
	if err := json.Unmarshal(raw, &rr); err != nil {
		var anyv any
		if json.Unmarshal(raw, &anyv) == nil {
			return rec, false, fmt.Errorf("not a record object: %w", err)
		}
		return rec, false, fmt.Errorf("malformed JSON: %w", err)
	}
	rec.ID = scalar(rr.ID)
	rec.Date = strings.TrimSpace(scalar(rr.Date))
	rec.Type = strings.TrimSpace(scalar(rr.Event))
	rec.Mode = strings.TrimSpace(scalar(rr.Mode))
	rec.Text = unbrace(strings.TrimSpace(scalar(rr.Text)))
	if strings.EqualFold(rec.Type, "DOCUMENT") || (rec.Text == "" && rec.Type == "") {
		return rec, true, nil
	}
	if rec.Type == "" {
		return rec, false, errors.New(`no "event" type`)
	}
	if rec.Text == "" {
		return rec, true, nil
	}
	if rec.Context, err = decodeContext(rr.Context); err != nil {
		return rec, false, fmt.Errorf("context: %w", err)
	}
	if rec.Source, err = decodeActors(rr.Source); err != nil {
		return rec, false, fmt.Errorf("source: %w", err)
	}
	if rec.Target, err = decodeActors(rr.Target); err != nil {
		return rec, false, fmt.Errorf("target: %w", err)
	}
	return rec, false, nil
}

// unbrace removes one pair of braces that encloses the whole text, as
// some gold records have ("{France is ready ...}"); braces anywhere else
// stay.
func unbrace(s string) string {
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' && !strings.ContainsAny(s[1:len(s)-1], "{}") {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// scalar renders a JSON scalar as a string: strings as they are, numbers
// in their shortest form, null and other values as "".
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return fmt.Sprint(x)
	case bool:
		return fmt.Sprint(x)
	}
	return ""
}

func decodeContext(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	var parts []string
	switch x := v.(type) {
	case string:
		parts = strings.FieldsFunc(x, func(r rune) bool { return r == ',' || r == ';' })
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("list element %v is not a string", e)
			}
			parts = append(parts, s)
		}
	default:
		return nil, fmt.Errorf("want a string or a list, got %s", raw)
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out, nil
}

func decodeActors(raw json.RawMessage) ([]Actor, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	one := func(e any) (Actor, bool, error) {
		switch x := e.(type) {
		case nil:
			return Actor{}, false, nil
		case string:
			x = strings.TrimSpace(x)
			return Actor{Code: x}, x != "", nil
		case map[string]any:
			a := Actor{Text: scalar(x["actorText"]), Code: strings.TrimSpace(scalar(x["code"])), Sector: strings.TrimSpace(scalar(x["sector"]))}
			if a.Code == "" {
				return a, false, fmt.Errorf("actor %q has no code", a.Text)
			}
			return a, true, nil
		}
		return Actor{}, false, fmt.Errorf("want an actor object or code, got %v", e)
	}
	var list []any
	if l, ok := v.([]any); ok {
		list = l
	} else {
		list = []any{v}
	}
	var out []Actor
	for _, e := range list {
		a, ok, err := one(e)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// TypeScore is the score of one gold type: how many records have it, how
// many of them were right, and how many records' top events were given
// it (right or wrong). Types that only the coder used have no entry.
type TypeScore struct {
	Records   int     `json:"records"`
	Correct   int     `json:"correct"`
	Accuracy  float64 `json:"accuracy"`
	Predicted int     `json:"predicted"`
}

// Result is the score of a set of records. Its JSON form, with the fields
// that have JSON names, is the last line of "wirecoder eval plover
// --format json".
type Result struct {
	Task         string               `json:"task"`
	Records      int                  `json:"records"`
	TypeAccuracy float64              `json:"type_accuracy"`
	PerType      map[string]TypeScore `json:"per_type"`
	// SourceAccuracy is the share of records with gold sources whose top
	// event's source has the country part of one of them (see Country).
	SourceAccuracy float64 `json:"source_accuracy"`
	// TargetAccuracy is the same for targets, over records with gold
	// targets.
	TargetAccuracy float64 `json:"target_accuracy"`

	Correct int `json:"-"` // records whose top event has the gold type
	NoEvent int `json:"-"` // records with no event at all
	// SourceRecords and TargetRecords count the records with gold
	// sources or targets; the *Country counts are right by country part,
	// the *Full counts by the full code (country and sector).
	SourceRecords, SourceCountry, SourceFull int `json:"-"`
	TargetRecords, TargetCountry, TargetFull int `json:"-"`
	// SourceFullAccuracy and TargetFullAccuracy are the full-code shares.
	SourceFullAccuracy, TargetFullAccuracy float64 `json:"-"`
	// Reliability has one row per confidence bucket over the records'
	// top events: right means the type was right.
	Reliability []evalutil.Bucket `json:"-"`
}

// Outcome is how one record was scored.
type Outcome struct {
	Gold       string // canonical gold type
	Predicted  string // canonical type of the top event, "" when none
	Confidence float64
	HasEvent   bool
	TypeRight  bool
	// Source and Target report a country-part match (false when the gold
	// has no actor in that role); SourceFull and TargetFull a full-code
	// match.
	Source, SourceFull bool
	Target, TargetFull bool
}

// ScoreRecord scores one record against the events coded from its text.
func ScoreRecord(rec Record, events []doc.Event) Outcome {
	o := Outcome{Gold: Canonical(rec.Type)}
	top := evalutil.Top(events)
	if top < 0 {
		return o
	}
	e := events[top]
	o.HasEvent = true
	o.Predicted = Canonical(e.Plover.Type)
	o.Confidence = e.Confidence
	o.TypeRight = o.Predicted != "" && o.Predicted == o.Gold
	o.Source, o.SourceFull = actorMatch(e.Source.Code, rec.Source)
	o.Target, o.TargetFull = actorMatch(e.Target.Code, rec.Target)
	return o
}

// actorMatch compares a predicted code with the gold actors of one role:
// country is true when its country part equals one gold actor's, full
// when the whole code equals one gold actor's country plus sector.
func actorMatch(code string, gold []Actor) (country, full bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return false, false
	}
	c := Country(code)
	fullPred := c + code[min(3, len(code)):]
	for _, g := range gold {
		if Country(g.Code) == c {
			country = true
			if g.FullCode() == fullPred {
				full = true
			}
		}
	}
	return country, full
}

// Score scores records against the events coded from each: events[i]
// belongs to records[i]. A record without an events entry (events
// shorter than records) counts as having no event; extra entries are
// ignored. Result.Reliability has five buckets (see ScoreBuckets).
func Score(records []Record, events [][]doc.Event) Result {
	return ScoreBuckets(records, events, 5)
}

// ScoreBuckets is Score with n equal confidence buckets over [0, 1] in
// Result.Reliability (n < 1 means 5).
func ScoreBuckets(records []Record, events [][]doc.Event, n int) Result {
	res := Result{Task: "plover", Records: len(records), PerType: map[string]TypeScore{}}
	rel := evalutil.NewReliability(n)
	for _, rec := range records {
		res.PerType[Canonical(rec.Type)] = TypeScore{}
	}
	for i, rec := range records {
		var evs []doc.Event
		if i < len(events) {
			evs = events[i]
		}
		o := ScoreRecord(rec, evs)
		ts := res.PerType[o.Gold]
		ts.Records++
		if o.TypeRight {
			ts.Correct++
			res.Correct++
		}
		res.PerType[o.Gold] = ts
		if o.HasEvent {
			rel.Add(o.Confidence, o.TypeRight)
			if p, ok := res.PerType[o.Predicted]; ok {
				p.Predicted++
				res.PerType[o.Predicted] = p
			}
		} else {
			res.NoEvent++
		}
		if len(rec.Source) > 0 {
			res.SourceRecords++
			res.SourceCountry += b2i(o.Source)
			res.SourceFull += b2i(o.SourceFull)
		}
		if len(rec.Target) > 0 {
			res.TargetRecords++
			res.TargetCountry += b2i(o.Target)
			res.TargetFull += b2i(o.TargetFull)
		}
	}
	for t, ts := range res.PerType {
		ts.Accuracy = ratio(ts.Correct, ts.Records)
		res.PerType[t] = ts
	}
	res.TypeAccuracy = ratio(res.Correct, res.Records)
	res.SourceAccuracy = ratio(res.SourceCountry, res.SourceRecords)
	res.SourceFullAccuracy = ratio(res.SourceFull, res.SourceRecords)
	res.TargetAccuracy = ratio(res.TargetCountry, res.TargetRecords)
	res.TargetFullAccuracy = ratio(res.TargetFull, res.TargetRecords)
	res.Reliability = rel.Buckets()
	return res
}

// TypeNames returns the types in res.PerType in a stable order: the
// current PLOVER types first, in the manual's order, then any others
// alphabetically.
func (res Result) TypeNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range Types() {
		if _, ok := res.PerType[t]; ok {
			out = append(out, t)
			seen[t] = true
		}
	}
	var rest []string
	for t := range res.PerType {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
