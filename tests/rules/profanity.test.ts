import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stemMatches } from '../../src/engine/rules/profanity.js';
import { findings, ruleTable } from './helpers.js';

ruleTable('profanity', {
  flag: [
    // swearing in the other languages of UK staffrooms, and Scots and Irish forms
    { text: 'Kurwa, lost my keys again', excerpt: 'Kurwa' },
    { text: 'Putain de M25', excerpt: 'Putain' },
    { text: 'what a gobshite that driver was', excerpt: 'gobshite' },
    { text: 'You Motherfucker', excerpt: 'Motherfucker' },
    { text: 'What a c**t', excerpt: 'c**t' },
    { text: 'f*** this', excerpt: 'f***' },
    { text: 'He is a total tw@t', excerpt: 'tw@t' },
    { text: 'b*****d printer', excerpt: 'b*****d' },
    // sample s019: letters dotted out
    { text: 'Mock papers marked at last. Thank f.u.c.k for that.', excerpt: 'f.u.c.k' },
    { text: 'What a load of bullshit from the exam board', excerpt: 'bullshit' },
    { text: 'sh1t day at work', excerpt: 'sh1t' },
    { text: 'This printer is sh!t', excerpt: 'sh!t' },
    { text: 'f*ck this photocopier', excerpt: 'f*ck' },
    { text: 'f**king Ofsted call', excerpt: 'f**king' },
    { text: 'fuuuuck, forgot my lanyard', excerpt: 'fuuuuck' },
    { text: 'fuuck, forgot my lanyard', excerpt: 'fuuck' },
    { text: 'Absolute b0ll0cks', excerpt: 'b0ll0cks' },
    // Cyrillic ѕ and і
    { text: 'What a \u0455h\u0456t day', excerpt: '\u0455h\u0456t' },
    { text: 'sh\u200bit happens', excerpt: 'sh\u200bit' },
    { text: 'well s h i t', excerpt: 's h i t' },
    { text: 'what a f.u.c.k.i.n.g mess', excerpt: 'f.u.c.k.i.n.g' },
    { text: 'Monday again #FuckMondays' },
    { text: 'that bloke is a dick', excerpt: 'dick' },
    { text: 'What a knob', excerpt: 'What a knob' },
    { text: 'He is such a tosser', excerpt: 'tosser' },
    { text: 'Total bellend behaviour on the M6', excerpt: 'bellend' },
    { text: 'wtf is this timetable', excerpt: 'wtf' },
    { text: 'Who wants to see my sex tape', excerpt: 'sex tape' },
    { text: 'Link in bio: onlyfans.com/missx', excerpt: 'onlyfans' },
    { text: 'Check out my #OnlyFans' },
    { text: 'pornhub.com lol', excerpt: 'pornhub' },
    { text: 'Bloody printer jammed again', excerpt: 'Bloody' },
    { text: 'What the hell is this new policy', excerpt: 'hell' },
    { text: 'Damn, forgot the register', excerpt: 'Damn' },
    { text: 'a c.r.a.p day', excerpt: 'c.r.a.p' },
    // mild words used literally are not swearing, but the same word as an oath still is
    { text: 'Bloody hell, the printer again', excerpt: 'Bloody hell' },
    { text: 'this cr@p weather', excerpt: 'cr@p' },
  ],
  pass: [
    // innocent words in those languages and English words near them
    'Lovely walk along the Kuss family farm track',
    'Paid in pula at the market in Gaborone',
    'Merit awards for the Year 5 Mercury group',
    'We visited Twatt in Orkney on the geography trip',
    'Hancock, Dickinson and Mrs Cummings came to the meeting',
    'Titanic topic and a new title for the class book',
    'Our bitch had six pups last week, so proud',
    'Email jo@school.org or tag @StAidansPri',
    'Kick off at 3pm, shots from the edge of the box',
    // sample s025: place names with rude substrings
    'Quick stop in Cumbria on the way north. Kendal Mint Cake acquired.',
    'Scunthorpe away day with the under 11s',
    'Penistone Grammar came to visit our sixth form',
    'Cocktail evening for the PTA',
    'Year 6 class assembly this morning',
    'We need to assess the new data analysis',
    'Essex, Sussex and Middlesex heads met today',
    'Grapes and therapist-approved snacks',
    'Dick Whittington panto trip on Friday!',
    'Spotted dick and custard for school dinner',
    'A blue tit nested in the box outside Year 2',
    'Sex education evening for parents',
    'Rapeseed fields on the walk',
    'Hello! The shell collection is ready',
    "He'll be fine, she'll be late",
    'Cumming scored twice for the staff team',
    'Moby Dick is our class novel',
    'Turn the door knob gently, it sticks',
    'Shitterton village fete on Saturday',
    'Arsenal won and we are learning about arsenic',
    'Kung fu club is back',
    'Online safety training covered pornography and consent',
    'Cockermouth trip for Year 5',
    'The first sod was cut for the new building',
    'Shiitake mushrooms in food tech',
    'I hope the weather holds',
    'Our Offa\u2019s Dyke walk was lovely',
    'Add a knob of butter to the pan',
    'Heaven and hell in RE today, great discussion',
    "Macbeth's bloody dagger scene with Year 10",
    'A bloody battle that changed the course of the war',
    'The hell panel of the Bosch triptych',
  ],
});

describe('profanity severity', () => {
  const sev = (text: string) => findings(text).filter((f) => f.rule === 'profanity').map((f) => f.severity);
  it('reports mild words (bloody, damn, hell, crap) at info', () => {
    for (const t of ['Bloody printer', 'Damn it', 'What the hell', 'Crap day']) expect(sev(t)).toEqual(['info']);
  });
  it('reports swearing at warn', () => {
    for (const t of ['Shit day', 'f*ck this', 'bullshit']) expect(sev(t)).toEqual(['warn']);
  });
});

// Obscenity reads only the words around a stem's core (issue 7 item 7: it read the whole draft and
// made a third of a check's allocation). Windows and the whole view must give the same matches.
describe('profanity stems read around their cores', () => {
  const stems = (JSON.parse(readFileSync(new URL('../../rules/lexicons/profanity-stems.json', import.meta.url), 'utf8')) as { entries: Array<{ patterns: string[] }> }).entries.flatMap((e) => e.patterns.map((p) => p.replace(/\|/g, '')));
  const words = [...stems, 'scunthorpe', 'class', 'assess', 'cocktail', 'the', 'a', 'head', 'up', 'end', 'job', 'fuuuck', 'shiiit', 'asss', 'blow', 'hand', 'bell', 'knob', 'dick', 'twatt', 'motherfucker', 'bullshit', '2', 'lol'];
  it('finds what reading the whole view finds, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), (ws) => {
        const text = ` ${ws.join(' ')} `;
        expect(stemMatches(text)).toEqual(stemMatches(text, { windows: false }));
      }),
      { numRuns: 2000 },
    );
  });
  it('reads a long clean draft with one stem in a few words', () => {
    const text = ` ${'lovely walk today '.repeat(500)}what a fucking mess ${'lovely walk today '.repeat(500)}`;
    const found = stemMatches(text);
    expect(found).toEqual(stemMatches(text, { windows: false }));
    expect(found.length).toBeGreaterThan(0);
  });
});
