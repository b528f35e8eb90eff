package main

// Curated facts that the sources lack, written for wirecoder. Each exonym
// is checked against the GeoNames data when the gazetteer is generated.

// exonym is an English (or older) name of a city: alias names the city
// called target in the country with ISO alpha-2 code cc.
type exonym struct{ alias, target, cc string }

var exonyms = []exonym{
	// Ukraine: Russian-based spellings common in older English copy.
	{"Kiev", "Kyiv", "UA"}, {"Kyiv", "Kyiv", "UA"},
	{"Odessa", "Odesa", "UA"},
	{"Kharkov", "Kharkiv", "UA"},
	{"Lvov", "Lviv", "UA"}, {"Lwow", "Lviv", "UA"},
	{"Mykolaiv", "Mykolayiv", "UA"}, {"Nikolaev", "Mykolayiv", "UA"}, {"Nikolayev", "Mykolayiv", "UA"},
	{"Zaporizhzhia", "Zaporizhzhya", "UA"}, {"Zaporozhye", "Zaporizhzhya", "UA"}, {"Zaporizhia", "Zaporizhzhya", "UA"},
	{"Dnipropetrovsk", "Dnipro", "UA"}, {"Dnepropetrovsk", "Dnipro", "UA"}, {"Dnepr", "Dnipro", "UA"},
	{"Lugansk", "Luhansk", "UA"},
	{"Vinnytsia", "Vinnytsya", "UA"}, {"Vinnitsa", "Vinnytsya", "UA"},
	{"Gorlovka", "Horlivka", "UA"},
	{"Makeyevka", "Makiivka", "UA"},
	{"Kryvyi Rih", "Kryvyy Rih", "UA"}, {"Krivoy Rog", "Kryvyy Rih", "UA"},
	{"Khmelnitsky", "Khmelnytskyi", "UA"},
	{"Kropyvnytskyi", "Kropyvnytskyy", "UA"}, {"Kirovograd", "Kropyvnytskyy", "UA"},
	{"Chernigov", "Chernihiv", "UA"},
	{"Rovno", "Rivne", "UA"},
	{"Zhitomir", "Zhytomyr", "UA"},
	{"Kremenchug", "Kremenchuk", "UA"},
	{"Slovyansk", "Sloviansk", "UA"}, {"Slavyansk", "Sloviansk", "UA"},
	{"Severodonetsk", "Sievierodonetsk", "UA"}, {"Syevyerodonetsk", "Sievierodonetsk", "UA"},
	{"Berdiansk", "Berdyansk", "UA"},
	{"Artemivsk", "Bakhmut", "UA"}, {"Artyomovsk", "Bakhmut", "UA"},
	{"Sebastopol", "Sevastopol", "UA"},
	// Belarus and Moldova.
	{"Gomel", "Homyel'", "BY"}, {"Homel", "Homyel'", "BY"}, {"Homyel", "Homyel'", "BY"},
	{"Mogilev", "Mahilyow", "BY"}, {"Mahilyou", "Mahilyow", "BY"}, {"Mogilyov", "Mahilyow", "BY"},
	{"Grodno", "Hrodna", "BY"},
	{"Bobruisk", "Bobruysk", "BY"}, {"Babruysk", "Bobruysk", "BY"},
	{"Viciebsk", "Vitebsk", "BY"}, {"Vitsyebsk", "Vitebsk", "BY"},
	{"Kishinev", "Chisinau", "MD"}, {"Chișinău", "Chisinau", "MD"},
	// Elsewhere.
	{"Bombay", "Mumbai", "IN"}, {"Calcutta", "Kolkata", "IN"}, {"Madras", "Chennai", "IN"},
	{"Bangalore", "Bengaluru", "IN"},
	{"Peking", "Beijing", "CN"}, {"Canton", "Guangzhou", "CN"},
	{"Rangoon", "Yangon", "MM"},
	{"Saigon", "Ho Chi Minh City", "VN"},
	{"New York", "New York City", "US"},
	{"Mecca", "Makkah", "SA"},
	{"Cologne", "Köln", "DE"}, {"Nuremberg", "Nürnberg", "DE"},
	{"Izmir", "İzmir", "TR"},
	{"Alma-Ata", "Almaty", "KZ"},
	{"Sana'a", "Sanaa", "YE"},
}

// countryAliases are further names of countries, by ISO alpha-3 code.
var countryAliases = map[string][]string{
	"USA": {"U.S.", "US", "USA", "U.S.A.", "America", "United States of America"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"},
	"RUS": {"Russian Federation"},
	"KOR": {"South Korea", "ROK"},
	"PRK": {"North Korea", "DPRK"},
	"CHN": {"PRC", "People's Republic of China", "Mainland China"},
	"COD": {"DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"},
	"COG": {"Congo-Brazzaville", "Republic of Congo"},
	"CIV": {"Ivory Coast"},
	"CZE": {"Czech Republic"},
	"MMR": {"Burma"},
	"NLD": {"Netherlands", "Holland"},
	"TUR": {"Turkey", "Türkiye", "Turkiye"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"PSE": {"Palestine", "Palestinian Territories", "West Bank", "Gaza Strip"},
	"MKD": {"Macedonia", "North Macedonia"},
	"SWZ": {"Swaziland", "Eswatini"},
	"CPV": {"Cape Verde"},
	"TLS": {"East Timor"},
	"VAT": {"Vatican", "Holy See"},
	"FSM": {"Micronesia"},
	"SYR": {"Syria"},
	"IRN": {"Iran"},
	"LAO": {"Laos"},
	"VNM": {"Vietnam"},
	"MDA": {"Moldova"},
	"BOL": {"Bolivia"},
	"VEN": {"Venezuela"},
	"TZA": {"Tanzania"},
	"BLR": {"Byelorussia", "Belorussia"},
}

// extraDemonyms are demonyms missing from countries.json or their common
// plural and group forms.
var extraDemonyms = map[string][]string{
	"GBR": {"British", "Briton", "Britons", "Scottish", "Welsh"},
	"USA": {"U.S."},
	"NLD": {"Dutch"},
	"BLR": {"Belarusians", "Byelorussian", "Belorussian"},
	"UKR": {"Ukrainians"},
	"RUS": {"Russians"},
	"CHN": {"Chinese"},
	"PSE": {"Palestinians"},
	"ISR": {"Israelis"},
	"PHL": {"Filipino", "Filipinos", "Philippine"},
	"KOR": {"South Korean", "South Koreans"},
	"PRK": {"North Korean", "North Koreans"},
	"COD": {"Congolese"},
	"SAU": {"Saudi", "Saudis"},
}

// usStates maps US state names to their GeoNames admin1 codes, to read
// "Paris, Texas".
var usStates = map[string]string{
	"Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
	"Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
	"Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
	"Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
	"Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
	"Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
	"New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
	"Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
	"South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
	"Virginia": "VA", "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
	"District of Columbia": "DC", "D.C.": "DC",
}

// badAltSpellings are alternative spellings in countries.json that are
// English words or other places' names.
var badAltSpellings = map[string]bool{"Island": true}
