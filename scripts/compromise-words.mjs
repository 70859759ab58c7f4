// The word lists PostCheck takes from compromise's lexicon (MIT) at development time, in one place:
// scripts/gen-first-names.mjs and scripts/gen-english-words.mjs write them into rules/lexicons, and
// tests/engine/bloom.test.ts checks the filter against the same selection.
import nlp from 'compromise';

const lexicon = () => nlp.model().one.lexicon;

/** compromise's first names: its FemaleName, MaleName and FirstName entries of three letters or more. */
export function firstNames() {
  return Object.entries(lexicon())
    .filter(([w, tag]) => /^(FemaleName|MaleName|FirstName)$/.test(String(tag)) && /^[a-z]{3,}$/.test(w))
    .map(([w]) => w)
    .sort();
}

/** Tags that make an entry a name, a place or an organisation rather than an ordinary word. */
const NOT_WORDS = /FirstName|MaleName|FemaleName|LastName|Person|City|Country|Place|Region|Organization|ProperNoun|Demonym|Honorific|Month|WeekDay|Holiday|Acronym/;

/** compromise's ordinary words: nouns, verbs, adjectives and adverbs of 3-14 letters, not names, places or organisations. */
export function englishWords() {
  return Object.entries(lexicon())
    .filter(([w, tag]) => /^[a-z]{3,14}$/.test(w) && !NOT_WORDS.test(String(tag)))
    .map(([w]) => w)
    .sort();
}

export const compromiseVersion = nlp.version;
