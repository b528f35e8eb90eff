package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/internal/shared"
	"github.com/wirecoder/wirecoder/schema"
)

// runCmd runs one wirecoder command line in-process.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

// runArgs runs one command line with empty standard input and returns
// the exit code first.
func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	stdout, stderr, code = runCmd(t, "", args...)
	return code, stdout, stderr
}

// validateJSONL checks every line of out against the v1 schema and
// returns the number of documents.
func validateJSONL(t *testing.T, out string) int {
	t.Helper()
	n := 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if err := schema.Validate(sc.Bytes()); err != nil {
			t.Errorf("document %d: %v", n, err)
		}
		n++
	}
	return n
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"nonesuch"},
		{"code", "--format", "xml", "x.txt"},
		{"code", "--date", "13/07/2024", "x.txt"},
		{"code", "--bogus"},
		{"eval"},
		{"eval", "nonesuch"},
	} {
		_, stderr, code := runCmd(t, "", args...)
		if code != 2 {
			t.Errorf("wirecoder %v: exit %d, want 2 (stderr %q)", args, code, stderr)
		}
		if stderr == "" {
			t.Errorf("wirecoder %v: no message", args)
		}
	}
	if _, _, code := runCmd(t, "", "help"); code != 0 {
		t.Errorf("help: exit %d", code)
	}
}

func TestCodeExamplesValidate(t *testing.T) {
	out, stderr, code := runCmd(t, "", "code", "--jsonl", "--format", "jsonl", "../../examples/stories.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := validateJSONL(t, out); n != 2 {
		t.Errorf("got %d documents, want 2", n)
	}
	for _, f := range []string{"armenia-azerbaijan.txt", "finland-estonia.txt"} {
		out, stderr, code := runCmd(t, "", "code", "--date", "2025-03-04", "--format", "json", "../../examples/"+f)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		if err := schema.Validate([]byte(out)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		out, _, code = runCmd(t, "", "code", "--format", "table", "--detail", "../../examples/"+f)
		if code != 0 || !strings.Contains(out, "sentences") {
			t.Errorf("%s: table exit %d: %q", f, code, out)
		}
	}
}

func TestCodeSeedStory(t *testing.T) {
	seed := shared.Path(t, "seed/belarus-border.txt")
	out, stderr, code := runCmd(t, "", "code", seed, "--date", "2024-07-13", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Text      string
		Sentences []struct{ Start, End int }
		Credits   []struct {
			Kind    string
			Sources []string
			Start   int
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Sentences) != 16 {
		t.Errorf("%d sentences, want 16", len(v.Sentences))
	}
	if len(v.Credits) != 1 || v.Credits[0].Kind != "inputs" || strings.Join(v.Credits[0].Sources, ",") != "Reuters" {
		t.Errorf("credits = %+v, want the inputs credit of Reuters", v.Credits)
	}
	if n := len(v.Sentences); n > 0 && len(v.Credits) > 0 && v.Sentences[n-1].End > v.Credits[0].Start {
		t.Errorf("the last sentence runs into the credit line")
	}
}

func TestCodeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Gondor recalled its ambassador from Osgiliath on Monday."))
	badUTF8 := write("badutf8.txt", []byte("Gondor \xff\xfe recalled \xc3 its envoy."))
	nul := write("nul.txt", []byte("Gondor\x00 recalled\x01\x02 its envoy.\x7f"))
	empty := write("empty.txt", nil)
	big := write("big.txt", bytes.Repeat([]byte("Gondor recalled its envoy. "), 50<<20/27+1))

	// Bad and good files together: the good ones are coded, the empty and
	// oversized ones are reported by name, and the exit code is 1.
	out, stderr, code := runCmd(t, "", "code", "--format", "jsonl", good, badUTF8, empty, nul, big, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := validateJSONL(t, out); n != 3 {
		t.Errorf("got %d documents, want 3 (good, badutf8, nul)", n)
	}
	for _, want := range []string{"empty.txt", "big.txt", "missing.txt"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s: %q", want, stderr)
		}
	}

	// JSONL: bad lines are reported with their line numbers, good lines coded.
	jsonl := write("mixed.jsonl", []byte(`{"id":"a","text":"Gondor recalled its envoy.","date":"2024-07-13"}
{not json
{"id":"c","title":"no text"}
{"id":"d","text":"Osgiliath \u0000 protested.\u0007","date":"2024-07-14"}
`))
	out, stderr, code = runCmd(t, "", "code", "--jsonl", "--format", "jsonl", jsonl)
	if code != 1 {
		t.Errorf("jsonl exit %d, want 1", code)
	}
	if n := validateJSONL(t, out); n != 2 {
		t.Errorf("jsonl: got %d documents, want 2", n)
	}
	for _, want := range []string{"mixed.jsonl:2:", "mixed.jsonl:3:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s: %q", want, stderr)
		}
	}

	// Standard input.
	out, _, code = runCmd(t, "Gondor recalled its envoy.", "code", "--format", "jsonl", "-")
	if code != 0 || validateJSONL(t, out) != 1 {
		t.Errorf("stdin: exit %d, out %q", code, out)
	}
}

func TestCodeKeepsInputOrderAcrossWorkers(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&in, `{"id":"s%02d","text":"Gondor recalled envoy number %d from Osgiliath. %s"}`+"\n", i, i, strings.Repeat("Talks went on. ", i%7))
	}
	out, stderr, code := runCmd(t, in.String(), "code", "--jsonl", "--workers", "4", "--format", "jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v struct{ ID string }
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
	}
	for i, id := range ids {
		if want := fmt.Sprintf("s%02d", i); id != want {
			t.Fatalf("document %d is %s, want %s", i, id, want)
		}
	}
	if len(ids) != 40 {
		t.Errorf("got %d documents", len(ids))
	}
}
