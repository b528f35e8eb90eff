package where

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/wirecoder/wirecoder/doc"
	"github.com/wirecoder/wirecoder/internal/shared"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// wp is one expected place: offsets, the text they cover, the gazetteer
// name, the country and the countries a border is tied to.
type wp struct {
	start, end int
	text, name string
	country    string
	countries  []string
}

func TestProcess(t *testing.T) {
	g := gaz(t)
	for _, c := range []struct {
		text     string
		entities []string // actor countries of d.Entities
		want     []wp
	}{
		{"Protesters gathered in Paris on Saturday.", nil, []wp{
			{23, 28, "Paris", "Paris", "FRA", nil}}},
		{"The rodeo in Paris, Texas drew crowds.", nil, []wp{
			{13, 18, "Paris", "Paris", "USA", nil},
			{20, 25, "Texas", "Texas", "USA", nil}}},
		{"The mayor of Paris said Texas would help.", nil, []wp{
			{13, 18, "Paris", "Paris", "FRA", nil},
			{24, 29, "Texas", "Texas", "USA", nil}}},
		// Surnames, first names and common words are not places.
		{"Hillary Clinton spoke in Iowa. Clinton said Obama and Rubio agreed.", nil, []wp{
			{25, 29, "Iowa", "Iowa", "USA", nil}}},
		{"Time magazine said Much remained unclear in Central Asia.", nil, nil},
		{"He works at Latham & Watkins. Feel free to spread the Bern.", nil, nil},
		{"Tax reform is the frontier of American policy.", nil, nil},
		{"He visited the border of Mexico and the United States.", nil, []wp{
			{15, 53, "border of Mexico and the United States", "border of Mexico and the United States", "", []string{"MEX", "USA"}},
			{25, 31, "Mexico", "Mexico", "MEX", nil},
			{40, 53, "United States", "United States", "USA", nil}}},
		{"Lukashenko met officials in Minsk.", nil, []wp{
			{28, 33, "Minsk", "Minsk", "BLR", nil}}},
		{"Missiles hit Kyiv overnight, officials in Kiev said.", nil, []wp{
			{13, 17, "Kyiv", "Kyiv", "UKR", nil},
			{42, 46, "Kiev", "Kyiv", "UKR", nil}}},
		{"Kharkov and Odessa came under fire.", nil, []wp{
			{0, 7, "Kharkov", "Kharkiv", "UKR", nil},
			{12, 18, "Odessa", "Odesa", "UKR", nil}}},
		{"Heavy fighting was reported near Bakhmut and Artemivsk.", nil, []wp{
			{33, 40, "Bakhmut", "Bakhmut", "UKR", nil},
			{45, 54, "Artemivsk", "Bakhmut", "UKR", nil}}},
		{"The talks in Brest were attended by officials from Minsk.", nil, []wp{
			{13, 18, "Brest", "Brest", "BLR", nil},
			{51, 56, "Minsk", "Minsk", "BLR", nil}}},
		{"The festival in Brest drew French crowds.", nil, []wp{
			{16, 21, "Brest", "Brest", "FRA", nil}}},
		{"The festival in Brest drew crowds.", []string{"FRA"}, []wp{
			{16, 21, "Brest", "Brest", "FRA", nil}}},
		{"Washington and Moscow traded accusations.", nil, []wp{
			{0, 10, "Washington", "Washington", "USA", nil},
			{15, 21, "Moscow", "Moscow", "RUS", nil}}},
		{"The U.S. and the UK imposed sanctions on Iran.", nil, []wp{
			{4, 8, "U.S.", "United States", "USA", nil},
			{17, 19, "UK", "United Kingdom", "GBR", nil},
			{41, 45, "Iran", "Iran", "IRN", nil}}},
		// Common words and first names are not places without context.
		{"Reading the report, he said it was a nice day in Bath.", nil, nil},
		{"Mobile phones were banned. Of course it was March.", nil, nil},
		{"Kremlin leader Vladimir Putin spoke.", nil, nil},
		{"He moved to Reading, England, and later to Bath (United Kingdom).", nil, []wp{
			{12, 19, "Reading", "Reading", "GBR", nil},
			{21, 28, "England", "United Kingdom", "GBR", nil},
			{43, 47, "Bath", "Bath", "GBR", nil},
			{49, 63, "United Kingdom", "United Kingdom", "GBR", nil}}},
		// Curated regions and seas.
		{"Russia annexed Crimea and patrols the Black Sea.", nil, []wp{
			{0, 6, "Russia", "Russia", "RUS", nil},
			{15, 21, "Crimea", "Crimea", "UKR", nil},
			{38, 47, "Black Sea", "Black Sea", "", nil}}},
		// Borders.
		{"Troops crossed the Belarusian-Ukrainian border.", nil, []wp{
			{19, 46, "Belarusian-Ukrainian border", "Belarusian-Ukrainian border", "", []string{"BLR", "UKR"}}}},
		{"Belarus said its border with Ukraine was calm.", nil, []wp{
			{0, 7, "Belarus", "Belarus", "BLR", nil},
			{17, 36, "border with Ukraine", "border with Ukraine", "", []string{"BLR", "UKR"}},
			{29, 36, "Ukraine", "Ukraine", "UKR", nil}}},
		{"Troops moved along the border between Russia and Ukraine.", nil, []wp{
			{23, 56, "border between Russia and Ukraine", "border between Russia and Ukraine", "", []string{"RUS", "UKR"}},
			{38, 44, "Russia", "Russia", "RUS", nil},
			{49, 56, "Ukraine", "Ukraine", "UKR", nil}}},
		{"Russia's border with Finland was closed.", nil, []wp{
			{0, 6, "Russia", "Russia", "RUS", nil},
			{0, 28, "Russia's border with Finland", "Russia's border with Finland", "", []string{"RUS", "FIN"}},
			{21, 28, "Finland", "Finland", "FIN", nil}}},
		{"Finland closed a border crossing. The border will reopen.", nil, []wp{
			{0, 7, "Finland", "Finland", "FIN", nil},
			{17, 32, "border crossing", "border crossing", "FIN", []string{"FIN"}},
			{38, 44, "border", "border", "FIN", []string{"FIN"}}}},
		{"Ukraine's border guards said the border region was quiet.", nil, []wp{
			{0, 7, "Ukraine", "Ukraine", "UKR", nil},
			{33, 46, "border region", "border region", "UKR", []string{"UKR"}}}},
		{"Ukrainian troops dug in along the Russian border.", nil, []wp{
			{34, 48, "Russian border", "Russian border", "", []string{"RUS", "UKR"}}}},
		{"Finland said the Russian border would stay shut.", nil, []wp{
			{0, 7, "Finland", "Finland", "FIN", nil},
			{17, 31, "Russian border", "Russian border", "", []string{"RUS", "FIN"}}}},
		{"Former Senator George J. Mitchell flew across North America.", nil, nil},
		{"Sanctions hit the U.S. Moscow responded.", nil, []wp{
			{18, 22, "U.S.", "United States", "USA", nil},
			{23, 29, "Moscow", "Moscow", "RUS", nil}}},
		{"Countries that border Russia are worried.", nil, []wp{
			{22, 28, "Russia", "Russia", "RUS", nil}}},
		{"Poland and Belarus argued. Migrants massed at the border.", nil, []wp{
			{0, 6, "Poland", "Poland", "POL", nil},
			{11, 18, "Belarus", "Belarus", "BLR", nil},
			{50, 56, "border", "border", "", []string{"BLR", "POL"}}}},
	} {
		d := testDoc("2024-07-13", c.text)
		for _, e := range c.entities {
			d.Entities = append(d.Entities, doc.Entity{Actor: doc.Actor{Code: e, Country: e}})
		}
		if err := g.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []wp
		for _, p := range d.Places {
			got = append(got, wp{p.Start, p.End, d.Slice(p.Span), p.Name, p.Country, p.Countries})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.text, got, c.want)
		}
	}
}

