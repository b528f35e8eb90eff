package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func runWhenWhereCmd(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String() + errb.String(), code
}

func TestWhenCommand(t *testing.T) {
	out, code := runWhenWhereCmd(t, "when", "--date", "2024-07-13", "late last month", "since 1994", "nothing")
	want := "late last month\t2024-06\tuntil=-\tfuture=false\thistorical=false\n" +
		"since 1994\t1994\tuntil=2024-07-13\tfuture=false\thistorical=false\n" +
		"nothing\t-\n"
	if code != 0 || out != want {
		t.Errorf("exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}
	if _, code := runWhenWhereCmd(t, "when"); code != 2 {
		t.Errorf("no expression: exit %d, want 2", code)
	}
	if _, code := runWhenWhereCmd(t, "when", "--date", "13/07/2024", "today"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
}

func TestWhereCommand(t *testing.T) {
	out, code := runWhenWhereCmd(t, "where", "--countries", "USA", "Paris", "Kiev")
	want := "Paris\tParis\tUSA\t33.6609\t-95.5555\nKiev\tKyiv\tUKR\t50.4547\t30.5238\n"
	if code != 0 || out != want {
		t.Errorf("exit %d, output:\n%s\nwant:\n%s", code, out, want)
	}
	if _, code := runWhenWhereCmd(t, "where", "--country", "XYZ"); code != 1 {
		t.Errorf("unknown country: exit %d, want 1", code)
	}
	if _, code := runWhenWhereCmd(t, "where"); code != 2 {
		t.Errorf("no args: exit %d, want 2", code)
	}
}
