// Command clustergen builds the word clusters used by the NER's cluster
// features: a binary hierarchy of lower-cased words learnt from their left
// and right neighbours in unlabeled English text, written as "word\tpath"
// lines (path a string of 0s and 1s; words sharing a prefix are
// distributionally similar), gzip-compressed.
//
// The hierarchy is built by recursive two-way spherical k-means (bisecting
// k-means) over PPMI-weighted, L2-normalised context vectors: for each word
// occurring at least -min times, the counts of the -contexts most frequent
// words to its left and to its right. It plays the role of Brown clusters
// (bit-string prefixes of a word's path are its cluster at that
// granularity) at a fraction of the cost. Output is deterministic.
//
// Sources, all under ../shared/data (the training and dev halves only, never
// test): the UNER EWT train tokens (and with -dev the dev tokens; CC BY-SA
// 4.0), the ConfliBERT
// CAMEO sentences and NER tokens (GPL-3), the PETRARCH GigaWord sample and
// unit-test records (MIT), the PLOVER gold records' texts (CC BY-SA 4.0).
//
//	go run ./ner/internal/clustergen -out ner/model/clusters.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/wirecoder/wirecoder/internal/shared"
)

func main() {
	out := flag.String("out", "ner/model/clusters.txt.gz", "output file")
	minCount := flag.Int("min", 2, "minimum count of a clustered word")
	nctx := flag.Int("contexts", 1000, "number of context words")
	depth := flag.Int("depth", 20, "maximum path length")
	withDev := flag.Bool("dev", false, "also read the UNER EWT dev text (then dev scores overstate the clusters' help)")
	flag.Parse()
	if err := run(*out, *minCount, *nctx, *depth, *withDev); err != nil {
		fmt.Fprintln(os.Stderr, "clustergen:", err)
		os.Exit(1)
	}
}

// tokenize splits raw text into words, separating leading and trailing
// punctuation and the clitics 's and n't, close to EWT's tokenisation.
func tokenize(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		var tail []string
		for len(f) > 0 {
			r := []rune(f)
			if len(r) > 1 && unicode.IsPunct(r[0]) && r[0] != '@' && r[0] != '#' {
				out = append(out, string(r[0]))
				f = string(r[1:])
				continue
			}
			break
		}
		for len(f) > 0 {
			r := []rune(f)
			if len(r) > 1 && unicode.IsPunct(r[len(r)-1]) {
				tail = append(tail, string(r[len(r)-1]))
				f = string(r[:len(r)-1])
				continue
			}
			break
		}
		lf := strings.ToLower(f)
		switch {
		case strings.HasSuffix(lf, "n't") && len(f) > 3:
			out = append(out, f[:len(f)-3], f[len(f)-3:])
		case (strings.HasSuffix(lf, "'s") || strings.HasSuffix(lf, "’s")) && len(f) > 2:
			k := strings.LastIndexAny(f, "'’")
			out = append(out, f[:k], f[k:])
		case f != "":
			out = append(out, f)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

var textTag = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)

// corpus returns the sentences of the sources, as word lists.
func corpus(dir string, withDev bool) ([][]string, error) {
	var sents [][]string
	p := func(rel string) string { return filepath.Join(dir, "data", rel) }
	// Column files: one token per line in column col, blank lines between sentences.
	columns := func(rel string, col int, sep string) error {
		f, err := os.Open(p(rel))
		if err != nil {
			return fmt.Errorf("reading %s: %w", rel, err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var cur []string
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "#\t") {
				continue
			}
			if strings.TrimSpace(line) == "" {
				if len(cur) > 0 {
					sents = append(sents, cur)
					cur = nil
				}
				continue
			}
			parts := strings.Split(line, sep)
			if col < len(parts) {
				cur = append(cur, parts[col])
			}
		}
		if len(cur) > 0 {
			sents = append(sents, cur)
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", rel, err)
		}
		return nil
	}
	ewt := []string{"uner-ewt/en_ewt-ud-train.iob2"}
	if withDev {
		ewt = append(ewt, "uner-ewt/en_ewt-ud-dev.iob2")
	}
	for _, rel := range ewt {
		if err := columns(rel, 1, "\t"); err != nil {
			return nil, err
		}
	}
	if err := columns("conflibert/cameo_ner_train.txt", 0, " "); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(p("conflibert/cameo_class_train.tsv"))
	if err != nil {
		return nil, fmt.Errorf("reading conflibert sentences: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if t, _, ok := strings.Cut(line, "\t"); ok {
			sents = append(sents, tokenize(t))
		}
	}
	for _, rel := range []string{"petrarch/text/GigaWord.sample.PETR.xml", "petrarch/text/PETR.UnitTest.records.xml"} {
		b, err := os.ReadFile(p(rel))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", rel, err)
		}
		for _, m := range textTag.FindAllSubmatch(b, -1) {
			sents = append(sents, tokenize(string(m[1])))
		}
	}
	b, err = os.ReadFile(p("plover/PLOVER_GSR_dev.json"))
	if err != nil {
		return nil, fmt.Errorf("reading PLOVER records: %w", err)
	}
	var recs []struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("parsing PLOVER records: %w", err)
	}
	for _, r := range recs {
		if r.Text != "" {
			sents = append(sents, tokenize(r.Text))
		}
	}
	return sents, nil
}

type entry struct {
	idx []int32
	val []float32
}

