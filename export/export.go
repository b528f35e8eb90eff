// Package export writes the stored corpus in formats other tools read:
// the GDELT 2.0 event and mention tables (61 and 16 tab-separated columns,
// with the fields wirecoder knows filled in), a POLECAT/PLOVER-style JSON,
// the v1 documents as JSONL, and the events as CSV. Each format has a
// reader, so exports round-trip.
package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/wirecoder/wirecoder/store"
)

// Formats lists the export formats.
var Formats = []string{"gdelt-events", "gdelt-mentions", "plover-json", "jsonl", "csv"}

// Options selects what is exported.
type Options struct {
	// Filter selects the events of the event formats. Historical events
	// are always included; near-duplicate stories are left out of the
	// GDELT and PLOVER formats (they count as articles of their first
	// copy) unless IncludeNearDuplicates is set.
	Filter                store.EventFilter
	IncludeNearDuplicates bool
}

// Write exports the store in a format.
func Write(ctx context.Context, st store.Store, w io.Writer, format string, opt Options) error {
	f := opt.Filter
	f.IncludeHistorical = true
	f.CanonicalOnly = !opt.IncludeNearDuplicates
	switch format {
	case "jsonl":
		return writeJSONL(ctx, st, w)
	case "gdelt-events", "gdelt-mentions", "plover-json", "csv":
	default:
		return fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(Formats, "|"))
	}
	if format == "csv" {
		f.CanonicalOnly = false
	}
	evs, err := st.Events(ctx, f)
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	switch format {
	case "gdelt-events":
		copies, err := st.Copies(ctx)
		if err != nil {
			return fmt.Errorf("export %s: %w", format, err)
		}
		return writeTSV(w, evs, func(e *store.Event) []string { return GDELTEvent(e, copies[e.StoryID]) })
	case "gdelt-mentions":
		return writeTSV(w, evs, func(e *store.Event) []string { return GDELTMention(e) })
	case "plover-json":
		return writePLOVER(w, evs)
	}
	return writeCSV(w, evs)
}

func writeJSONL(ctx context.Context, st store.Store, w io.Writer) error {
	ids, err := st.StoryIDs(ctx)
	if err != nil {
		return fmt.Errorf("export jsonl: %w", err)
	}
	for _, id := range ids {
		s, err := st.Story(ctx, id)
		if err != nil {
			return fmt.Errorf("export jsonl: %w", err)
		}
		v := strings.TrimSpace(string(s.V1))
		if _, err := io.WriteString(w, v+"\n"); err != nil {
			return fmt.Errorf("export jsonl story %s: %w", id, err)
		}
	}
	return nil
}

func writeTSV(w io.Writer, evs []store.Event, row func(*store.Event) []string) error {
	for i := range evs {
		cols := row(&evs[i])
		for j, c := range cols {
			cols[j] = tsvClean(c)
		}
		if _, err := io.WriteString(w, strings.Join(cols, "\t")+"\n"); err != nil {
			return fmt.Errorf("export event %s: %w", evs[i].ID, err)
		}
	}
	return nil
}

// tsvClean keeps a field on one line and in one column.
func tsvClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// GDELTEventColumns names the 61 columns of the GDELT 2.0 event table.
var GDELTEventColumns = func() []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, f := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
			"Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, a+f)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
		"NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		for _, f := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			cols = append(cols, g+"_"+f)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}()

// GDELTMentionColumns names the 16 columns of the GDELT 2.0 mentions
// table.
var GDELTMentionColumns = []string{"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
	"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras"}

// fullDate turns YYYY, YYYY-MM or YYYY-MM-DD into a time, taking the
// first day of a month or year known only that far.
func fullDate(d string) (time.Time, bool) {
	switch len(d) {
	case 4:
		d += "-01-01"
	case 7:
		d += "-01"
	}
	t, err := time.Parse("2006-01-02", d)
	return t, err == nil
}

