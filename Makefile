# wirecoder: the two commands for a fresh machine are `make demo` and
# `make test`. Everything else is optional.

GO      ?= go
BIN     := bin/wirecoder
PKGS    := ./...

.PHONY: demo test build bench fuzz vet clean

## demo: build wirecoder and code the bundled example stories
demo: build
	$(BIN) code --format table examples/armenia-azerbaijan.txt --date 2025-03-04
	$(BIN) code --format table examples/finland-estonia.txt --date 2025-10-02

## test: run the whole test suite (the command CI runs)
test:
	$(GO) vet $(PKGS)
	$(GO) test -count=1 -timeout 9m $(PKGS)

build:
	@mkdir -p bin
	$(GO) build -o $(BIN) ./cmd/wirecoder

## bench: the speed benchmarks recorded in docs/benchmarks.md
bench:
	$(GO) test -run '^$$' -bench . -benchtime 2s -cpu 1 $(PKGS)

## fuzz: run each reader's fuzz target for FUZZTIME (default 60s)
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzJSONL$$' -fuzztime $(FUZZTIME) ./storyio

vet:
	$(GO) vet $(PKGS)

clean:
	rm -rf bin
