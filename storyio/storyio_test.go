package storyio

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func readAll(t *testing.T, in string) (stories []*Story, errs []error) {
	t.Helper()
	r := NewJSONLReader(strings.NewReader(in), "in.jsonl")
	for i := 0; i < 1000; i++ {
		s, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		stories = append(stories, s)
	}
	t.Fatal("reader did not reach EOF")
	return
}

func TestJSONLGoodAndBadRecords(t *testing.T) {
	in := `{"id":"a","title":"T","date":"2024-07-13","source":"S","url":"http://x","text":"Belarus pulls back troops."}
not json at all
{"id":"c","date":"2024-07-13"}

{"id":7,"text":"Numeric id.","date":"2024-07-13T10:00:00Z"}
{"id":"e","text":"   "}
{"id":"f","text":"Bad date.","date":"13/07/2024"}
{"id":"g","text":42}
{"text":"No id."}`
	stories, errs := readAll(t, in)
	var ids []string
	for _, s := range stories {
		ids = append(ids, s.ID)
	}
	if got, want := strings.Join(ids, ","), "a,7,in:9"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	if stories[1].Date != "2024-07-13" {
		t.Errorf("RFC 3339 date not normalised: %q", stories[1].Date)
	}
	if stories[0].Line != 1 || stories[1].Line != 5 {
		t.Errorf("lines = %d,%d, want 1,5", stories[0].Line, stories[1].Line)
	}
	wantErrs := []struct {
		line  int
		cause error
		text  string
	}{
		{2, nil, "not a JSON object"},
		{3, ErrNoText, "no \"text\""},
		{6, ErrEmpty, "empty"},
		{7, ErrBadDate, "YYYY-MM-DD"},
		{8, nil, `field "text" is not a string`},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wantErrs), errs)
	}
	for i, w := range wantErrs {
		var e *Error
		if !errors.As(errs[i], &e) {
			t.Fatalf("error %d is %T, want *Error", i, errs[i])
		}
		if e.Line != w.line || e.File != "in.jsonl" {
			t.Errorf("error %d at %s:%d, want in.jsonl:%d", i, e.File, e.Line, w.line)
		}
		if w.cause != nil && !errors.Is(errs[i], w.cause) {
			t.Errorf("error %d = %v, want cause %v", i, errs[i], w.cause)
		}
		if !strings.Contains(errs[i].Error(), w.text) || !strings.Contains(errs[i].Error(), "in.jsonl:") {
			t.Errorf("error %d = %q, want it to name the file and say %q", i, errs[i], w.text)
		}
	}
}

func TestJSONLInvalidUTF8AndNoTrailingNewline(t *testing.T) {
	in := "{\"text\":\"ok\"}\n{\"text\":\"bad \xff byte\"}\n{\"text\":\"last\"}"
	stories, errs := readAll(t, in)
	if len(stories) != 2 || len(errs) != 1 {
		t.Fatalf("stories=%d errs=%v", len(stories), errs)
	}
	if !strings.Contains(errs[0].Error(), ":2:") || !strings.Contains(errs[0].Error(), "UTF-8") {
		t.Errorf("error = %v", errs[0])
	}
	if stories[1].Text != "last" {
		t.Errorf("last record = %q", stories[1].Text)
	}
}

func TestReadText(t *testing.T) {
	s, err := ReadText(strings.NewReader("Minsk said so.\n"), "dir/story-1.txt")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "story-1" || s.Text != "Minsk said so.\n" || s.File != "dir/story-1.txt" {
		t.Errorf("story = %+v", s)
	}
	_, err = ReadText(strings.NewReader(" \n\t"), "empty.txt")
	if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("empty file error = %v", err)
	}
	// Invalid UTF-8 and NUL bytes are kept: the tokenizer reports them.
	s, err = ReadText(strings.NewReader("a\x00b\xff"), "-")
	if err != nil || s.Text != "a\x00b\xff" || s.ID != "stdin" {
		t.Errorf("story = %+v, err = %v", s, err)
	}
}

func TestReadTextTooLarge(t *testing.T) {
	_, err := ReadText(io.LimitReader(zeros{}, MaxStoryBytes+10), "big.txt")
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestValidDate(t *testing.T) {
	for in, want := range map[string]bool{"": true, "2024-07-13": true, "2024-02-30": false, "2024-7-13": false, "x": false} {
		if got := ValidDate(in); got != want {
			t.Errorf("ValidDate(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"x","date":"2024-07-13"}` + "\n" + `{"text":1}`)
	f.Add("\n\n{\"text\":\"\xff\"}")
	f.Add(`{"id":[1],"text":"y"}`)
	f.Add(`[1,2,3]`)
	f.Fuzz(func(t *testing.T, in string) {
		r := NewJSONLReader(strings.NewReader(in), "fuzz.jsonl")
		for n := 0; ; n++ {
			if n > len(in)+2 {
				t.Fatalf("reader did not terminate")
			}
			s, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Line <= 0 {
					t.Fatalf("error without a line: %v", err)
				}
				continue
			}
			if strings.TrimSpace(s.Text) == "" || !ValidDate(s.Date) || s.ID == "" {
				t.Fatalf("accepted a bad story: %+v", s)
			}
		}
	})
}

func TestDocRepairsInvalidUTF8(t *testing.T) {
	s := &Story{ID: "x", Text: "ab\xffc\xc3"}
	d := s.Doc()
	if d.Text != "ab\uFFFDc\uFFFD" {
		t.Fatalf("text = %q", d.Text)
	}
	if len(d.Errors) != 2 || d.Errors[0].Offset != 2 || d.Errors[1].Offset != 6 || d.Errors[0].Op != "read" {
		t.Errorf("errors = %+v", d.Errors)
	}
	if d := (&Story{Text: "fine ✓"}).Doc(); d.Text != "fine ✓" || len(d.Errors) != 0 {
		t.Errorf("valid text changed: %q %v", d.Text, d.Errors)
	}
}
