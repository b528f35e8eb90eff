package ingest

import (
	"strings"
	"unicode"
)

// englishStopwords are the commonest English function words; running
// text in English has roughly a third to a half of its words among them,
// other languages almost none.
var englishStopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about after all also an and any are as at be been but by can could did do does
		for from had has have he her his how i if in into is it its just more most my no not of on one or our out over
		said says she so some than that the their them then there these they this those to up was we were what when where
		which while who will with would you`) {
		m[w] = true
	}
	return m
}()

// MinEnglishRatio is the share of stopwords below which a text is taken
// not to be English.
const MinEnglishRatio = 0.12

// minWordsForCheck is the length below which the check cannot tell and
// lets the text through.
const minWordsForCheck = 12

// EnglishRatio returns the share of a text's words that are English
// stopwords and the number of words counted (at most the first 2,000).
func EnglishRatio(text string) (ratio float64, words int) {
	hits := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishStopwords[strings.ToLower(w)] {
			hits++
		}
		if words == 2000 {
			break
		}
	}
	if words == 0 {
		return 0, 0
	}
	return float64(hits) / float64(words), words
}

// IsEnglish reports whether a text passes the stopword-ratio language
// check; texts too short to tell pass.
func IsEnglish(text string) bool {
	r, n := EnglishRatio(text)
	return n < minWordsForCheck || r >= MinEnglishRatio
}
