package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestSegmentCommand(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader("KYIV, July 13 (Reuters) - Troops left. \"We won,\" he said.\n(With inputs from Reuters)"), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"segment"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want := "credit dateline [0,25) \"KYIV, July 13 (Reuters) -\" sources=[\"Reuters\"] place=\"KYIV\" date=\"July 13\"\n" +
		"credit inputs [58,84) \"(With inputs from Reuters)\" sources=[\"Reuters\"]\n" +
		"0\t0\t[26,38)\tTroops left.\n" +
		"1\t0\t[39,57)\t\"We won,\" he said.\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if code := run(context.Background(), e, []string{"segment", "a", "b"}); code != 2 {
		t.Errorf("two files: exit %d, want 2", code)
	}
	if code := run(context.Background(), e, []string{"segment", "/nonexistent/story.txt"}); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
