// Command gen compiles wirecoder's actor knowledge base from the
// third-party data in ../shared/data (countries, capitals, leaders) and the
// project's curated files in actor/kb/curated into actor/kb/compiled.kb.gz,
// which package actor embeds. Run it from the project root:
//
//	go run ./actor/internal/gen [-shared DIR] [-out FILE]
//
// The output is deterministic: the same inputs give byte-identical output.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func main() {
	sharedDir, _ := shared.Dir()
	sh := flag.String("shared", sharedDir, "the shared data directory")
	out := flag.String("out", "actor/kb/compiled.kb.gz", "the compiled knowledge base to write")
	curated := flag.String("curated", "actor/kb/curated", "the directory of curated .kb files")
	flag.Parse()
	if err := run(*sh, *curated, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(sh, curated, out string) error {
	var b bytes.Buffer
	b.WriteString("# wirecoder actor knowledge base, compiled by go run ./actor/internal/gen. DO NOT EDIT.\n")
	b.WriteString("# Edit the curated files in actor/kb/curated or the generator, and regenerate.\n")
	idx, err := countries(&b, filepath.Join(sh, "data/geo"))
	if err != nil {
		return err
	}
	known := fullNames{}
	if err := wikidata(&b, filepath.Join(sh, "data/leaders/wikidata-leaders-2022.csv"), idx, known); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(curated, "*.kb"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if err := known.addCurated(f); err != nil {
			return err
		}
	}
	if err := archigos(&b, filepath.Join(sh, "data/leaders/archigos-4.1-annual.txt"), known); err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("read curated file: %w", err)
		}
		fmt.Fprintf(&b, "\n@source curated:%s\n", filepath.Base(f))
		b.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(b.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s (%d bytes, %d uncompressed)\n", out, z.Len(), b.Len())
	return nil
}

// latin reports whether s is written in Latin letters only (names in other
// scripts are left out: the coder reads English).
func latin(s string) bool {
	for _, r := range s {
		if r > 0x24F && r != '’' {
			return false
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func clean(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "|", " ")
	s = strings.ReplaceAll(s, ";", " ")
	return strings.Join(strings.Fields(s), " ")
}

type countryRec struct {
	code                         string
	names, adj, people, capitals []string
}

func add(dst []string, s ...string) []string {
outer:
	for _, x := range s {
		x = clean(x)
		if x == "" || !latin(x) {
			continue
		}
		for _, d := range dst {
			if strings.EqualFold(d, x) {
				continue outer
			}
		}
		dst = append(dst, x)
	}
	return dst
}

// plural forms a plural demonym: "Belarusian" → "Belarusians", "Israeli" →
// "Israelis"; "" for demonyms with no regular plural ("French", "Swiss").
func plural(adj string) string {
	switch {
	case strings.HasSuffix(adj, "ese"), strings.HasSuffix(adj, "ish"), strings.HasSuffix(adj, "ch"), strings.HasSuffix(adj, "ss"):
		return ""
	case strings.HasSuffix(adj, "n"), strings.HasSuffix(adj, "i"):
		return adj + "s"
	}
	return ""
}

// countries writes one country record per ISO alpha-3 code from
// countries.json (names, demonyms, capitals), country-codes.csv (UN and
// CLDR short names) and geonames-countryInfo.tsv (names, capitals). It
// returns an index from lower-case name to code.
func countries(b *bytes.Buffer, dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "countries.json"))
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	var raw []struct {
		Name struct {
			Common, Official string
		}
		Cca3         string
		AltSpellings []string
		Capital      []string
		Demonyms     map[string]struct{ F, M string }
		Independent  bool
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("countries: parse %s: %w", filepath.Join(dir, "countries.json"), err)
	}
	// A demonym shared by several territories ("French", "American") goes
	// to the independent state among them only.
	demIndep := map[string]int{}
	for _, c := range raw {
		if d, ok := c.Demonyms["eng"]; ok && c.Independent {
			demIndep[d.M]++
			if d.F != d.M {
				demIndep[d.F]++
			}
		}
	}
	recs := map[string]*countryRec{}
	get := func(code string) *countryRec {
		r := recs[code]
		if r == nil {
			r = &countryRec{code: code}
			recs[code] = r
		}
		return r
	}
	for _, c := range raw {
		if len(c.Cca3) != 3 {
			continue
		}
		r := get(c.Cca3)
		r.names = add(r.names, c.Name.Common, c.Name.Official)
		for _, a := range c.AltSpellings {
			if len(a) > 3 && !strings.Contains(a, ",") {
				r.names = add(r.names, a)
			}
		}
		if d, ok := c.Demonyms["eng"]; ok && (c.Independent || demIndep[d.M] == 0) {
			// "Bosnian, Herzegovinian": several demonyms in one field.
			for _, dem := range []string{d.M, d.F} {
				r.adj = add(r.adj, strings.Split(dem, ",")...)
			}
			for _, a := range r.adj {
				if p := plural(a); p != "" {
					r.people = add(r.people, p)
				}
			}
		}
		r.capitals = add(r.capitals, c.Capital...)
	}
	// country-codes.csv: UN short names and CLDR display names.
	f, err := os.Open(filepath.Join(dir, "country-codes.csv"))
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	cr := csv.NewReader(f)
	head, err := cr.Read()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("countries: read country-codes.csv header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("countries: country-codes.csv line %d: %w", line, err)
		}
		code := rec[col["ISO3166-1-Alpha-3"]]
		if _, ok := recs[code]; !ok {
			continue
		}
		r := recs[code]
		for _, h := range []string{"UNTERM English Short", "CLDR display name", "official_name_en"} {
			n := rec[col[h]]
			n = strings.TrimSuffix(n, " (the)")
			if i := strings.Index(n, " ("); i > 0 {
				n = n[:i]
			}
			if strings.Contains(n, ",") {
				continue
			}
			r.names = add(r.names, n)
		}
	}
	f.Close()
	// geonames countryInfo: name and capital.
	gi, err := os.ReadFile(filepath.Join(dir, "geonames-countryInfo.tsv"))
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	for i, ln := range strings.Split(string(gi), "\n") {
		if ln == "" || ln[0] == '#' {
			continue
		}
		fs := strings.Split(ln, "\t")
		if len(fs) < 6 {
			return nil, fmt.Errorf("countries: geonames-countryInfo.tsv line %d: %d fields, want at least 6", i+1, len(fs))
		}
		if r, ok := recs[fs[1]]; ok {
			r.names = add(r.names, fs[4])
			if fs[5] != "" {
				r.capitals = add(r.capitals, fs[5])
			}
		}
	}
	codes := make([]string, 0, len(recs))
	for c := range recs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	idx := map[string]string{}
	b.WriteString("\n@source countries.json+country-codes.csv+geonames-countryInfo (CC BY 4.0 / ODbL / PDDL)\n")
	for _, c := range codes {
		r := recs[c]
		for _, n := range r.names {
			idx[strings.ToLower(n)] = c
		}
		fmt.Fprintf(b, "country %s | %s", c, strings.Join(r.names, "; "))
		if len(r.adj) > 0 {
			fmt.Fprintf(b, " | adj=%s", strings.Join(r.adj, "; "))
		}
		if len(r.people) > 0 {
			fmt.Fprintf(b, " | people=%s", strings.Join(r.people, "; "))
		}
		if len(r.capitals) > 0 {
			fmt.Fprintf(b, " | capital=%s", strings.Join(r.capitals, "; "))
		}
		b.WriteByte('\n')
	}
	return idx, nil
}

