// Package store is wirecoder's corpus store: the Store interface that every
// backend implements, and the records it holds. Stories are identified by a
// content hash, so storing the same text twice adds nothing; reprints are
// linked to the first copy through a SimHash near-duplicate link; each
// story's events, quotes and claims sit in their own tables for queries.
//
// The backends live in subpackages (store/sqlite, store/postgres), in the
// style of litestream: each declares `var _ store.Store = (*DB)(nil)`.
// Open picks one by DSN after the backends have registered themselves
// with Register (import them for their side effect, or use their Open).
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Story is one stored story with its coding.
type Story struct {
	// ID is the story's stable identifier: "s" followed by the first 16 hex
	// digits of its content hash.
	ID string `json:"id"`
	// Hash is the hex SHA-256 of the story's normalised text: its identity.
	Hash string `json:"hash"`
	// SimHash is the 64-bit SimHash of the text used for near-duplicate
	// detection.
	SimHash uint64 `json:"simhash"`
	// DupOf is the ID of the first stored copy when this story is a
	// near-duplicate (a reprint), or "".
	DupOf string `json:"dup_of,omitempty"`
	// Distance is the SimHash Hamming distance to DupOf.
	Distance int `json:"distance,omitempty"`

	ExtID  string `json:"ext_id"` // the id given by the input, if any
	Title  string `json:"title"`
	Date   string `json:"date"` // YYYY-MM-DD or ""
	Source string `json:"source"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	// Origin says where the copy was read from: a URL, "path#id" or
	// "path:line".
	Origin string `json:"origin"`
	// V1 is the story's coding in the v1 output contract (doc.V1 JSON).
	V1 []byte `json:"-"`
	// Versions records the versions of the models and dictionaries that
	// coded the story.
	Versions map[string]string `json:"versions"`
	// Added is when the story was first stored (RFC 3339, UTC).
	Added string `json:"added"`
}

// Event is one stored event: a row of the events table.
type Event struct {
	// ID is the event's corpus-wide id: the story ID, "-", the event id
	// within the story ("s0123456789abcdef-E1").
	ID string `json:"id"`
	// Seq is the event's numeric id, assigned by the store; stable for the
	// life of the row (used as GLOBALEVENTID in GDELT exports).
	Seq        int64   `json:"seq"`
	StoryID    string  `json:"story_id"`
	LocalID    string  `json:"local_id"` // "E1"
	SourceCode string  `json:"source_code"`
	SourceText string  `json:"source_text"`
	TargetCode string  `json:"target_code"`
	TargetText string  `json:"target_text"`
	CAMEO      string  `json:"cameo"`
	Root       string  `json:"root"`
	Quad       int     `json:"quad"`
	Goldstein  float64 `json:"goldstein"`
	PloverType string  `json:"plover_type"`
	PloverMode string  `json:"plover_mode"`
	// PloverContext is the PLOVER contexts joined with ",".
	PloverContext string `json:"plover_context"`
	Negated       bool   `json:"negated"`
	Modality      string `json:"modality"`
	Historical    bool   `json:"historical"`
	// Date is the event's own date as coded (YYYY, YYYY-MM or YYYY-MM-DD),
	// or "" when the coder gave none.
	Date string `json:"date"`
	// When is the date the event is placed at: Date when known, else the
	// story date.
	When         string  `json:"when"`
	StoryDate    string  `json:"story_date"`
	PlaceName    string  `json:"place_name"`
	PlaceCountry string  `json:"place_country"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	HasPlace     bool    `json:"has_place"`
	Quote        string  `json:"quote"`
	Sentence     int     `json:"sentence"`
	TriggerStart int     `json:"trigger_start"`
	TriggerEnd   int     `json:"trigger_end"`
	Trigger      string  `json:"trigger"`
	EvidenceFrom int     `json:"evidence_start"`
	EvidenceTo   int     `json:"evidence_end"`
	Confidence   float64 `json:"confidence"`
	// DupOf is the story's near-duplicate link, copied here so that series
	// can count reprints once.
	DupOf string `json:"dup_of,omitempty"`
	URL   string `json:"url"`
}

