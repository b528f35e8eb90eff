package main

// cowISO maps the Correlates of War state acronyms used by Archigos to
// ISO 3166-1 alpha-3 codes (the CAMEO country codes). States with no
// present-day successor code (Austria-Hungary, East Germany, South
// Vietnam, Yugoslavia, Czechoslovakia, ...) are left out; the Soviet
// Union's leaders are coded RUS, its successor state, as CAMEO does.
var cowISO = map[string]string{
	"AFG": "AFG", "ALB": "ALB", "ALG": "DZA", "ANG": "AGO", "ARG": "ARG", "ARM": "ARM",
	"AUL": "AUS", "AUS": "AUT", "AZE": "AZE", "BAH": "BHR", "BAR": "BRB", "BEL": "BEL",
	"BEN": "BEN", "BFO": "BFA", "BHM": "BHS", "BHU": "BTN", "BLR": "BLR", "BLZ": "BLZ",
	"BNG": "BGD", "BOL": "BOL", "BOS": "BIH", "BOT": "BWA", "BRA": "BRA", "BRU": "BRN",
	"BUI": "BDI", "BUL": "BGR", "CAM": "KHM", "CAN": "CAN", "CAO": "CMR", "CAP": "CPV",
	"CDI": "CIV", "CEN": "CAF", "CHA": "TCD", "CHL": "CHL", "CHN": "CHN", "COL": "COL",
	"COM": "COM", "CON": "COG", "COS": "CRI", "CRO": "HRV", "CUB": "CUB", "CYP": "CYP",
	"CZR": "CZE", "DEN": "DNK", "DJI": "DJI", "DOM": "DOM", "DRC": "COD", "DRV": "VNM",
	"ECU": "ECU", "EGY": "EGY", "EQG": "GNQ", "ERI": "ERI", "EST": "EST", "ETH": "ETH",
	"ETM": "TLS", "FIN": "FIN", "FJI": "FJI", "FRN": "FRA", "GAB": "GAB", "GAM": "GMB",
	"GFR": "DEU", "GHA": "GHA", "GMY": "DEU", "GNB": "GNB", "GRC": "GRC", "GRG": "GEO",
	"GUA": "GTM", "GUI": "GIN", "GUY": "GUY", "HAI": "HTI", "HON": "HND", "HUN": "HUN",
	"ICE": "ISL", "IND": "IND", "INS": "IDN", "IRE": "IRL", "IRN": "IRN", "IRQ": "IRQ",
	"ISR": "ISR", "ITA": "ITA", "JAM": "JAM", "JOR": "JOR", "JPN": "JPN", "KEN": "KEN",
	"KUW": "KWT", "KYR": "KGZ", "KZK": "KAZ", "LAO": "LAO", "LAT": "LVA", "LBR": "LBR",
	"LEB": "LBN", "LES": "LSO", "LIB": "LBY", "LIT": "LTU", "LUX": "LUX", "MAA": "MRT",
	"MAC": "MKD", "MAD": "MDV", "MAG": "MDG", "MAL": "MYS", "MAS": "MUS", "MAW": "MWI",
	"MEX": "MEX", "MLD": "MDA", "MLI": "MLI", "MLT": "MLT", "MNG": "MNE", "MON": "MNG",
	"MOR": "MAR", "MYA": "MMR", "MZM": "MOZ", "NAM": "NAM", "NEP": "NPL", "NEW": "NZL",
	"NIC": "NIC", "NIG": "NGA", "NIR": "NER", "NOR": "NOR", "NTH": "NLD", "OMA": "OMN",
	"PAK": "PAK", "PAN": "PAN", "PAR": "PRY", "PER": "PER", "PHI": "PHL", "PNG": "PNG",
	"POL": "POL", "POR": "PRT", "PRK": "PRK", "QAT": "QAT", "ROK": "KOR", "RUM": "ROU",
	"RUS": "RUS", "RWA": "RWA", "SAF": "ZAF", "SAL": "SLV", "SAU": "SAU", "SEN": "SEN",
	"SER": "SRB", "SIE": "SLE", "SIN": "SGP", "SLO": "SVK", "SLV": "SVN", "SOL": "SLB",
	"SOM": "SOM", "SPN": "ESP", "SRI": "LKA", "SSD": "SSD", "SUD": "SDN", "SUR": "SUR",
	"SWA": "SWZ", "SWD": "SWE", "SWZ": "CHE", "SYR": "SYR", "TAJ": "TJK", "TAW": "TWN",
	"TAZ": "TZA", "THI": "THA", "TKM": "TKM", "TOG": "TGO", "TRI": "TTO", "TUN": "TUN",
	"TUR": "TUR", "UAE": "ARE", "UGA": "UGA", "UKG": "GBR", "UKR": "UKR", "URU": "URY",
	"USA": "USA", "UZB": "UZB", "VEN": "VEN", "VNM": "VNM", "YEM": "YEM", "ZAM": "ZMB",
	"ZIM": "ZWE",
}
