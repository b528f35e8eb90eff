package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// A subcommand group such as "train" or "eval" dispatches on its first
// argument to a task registered by the file that implements it, so that
// each task lives in its own file.
type taskGroup struct {
	name  string
	tasks map[string]task
}

type task struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

var (
	trainTasks = &taskGroup{name: "train", tasks: map[string]task{}}
	evalTasks  = &taskGroup{name: "eval", tasks: map[string]task{}}
)

// registerTrainer adds "wirecoder train NAME".
func registerTrainer(name, summary string, run func(ctx context.Context, e *env, args []string) error) {
	trainTasks.add(name, task{summary, run})
}

// registerEval adds "wirecoder eval NAME".
func registerEval(name, summary string, run func(ctx context.Context, e *env, args []string) error) {
	evalTasks.add(name, task{summary, run})
}

func (g *taskGroup) add(name string, t task) {
	if _, dup := g.tasks[name]; dup {
		panic("wirecoder: " + g.name + " task registered twice: " + name)
	}
	g.tasks[name] = t
}

func (g *taskGroup) names() []string {
	n := make([]string, 0, len(g.tasks))
	for k := range g.tasks {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

func (g *taskGroup) run(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "usage: wirecoder %s TASK [flags]\n\ntasks:\n", g.name)
		for _, n := range g.names() {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", n, g.tasks[n].summary)
		}
		if len(args) == 0 {
			return usagef("%s needs a task: %s", g.name, strings.Join(g.names(), "|"))
		}
		return errHelp
	}
	t, ok := g.tasks[args[0]]
	if !ok {
		return usagef("unknown %s task %q (want %s)", g.name, args[0], strings.Join(g.names(), "|"))
	}
	return t.run(ctx, e, args[1:])
}

func init() {
	register(&command{name: "train", summary: "train a model from ../shared data (tagger, parser, ner, ...)", run: trainTasks.run})
	register(&command{name: "eval", summary: "score wirecoder against a gold standard (ud, ner, petrarch, ...)", run: evalTasks.run})
}