// Quote is one stored quote.
type Quote struct {
	ID          string `json:"id"` // story ID + "-" + local id
	StoryID     string `json:"story_id"`
	LocalID     string `json:"local_id"`
	Kind        string `json:"kind"`
	SpeakerCode string `json:"speaker_code"`
	SpeakerText string `json:"speaker_text"`
	// Via is the attribution chain as "text (CODE)" joined with " > ",
	// outermost first.
	Via       string `json:"via"`
	Cue       string `json:"cue"`
	Content   string `json:"content"`
	Stance    string `json:"stance"`
	Channel   string `json:"channel"`
	Addressee string `json:"addressee"`
	Sentence  int    `json:"sentence"`
	StoryDate string `json:"story_date"`
	DupOf     string `json:"dup_of,omitempty"`
}

// Claim is one stored claim.
type Claim struct {
	ID      string `json:"id"` // story ID + "-" + local id
	StoryID string `json:"story_id"`
	LocalID string `json:"local_id"`
	ByCode  string `json:"by_code"`
	ByText  string `json:"by_text"`
	Stance  string `json:"stance"`
	// Event is the corpus-wide id of the event the claim states, or "".
	Event string `json:"event"`
	// Contradicts lists corpus-wide claim ids, joined with ",".
	Contradicts string `json:"contradicts"`
	Quote       string `json:"quote"`
}

// Record is what ingest hands the store for one story: the story and its
// coded rows. Store.Put fills in the rows' story ids.
type Record struct {
	Story  Story
	Events []Event
	Quotes []Quote
	Claims []Claim
}

// Outcome tells what Put did with a record.
type Outcome uint8

// The outcomes of Put.
const (
	// Added: a new story, stored.
	Added Outcome = iota
	// Duplicate: an exact copy (same content hash) of a stored story;
	// nothing stored but its origin.
	Duplicate
	// NearDuplicate: a new story stored and linked to an earlier copy.
	NearDuplicate
)

var outcomeNames = [...]string{Added: "new", Duplicate: "duplicate", NearDuplicate: "near-duplicate"}

// String returns the outcome's name.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// PutResult reports what Put did.
type PutResult struct {
	Outcome Outcome
	// StoryID is the id of the stored story (for a duplicate, of the
	// stored copy).
	StoryID string
	// DupOf is the first copy a near-duplicate was linked to.
	DupOf    string
	Distance int
}

// EventFilter selects events. Empty fields select everything.
type EventFilter struct {
	// Actor and Target match the source and target codes by prefix:
	// "BLR" matches "BLRGOV".
	Actor, Target string
	// Dyad selects events between two countries (first three letters of
	// the codes); Directed keeps only Dyad[0] -> Dyad[1].
	Dyad     [2]string
	Directed bool
	// RootFrom and RootTo bound the two-digit CAMEO root (inclusive), e.g.
	// 15 and 19; zero means unbounded.
	RootFrom, RootTo int
	// CodePrefix matches CAMEO codes by prefix ("0874", "19").
	CodePrefix string
	Plover     string // PLOVER event type, e.g. "MOBILIZE"
	// From and To bound Event.When (inclusive; YYYY-MM-DD, or shorter).
	From, To string
	// IncludeHistorical keeps events flagged as historical; by default
	// they are left out.
	IncludeHistorical bool
	// CanonicalOnly leaves out events of near-duplicate stories.
	CanonicalOnly bool
	StoryID       string
	Limit         int // 0: no limit
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker string // speaker code prefix
	Stance  string // assert|deny|uncertain
	// Text matches the quote content (case-insensitive substring).
	Text string
	// CanonicalOnly leaves out quotes of near-duplicate stories.
	CanonicalOnly bool
	StoryID       string
	Limit         int
}

