package event

import (
	"testing"

	"github.com/wirecoder/wirecoder/cameo"
	"github.com/wirecoder/wirecoder/doc"
)

func TestIntentCode(t *testing.T) {
	tests := []struct {
		code string
		neg  bool
		mod  doc.Modality
		want string
	}{
		{"070", false, doc.Intended, "033"},
		{"073", false, doc.Intended, "0333"},
		{"042", false, doc.Intended, "036"},
		{"0874", false, doc.Intended, "0356"},
		{"163", false, doc.Intended, "1312"},
		{"190", false, doc.Intended, "1384"},
		{"193", false, doc.Threatened, "1384"},
		{"2041", false, doc.Threatened, "1385"},
		{"190", true, doc.Intended, "0356"},
		{"070", false, doc.Threatened, "070"},
		{"111", false, doc.Intended, "111"},
		{"223", false, doc.Intended, "223"}, // not CAMEO: unchanged
	}
	for _, tt := range tests {
		got := intentCode(tt.code, tt.neg, tt.mod)
		if got != tt.want {
			t.Errorf("intentCode(%s, %v, %s) = %s, want %s", tt.code, tt.neg, tt.mod, got, tt.want)
		}
		if got != tt.code && !cameo.Valid(got) {
			t.Errorf("intentCode(%s) = %s, not a CAMEO code", tt.code, got)
		}
	}
}
