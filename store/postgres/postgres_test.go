package postgres_test

import (
	"context"
	"testing"

	"github.com/wirecoder/wirecoder/store"
	"github.com/wirecoder/wirecoder/store/postgres"
	"github.com/wirecoder/wirecoder/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := postgres.Open(context.Background(), storetest.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestOpenByDSN(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, err := st.SchemaVersion(ctx); err != nil || v != 2 {
		t.Errorf("schema version = %d, %v", v, err)
	}
}

func TestConcurrentOpen(t *testing.T) {
	dsn := storetest.Postgres(t)
	storetest.ConcurrentOpen(t, 4, func() (store.Store, error) { return postgres.Open(context.Background(), dsn) })
}