func TestSeedStory(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/belarus-border.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g := gaz(t)
	d := testDoc("2024-07-13", string(b))
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var borders []string
	countries := map[string]int{}
	for _, p := range d.Places {
		if len(p.Countries) > 0 {
			borders = append(borders, d.Slice(p.Span))
			if !reflect.DeepEqual(p.Countries, []string{"BLR", "UKR"}) {
				t.Errorf("%q tied to %v, want [BLR UKR]", d.Slice(p.Span), p.Countries)
			}
			continue
		}
		countries[p.Country]++
	}
	want := []string{"border with Ukraine", "border", "border region", "border"}
	if !reflect.DeepEqual(borders, want) {
		t.Errorf("borders %q, want %q", borders, want)
	}
	if countries["UKR"] != 4 || countries["RUS"] != 3 || countries["BLR"] != 1 || len(countries) != 3 {
		t.Errorf("country places %v", countries)
	}
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	for _, c := range []struct {
		name      string
		countries []string
		want      string // "Name/ISO3"
		ok        bool
	}{
		{"Paris", nil, "Paris/FRA", true},
		{"Paris", []string{"USA"}, "Paris/USA", true},
		{"Kiev", nil, "Kyiv/UKR", true},
		{"kyiv", nil, "Kyiv/UKR", true},
		{"Minsk", nil, "Minsk/BLR", true},
		{"Krakow", nil, "Kraków/POL", true},
		{"Belarus", nil, "Belarus/BLR", true},
		{"Brest", []string{"FRA"}, "Brest/FRA", true},
		{"Nowhere Town", nil, "", false},
		{"", nil, "", false},
	} {
		p, ok := g.Lookup(c.name, c.countries)
		got := ""
		if ok {
			got = p.Name + "/" + p.Country
		}
		if got != c.want || ok != c.ok {
			t.Errorf("Lookup(%q, %v) = %q %v, want %q %v", c.name, c.countries, got, ok, c.want, c.ok)
		}
	}
	p, _ := g.Lookup("Minsk", nil)
	if p.Lat < 53.8 || p.Lat > 54 || p.Lon < 27.4 || p.Lon > 27.7 {
		t.Errorf("Minsk at %v,%v", p.Lat, p.Lon)
	}
}

