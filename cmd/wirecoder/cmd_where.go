package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/wirecoder/wirecoder/where"
)

func init() {
	register(&command{name: "where", summary: "look up places and countries in the embedded gazetteer", run: runWhere})
}

// runWhere geocodes each name argument:
//
//	wirecoder where --countries USA Paris
//	wirecoder where --country BLR
func runWhere(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "where", "[--countries ISO3,...] NAME... | --country ISO3")
	countries := fs.String("countries", "", "comma-separated ISO alpha-3 codes of the story's countries, to disambiguate")
	country := fs.String("country", "", "show the country with this ISO alpha-3 code")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 && *country == "" {
		return usagef("where needs a name or --country")
	}
	g, err := where.Default()
	if err != nil {
		return err
	}
	if *country != "" {
		c, ok := g.Country(*country)
		if !ok {
			return fmt.Errorf("where: no country with code %q", *country)
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\tcapital=%s (%.4f, %.4f)\tcentroid=(%.4f, %.4f)\tnames=%s\tdemonyms=%s\n",
			c.ISO3, c.ISO2, c.Name, c.Capital, c.CapitalLat, c.CapitalLon, c.Lat, c.Lon,
			strings.Join(c.Names, "|"), strings.Join(c.Demonyms, "|"))
	}
	var cs []string
	if *countries != "" {
		cs = strings.Split(*countries, ",")
	}
	for _, name := range pos {
		p, ok := g.Lookup(name, cs)
		if !ok {
			fmt.Fprintf(e.stdout, "%s\t-\n", name)
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%.4f\t%.4f\n", name, p.Name, p.Country, p.Lat, p.Lon)
	}
	return nil
}