// wikidataCountry maps the Wikidata country labels that are no country
// name of countries.json.
var wikidataCountry = map[string]string{
	"people's republic of china": "CHN", "kingdom of denmark": "DNK", "kingdom of the netherlands": "NLD",
	"republic of ireland": "IRL", "republic of the congo": "COG", "the bahamas": "BHS", "the gambia": "GMB",
	"state of palestine": "PSE", "east timor": "TLS", "federated states of micronesia": "FSM",
	"são tomé and príncipe": "STP", "vatican city": "VAT", "turkey": "TUR", "ivory coast": "CIV",
	"czech republic": "CZE", "eswatini": "SWZ", "cape verde": "CPV", "kosovo": "XKX",
	"democratic republic of the congo": "COD", "north macedonia": "MKD", "united states of america": "USA",
}

// fullNames maps a country and a surname to the full name of a leader
// known from Wikidata or a curated file, so that Archigos spells that give
// a surname only ("Obama") join that person.
type fullNames map[[2]string]string

func (f fullNames) add(country, name string) {
	if sn := lastName(name); sn != "" {
		k := [2]string{country, strings.ToLower(sn)}
		if _, ok := f[k]; !ok {
			f[k] = name
		}
	}
}

// addCurated reads the role lines of a curated file.
func (f fullNames) addCurated(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read curated file: %w", err)
	}
	for _, ln := range strings.Split(string(data), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(ln), "role ")
		if !ok {
			continue
		}
		parts := strings.Split(rest, "|")
		if len(parts) < 2 {
			continue
		}
		name, code := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		if len(code) >= 3 && strings.Contains(name, " ") {
			f.add(code[:3], name)
		}
	}
	return nil
}

