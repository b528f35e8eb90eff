module github.com/wirecoder/wirecoder

go 1.26.8

require (
	github.com/jdkato/prose/v3 v3.2.3
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/term v0.48.0
)

require (
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