func ff(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// GDELTEvent renders an event as a row of the GDELT 2.0 event table.
// Filled: the id (the store's numeric event id), dates (the event's own
// date when known, else the story's; the first of the month for a date
// known to the month), actor code, name, country and type (sector),
// the CAMEO code, base and root, quad class, Goldstein scale, counts
// (articles = the story and its near-duplicates), the action place and
// the source URL. AvgTone and the FIPS/ADM geography codes, which
// wirecoder does not compute, are empty.
func GDELTEvent(e *store.Event, articles int) []string {
	if articles < 1 {
		articles = 1
	}
	row := make([]string, 61)
	row[0] = strconv.FormatInt(e.Seq, 10)
	if t, ok := fullDate(store.When(e.Date, e.StoryDate)); ok {
		row[1] = t.Format("20060102")
		row[2] = t.Format("200601")
		row[3] = t.Format("2006")
		row[4] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	actor := func(off int, code, text string) {
		row[off] = code
		row[off+1] = strings.ToUpper(text)
		if code == "" {
			return
		}
		row[off+2] = store.Country(code)
		if len(code) >= 6 {
			row[off+7] = code[3:6]
		}
	}
	actor(5, e.SourceCode, e.SourceText)
	actor(15, e.TargetCode, e.TargetText)
	row[25] = "1"
	if e.Historical {
		row[25] = "0"
	}
	row[26] = e.CAMEO
	if len(e.CAMEO) >= 3 {
		row[27] = e.CAMEO[:3]
	} else {
		row[27] = e.CAMEO
	}
	row[28] = e.Root
	row[29] = strconv.Itoa(e.Quad)
	row[30] = ff(e.Goldstein)
	row[31] = strconv.Itoa(articles)
	row[32] = "1"
	row[33] = strconv.Itoa(articles)
	if e.HasPlace {
		// ActionGeo: type 4 (world city) when there are coordinates, else 1
		// (country).
		row[51] = "1"
		if e.Lat != 0 || e.Lon != 0 {
			row[51] = "4"
			row[56] = ff(e.Lat)
			row[57] = ff(e.Lon)
		}
		row[52] = e.PlaceName
	}
	if t, ok := fullDate(e.StoryDate); ok {
		row[59] = t.Format("20060102") + "000000"
	}
	row[60] = e.URL
	return row
}

// GDELTMention renders an event as a row of the GDELT 2.0 mentions table:
// the event id, event and mention times, type 1 (web), the source,
// identifier (URL, or story id), sentence (1-based), character offsets of
// the trigger, whether the event is in the raw text (1), confidence (0 to
// 100) and the evidence length.
func GDELTMention(e *store.Event) []string {
	row := make([]string, 16)
	row[0] = strconv.FormatInt(e.Seq, 10)
	if t, ok := fullDate(store.When(e.Date, e.StoryDate)); ok {
		row[1] = t.Format("20060102") + "000000"
	}
	if t, ok := fullDate(e.StoryDate); ok {
		row[2] = t.Format("20060102") + "000000"
	}
	row[3] = "1"
	row[4] = e.StoryID
	row[5] = e.URL
	if row[5] == "" {
		row[5] = e.StoryID
	}
	row[6] = strconv.Itoa(e.Sentence + 1)
	row[7] = "-1"
	row[8] = "-1"
	row[9] = strconv.Itoa(e.TriggerStart)
	row[10] = "1"
	row[11] = strconv.Itoa(int(e.Confidence*100 + 0.5))
	row[12] = strconv.Itoa(e.EvidenceTo - e.EvidenceFrom)
	row[15] = "<WIRECODER_EVENT>" + e.ID + "</WIRECODER_EVENT>"
	return row
}

// ReadTSV reads tab-separated rows that must each have n columns.
func ReadTSV(r io.Reader, n int) ([][]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read tsv: %w", err)
	}
	var out [][]string
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != n {
			return nil, fmt.Errorf("read tsv line %d: %d columns, want %d", i+1, len(cols), n)
		}
		out = append(out, cols)
	}
	return out, nil
}

// PloverActor is an actor of a PLOVER record.
type PloverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Country   string `json:"country"`
}

// PloverRecord is one event in the POLECAT/PLOVER-style JSON: the field
// names of the PLOVER gold standard records, plus the CAMEO coding and
// provenance wirecoder adds.
type PloverRecord struct {
	ID         string        `json:"id"`
	Date       string        `json:"date"`
	StoryDate  string        `json:"storyDate"`
	Source     []PloverActor `json:"source"`
	Target     []PloverActor `json:"target"`
	Event      string        `json:"event"`
	Mode       string        `json:"mode"`
	Context    []string      `json:"context"`
	EventText  string        `json:"eventText"`
	Negated    bool          `json:"negated"`
	Historical bool          `json:"historical"`
	Modality   string        `json:"modality"`
	CAMEO      string        `json:"cameo"`
	Quad       int           `json:"quadClass"`
	Goldstein  float64       `json:"goldstein"`
	Location   *PloverPlace  `json:"location,omitempty"`
	StoryID    string        `json:"storyId"`
	URL        string        `json:"url"`
	Sentence   int           `json:"sentence"`
	Evidence   [2]int        `json:"evidence"`
	Confidence float64       `json:"confidence"`
	Language   string        `json:"language"`
	Coder      string        `json:"coder"`
}

// PloverPlace is a PLOVER record's place.
type PloverPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

func ploverActors(code, text string) []PloverActor {
	if code == "" && text == "" {
		return []PloverActor{}
	}
	return []PloverActor{{ActorText: text, Code: code, Country: store.Country(code)}}
}

// Plover converts a stored event into a PLOVER record.
func Plover(e *store.Event) PloverRecord {
	ctx := []string{}
	if e.PloverContext != "" {
		ctx = strings.Split(e.PloverContext, ",")
	}
	p := PloverRecord{
		ID: e.ID, Date: store.When(e.Date, e.StoryDate), StoryDate: e.StoryDate,
		Source: ploverActors(e.SourceCode, e.SourceText), Target: ploverActors(e.TargetCode, e.TargetText),
		Event: e.PloverType, Mode: e.PloverMode, Context: ctx, EventText: e.Trigger,
		Negated: e.Negated, Historical: e.Historical, Modality: e.Modality, CAMEO: e.CAMEO, Quad: e.Quad,
		Goldstein: e.Goldstein, StoryID: e.StoryID, URL: e.URL, Sentence: e.Sentence,
		Evidence: [2]int{e.EvidenceFrom, e.EvidenceTo}, Confidence: e.Confidence, Language: "en", Coder: "wirecoder",
	}
	if e.HasPlace {
		p.Location = &PloverPlace{e.PlaceName, e.PlaceCountry, e.Lat, e.Lon}
	}
	return p
}

