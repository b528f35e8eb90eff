// Package sqlstore implements store.Store over database/sql once for every
// SQL backend; a Dialect supplies what differs (placeholders, schema,
// full-text search).
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/wirecoder/wirecoder/store"
)

// Migration is one versioned schema change: its statements run in one
// transaction and the version is recorded in schema_migrations.
type Migration struct {
	Version int
	Name    string
	Stmts   []string
}

// Dialect is what differs between SQL backends.
type Dialect struct {
	Name string // "sqlite", "postgres"
	// Dollar selects $1-style placeholders instead of ?.
	Dollar     bool
	Migrations []Migration
	// Lock, when set, runs first in each migration transaction to keep
	// concurrent processes from migrating at once (PostgreSQL advisory
	// lock); SQLite's BEGIN IMMEDIATE already serialises writers.
	Lock string
	// FTSInsert, when set, indexes a new story: args (seq, title, text).
	FTSInsert string
	// Search is the full-text query: args (query, limit); columns id,
	// title, date, url, snippet, rank, dup_of.
	Search string
	// SearchArg turns the user's query into the backend's syntax.
	SearchArg func(q string) string
}

// DB is a store over one database/sql handle.
type DB struct {
	db *sql.DB
	d  Dialect
}

// New wraps an open database and applies pending migrations.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying handle.
func (s *DB) SQL() *sql.DB { return s.db }

func (s *DB) fail(op, story string, err error) error {
	return &store.Error{Op: op, Backend: s.d.Name, Story: story, Err: err}
}

// q rebinds ? placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("migrate", "", fmt.Errorf("begin: %w", err))
	}
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			tx.Rollback()
			return s.fail("migrate", "", fmt.Errorf("lock: %w", err))
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		tx.Rollback()
		return s.fail("migrate", "", fmt.Errorf("create schema_migrations: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return s.fail("migrate", "", fmt.Errorf("create schema_migrations: %w", err))
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, m := range s.d.Migrations {
		if m.Version <= cur {
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return s.fail("migrate", "", fmt.Errorf("migration %d: %w", m.Version, err))
		}
		if s.d.Lock != "" {
			if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
				tx.Rollback()
				return s.fail("migrate", "", fmt.Errorf("migration %d: lock: %w", m.Version, err))
			}
		}
		// Another process may have applied it meanwhile.
		var done sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&done); err != nil {
			tx.Rollback()
			return s.fail("migrate", "", fmt.Errorf("migration %d: read schema version: %w", m.Version, err))
		}
		if int(done.Int64) >= m.Version {
			tx.Rollback()
			continue
		}
		for i, st := range m.Stmts {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				tx.Rollback()
				return s.fail("migrate", "", fmt.Errorf("migration %d (%s) statement %d: %w", m.Version, m.Name, i+1, err))
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
			m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return s.fail("migrate", "", fmt.Errorf("record migration %d: %w", m.Version, err))
		}
		if err := tx.Commit(); err != nil {
			return s.fail("migrate", "", fmt.Errorf("commit migration %d: %w", m.Version, err))
		}
	}
	return nil
}

// SchemaVersion returns the latest applied migration, 0 for none.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, s.fail("migrate", "", fmt.Errorf("read schema version: %w", err))
	}
	return int(v.Int64), nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

