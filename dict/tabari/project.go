package tabari

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Project is a parsed .project file: the files of a coding project, with
// paths resolved against the project file's directory.
type Project struct {
	Path    string
	Title   string // the first line
	Actors  []string
	Agents  []string
	Verbs   []string
	Options string
	Text    []string
	Coder   string
	// Other holds the remaining <tag> value lines (eventfile, errorfile,
	// problemfile, ...) by tag.
	Other map[string]string
}

// ReadProjectFile reads a .project file.
func ReadProjectFile(path string) (*Project, Problems, error) {
	return readFile(path, ReadProject)
}

// ReadProject reads a .project file from r; relative file names are
// resolved against the directory of name. Lines not starting with "<" are
// comments; <session> records are skipped.
func ReadProject(r io.Reader, name string) (*Project, Problems, error) {
	const op = "read project"
	p := &Project{Path: name, Other: map[string]string{}}
	dir := filepath.Dir(name)
	var probs Problems
	lr := newLineReader(r)
	first := true
	for {
		raw, n, ok := lr.next()
		if !ok {
			break
		}
		s := strings.TrimSpace(raw)
		if first {
			first = false
			if !strings.HasPrefix(s, "<") {
				p.Title = s
				continue
			}
		}
		if !strings.HasPrefix(s, "<") {
			continue
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			probs = append(probs, &SyntaxError{Op: op, File: name, Line: n, Msg: "missing > in tag"})
			continue
		}
		tag := strings.ToLower(strings.TrimSpace(s[1:j]))
		val := strings.TrimSpace(s[j+1:])
		if strings.HasPrefix(tag, "session") {
			continue
		}
		file := func() string {
			f := strings.Fields(val)
			if len(f) == 0 {
				probs = append(probs, &SyntaxError{Op: op, File: name, Line: n, Msg: fmt.Sprintf("<%s> without a file name", tag)})
				return ""
			}
			if filepath.IsAbs(f[0]) {
				return f[0]
			}
			return filepath.Join(dir, f[0])
		}
		switch tag {
		case "actorsfile", "actorfile":
			if f := file(); f != "" {
				p.Actors = append(p.Actors, f)
			}
		case "agentsfile", "agentfile":
			if f := file(); f != "" {
				p.Agents = append(p.Agents, f)
			}
		case "verbsfile", "verbfile":
			if f := file(); f != "" {
				p.Verbs = append(p.Verbs, f)
			}
		case "optionsfile":
			p.Options = file()
		case "textfile":
			if f := file(); f != "" {
				p.Text = append(p.Text, f)
			}
		case "coder":
			p.Coder = val
		default:
			p.Other[tag] = val
		}
	}
	if err := lr.err(); err != nil {
		return p, probs, fmt.Errorf("%s: %s:%d: %w", op, name, lr.n, err)
	}
	return p, probs, nil
}
