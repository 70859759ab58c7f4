import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

ruleTable('disclaimer-missing', {
  flag: [
    // the writer's own school, and Ofsted beside the writer's pupils, are work
    { text: 'Ofsted tomorrow and my Year 10s are more nervous than me' },
    // blind-3: Scottish and Northern Irish year groups (P1-P7, S1-S6) are school groups
    'Wee buns today, the P7s were class at the carol service. Delighted for them so I am.',
    'My S2 class were brilliant today',
    // the writer's own pupils in the news are still the writer's work
    'Lovely story about our Year 6s in the local paper today',
    // an S-year led like a person and going on like one (b69): "an S3 who", "wee S5 in my class", "S1 lassie"
    "Aye she's bright enough, for an S3 who thinks Dundee's the capital of Scotland",
    'Wee S5 in my Higher class is due before the exams',
    'Wee S1 lassie read aloud to the whole class today for the first time ever',
    "Parents' evening number three of the week. Voice gone.",
    'Free period, so here’s my marking pile in all its glory',
    'Mock papers marked at last. Thank f.u.c.k for that.',
    'Back in the classroom tomorrow!',
    'So proud of my Year 6 class today.',
    'Love my job',
    'INSET day done, bring on the new term',
    'SLT meeting ran over again',
    "St Aidan's nativity was magical",
    'Writing reports all weekend',
    'The new RE teacher is a Bible-bashing nutter.',
    'Well done Josh Brown on your swimming medal!',
    "They've cut our PPA again.",
    'Printer is broken and I can’t print a single worksheet for period 2',
    // generalisation (tests/eval): possessives read as their word, the writer's TA, curriculum words beside a class
    { text: "Ofsted's new framework lands in September. Hmm." },
    { text: "My form's bake sale raised £90!" },
    { text: 'My TA is an absolute star' },
    { text: 'That moment a kid in your class finally gets long division' },
    'Bus duty in the rain again ☔',
    'Reports are due Friday!',
    'The new head is lovely',
    'The new behaviour policy is brilliant',
    'Contact the school office if your child is ill',
    // whose school: a news frame sets education words aside only when the writer claims none of the work
    'Saw the BBC piece on teacher workload. My Year 10s would agree after this week.',
    'Our Ofsted call came today and it is nothing like the TV drama makes out',
    'As a teacher, the new report out today on retention made me want to cry.',
    'Marking sixty mocks tonight with the news on in the background',
    'Marking my Year 8 books until midnight again',
    // another school named beside the writer's own work, or met by the writer's school, sets nothing aside
    'Marking mocks all weekend while the new head at Penrose Academy gets a pay rise',
    'Year 5 had a great time visiting Helston Primary, the pupils were so welcoming',
    'Our youngest Year 7 was born in the last week of August',
    // a form of the school's, said as one
    { text: '10B were brilliant in assembly today', config: { ...ST_AIDANS, school: { ...ST_AIDANS.school, classes: ['10B'] } } },
  ],
  pass: [
    // a code-shaped number of a room, a ward or a gate; "our" and a first name is the writer's family
    { text: 'Room 10B at the Europa for my cousin’s wedding, view of the whole city', config: { ...ST_AIDANS, school: { ...ST_AIDANS.school, classes: ['10B'] } } },
    '8A is the best gate at the City Airport, closest to the shops',
    'Thank you to every nurse on ward 5B, you were amazing',
    'Our Caitlin’s first day at big school tomorrow, she is more excited about the blazer than the lessons',
    // another school named, and nothing said of the writer's: its head, its sixth form, its pupils are not the writer's work
    'Congratulations to the new head at Trevena primary, well deserved',
    "Heard Penrose's new sixth form block has finally opened",
    'Lovely story about a Welsh-medium school in Bangor getting 100% in GCSE Welsh',
    'Well done to the pupils at a Truro school who raised £5k for the lifeboat',
    // a relative's or friend's child, "our eldest", parents comparing notes
    'My sister’s boy got his GCSE results today, all 7s and 8s!',
    'Our eldest got her GCSE results today, so proud',
    "Anyone else's teenager say they've had no homework all week?",
    // a parent's post about their own child's school: Ofsted and results are a parent's news too
    "Ofsted at my daughter's school tomorrow and she's more nervous than her teachers 😂",
    "My son's primary got Good from Ofsted today, so proud of his teachers",
    "My lad's first day at big school today, blazer two sizes too big",
    'Got the new Galaxy S6 today',
    'The S5 with the cracked screen is going cheap on Marketplace',
    'Is an S3 in the Audi range worth it or just get the A3?',
    'Parked on level P2 at the airport',
    "My daughter's first ballet show tonight and I'm more nervous than she is.",
    "Sourdough attempt number four. It's a brick.",
    'Happy Hanukkah to all who celebrate 🕎',
    'The M6 is a joke',
    'Does anyone know if the Co-op on Brindle Road does click and collect?',
    "Parents' evening number three of the week. Voice gone. Views are my own.",
    'Marking done! All views my own.',
    "Love teaching Year 6. Opinions are mine, not my employer's.",
    'Family trip to the Taylor Swift concert!',
    'Happy birthday Mark, have a great one',
    'Ran my 2nd 10k this morning',
    'My son’s sports day was brilliant, he won the egg and spoon!',
    'Marking done. RT ≠ endorsement',
    'Lesson learned: never trust the weather forecast.',
    'The A1 roadworks near Doncaster are an absolute shambles.',
    'SLT meeting ran over again. Personal account, views my own.',
    'Mock papers marked. These views do not represent my employer.',
    'Back to school shopping with the kids today',
    'Marking marathon tonight #viewsmyown',
    'Marking marathon tonight #ViewsMyOwn',
    'My own teachers were strict but fair',
    // "my old", "my former" before a school person: the writer's own schooldays
    "Bumped into my old chemistry teacher in town and she remembered my mock as a bloodbath 😂",
    'Ran 10k with the kids this morning, 2nd place!',
    'Finally moved in! 27 Larkspur Close, BL2 6QT',
    'My GCSE results were rubbish and I turned out fine',
    // whose school: the news, a report, a TV school, other people's schools, the writer as a parent
    'Interesting article in the Guardian about Ofsted reform.',
    'Heartbreaking story on the news about a school in Kent losing its head teacher.',
    // coverage, a story, reading about: the news frames of someone else's school (b16, b56)
    "The BBC's coverage of the teacher strike is woeful. Nobody asked a single teacher",
    'Lovely to read about a school in Swansea whose pupils raised £2k for the food bank',
    'Anyone else binge the Netflix reboot? The head teacher in it is unreal',
    'Fair play to the staff at a school in Leeds who raised £5k, it was in the papers',
    'New figures show teachers leaving the profession faster than ever.',
    'I will never get teachers who moan about the holidays',
    "Our grandson's Reception class did a lovely nativity at his school",
    "My kid's EHCP review is finally booked",
    'Forgot it was non-uniform day and sent my own kid in his blazer',
    'Our school run takes forty minutes now the bridge is shut',
    'Marking our 25th in the Lakes this weekend',
    "Marking Dad's 60th with a curry on Friday",
  ],
});

describe('disclaimer-missing: the fix', () => {
  it('appends the configured disclaimer after a space', () => {
    const text = "Parents' evening number three of the week. Voice gone.";
    const [f] = findings(text).filter((x) => x.rule === 'disclaimer-missing');
    expect(f!.start).toBe(0);
    expect(f!.end).toBe(0);
    expect(f!.fix).toEqual({ label: 'Add "Views are my own."', start: text.length, end: text.length, replacement: ' Views are my own.' });
  });
  it('adds no separator after trailing whitespace, and a blank line to a multi-line draft', () => {
    const a = findings('Marking all weekend ').find((x) => x.rule === 'disclaimer-missing');
    expect(a!.fix!.replacement).toBe('Views are my own.');
    const b = findings('Marking all weekend.\nSend help').find((x) => x.rule === 'disclaimer-missing');
    expect(b!.fix!.replacement).toBe('\n\nViews are my own.');
  });
  it('accepts the configured disclaimer wording, however it is cased or punctuated', () => {
    expect(findings('Marking all weekend. VIEWS ARE MY OWN').filter((x) => x.rule === 'disclaimer-missing')).toEqual([]);
  });
});