func band(h uint64, i int) int64 { return int64((h >> (16 * i)) & 0xffff) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// HasHash reports the story stored under a content hash.
func (s *DB) HasHash(ctx context.Context, hash string) (string, bool, error) {
	var id string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id FROM stories WHERE hash = ?`), hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, s.fail("query", hash, err)
	}
	return id, true, nil
}

// fillDefaults checks a record and fills its derived story fields.
func (s *DB) fillDefaults(r *store.Record) error {
	st := &r.Story
	if st.Hash == "" {
		return s.fail("put", st.ExtID, errors.New("story has no content hash"))
	}
	if st.ID == "" {
		st.ID = store.StoryID(st.Hash)
	}
	if st.Added == "" {
		st.Added = time.Now().UTC().Format(time.RFC3339)
	}
	if st.Origin == "" {
		st.Origin = st.ID
	}
	return nil
}

// PutBatch stores several records in one transaction.
func (s *DB) PutBatch(ctx context.Context, rs []*store.Record) ([]store.PutResult, error) {
	for _, r := range rs {
		if err := s.fillDefaults(r); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.fail("put", "", fmt.Errorf("begin batch: %w", err))
	}
	defer tx.Rollback()
	out := make([]store.PutResult, 0, len(rs))
	for _, r := range rs {
		res, err := s.put(ctx, tx, r)
		if err != nil {
			return nil, s.fail("put", r.Story.ID, err)
		}
		out = append(out, res)
	}
	if err := tx.Commit(); err != nil {
		return nil, s.fail("put", "", fmt.Errorf("commit batch of %d: %w", len(rs), err))
	}
	return out, nil
}

// Put stores a story and its rows in one transaction.
func (s *DB) Put(ctx context.Context, r *store.Record) (store.PutResult, error) {
	if err := s.fillDefaults(r); err != nil {
		return store.PutResult{}, err
	}
	st := &r.Story
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return store.PutResult{}, s.fail("put", st.ID, fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	res, err := s.put(ctx, tx, r)
	if err != nil {
		return store.PutResult{}, s.fail("put", st.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, s.fail("put", st.ID, fmt.Errorf("commit: %w", err))
	}
	return res, nil
}

func (s *DB) addOrigin(ctx context.Context, tx *sql.Tx, id, origin string) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO origins (story_id, origin) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, origin)
	if err != nil {
		return fmt.Errorf("record origin %q: %w", origin, err)
	}
	return nil
}

func (s *DB) put(ctx context.Context, tx *sql.Tx, r *store.Record) (store.PutResult, error) {
	st := &r.Story
	var have string
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM stories WHERE hash = ?`), st.Hash).Scan(&have)
	switch {
	case err == nil:
		return store.PutResult{Outcome: store.Duplicate, StoryID: have}, s.addOrigin(ctx, tx, have, st.Origin)
	case !errors.Is(err, sql.ErrNoRows):
		return store.PutResult{}, fmt.Errorf("look up hash: %w", err)
	}

	// Near-duplicate candidates share at least one 16-bit band.
	h := st.SimHash
	rows, err := tx.QueryContext(ctx, s.q(`SELECT id, simhash, dup_of FROM stories WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? ORDER BY seq`),
		band(h, 0), band(h, 1), band(h, 2), band(h, 3))
	if err != nil {
		return store.PutResult{}, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	best, bestD := "", store.NearDupDistance+1
	for rows.Next() {
		var id, dup string
		var sh int64
		if err := rows.Scan(&id, &sh, &dup); err != nil {
			rows.Close()
			return store.PutResult{}, fmt.Errorf("near-duplicate candidates: %w", err)
		}
		if d := bits.OnesCount64(uint64(sh) ^ h); d < bestD {
			best, bestD = id, d
			if dup != "" {
				best = dup
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return store.PutResult{}, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	res := store.PutResult{Outcome: store.Added, StoryID: st.ID}
	st.DupOf, st.Distance = "", 0
	if best != "" {
		st.DupOf, st.Distance = best, bestD
		res = store.PutResult{Outcome: store.NearDuplicate, StoryID: st.ID, DupOf: best, Distance: bestD}
	}
	vers, err := json.Marshal(nonNilMap(st.Versions))
	if err != nil {
		return res, fmt.Errorf("encode versions: %w", err)
	}
	var seq int64
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO stories (id, hash, simhash, band0, band1, band2, band3, dup_of, distance,
		ext_id, title, date, source, url, text, origin, v1, versions, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING RETURNING seq`),
		st.ID, st.Hash, int64(h), band(h, 0), band(h, 1), band(h, 2), band(h, 3), st.DupOf, st.Distance,
		st.ExtID, st.Title, st.Date, st.Source, st.URL, st.Text, st.Origin, string(st.V1), string(vers), st.Added).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		// Stored concurrently by another writer: an exact copy after all.
		if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM stories WHERE hash = ?`), st.Hash).Scan(&have); err != nil {
			return res, fmt.Errorf("look up hash after conflict: %w", err)
		}
		return store.PutResult{Outcome: store.Duplicate, StoryID: have}, s.addOrigin(ctx, tx, have, st.Origin)
	}
	if err != nil {
		return res, fmt.Errorf("insert story: %w", err)
	}
	if s.d.FTSInsert != "" {
		if _, err := tx.ExecContext(ctx, s.q(s.d.FTSInsert), seq, st.Title, st.Text); err != nil {
			return res, fmt.Errorf("index text: %w", err)
		}
	}
	if err := s.addOrigin(ctx, tx, st.ID, st.Origin); err != nil {
		return res, err
	}
	return res, s.insertRows(ctx, tx, r)
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

const eventCols = `id, story_id, local_id, source_code, source_text, source_country, target_code, target_text, target_country,
	cameo, root, root_n, quad, goldstein, plover_type, plover_mode, plover_context, negated, modality, historical,
	date, when_, story_date, place_name, place_country, lat, lon, has_place, quote, sentence,
	trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, confidence, dup_of, url`

const quoteCols = `id, story_id, local_id, kind, speaker_code, speaker_text, via, cue, content, stance, channel, addressee, sentence, story_date, dup_of`

const claimCols = `id, story_id, local_id, by_code, by_text, stance, event, contradicts, quote`

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func (s *DB) insertRows(ctx context.Context, tx *sql.Tx, r *store.Record) error {
	st := &r.Story
	if len(r.Events) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO events (`+eventCols+`) VALUES (`+placeholders(38)+`)`))
		if err != nil {
			return fmt.Errorf("prepare events: %w", err)
		}
		defer stmt.Close()
		for i := range r.Events {
			e := &r.Events[i]
			e.StoryID, e.StoryDate, e.DupOf = st.ID, st.Date, st.DupOf
			if e.ID == "" || !strings.HasPrefix(e.ID, st.ID+"-") {
				e.ID = st.ID + "-" + e.LocalID
			}
			e.When = store.When(e.Date, st.Date)
			rootN, _ := strconv.Atoi(e.Root)
			if _, err := stmt.ExecContext(ctx, e.ID, e.StoryID, e.LocalID, e.SourceCode, e.SourceText, store.Country(e.SourceCode),
				e.TargetCode, e.TargetText, store.Country(e.TargetCode), e.CAMEO, e.Root, rootN, e.Quad, e.Goldstein,
				e.PloverType, e.PloverMode, e.PloverContext, b2i(e.Negated), e.Modality, b2i(e.Historical),
				e.Date, e.When, e.StoryDate, e.PlaceName, e.PlaceCountry, e.Lat, e.Lon, b2i(e.HasPlace), e.Quote, e.Sentence,
				e.TriggerStart, e.TriggerEnd, e.Trigger, e.EvidenceFrom, e.EvidenceTo, e.Confidence, e.DupOf, e.URL); err != nil {
				return fmt.Errorf("insert event %s: %w", e.ID, err)
			}
		}
	}
	if len(r.Quotes) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO quotes (`+quoteCols+`) VALUES (`+placeholders(15)+`)`))
		if err != nil {
			return fmt.Errorf("prepare quotes: %w", err)
		}
		defer stmt.Close()
		for i := range r.Quotes {
			q := &r.Quotes[i]
			q.StoryID, q.StoryDate, q.DupOf = st.ID, st.Date, st.DupOf
			if _, err := stmt.ExecContext(ctx, q.ID, q.StoryID, q.LocalID, q.Kind, q.SpeakerCode, q.SpeakerText, q.Via,
				q.Cue, q.Content, q.Stance, q.Channel, q.Addressee, q.Sentence, q.StoryDate, q.DupOf); err != nil {
				return fmt.Errorf("insert quote %s: %w", q.ID, err)
			}
		}
	}
	if len(r.Claims) > 0 {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO claims (`+claimCols+`) VALUES (`+placeholders(9)+`)`))
		if err != nil {
			return fmt.Errorf("prepare claims: %w", err)
		}
		defer stmt.Close()
		for i := range r.Claims {
			c := &r.Claims[i]
			c.StoryID = st.ID
			if _, err := stmt.ExecContext(ctx, c.ID, c.StoryID, c.LocalID, c.ByCode, c.ByText, c.Stance, c.Event, c.Contradicts, c.Quote); err != nil {
				return fmt.Errorf("insert claim %s: %w", c.ID, err)
			}
		}
	}
	return nil
}

// Recode replaces a story's coding in one transaction.
func (s *DB) Recode(ctx context.Context, r *store.Record) error {
	st := &r.Story
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.fail("recode", st.ID, fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	var dup, date string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT dup_of, date FROM stories WHERE id = ?`), st.ID).Scan(&dup, &date); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = store.ErrNotFound
		}
		return s.fail("recode", st.ID, err)
	}
	st.DupOf, st.Date = dup, date
	vers, err := json.Marshal(nonNilMap(st.Versions))
	if err != nil {
		return s.fail("recode", st.ID, fmt.Errorf("encode versions: %w", err))
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE stories SET v1 = ?, versions = ? WHERE id = ?`), string(st.V1), string(vers), st.ID); err != nil {
		return s.fail("recode", st.ID, fmt.Errorf("update story: %w", err))
	}
	for _, t := range []string{"events", "quotes", "claims"} {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+t+` WHERE story_id = ?`), st.ID); err != nil {
			return s.fail("recode", st.ID, fmt.Errorf("delete old %s: %w", t, err))
		}
	}
	if err := s.insertRows(ctx, tx, r); err != nil {
		return s.fail("recode", st.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail("recode", st.ID, fmt.Errorf("commit: %w", err))
	}
	return nil
}

// Story returns one story by id.
func (s *DB) Story(ctx context.Context, id string) (*store.Story, error) {
	var st store.Story
	var sh int64
	var v1, vers string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, hash, simhash, dup_of, distance, ext_id, title, date, source, url, text, origin, v1, versions, added
		FROM stories WHERE id = ?`), id).Scan(&st.ID, &st.Hash, &sh, &st.DupOf, &st.Distance, &st.ExtID, &st.Title, &st.Date,
		&st.Source, &st.URL, &st.Text, &st.Origin, &v1, &vers, &st.Added)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, s.fail("query", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.fail("query", id, err)
	}
	st.SimHash = uint64(sh)
	st.V1 = []byte(v1)
	if err := json.Unmarshal([]byte(vers), &st.Versions); err != nil {
		return nil, s.fail("query", id, fmt.Errorf("decode versions: %w", err))
	}
	return &st, nil
}

