// Regenerates rules/lexicons/first-names.json: common first names, used by pupil-reference to tell
// that an unknown capitalised word in a pupil context is a child's name ("well done Jayden in 5B").
// Source: the first-name entries of compromise's lexicon (MIT), taken once at development time so
// the engine never loads compromise at check time. Run: node scripts/gen-first-names.mjs
import { writeFileSync } from 'node:fs';
import { firstNames } from './compromise-words.mjs';

const words = firstNames();
const out = {
  id: 'first-names',
  description:
    'Common first names (from the first-name entries of the compromise NLP lexicon, MIT). Used by pupil-reference to recognise an unknown child\'s name in a pupil context; names that are also English words are excluded at run time by name-words.json. Regenerate with scripts/gen-first-names.mjs.',
  words,
};
writeFileSync(new URL('../rules/lexicons/first-names.json', import.meta.url), JSON.stringify(out, null, 0).replace(/","/g, '", "') + '\n');
console.log(`${words.length} names`);
