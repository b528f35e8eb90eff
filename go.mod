module github.com/wirecoder/wirecoder

go 1.26.8

require golang.org/x/term v0.48.0

require (
	github.com/jdkato/prose/v3 v3.2.3 // indirect
	golang.org/x/sys v0.50.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