func writePLOVER(w io.Writer, evs []store.Event) error {
	recs := make([]PloverRecord, 0, len(evs))
	for i := range evs {
		recs = append(recs, Plover(&evs[i]))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(recs); err != nil {
		return fmt.Errorf("export plover-json: %w", err)
	}
	return nil
}

// ReadPLOVER reads a plover-json export.
func ReadPLOVER(r io.Reader) ([]PloverRecord, error) {
	var recs []PloverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return nil, fmt.Errorf("read plover-json: %w", err)
	}
	return recs, nil
}

// CSVColumns names the columns of the csv export (the store.Event fields).
var CSVColumns = []string{"id", "seq", "story_id", "local_id", "source_code", "source_text", "target_code", "target_text",
	"cameo", "root", "quad", "goldstein", "plover_type", "plover_mode", "plover_context", "negated", "modality",
	"historical", "date", "when", "story_date", "place_name", "place_country", "lat", "lon", "has_place", "quote",
	"sentence", "trigger_start", "trigger_end", "trigger", "evidence_start", "evidence_end", "confidence", "dup_of", "url"}

// CSVRow renders an event as a csv export row.
func CSVRow(e *store.Event) []string {
	return []string{e.ID, strconv.FormatInt(e.Seq, 10), e.StoryID, e.LocalID, e.SourceCode, e.SourceText, e.TargetCode,
		e.TargetText, e.CAMEO, e.Root, strconv.Itoa(e.Quad), ff(e.Goldstein), e.PloverType, e.PloverMode,
		e.PloverContext, strconv.FormatBool(e.Negated), e.Modality, strconv.FormatBool(e.Historical), e.Date, e.When,
		e.StoryDate, e.PlaceName, e.PlaceCountry, ff(e.Lat), ff(e.Lon), strconv.FormatBool(e.HasPlace), e.Quote,
		strconv.Itoa(e.Sentence), strconv.Itoa(e.TriggerStart), strconv.Itoa(e.TriggerEnd), e.Trigger,
		strconv.Itoa(e.EvidenceFrom), strconv.Itoa(e.EvidenceTo), ff(e.Confidence), e.DupOf, e.URL}
}

func writeCSV(w io.Writer, evs []store.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for i := range evs {
		if err := cw.Write(CSVRow(&evs[i])); err != nil {
			return fmt.Errorf("export csv event %s: %w", evs[i].ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// ReadCSV reads a csv export back into events.
func ReadCSV(r io.Reader) ([]store.Event, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(CSVColumns)
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read csv: no header")
	}
	var out []store.Event
	for i, c := range recs[1:] {
		p := parser{line: i + 2}
		e := store.Event{ID: c[0], Seq: p.i64(c[1]), StoryID: c[2], LocalID: c[3], SourceCode: c[4], SourceText: c[5],
			TargetCode: c[6], TargetText: c[7], CAMEO: c[8], Root: c[9], Quad: p.int(c[10]), Goldstein: p.f(c[11]),
			PloverType: c[12], PloverMode: c[13], PloverContext: c[14], Negated: p.b(c[15]), Modality: c[16],
			Historical: p.b(c[17]), Date: c[18], When: c[19], StoryDate: c[20], PlaceName: c[21], PlaceCountry: c[22],
			Lat: p.f(c[23]), Lon: p.f(c[24]), HasPlace: p.b(c[25]), Quote: c[26], Sentence: p.int(c[27]),
			TriggerStart: p.int(c[28]), TriggerEnd: p.int(c[29]), Trigger: c[30], EvidenceFrom: p.int(c[31]),
			EvidenceTo: p.int(c[32]), Confidence: p.f(c[33]), DupOf: c[34], URL: c[35]}
		if p.err != nil {
			return nil, p.err
		}
		out = append(out, e)
	}
	return out, nil
}

// parser converts csv fields, keeping the first error with its line.
type parser struct {
	line int
	err  error
}

func (p *parser) set(v string, err error) {
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("read csv line %d: %q: %w", p.line, v, err)
	}
}
func (p *parser) i64(v string) int64 { n, err := strconv.ParseInt(v, 10, 64); p.set(v, err); return n }
func (p *parser) int(v string) int   { n, err := strconv.Atoi(v); p.set(v, err); return n }
func (p *parser) f(v string) float64 { n, err := strconv.ParseFloat(v, 64); p.set(v, err); return n }
func (p *parser) b(v string) bool    { n, err := strconv.ParseBool(v); p.set(v, err); return n }