func (s *DB) list(ctx context.Context, op, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.fail(op, "", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, s.fail(op, "", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, "", err)
	}
	return out, nil
}

// StoryIDs lists every story id in insertion order.
func (s *DB) StoryIDs(ctx context.Context) ([]string, error) {
	return s.list(ctx, "query", `SELECT id FROM stories ORDER BY seq`)
}

// Origins lists where copies of a story were read from.
func (s *DB) Origins(ctx context.Context, id string) ([]string, error) {
	return s.list(ctx, "query", `SELECT origin FROM origins WHERE story_id = ? ORDER BY seq`, id)
}

// Copies counts, per canonical story, the stored stories that carry it.
func (s *DB) Copies(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT CASE WHEN dup_of = '' THEN id ELSE dup_of END AS c, COUNT(*) FROM stories GROUP BY c`)
	if err != nil {
		return nil, s.fail("query", "", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, s.fail("query", "", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// Events returns the events that pass a filter, ordered by date and id.
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if f.Actor != "" {
		add(`source_code LIKE ? ESCAPE '\'`, likePrefix(f.Actor))
	}
	if f.Target != "" {
		add(`target_code LIKE ? ESCAPE '\'`, likePrefix(f.Target))
	}
	if a, b := strings.ToUpper(f.Dyad[0]), strings.ToUpper(f.Dyad[1]); a != "" && b != "" {
		if f.Directed {
			add(`(source_country = ? AND target_country = ?)`, a, b)
		} else {
			add(`((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))`, a, b, b, a)
		}
	}
	if f.RootFrom > 0 {
		add(`root_n >= ?`, f.RootFrom)
	}
	if f.RootTo > 0 {
		add(`root_n <= ?`, f.RootTo)
	}
	if f.CodePrefix != "" {
		add(`cameo LIKE ? ESCAPE '\'`, likePrefix(f.CodePrefix))
	}
	if f.Plover != "" {
		add(`plover_type = ?`, strings.ToUpper(f.Plover))
	}
	if f.From != "" {
		add(`when_ >= ?`, f.From)
	}
	if f.To != "" {
		// "2024-07" as an upper bound includes the whole month; comparing
		// the prefix keeps clear of collation rules for odd characters.
		add(`SUBSTR(when_, 1, `+strconv.Itoa(len(f.To))+`) <= ?`, f.To)
	}
	if !f.IncludeHistorical {
		add(`historical = 0`)
	}
	if f.CanonicalOnly {
		add(`dup_of = ''`)
	}
	if f.StoryID != "" {
		add(`story_id = ?`, f.StoryID)
	}
	query := `SELECT seq, ` + eventCols + ` FROM events`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY when_, seq`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.fail("query events", "", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var e store.Event
		var sc, tc string
		var rootN, neg, hist, hasPlace int
		if err := rows.Scan(&e.Seq, &e.ID, &e.StoryID, &e.LocalID, &e.SourceCode, &e.SourceText, &sc, &e.TargetCode, &e.TargetText, &tc,
			&e.CAMEO, &e.Root, &rootN, &e.Quad, &e.Goldstein, &e.PloverType, &e.PloverMode, &e.PloverContext, &neg, &e.Modality, &hist,
			&e.Date, &e.When, &e.StoryDate, &e.PlaceName, &e.PlaceCountry, &e.Lat, &e.Lon, &hasPlace, &e.Quote, &e.Sentence,
			&e.TriggerStart, &e.TriggerEnd, &e.Trigger, &e.EvidenceFrom, &e.EvidenceTo, &e.Confidence, &e.DupOf, &e.URL); err != nil {
			return nil, s.fail("query events", "", err)
		}
		e.Negated, e.Historical, e.HasPlace = neg != 0, hist != 0, hasPlace != 0
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("query events", "", err)
	}
	return out, nil
}

// likePrefix escapes LIKE wildcards and appends %.
func likePrefix(p string) string { return likeEscape(strings.ToUpper(p)) + "%" }

// likeEscape escapes LIKE wildcards with a backslash.
func likeEscape(p string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(p)
}

// Quotes returns the quotes that pass a filter, in story order.
func (s *DB) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, error) {
	var where []string
	var args []any
	if f.Speaker != "" {
		where, args = append(where, `speaker_code LIKE ? ESCAPE '\'`), append(args, likePrefix(f.Speaker))
	}
	if f.Stance != "" {
		where, args = append(where, `stance = ?`), append(args, strings.ToLower(f.Stance))
	}
	if f.Text != "" {
		where, args = append(where, `LOWER(content) LIKE ? ESCAPE '\'`), append(args, "%"+likeEscape(strings.ToLower(f.Text))+"%")
	}
	if f.StoryID != "" {
		where, args = append(where, `story_id = ?`), append(args, f.StoryID)
	}
	if f.CanonicalOnly {
		where = append(where, `dup_of = ''`)
	}
	query := `SELECT ` + quoteCols + ` FROM quotes`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY story_date, seq`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.fail("query quotes", "", err)
	}
	defer rows.Close()
	var out []store.Quote
	for rows.Next() {
		var q store.Quote
		if err := rows.Scan(&q.ID, &q.StoryID, &q.LocalID, &q.Kind, &q.SpeakerCode, &q.SpeakerText, &q.Via, &q.Cue, &q.Content,
			&q.Stance, &q.Channel, &q.Addressee, &q.Sentence, &q.StoryDate, &q.DupOf); err != nil {
			return nil, s.fail("query quotes", "", err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("query quotes", "", err)
	}
	return out, nil
}

// Claims returns the claims of one story, or of every story when storyID
// is "".
func (s *DB) Claims(ctx context.Context, storyID string) ([]store.Claim, error) {
	query, args := `SELECT `+claimCols+` FROM claims`, []any(nil)
	if storyID != "" {
		query, args = query+` WHERE story_id = ?`, append(args, storyID)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` ORDER BY seq`), args...)
	if err != nil {
		return nil, s.fail("query claims", storyID, err)
	}
	defer rows.Close()
	var out []store.Claim
	for rows.Next() {
		var c store.Claim
		if err := rows.Scan(&c.ID, &c.StoryID, &c.LocalID, &c.ByCode, &c.ByText, &c.Stance, &c.Event, &c.Contradicts, &c.Quote); err != nil {
			return nil, s.fail("query claims", storyID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("query claims", storyID, err)
	}
	return out, nil
}

// Search runs a full-text query, best match first.
func (s *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	arg := s.d.SearchArg(query)
	if arg == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, s.q(s.d.Search), arg, limit)
	if err != nil {
		return nil, s.fail("search", "", fmt.Errorf("query %q: %w", query, err))
	}
	defer rows.Close()
	var out []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.StoryID, &h.Title, &h.Date, &h.URL, &h.Snippet, &h.Rank, &h.DupOf); err != nil {
			return nil, s.fail("search", "", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("search", "", err)
	}
	return out, nil
}

// Stats counts what the store holds.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var origins int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM stories),
		(SELECT COUNT(*) FROM origins),
		(SELECT COUNT(*) FROM stories WHERE dup_of <> ''),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(*) FROM claims)`).Scan(&st.Stories, &origins, &st.NearDuplicates, &st.Events, &st.Quotes, &st.Claims)
	if err != nil {
		return st, s.fail("stats", "", err)
	}
	st.Duplicates = origins - st.Stories
	return st, nil
}