func TestCountry(t *testing.T) {
	g := gaz(t)
	c, ok := g.Country("BLR")
	if !ok || c.ISO2 != "BY" || c.Name != "Belarus" || c.Capital != "Minsk" || c.CapitalLat < 53.8 || c.CapitalLat > 54 {
		t.Errorf("Country(BLR) = %+v, %v", c, ok)
	}
	if _, ok := g.Country("XXX"); ok {
		t.Error("Country(XXX) found")
	}
	for _, n := range []string{"Belarusian", "Belarusians", "the Ukrainians", "French", "American"} {
		c, dem, ok := g.CountryByName(n)
		if !ok || !dem {
			t.Errorf("CountryByName(%q) = %s %v %v", n, c.ISO3, dem, ok)
		}
	}
	if c, dem, ok := g.CountryByName("Republic of Belarus"); !ok || dem || c.ISO3 != "BLR" {
		t.Errorf("CountryByName(Republic of Belarus) = %s %v %v", c.ISO3, dem, ok)
	}
	if c, _, _ := g.CountryByName("French"); c.ISO3 != "FRA" {
		t.Errorf("French -> %s", c.ISO3)
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("%d countries", n)
	}
	if cs := g.Cities("Paris"); len(cs) < 2 || cs[0].Country != "FRA" || !cs[0].Capital {
		t.Errorf("Cities(Paris) = %+v", cs)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, in := range []string{
		"K\tBLR\tBY\n",
		"X\tfoo\n",
		"C\tMinsk\tMinsk\t\t1\tBLR\t53.9\t27.5\t04\t1\n",
		"K\tBLR\tBY\tBelarus\tRepublic\tMinsk\tnorth\t27\t53\t28\t1\tBelarus\tBelarusian\n",
	} {
		_, err := Load(strings.NewReader(in))
		if err == nil {
			t.Errorf("Load(%q): no error", in)
			continue
		}
		if le, ok := err.(*LoadError); !ok || le.Line != 1 || le.Op != "load" {
			t.Errorf("Load(%q): %T %v", in, err, err)
		}
	}
}

func TestBadInput(t *testing.T) {
	g := gaz(t)
	d := testDoc("2024-07-13", "Minsk.")
	d.Sentences = append(d.Sentences, doc.Sentence{First: 3, Last: 99})
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 1 || len(d.Errors) != 1 {
		t.Errorf("places %v errors %v", d.Places, d.Errors)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.Process(ctx, d); err == nil {
		t.Error("cancelled: no error")
	}
}

func BenchmarkWhere(b *testing.B) {
	g := gaz(b)
	text := strings.Repeat("Belarusian President Alexander Lukashenko said tensions had subsided at his country's border with Ukraine. "+
		"Russia deployed troops near Brest and Minsk, officials in Kyiv and Warsaw said on Saturday.\n", 20)
	d := testDoc("2024-07-13", text)
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := g.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens)), "tokens/op")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzProcess(f *testing.F) {
	g := gaz(f)
	for _, s := range []string{"Paris, Texas", "its border with Ukraine", "the Belarusian-Ukrainian border",
		"Hillary Clinton in Kyiv", "’s border", "U.S.", "Reading (", "border with"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := testDoc("2024-07-13", s)
		if err := g.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Places {
			if !p.Span.Valid(len(s)) || p.Start >= p.End {
				t.Fatalf("bad span %v in %q", p.Span, s)
			}
		}
	})
}

