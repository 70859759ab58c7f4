// Every word of every generated class (rules/lexicons/vocab-generated.json) in the constructions it
// was made for: flagged where the construction holds, quiet in the near misses a careless
// construction would hit. A word WordNet files under weapons or diseases that reads otherwise in a
// draft fails here by name, and goes into rules/lexicons/vocab-exclusions.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../src/engine/types.js';
import { findings } from './helpers.js';

const generated = JSON.parse(readFileSync(new URL('../../rules/lexicons/vocab-generated.json', import.meta.url), 'utf8')) as {
  classes: Record<string, { lexicon: string; words: string[] }>;
};
const words = (name: string) => generated.classes[name]!.words;
const singular = (name: string) => words(name).filter((w) => !/s$/.test(w) || /ss$/.test(w));
const a = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);

interface Templates {
  rule: RuleId;
  words: string[];
  flag: Array<(w: string) => string>;
  pass: Array<(w: string) => string>;
}

const TABLES: Record<string, Templates> = {
  'weapon-generated': {
    rule: 'threat',
    words: singular('weapon-generated'),
    flag: [(w) => `If that dad shouts at my TA again I'm bringing ${a(w)} to parents' evening.`, (w) => `Got ${a(w)} with his name on it.`],
    pass: [
      (w) => `The museum trip was brilliant, the kids loved seeing ${a(w)} from the Civil War.`,
      (w) => `Year 8 wrote a story about a knight who lost his ${w}.`,
      (w) => `Police talked to Year 10 about why carrying ${a(w)} ruins lives.`,
    ],
  },
  'harm-verb-generated': {
    rule: 'threat',
    words: words('harm-verb-generated'),
    flag: [(w) => `If he touches my display again I'll ${w} him.`, (w) => `Someone should ${w} that kid.`],
    pass: [
      (w) => `I would never ${w} him, whatever he said.`,
      (w) => `In the play the villain tries to ${w} him in act two.`,
      (w) => `The history lesson was about why soldiers would ${w} them.`,
    ],
  },
  'harm-participle-generated': {
    rule: 'threat',
    words: words('harm-participle-generated'),
    flag: [(w) => `That ref deserves to be ${w}.`, (w) => `Hope he gets ${w} on the way home.`],
    pass: [(w) => `Nobody deserves to be ${w}.`, (w) => `The Year 9 history essays on who was ${w} in 1066 are marked.`, (w) => `I hope you never get ${w}.`],
  },
  'medical-generated': {
    rule: 'confidential',
    words: words('medical-generated'),
    flag: [(w) => `One of my Year 9 girls has just been told she has ${w}.`, (w) => `A colleague in my department is off with ${w}.`],
    pass: [
      (w) => `Fascinating CPD session on ${w} today, thank you to the speaker.`,
      (w) => `Our Year 12 biologists are researching ${w} for their projects.`,
      (w) => `Running the 10k for ${w} research on Sunday, sponsor me!`,
    ],
  },
  'insult-degree-generated': {
    rule: 'derogatory',
    words: words('insult-degree-generated'),
    flag: [(w) => `Our SLT are the ${w} bunch I have ever worked for.`, (w) => `The parents in this school get ${w} every year.`],
    pass: [(w) => `My dog is the ${w} animal in Yorkshire, bless him.`, (w) => `I'm the ${w} I've ever been this week, need a holiday.`, (w) => `The weather got ${w} all week.`],
  },
  'insult-noun-generated': {
    rule: 'derogatory',
    words: singular('insult-noun-generated'),
    flag: [(w) => `Honestly, the new deputy head is ${a(w)}.`, (w) => `Our head of year is a complete ${w}.`],
    pass: [(w) => `I'm ${a(w)} on Mondays, need more coffee.`, (w) => `My dog is ${a(w)}, bless him.`, (w) => `In the story the wolf is ${a(w)} and Year 2 loved it.`],
  },
};

for (const [name, t] of Object.entries(TABLES)) {
  describe(`${name} (${t.rule})`, () => {
    const fires = (text: string) => findings(text).some((f) => f.rule === t.rule);
    it(`every word in its construction is flagged (${t.words.length} words)`, () => {
      const missed = t.flag.flatMap((f) => t.words.map(f).filter((s) => !fires(s)));
      expect(missed).toEqual([]);
    });
    it('every word in the near misses stays quiet', () => {
      const flagged = t.pass.flatMap((f) => t.words.map(f).filter(fires));
      expect(flagged).toEqual([]);
    });
  });
}
