package where

import "github.com/wirecoder/wirecoder/doc"

// locatives introduce a place: a country after one of them is where
// something happened ("deployed in Belarus"), not an actor ("Russia said").
var locatives = map[string]bool{
	"in": true, "into": true, "inside": true, "across": true, "near": true, "at": true,
	"throughout": true, "within": true, "from": true, "over": true, "to": true, "outside": true,
	"towards": true, "toward": true, "along": true, "on": true,
}

// EventPlace places an event whose trigger starts at byte offset off in
// sentence sent of d (after Process): the nearest city or US state of that
// sentence, else its nearest border mention, else the nearest country
// that follows a locative preposition ("in Belarus"). It reports false
// when the sentence names no such place.
func (g *Gazetteer) EventPlace(d *doc.Doc, sent, off int) (doc.Place, bool) {
	const (
		tierCity = iota
		tierBorder
		tierCountry
		tierNone
	)
	best, bestTier, bestDist := -1, tierNone, 0
	for i, p := range d.Places {
		if p.Sent != sent {
			continue
		}
		tier := tierCity
		switch {
		case len(p.Countries) > 0:
			tier = tierBorder
		case g.isCountryPlace(p):
			k := d.TokenAt(p.Start)
			if k <= 0 || !locatives[tokenLower(d, k-1)] {
				continue
			}
			tier = tierCountry
		}
		dist := 0
		switch {
		case off < p.Start:
			dist = p.Start - off
		case off >= p.End:
			dist = off - p.End + 1
		}
		if tier < bestTier || tier == bestTier && dist < bestDist {
			best, bestTier, bestDist = i, tier, dist
		}
	}
	if best < 0 {
		return doc.Place{}, false
	}
	return d.Places[best], true
}

// isCountryPlace reports a place that stands for a whole country: its
// coordinates are the country's centroid, so its name is a country name.
func (g *Gazetteer) isCountryPlace(p doc.Place) bool {
	c, ok := g.Country(p.Country)
	return ok && c.Name == p.Name && c.Lat == p.Lat && c.Lon == p.Lon
}
