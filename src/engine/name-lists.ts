// The name word lists that both the context questions (context.ts: "our Caitlín" is the writer's
// family) and the name rules (name-data.ts) read, parsed once: common first names, and the names
// that are also words. No engine imports here, so both can load it whichever loads first.
import firstNamesJson from '../../rules/lexicons/first-names.json';
import firstNamesUkJson from '../../rules/lexicons/first-names-uk.json';
import nameWordsJson from '../../rules/lexicons/name-words.json';
import { parseLexicon, parseWordList } from '../data/lexicons.js';
import { foldWord } from './text/pattern.js';

/** Names that are also words, by kind (rules/lexicons/name-words.json). */
export const NAME_WORDS = parseLexicon(nameWordsJson, 'rules/lexicons/name-words.json');

/** Every word of name-words.json, folded: a first name listed there may be read as the word. */
export const NAME_WORD_KEYS: ReadonlySet<string> = new Set(NAME_WORDS.entries.flatMap((e) => e.patterns.map(foldWord)));

/** Common first names, for recognising a child's name that is not on the roster. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [...parseWordList(firstNamesJson, 'rules/lexicons/first-names.json').words, ...parseWordList(firstNamesUkJson, 'rules/lexicons/first-names-uk.json').words].map(foldWord),
);