// wikidata writes the heads of state and government of 2022-10.
func wikidata(b *bytes.Buffer, path string, idx map[string]string, known fullNames) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wikidata: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	if _, err := cr.Read(); err != nil {
		return fmt.Errorf("wikidata: read %s header: %w", path, err)
	}
	b.WriteString("\n@source wikidata-leaders-2022 (CC0)\n")
	skipped := 0
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("wikidata: %s line %d: %w", path, line, err)
		}
		if len(rec) < 8 {
			return fmt.Errorf("wikidata: %s line %d: %d fields, want 8", path, line, len(rec))
		}
		country, title, name, from, until := rec[1], rec[3], clean(rec[5]), rec[6], rec[7]
		code := wikidataCountry[strings.ToLower(country)]
		if code == "" {
			code = idx[strings.ToLower(country)]
		}
		if code == "" || name == "" || !latin(name) || strings.HasPrefix(name, "Q") && !strings.Contains(name, " ") {
			skipped++
			continue
		}
		known.add(code, name)
		fmt.Fprintf(b, "person %s | %s\n", name, surname(name))
		fmt.Fprintf(b, "role %s | %sGOV | %s | %s | %s\n", name, code, from, until, clean(title))
	}
	fmt.Fprintf(os.Stderr, "gen: wikidata: %d rows left out (region not a country, or name not in Latin script)\n", skipped)
	return nil
}

// commonAlias lists one-word aliases that are also common English words or
// first names: as a surname alone they would match too much ("Key officials
// said" is not John Key), so the generator leaves them out. Full names
// still match.
var commonAlias = map[string]bool{
	"ahmed": true, "ali": true, "ford": true, "francis": true, "hassan": true, "hussein": true,
	"john": true, "key": true, "long": true, "mohammed": true, "muhammad": true, "price": true,
	"said": true, "sen": true, "smith": true, "nu": true, "may": true, "will": true, "young": true,
	"king": true, "rice": true, "church": true, "white": true, "black": true, "brown": true,
	"green": true, "hill": true, "rose": true, "hope": true, "law": true, "grant": true,
	"park": true, "lee": true, "kim": true, "li": true, "wang": true, "zhang": true, "chen": true,
	"abdullah": true, "khan": true, "singh": true, "shah": true, "sharif": true, "bell": true,
	"banks": true, "baker": true, "carter": true, "jones": true, "lord": true, "sharp": true,
	"major": true, "home": true, "heath": true, "eden": true, "wilson": true, "paul": true,
	"peter": true, "james": true, "george": true, "charles": true, "william": true, "henry": true,
	"victor": true, "mark": true, "martin": true, "thomas": true, "abbas": true, "omar": true,
	"ibrahim": true, "ismail": true, "karim": true, "salim": true, "hamid": true, "rahman": true,
}

// surname is the last word of a name, as the alias it is mostly used by
// ("Putin"); names of one word, and surnames that are common words, have
// none.
func surname(name string) string {
	s := lastName(name)
	if commonAlias[strings.ToLower(strings.TrimSuffix(s, "."))] {
		return ""
	}
	return s
}

func lastName(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	s := f[len(f)-1]
	switch strings.TrimSuffix(s, ".") {
	case "Jr", "Sr", "II", "III", "IV":
		if len(f) > 2 {
			return f[len(f)-2]
		}
		return ""
	}
	return s
}