// Hit is one full-text search result.
type Hit struct {
	StoryID string `json:"story_id"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	URL     string `json:"url"`
	Snippet string `json:"snippet"`
	// DupOf is the first copy when the hit is a near-duplicate (a reprint).
	DupOf string  `json:"dup_of,omitempty"`
	Rank  float64 `json:"rank"`
}

// Stats counts what the store holds.
type Stats struct {
	// Stories counts stored stories, near-duplicates included.
	Stories int64 `json:"stories"`
	// Duplicates counts exact copies skipped (one per distinct origin).
	Duplicates int64 `json:"duplicates"`
	// NearDuplicates counts stored stories linked to an earlier copy.
	NearDuplicates int64 `json:"near_duplicates"`
	Events         int64 `json:"events"`
	Quotes         int64 `json:"quotes"`
	Claims         int64 `json:"claims"`
}

// Store is the corpus store. Implementations are safe for concurrent use.
type Store interface {
	// Put stores one story with its rows in one transaction: a story is
	// either stored whole or not at all. An exact copy stores only its
	// origin; a near-duplicate (SimHash distance at most
	// NearDupDistance to a stored story) is stored linked to the first
	// copy.
	Put(ctx context.Context, r *Record) (PutResult, error)
	// PutBatch stores several records, in order, in one transaction, as
	// Put would one by one: all are stored or none. A later record sees the
	// earlier ones (a copy within the batch is a duplicate).
	PutBatch(ctx context.Context, rs []*Record) ([]PutResult, error)
	// HasHash reports the id of the story with the given content hash.
	HasHash(ctx context.Context, hash string) (id string, ok bool, err error)
	// Story returns one story by id (with its V1 JSON).
	Story(ctx context.Context, id string) (*Story, error)
	// StoryIDs lists every story id in insertion order.
	StoryIDs(ctx context.Context) ([]string, error)
	// Origins lists where copies of a story were read from, first first.
	Origins(ctx context.Context, id string) ([]string, error)
	// Copies returns, per canonical story id, how many stored stories
	// (itself and its near-duplicates) carry it.
	Copies(ctx context.Context) (map[string]int, error)
	// Recode replaces a story's coding (V1, versions and rows) in one
	// transaction.
	Recode(ctx context.Context, r *Record) error
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]Quote, error)
	Claims(ctx context.Context, storyID string) ([]Claim, error)
	// Search runs a full-text query over titles and texts, best first.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	Stats(ctx context.Context) (Stats, error)
	// SchemaVersion returns the latest applied migration.
	SchemaVersion(ctx context.Context) (int, error)
	Close() error
}

// NearDupDistance is the largest SimHash Hamming distance (of 64 bits) at
// which two stories count as near-duplicates. Backends index the four
// 16-bit bands of the SimHash, which finds every pair within distance 3
// (pigeonhole).
const NearDupDistance = 3

// DefaultDSN is the database used when none is given.
const DefaultDSN = "./wirecoder.db"

// ErrNotFound is returned when a story does not exist.
var ErrNotFound = errors.New("not found")

// Error is a store failure with the operation that failed.
type Error struct {
	Op      string // "open", "migrate", "put", "query", ...
	Backend string // "sqlite", "postgres"
	Story   string // story id or hash, when known
	Err     error
}

// Error formats the failure.
func (e *Error) Error() string {
	s := e.Backend + " " + e.Op
	if e.Story != "" {
		s += " story " + e.Story
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Opener opens a backend for a DSN.
type Opener func(ctx context.Context, dsn string) (Store, error)

// registry maps DSN schemes to backends. Backends register from init; it
// is written only then, and read under the lock.
var registry = struct {
	sync.RWMutex
	m map[string]Opener
}{m: map[string]Opener{}}

// Register makes a backend available to Open under a scheme: "sqlite" is
// the default for plain paths; "postgres" serves postgres:// and
// postgresql:// DSNs.
func Register(scheme string, open Opener) {
	registry.Lock()
	defer registry.Unlock()
	registry.m[scheme] = open
}

// Scheme returns the backend a DSN names: "postgres" for postgres:// and
// postgresql:// URLs, "sqlite" for everything else (a file path,
// "file:..." or "sqlite://path").
func Scheme(dsn string) string {
	l := strings.ToLower(dsn)
	if strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// Open opens the store a DSN names; "" means DefaultDSN.
func Open(ctx context.Context, dsn string) (Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	scheme := Scheme(dsn)
	registry.RLock()
	open := registry.m[scheme]
	var have []string
	for k := range registry.m {
		have = append(have, k)
	}
	registry.RUnlock()
	if open == nil {
		sort.Strings(have)
		return nil, &Error{Op: "open", Backend: scheme, Err: fmt.Errorf("backend not linked in (have %v)", have)}
	}
	return open(ctx, dsn)
}
