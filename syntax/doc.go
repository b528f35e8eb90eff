// Package syntax groups wirecoder's language core: the POS tagger
// (syntax/tagger), the lemmatizer (syntax/lemma) and the dependency parser
// (syntax/parser). Its benchmark measures them together, as `wirecoder
// code` runs them.
package syntax