// archigos writes the leader spells of Archigos 4.1 that end in 1946 or
// later, with the dbpedia name of each leader.
func archigos(b *bytes.Buffer, path string, known fullNames) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("archigos: %w", err)
	}
	type spell struct {
		id, cow, name, alias, from, until, gender string
	}
	spells := map[string]*spell{}
	var order []string
	lines := strings.Split(string(data), "\n")
	for i, ln := range lines[1:] {
		if ln == "" {
			continue
		}
		fs := strings.Split(ln, "\t")
		if len(fs) < 18 {
			return fmt.Errorf("archigos: %s line %d: %d fields, want 18 or more", path, i+2, len(fs))
		}
		id := fs[0] + "/" + fs[1]
		s := spells[id]
		if s == nil {
			s = &spell{id: id, cow: fs[3], alias: fs[4], from: fs[5], until: fs[6], name: dbpediaName(fs[17]), gender: strings.ToLower(fs[12])}
			spells[id] = s
			order = append(order, id)
		}
		if fs[5] < s.from {
			s.from = fs[5]
		}
		if fs[6] > s.until {
			s.until = fs[6]
		}
	}
	b.WriteString("\n@source archigos-4.1 (CC BY 4.0)\n")
	unmapped := map[string]bool{}
	for _, id := range order {
		s := spells[id]
		if s.until < "1946-01-01" {
			continue
		}
		iso := cowISO[s.cow]
		if iso == "" {
			unmapped[s.cow] = true
			continue
		}
		name := s.name
		if name == "" || !latin(name) {
			// No dbpedia name: join the leader of that country with this
			// surname, or leave the spell out (a surname alone would match
			// every Thompson and Christie).
			name = known[[2]string{iso, strings.ToLower(s.alias)}]
		}
		weak := ""
		if name == "" && s.alias != "" && latin(s.alias) && !strings.ContainsAny(s.alias, "(),") && len(s.alias) >= 3 {
			// Known by surname only: a person of its own per country
			// ("Thompson (BRB)") that matches only after a title
			// ("Prime Minister Thompson").
			name = s.alias + " (" + iso + ")"
			weak = " | weak=1"
		}
		if name == "" || !latin(name) || strings.ContainsAny(name, ",") || weak == "" && strings.ContainsAny(name, "()") || len(name) < 3 {
			continue
		}
		aliases := []string{}
		if sn := surname(name); sn != "" {
			aliases = append(aliases, sn)
		}
		if s.alias != "" && s.alias != name && latin(s.alias) && !strings.ContainsAny(s.alias, "(),") && len(s.alias) >= 3 && !commonAlias[strings.ToLower(s.alias)] {
			aliases = append(aliases, s.alias)
		}
		g := ""
		if s.gender == "m" || s.gender == "f" {
			g = " | gender=" + s.gender
		}
		if weak != "" {
			aliases = []string{s.alias}
		}
		fmt.Fprintf(b, "person %s | %s%s%s\n", name, strings.Join(dedup(aliases), "; "), g, weak)
		fmt.Fprintf(b, "role %s | %sGOV | %s | %s | effective leader of %s (Archigos)\n", name, iso, s.from, s.until, iso)
	}
	var um []string
	for c := range unmapped {
		um = append(um, c)
	}
	sort.Strings(um)
	fmt.Fprintf(os.Stderr, "gen: archigos: states with no present-day ISO code left out: %s\n", strings.Join(um, " "))
	return nil
}

func dedup(s []string) []string {
	var out []string
	for _, x := range s {
		x = clean(x)
		dup := x == ""
		for _, o := range out {
			dup = dup || o == x
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// dbpediaName turns a dbpedia resource URI into a name:
// http://dbpedia.org/resource/Vladimir_Putin → "Vladimir Putin".
func dbpediaName(uri string) string {
	i := strings.LastIndex(uri, "/resource/")
	if i < 0 {
		return ""
	}
	n := uri[i+len("/resource/"):]
	if u, err := url.PathUnescape(n); err == nil {
		n = u
	}
	n = strings.ReplaceAll(n, "_", " ")
	if j := strings.Index(n, " ("); j > 0 {
		n = n[:j]
	}
	if j := strings.Index(n, ","); j > 0 {
		n = n[:j]
	}
	return clean(n)
}