func TestEventPlace(t *testing.T) {
	g := gaz(t)
	text := "Russia said troops were deployed in Belarus. Drones hit Kyiv and the border region. Moscow and Minsk agreed. Russia protested."
	d := testDoc("2024-07-13", text)
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sent, off int
		want      string // Name/Country, or "" for none
	}{
		{0, 24, "Belarus/BLR"}, // "deployed ... in Belarus": a locative country
		{1, 52, "Kyiv/UKR"},    // "hit": the city beats the border
		{2, 101, "Minsk/BLR"},  // "agreed": the nearer city
		{3, 116, ""},           // "protested": Russia is an actor, not a place
	} {
		p, ok := g.EventPlace(d, c.sent, c.off)
		got := ""
		if ok {
			got = p.Name + "/" + p.Country
		}
		if got != c.want {
			t.Errorf("EventPlace(sent %d, off %d) = %q, want %q", c.sent, c.off, got, c.want)
		}
	}
}

// Earlier stages' person and organisation names are not places.
func TestPersonOrOrg(t *testing.T) {
	g := gaz(t)
	// Without NER, "Paris" alone is the city.
	d := testDoc("2024-07-13", "Officials met Paris on Monday.")
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 1 {
		t.Fatalf("places %v", d.Places)
	}
	// Tagged as a person by NER.
	d = testDoc("2024-07-13", "Officials met Paris on Monday.")
	d.Tokens[2].NER = "B-PER"
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 0 {
		t.Errorf("NER person geocoded: %v", d.Places)
	}
	// A PER mention from the actor stage.
	d = testDoc("2024-07-13", "Officials met Paris on Monday.")
	d.Mentions = []doc.Mention{{Span: doc.Span{Start: 14, End: 19}, Type: doc.PER, Entity: -1}}
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 0 {
		t.Errorf("PER mention geocoded: %v", d.Places)
	}
	// A person's name flagged from EWT does not make its town's country a
	// story country.
	d = testDoc("2024-07-13", "Before leaving for Beijing on Thursday, Bush was scheduled to speak.")
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 1 || d.Places[0].Name != "Beijing" {
		t.Errorf("places %v", d.Places)
	}
}

func TestDateline(t *testing.T) {
	g := gaz(t)
	text := "PARIS, July 13 (Reuters) - Texas officials met."
	d := testDoc("2024-07-13", text)
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 27, End: len(text)}, First: 8, Last: len(d.Tokens)}}
	d.Credits = []doc.Credit{{Span: doc.Span{Start: 0, End: 26}, Kind: doc.CreditDateline, Place: "PARIS", Date: "July 13"}}
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 2 || d.Places[0].Span != (doc.Span{Start: 0, End: 5}) || d.Places[0].Sent != -1 ||
		d.Places[0].Name != "Paris" || d.Places[0].Country != "FRA" {
		t.Errorf("places %+v", d.Places)
	}
	text = "PARIS, Texas, July 13 (AP) - Officials met."
	d = testDoc("2024-07-13", text)
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 29, End: len(text)}, First: 10, Last: len(d.Tokens)}}
	d.Credits = []doc.Credit{{Span: doc.Span{Start: 0, End: 28}, Kind: doc.CreditDateline, Place: "PARIS", Date: "July 13"}}
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Places) != 1 || d.Places[0].Country != "USA" || d.Places[0].Sent != -1 {
		t.Errorf("places %+v", d.Places)
	}
}

func TestCorruptTokens(t *testing.T) {
	g := gaz(t)
	d := testDoc("2024-07-13", "Troops left Minsk for the border with Ukraine, George J. Mitchell said.")
	d.Tokens[1].Start, d.Tokens[1].End = 500, 400
	d.Tokens[2].End = 9999
	d.Tokens[5].Start = -3
	d.Credits = []doc.Credit{{Span: doc.Span{Start: 60, End: 10}, Kind: doc.CreditDateline, Place: "Minsk"}}
	if err := g.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Places {
		if !p.Span.Valid(len(d.Text)) {
			t.Errorf("invalid span %v", p.Span)
		}
	}
	g.EventPlace(d, 0, 5)
}