func run(out string, minCount, nctx, depth int, withDev bool) error {
	dir, ok := shared.Dir()
	if !ok {
		return fmt.Errorf("../shared not found")
	}
	sents, err := corpus(dir, withDev)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	ntok := 0
	for _, s := range sents {
		for i, w := range s {
			s[i] = strings.ToLower(w)
			counts[s[i]]++
			ntok++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := counts[b] - counts[a]; c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	ctxID := map[string]int32{}
	for i, w := range words[:min(nctx, len(words))] {
		ctxID[w] = int32(i)
	}
	nc := len(ctxID)
	dim := 2 * (nc + 1) // left and right; the last of each is "other" / sentence edge
	var vocab []string
	vid := map[string]int{}
	for _, w := range words {
		if counts[w] >= minCount {
			vid[w] = len(vocab)
			vocab = append(vocab, w)
		}
	}
	raw := make([]map[int32]float64, len(vocab))
	for i := range raw {
		raw[i] = map[int32]float64{}
	}
	ctxOf := func(w string) int32 {
		if c, ok := ctxID[w]; ok {
			return c
		}
		return int32(nc)
	}
	colSum := make([]float64, dim)
	var total float64
	for _, s := range sents {
		for i, w := range s {
			v, ok := vid[w]
			if !ok {
				continue
			}
			l, r := int32(nc), int32(nc)
			if i > 0 {
				l = ctxOf(s[i-1])
			}
			if i+1 < len(s) {
				r = ctxOf(s[i+1])
			}
			raw[v][l]++
			raw[v][int32(nc+1)+r]++
			colSum[l]++
			colSum[int32(nc+1)+r]++
			total += 2
		}
	}
	// PPMI weights, L2-normalised.
	vecs := make([]entry, len(vocab))
	for v, m := range raw {
		var rowSum float64
		for _, c := range m {
			rowSum += c
		}
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var e entry
		var norm float64
		for _, k := range keys {
			pmi := math.Log(m[k] * total / (rowSum * colSum[k]))
			if pmi <= 0 {
				continue
			}
			e.idx = append(e.idx, k)
			e.val = append(e.val, float32(pmi))
			norm += pmi * pmi
		}
		norm = math.Sqrt(norm)
		for i := range e.val {
			e.val[i] /= float32(norm)
		}
		vecs[v] = e
	}
	fmt.Fprintf(os.Stderr, "clustergen: %d sentences, %d tokens, %d word types, %d clustered (count >= %d), %d context words\n",
		len(sents), ntok, len(counts), len(vocab), minCount, nc)
	paths := make([]string, len(vocab))
	all := make([]int, len(vocab))
	for i := range all {
		all[i] = i
	}
	bisect(vecs, all, "", depth, dim, paths)
	var lines []string
	for v, w := range vocab {
		if strings.ContainsAny(w, "\t\n") || w == "" {
			continue
		}
		lines = append(lines, w+"\t"+paths[v])
	}
	slices.Sort(lines)
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "clustergen: wrote %d words to %s\n", len(lines), out)
	return nil
}

// bisect splits set (word indices, most frequent first) in two by
// spherical k-means and recurses, appending 0 or 1 to each word's path.
func bisect(vecs []entry, set []int, path string, depth, dim int, paths []string) {
	if len(set) < 2 || len(path) >= depth {
		for _, v := range set {
			paths[v] = path
		}
		return
	}
	dot := func(c []float32, e entry) float32 {
		var s float32
		for i, k := range e.idx {
			s += c[k] * e.val[i]
		}
		return s
	}
	c0, c1 := make([]float32, dim), make([]float32, dim)
	// Seeds: the most frequent word, and the word least similar to it.
	for i, k := range vecs[set[0]].idx {
		c0[k] = vecs[set[0]].val[i]
	}
	far, farSim := set[1], float32(2)
	for _, v := range set[1:] {
		if s := dot(c0, vecs[v]); s < farSim {
			far, farSim = v, s
		}
	}
	for i, k := range vecs[far].idx {
		c1[k] = vecs[far].val[i]
	}
	side := make([]bool, len(set))
	for it := 0; it < 12; it++ {
		changed := false
		for j, v := range set {
			s := dot(c1, vecs[v]) > dot(c0, vecs[v])
			if s != side[j] || it == 0 {
				changed = changed || s != side[j]
				side[j] = s
			}
		}
		clear(c0)
		clear(c1)
		for j, v := range set {
			c := c0
			if side[j] {
				c = c1
			}
			for i, k := range vecs[v].idx {
				c[k] += vecs[v].val[i]
			}
		}
		for _, c := range [][]float32{c0, c1} {
			var n float64
			for _, x := range c {
				n += float64(x) * float64(x)
			}
			if n > 0 {
				inv := float32(1 / math.Sqrt(n))
				for i := range c {
					c[i] *= inv
				}
			}
		}
		if !changed && it > 0 {
			break
		}
	}
	var a, b []int
	for j, v := range set {
		if side[j] {
			b = append(b, v)
		} else {
			a = append(a, v)
		}
	}
	if len(a) == 0 || len(b) == 0 { // no split possible: identical vectors
		a, b = set[:len(set)/2], set[len(set)/2:]
	}
	bisect(vecs, a, path+"0", depth, dim, paths)
	bisect(vecs, b, path+"1", depth, dim, paths)
}
