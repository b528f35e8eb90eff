// Package tabari reads the dictionary and control files of the TABARI
// event coder: .project and .options files, .actors and .agents
// dictionaries and .verbs dictionaries. Actors, agents and verbs are read
// into the structures of package dict/petrarch, which the event coder
// uses; TABARI's disjunctions "{ A | B }" in patterns are expanded into
// one pattern per alternative.
//
// The readers are lenient: a malformed line is skipped and reported in a
// petrarch.ErrorList naming the file and line.
package tabari

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirecoder/wirecoder/dict/petrarch"
)

type line struct {
	n    int
	text string
}

// readLines reads r, dropping ';' comments (TABARI's), lines that start
// with '#' or '//', and trailing white space. A '#' inside a line is kept:
// TABARI codes such as [###] use it.
func readLines(r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var out []line
	n := 0
	for sc.Scan() {
		n++
		s := strings.ToValidUTF8(sc.Text(), "\uFFFD")
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
			s = ""
		}
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
		out = append(out, line{n: n, text: strings.TrimRight(s, " \t\r")})
	}
	return out, sc.Err()
}

func open(op, path string) ([]line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer f.Close()
	ls, err := readLines(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", op, path, err)
	}
	return ls, nil
}

// Project is a .project file: the files of a coding project.
type Project struct {
	Title string
	// Files maps a tag without its brackets ("actorsfile", "verbsfile",
	// "optionsfile", "agentsfile", "textfile", "eventfile", ...) to the
	// file name.
	Files    map[string]string
	Coder    string
	Sessions int
}

// ReadProjectFile reads a .project file.
func ReadProjectFile(path string) (*Project, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read project: %w", err)
	}
	defer f.Close()
	return ReadProject(f, path)
}

// ReadProject reads a .project file: a title line, then "<tag> value"
// lines; session records are counted.
func ReadProject(r io.Reader, name string) (*Project, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("read project: %s: %w", name, err)
	}
	p := &Project{Files: map[string]string{}}
	var errs petrarch.ErrorList
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "<") {
			if p.Title == "" {
				p.Title = t
				continue
			}
			errs = append(errs, &petrarch.LineError{Op: "read project", File: name, Line: l.n, Msg: "line is not a <tag> value"})
			continue
		}
		end := strings.IndexByte(t, '>')
		if end < 0 {
			errs = append(errs, &petrarch.LineError{Op: "read project", File: name, Line: l.n, Msg: "tag not closed"})
			continue
		}
		tag := strings.ToLower(strings.TrimSpace(t[1:end]))
		val := strings.TrimSpace(t[end+1:])
		switch {
		case strings.HasPrefix(tag, "session"):
			p.Sessions++
		case tag == "coder":
			p.Coder = val
		default:
			p.Files[tag] = val
		}
	}
	return p, errs.Err()
}

// Command is one command of an .options file: "SET: LABEL = TRUE".
type Command struct {
	Name string // "SET", "LABEL", "COMPLEX", "OUTPUT", "FORWARD", ...
	Arg  string
	Line int
}

// Options is an .options file.
type Options struct {
	Commands []Command
	// Set holds the SET: settings, keys upper case: "LABEL" → "TRUE".
	Set map[string]string
	// Labels maps codes to their labels (LABEL: 031=MEET).
	Labels map[string]string
}

// ReadOptionsFile reads an .options file.
func ReadOptionsFile(path string) (*Options, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read options: %w", err)
	}
	defer f.Close()
	return ReadOptions(f, path)
}

// ReadOptions reads an .options file: "NAME: argument" commands; "~~"
// ends it.
func ReadOptions(r io.Reader, name string) (*Options, error) {
	ls, err := readLines(r)
	if err != nil {
		return nil, fmt.Errorf("read options: %s: %w", name, err)
	}
	o := &Options{Set: map[string]string{}, Labels: map[string]string{}}
	var errs petrarch.ErrorList
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "~~") {
			break
		}
		cmd, arg, ok := strings.Cut(t, ":")
		if !ok {
			errs = append(errs, &petrarch.LineError{Op: "read options", File: name, Line: l.n, Msg: fmt.Sprintf("no ':' in %q", t)})
			continue
		}
		c := Command{Name: strings.ToUpper(strings.TrimSpace(cmd)), Arg: strings.TrimSpace(arg), Line: l.n}
		o.Commands = append(o.Commands, c)
		switch c.Name {
		case "SET":
			k, v, ok := strings.Cut(c.Arg, "=")
			if !ok {
				o.Set[strings.ToUpper(strings.TrimSpace(k))] = ""
			} else {
				o.Set[strings.ToUpper(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
		case "LABEL":
			k, v, ok := strings.Cut(c.Arg, "=")
			if !ok {
				errs = append(errs, &petrarch.LineError{Op: "read options", File: name, Line: l.n, Msg: "LABEL without '='"})
				continue
			}
			o.Labels[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return o, errs.Err()
}
