package quote

// CueClassOf returns the class of the cue word with normalised form norm
// and lemma lemma, or CueNone when the lexicon does not list it. It is the
// lexicon the learned attribution tagger (package quote/attrib) uses for
// its features.
func CueClassOf(norm, lemma string) CueClass {
	_, c := cueLemma(norm, lemma)
	return c
}
