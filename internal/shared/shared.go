// Package shared locates the third-party data that sits beside the project
// in ../shared. Tests that read it skip with a clear message when it is
// absent, as it is in a user's fresh clone.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the project's root directory: the nearest directory above
// the working directory that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Dir returns the shared data directory: $WIRECODER_SHARED when set,
// otherwise ../shared beside the project root. ok is false when it does
// not exist.
func Dir() (string, bool) {
	if d := os.Getenv("WIRECODER_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
		return d, false
	}
	root, err := Root()
	if err != nil {
		return "", false
	}
	d := filepath.Join(filepath.Dir(root), "shared")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d, true
	}
	return d, false
}

// Path returns the path of rel inside the shared directory, skipping the
// test with a clear message when the file is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	d, ok := Dir()
	if !ok {
		t.Skipf("skipping: shared data directory %s not found (third-party data lives beside the project, not in it)", d)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: shared data %s not found: %v", p, err)
	}
	return p
}
