// Package sqlite is the embedded SQLite backend of store.Store (pure Go,
// modernc.org/sqlite), with FTS5 full-text search. It is the default:
// nothing to install.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/internal/sqlstore"
)

// DB is a SQLite corpus store.
type DB struct {
	*sqlstore.DB
	path string
}

var _ store.Store = (*DB)(nil)

func init() {
	store.Register("sqlite", func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) })
}

// Dialect is SQLite's SQL dialect.
var dialect = sqlstore.Dialect{
	Name: "sqlite",
	Migrations: []sqlstore.Migration{
		{Version: 1, Name: "tables", Stmts: sqlstore.Schema("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL")},
		{Version: 2, Name: "full-text search", Stmts: []string{
			`CREATE VIRTUAL TABLE stories_fts USING fts5(title, text, content='stories', content_rowid='seq', tokenize='porter unicode61')`,
		}},
	},
	FTSInsert: `INSERT INTO stories_fts (rowid, title, text) VALUES (?, ?, ?)`,
	Search: `SELECT s.id, s.title, s.date, s.url, snippet(stories_fts, 1, '[', ']', '…', 12), -bm25(stories_fts), s.dup_of
		FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
		WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts), s.seq LIMIT ?`,
	SearchArg: FTSQuery,
}

// Path returns the database file, or ":memory:".
func (d *DB) Path() string { return d.path }

// Open opens (creating if needed) the SQLite database at a path, "file:"
// URI or "sqlite://path", and applies pending migrations. ":memory:"
// opens a private in-memory database.
func Open(ctx context.Context, dsn string) (*DB, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if path == "" {
		path = store.DefaultDSN
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	memory := path == ":memory:"
	var conn string
	if memory {
		conn = "file::memory:?" + q.Encode()
	} else {
		conn = "file:" + path + "?" + q.Encode()
	}
	// Switching a new database to WAL takes an exclusive lock that SQLite
	// may refuse at once (SQLITE_BUSY) without waiting out busy_timeout
	// when other processes open the same file at the same moment; such an
	// open is retried for a while.
	var db *sql.DB
	for attempt := 0; ; attempt++ {
		var err error
		db, err = sql.Open("sqlite", conn)
		if err != nil {
			return nil, &store.Error{Op: "open", Backend: "sqlite", Err: fmt.Errorf("%s: %w", path, err)}
		}
		if memory {
			db.SetMaxOpenConns(1)
		} else {
			db.SetMaxOpenConns(4)
		}
		err = db.PingContext(ctx)
		if err == nil {
			break
		}
		db.Close()
		if !isBusy(err) || attempt >= 100 || ctx.Err() != nil {
			return nil, &store.Error{Op: "open", Backend: "sqlite", Err: fmt.Errorf("%s: %w", path, err)}
		}
		select {
		case <-time.After(time.Duration(10+attempt*5) * time.Millisecond):
		case <-ctx.Done():
			return nil, &store.Error{Op: "open", Backend: "sqlite", Err: fmt.Errorf("%s: %w", path, ctx.Err())}
		}
	}
	s, err := sqlstore.New(ctx, db, dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &DB{DB: s, path: path}, nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// FTSQuery turns a user's query into FTS5 syntax that cannot fail to
// parse: every word is quoted, "quoted phrases" stay phrases, and the
// operators AND, OR and NOT (in capitals) are kept. Words are ANDed.
func FTSQuery(q string) string {
	var parts []string
	inPhrase := false
	for i, seg := range strings.Split(q, `"`) {
		inPhrase = i%2 == 1
		words := strings.FieldsFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if inPhrase {
			if len(words) > 0 {
				parts = append(parts, `"`+strings.Join(words, " ")+`"`)
			}
			continue
		}
		for _, w := range words {
			switch w {
			case "AND", "OR", "NOT":
				if len(parts) > 0 && !isOp(parts[len(parts)-1]) {
					parts = append(parts, w)
				}
			default:
				parts = append(parts, `"`+w+`"`)
			}
		}
	}
	for len(parts) > 0 && isOp(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, " ")
}

func isOp(s string) bool { return s == "AND" || s == "OR" || s == "NOT" }
