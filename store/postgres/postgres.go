// Package postgres is the PostgreSQL backend of store.Store, through pgx,
// with tsvector full-text search. It behaves as the SQLite backend does;
// the same suite (store/storetest) runs against both.
package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/internal/sqlstore"
)

// DB is a PostgreSQL corpus store.
type DB struct {
	*sqlstore.DB
}

var _ store.Store = (*DB)(nil)

func init() {
	store.Register("postgres", func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) })
}

var dialect = sqlstore.Dialect{
	Name:   "postgres",
	Dollar: true,
	Lock:   `SELECT pg_advisory_xact_lock(7305188442)`,
	Migrations: []sqlstore.Migration{
		{Version: 1, Name: "tables", Stmts: sqlstore.Schema("BIGSERIAL PRIMARY KEY", "DOUBLE PRECISION")},
		{Version: 2, Name: "full-text search", Stmts: []string{
			`ALTER TABLE stories ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED`,
			`CREATE INDEX stories_tsv ON stories USING GIN (tsv)`,
		}},
	},
	Search: `SELECT s.id, s.title, s.date, s.url,
		ts_headline('english', s.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8'),
		ts_rank(s.tsv, q)::float8 AS rank, s.dup_of
		FROM stories s, websearch_to_tsquery('english', ?) q
		WHERE s.tsv @@ q ORDER BY rank DESC, s.seq LIMIT ?`,
	SearchArg: func(q string) string { return q },
}

// Open connects to the PostgreSQL database a postgres:// DSN names and
// applies pending migrations. Parameters such as search_path=NAME in the
// DSN are passed to the server, so a store can live in its own schema.
func Open(ctx context.Context, dsn string) (*DB, error) {
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return nil, &store.Error{Op: "open", Backend: "postgres", Err: fmt.Errorf("parse DSN: %w", err)}
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, &store.Error{Op: "open", Backend: "postgres", Err: err}
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &store.Error{Op: "open", Backend: "postgres", Err: fmt.Errorf("connect: %w", err)}
	}
	s, err := sqlstore.New(ctx, db, dialect)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &DB{DB: s}, nil
}