// Schema returns the statements of the first migration for a dialect:
// serial is the auto-increment primary key type, real the float type.
func Schema(serial, real string) []string {
	r := strings.NewReplacer("SERIAL", serial, "REAL", real)
	stmts := []string{
		`CREATE TABLE stories (
			seq SERIAL,
			id TEXT NOT NULL UNIQUE,
			hash TEXT NOT NULL UNIQUE,
			simhash BIGINT NOT NULL,
			band0 INTEGER NOT NULL, band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,
			dup_of TEXT NOT NULL DEFAULT '',
			distance INTEGER NOT NULL DEFAULT 0,
			ext_id TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL,
			url TEXT NOT NULL, text TEXT NOT NULL, origin TEXT NOT NULL,
			v1 TEXT NOT NULL, versions TEXT NOT NULL, added TEXT NOT NULL)`,
		`CREATE INDEX stories_band0 ON stories (band0)`,
		`CREATE INDEX stories_band1 ON stories (band1)`,
		`CREATE INDEX stories_band2 ON stories (band2)`,
		`CREATE INDEX stories_band3 ON stories (band3)`,
		`CREATE INDEX stories_dup ON stories (dup_of)`,
		`CREATE TABLE origins (
			seq SERIAL,
			story_id TEXT NOT NULL,
			origin TEXT NOT NULL,
			UNIQUE (story_id, origin))`,
		`CREATE TABLE events (
			seq SERIAL,
			id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL, local_id TEXT NOT NULL,
			source_code TEXT NOT NULL, source_text TEXT NOT NULL, source_country TEXT NOT NULL,
			target_code TEXT NOT NULL, target_text TEXT NOT NULL, target_country TEXT NOT NULL,
			cameo TEXT NOT NULL, root TEXT NOT NULL, root_n INTEGER NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,
			plover_type TEXT NOT NULL, plover_mode TEXT NOT NULL, plover_context TEXT NOT NULL,
			negated INTEGER NOT NULL, modality TEXT NOT NULL, historical INTEGER NOT NULL,
			date TEXT NOT NULL, when_ TEXT NOT NULL, story_date TEXT NOT NULL,
			place_name TEXT NOT NULL, place_country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, has_place INTEGER NOT NULL,
			quote TEXT NOT NULL, sentence INTEGER NOT NULL,
			trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
			evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, confidence REAL NOT NULL,
			dup_of TEXT NOT NULL, url TEXT NOT NULL)`,
		`CREATE INDEX events_story ON events (story_id)`,
		`CREATE INDEX events_dyad ON events (source_country, target_country)`,
		`CREATE INDEX events_when ON events (when_)`,
		`CREATE INDEX events_cameo ON events (cameo)`,
		`CREATE TABLE quotes (
			seq SERIAL,
			id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL, local_id TEXT NOT NULL, kind TEXT NOT NULL,
			speaker_code TEXT NOT NULL, speaker_text TEXT NOT NULL, via TEXT NOT NULL, cue TEXT NOT NULL,
			content TEXT NOT NULL, stance TEXT NOT NULL, channel TEXT NOT NULL, addressee TEXT NOT NULL,
			sentence INTEGER NOT NULL, story_date TEXT NOT NULL, dup_of TEXT NOT NULL)`,
		`CREATE INDEX quotes_story ON quotes (story_id)`,
		`CREATE INDEX quotes_speaker ON quotes (speaker_code)`,
		`CREATE TABLE claims (
			seq SERIAL,
			id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL, local_id TEXT NOT NULL,
			by_code TEXT NOT NULL, by_text TEXT NOT NULL, stance TEXT NOT NULL, event TEXT NOT NULL,
			contradicts TEXT NOT NULL, quote TEXT NOT NULL)`,
		`CREATE INDEX claims_story ON claims (story_id)`,
	}
	for i := range stmts {
		stmts[i] = r.Replace(stmts[i])
	}
	return stmts
}
