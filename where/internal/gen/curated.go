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
	"POL": {"Pole", "Poles"},
	"TUR": {"Turk", "Turks"},
	"SWE": {"Swede", "Swedes"},
	"DNK": {"Dane", "Danes"},
	"FIN": {"Finn", "Finns"},
	"GRC": {"Greeks"},
	"CZE": {"Czechs"},
	"SVK": {"Slovaks"},
	"SRB": {"Serbs", "Serb"},
	"HRV": {"Croats", "Croat"},
	"ESP": {"Spaniard", "Spaniards"},
	"UZB": {"Uzbeks"},
	"KAZ": {"Kazakhs", "Kazakhstani"},
	"TJK": {"Tajiks"},
	"AZE": {"Azeri", "Azeris"},
	"IRL": {"Irish"},
	"CHE": {"Swiss"},
	"JPN": {"Japanese"},
	"VNM": {"Vietnamese"},
	"LBN": {"Lebanese"},
	"SDN": {"Sudanese"},
	"PRT": {"Portuguese"},
	"NZL": {"New Zealander", "New Zealanders", "Kiwis"},
	"AFG": {"Afghans"},
	"THA": {"Thai", "Thais"},
	"BGD": {"Bangladeshi", "Bangladeshis"},
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

// region is a curated region or sea that news names as a place but
// cities15000 lacks; cc is the ISO alpha-2 code of the country that holds
// or administers it ("" for seas and straits shared by several). The
// coordinates are rough centres, to the tenth of a degree.
type region struct {
	name     string
	aliases  []string
	cc       string
	lat, lon float64
}

var regions = []region{
	{"Crimea", []string{"Crimean Peninsula"}, "UA", 45.3, 34.4},
	{"Donbas", []string{"Donbass"}, "UA", 48.0, 38.5},
	{"Transnistria", []string{"Trans-Dniester", "Transdniestria"}, "MD", 47.2, 29.4},
	{"Abkhazia", nil, "GE", 43.0, 41.0},
	{"South Ossetia", nil, "GE", 42.3, 44.0},
	{"Nagorno-Karabakh", []string{"Karabakh", "Nagorno Karabakh"}, "AZ", 39.8, 46.8},
	{"Chechnya", nil, "RU", 43.4, 45.7},
	{"Dagestan", nil, "RU", 42.5, 47.0},
	{"Golan Heights", []string{"Golan"}, "SY", 33.0, 35.8},
	{"Sinai", []string{"Sinai Peninsula"}, "EG", 29.5, 33.8},
	{"Darfur", nil, "SD", 13.5, 24.0},
	{"Tigray", nil, "ET", 14.0, 39.0},
	{"Kashmir", nil, "IN", 34.1, 75.5},
	{"Xinjiang", nil, "CN", 41.0, 85.0},
	{"Tibet", nil, "CN", 31.0, 88.0},
	{"Iraqi Kurdistan", []string{"Kurdistan Region"}, "IQ", 36.2, 44.0},
	{"Balochistan", []string{"Baluchistan"}, "PK", 28.5, 65.5},
	{"Kaliningrad Oblast", nil, "RU", 54.7, 21.5},
	{"Black Sea", nil, "", 43.4, 34.3},
	{"Sea of Azov", nil, "", 46.0, 36.5},
	{"Baltic Sea", nil, "", 58.0, 20.0},
	{"South China Sea", nil, "", 12.0, 113.0},
	{"East China Sea", nil, "", 29.0, 125.0},
	{"Taiwan Strait", nil, "", 24.5, 119.5},
	{"Red Sea", nil, "", 20.0, 38.5},
	{"Gulf of Aden", nil, "", 12.5, 48.0},
	{"Strait of Hormuz", nil, "", 26.6, 56.3},
	{"Persian Gulf", []string{"Arabian Gulf"}, "", 26.5, 52.0},
	{"Mediterranean", []string{"Mediterranean Sea"}, "", 35.0, 18.0},
	{"Bab el-Mandeb", nil, "", 12.6, 43.3},
	{"Arctic", []string{"Arctic Ocean"}, "", 80.0, 0.0},
}
