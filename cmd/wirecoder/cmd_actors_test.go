package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsLookup(t *testing.T) {
	code, out, errs := runArgs(t, "actors", "lookup", "Putin", "--date", "2010-01-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Vladimir Putin", "RUSGOV", "Prime Minister of Russia", "2008-05-08", "curated:leaders.kb"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runArgs(t, "actors", "lookup", "Putin", "--date", "1999-01-01", "--format", "json")
	var ms []struct{ Name, Code, Source string }
	if code != 0 || json.Unmarshal([]byte(out), &ms) != nil || len(ms) == 0 || ms[0].Code != "RUSSPY" {
		t.Errorf("json lookup: exit %d, %s", code, out)
	}
	code, out, _ = runArgs(t, "actors", "lookup", "Putin", "--all")
	if code != 0 || !strings.Contains(out, "RUSSPY") || !strings.Contains(out, "archigos-4.1") {
		t.Errorf("--all: exit %d\n%s", code, out)
	}
}

func TestActorsLookupUserFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "desk.kb")
	os.WriteFile(p, []byte("@source desk\nperson Ivan Testov | Testov | gender=m\nrole Ivan Testov | BLRMIL | 2023 | | commander\n"), 0o644)
	code, out, errs := runArgs(t, "actors", "lookup", "Testov", "--actors", p, "--date", "2024-01-01")
	if code != 0 || !strings.Contains(out, "BLRMIL") || !strings.Contains(out, "desk") {
		t.Errorf("exit %d: %s %s", code, out, errs)
	}
	code, out, _ = runArgs(t, "actors", "check", p)
	if code != 0 || !strings.Contains(out, "1 persons with 1 roles") {
		t.Errorf("check: exit %d: %s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.kb")
	os.WriteFile(bad, []byte("# x\nrole X | nope | | |\n"), 0o644)
	code, _, errs = runArgs(t, "actors", "lookup", "X", "--actors", bad)
	if code != 1 || !strings.Contains(errs, "bad.kb:2:") {
		t.Errorf("bad file: exit %d, stderr %q; want 1 and file:line", code, errs)
	}
}

func TestActorsLookupUsage(t *testing.T) {
	for _, args := range [][]string{
		{"actors", "lookup"},
		{"actors", "lookup", "Putin", "--date", "2010-13-01"},
		{"actors", "lookup", "Putin", "--format", "xml"},
		{"actors", "lookup", "Putin", "--all", "--date", "2010-01-01"},
		{"actors", "frob"},
		{"actors"},
	} {
		if code, _, _ := runArgs(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runArgs(t, "actors", "lookup", "Xyzzy Plugh"); code != 1 || !strings.Contains(errs, "Xyzzy Plugh") {
		t.Errorf("unknown name: exit %d %q, want 1", code, errs)
	}
}
