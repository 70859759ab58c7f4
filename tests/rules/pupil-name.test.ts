import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

/** A roster with names that are words, months, surnames that are words and one that is not, and class codes. */
const WORDY = {
  ...ST_AIDANS,
  school: { ...ST_AIDANS.school, classes: ['9PR', 'Owls'] },
  pupils: [...(ST_AIDANS.pupils ?? []), 'Skye Hirst', 'Faith Noon', 'Rose Bird', 'Harsh Bhatt', 'Marina Popescu', 'Celyn Hughes', 'Brooke Phillips', 'Haf Morgan',  'Patrick Costello', 'Kerry Nolan', 'Luke Hare', 'Eve Fox', 'Shannon Close', 'Gift Obi', 'Levi Turner', 'Sky Mercer', 'Honey Oduya', 'May Lindqvist', 'Destiny Okafor', 'Jade Pryce', 'Sunny Varga', 'Tobias Gathercole', 'Kai Marsh', 'Ivy Quarmby', 'Zara Ahmed', 'Haf Pritchard', 'Seren Lloyd', 'Ming Zhao', 'Devon Ashby', 'Paris Nkemelu', 'Li Wan'],
};

// St Aidan's roster: Joshua Brown, Josh Brown, Amelia-Rose Kaur, Zoë O'Neill, Grace Thompson, Will Harris,
// Summer Patel, Jack Wilson, Holly Ashdown, Mohammed Al-Hassan, Oliver Smith, Ava Jones, Freddie Clarke.
ruleTable('pupil-name', {
  flag: [
    // ...but a name from a year group or a class code is the pupil
    { text: 'Harsh from Year 6 won the spelling bee today', excerpt: 'Harsh', config: WORDY },
    { text: 'Harsh from 9PR won the spelling bee today', excerpt: 'Harsh', config: WORDY },
    // a surname that is also a regional spelling ('wan' for 'one') is still the pupil's name
    { text: 'Huge well done to Li Wan for the chess trophy!', excerpt: 'Li Wan', config: WORDY },
    // named storms: only the capitalised weather word just before makes the name a storm's
    { text: 'Went to the park with Holly in the storm', excerpt: 'Holly' },
    { text: 'Storm warning for Holly and the Year 6 trip', excerpt: 'Holly' },
    { text: "well done J o s h's team", excerpt: "J o s h's" },
    { text: 'J.o.s.h smashed it', excerpt: 'J.o.s.h' },
    // spaced letters before a hashtag used to leave the hashtag's token range stale
    { text: 'J o s h #WellDoneJosh', excerpt: 'Josh' },
    { text: 'Went swimming with Holly today', excerpt: 'Holly' },
    { text: '#gojosh what a race', excerpt: 'josh' },
    { text: '#TeamWill all the way', excerpt: 'Will' },
    { text: 'Shout out to @oliver_smith_09', excerpt: 'oliver_smith' },
    { text: 'Massive well done to Joshua Brown for his county medal!', excerpt: 'Joshua Brown' },
    { text: 'josh brown smashed his spellings today', excerpt: 'josh brown' },
    { text: 'Zoe ONeill was brilliant in the play', excerpt: 'Zoe ONeill' },
    { text: 'So proud of Amelia Rose Kaur today', excerpt: 'Amelia Rose Kaur' },
    { text: 'Mohammed Al Hassan scored twice at the tournament', excerpt: 'Mohammed Al Hassan' },
    { text: "Jack Wilson’s goal in the final was something else", excerpt: 'Jack Wilson’s' },
    { text: 'Well done Josh B. for a great week', excerpt: 'Josh B' },
    { text: 'Congratulations to Oliver S on his certificate', excerpt: 'Oliver S' },
    { text: "Josh's painting is up on the wall", excerpt: "Josh's" },
    { text: 'Freddie smashed his times tables this morning', excerpt: 'Freddie' },
    { text: "Zoë's mum was lovely at parents evening", excerpt: "Zoë's" },
    { text: '#WellDoneJosh for winning the spelling bee', excerpt: 'Josh' },
    { text: 'Follow @joshbrown2016 for his football clips', excerpt: 'joshbrown' },
    { text: '#ProudOfHolly, her art piece is going in the regional exhibition', excerpt: 'Holly' },
    { text: 'so proud #welldonegrace', excerpt: 'grace' },
    { text: 'well done J o s h today', excerpt: 'J o s h' },
    { text: 'Well done Ноllу, what a star', excerpt: 'Ноllу' },
    { text: 'Well done Grace, a superstar in Year 3', excerpt: 'Grace' },
    { text: 'A lovely reading from Summer in 4B today', excerpt: 'Summer' },
    { text: "Holly's art piece is going to the regional exhibition with the rest of our class", excerpt: "Holly's" },
    { text: 'Will, please remember your PE kit tomorrow', excerpt: 'Will' },
    { text: 'Grace Thompson read beautifully in assembly', excerpt: 'Grace Thompson' },
    { text: 'Well done to Kaur in Year 2 for a brilliant week', excerpt: 'Kaur' },
    { text: 'Zoë, ask your mum to add me on Messenger', excerpt: 'Zoë' },
    { text: 'Took the team to the final and Ava was unstoppable', excerpt: 'Ava' },
    // generalisation (tests/eval): naming with pupils around is still a pupil; an ampersand to another roster name
    { text: 'A new girl called Grace joined my class today', excerpt: 'Grace' },
    { text: 'Freddie & Oliver smashed the relay!', excerpt: 'Freddie' },
    { text: '@freddie_cla on the relay team 🏃', excerpt: 'freddie' },
    // a name in context: what a child's possessive goes with, a class after it, a surname as teachers use it,
    // a sentence-initial name doing what pupils do, lower-case initials, handles with dots
    { text: "Sky's dad, if you see this, her water bottle is in lost property", excerpt: "Sky's", config: WORDY },
    { text: "Honey's reading book has gone walkabout again", excerpt: "Honey's", config: WORDY },
    { text: 'Will’s predicted grades came through and he is made up', excerpt: 'Will’s' },
    { text: "It's Sunny's, she left it in the cloakroom", excerpt: "Sunny's", config: WORDY },
    { text: 'Marsh in 9PR has finally brought his kit', excerpt: 'Marsh', config: WORDY },
    { text: 'Young Gathercole asked if I had a pet dinosaur', excerpt: 'Gathercole', config: WORDY },
    { text: 'That Marsh lad has been at it again', excerpt: 'Marsh', config: WORDY },
    { text: "Destiny wouldn't get off the climbing frame at lunch", excerpt: 'Destiny', config: WORDY },
    { text: 'Jade got a 7 in her English Lit mock!', excerpt: 'Jade', config: WORDY },
    // b51: the same names as the pupils, on their own
    { text: 'Brooke with Year 10 today read the Rupert Brooke poem beautifully', excerpt: 'Brooke', config: WORDY },
    { text: 'Celyn in 9PR finally handed in her coursework', excerpt: 'Celyn', config: WORDY },
    { text: 'Paris in Year 6 was brilliant in the play', excerpt: 'Paris', config: WORDY },
    // the same names as names: addressed, doing something, in full with a capital
    { text: 'Will, you were brilliant in the play today', excerpt: 'Will' },
    { text: 'Will was brilliant in the play today in Year 9', excerpt: 'Will' },
    { text: 'Well done Will Harris for the prize', excerpt: 'Will Harris' },
    { text: 'Star of the week goes to Josh for his AMAZING bridge model', excerpt: 'Josh', config: WORDY },
    { text: 'Afon in 9PR signed his academy contract today', excerpt: 'Afon', config: { ...WORDY, pupils: [...WORDY.pupils, 'Afon Williams'] } },
    // a lowercase name still counts in a draft written all in lowercase, or beside pupils in a cased one
    { text: 'harsh was brilliant in the assembly today, so proud', excerpt: 'harsh', config: WORDY },
    { text: 'Had a lovely chat with marina from 9PR today. She has come so far.', excerpt: 'marina', config: WORDY },
    // the same names as people, beside the saint, feast and place frames that are not (b45, b47)
    { text: 'Patrick was brilliant at the St Oswin carol service', excerpt: 'Patrick', config: WORDY },
    { text: 'Kerry in 9PR did the reading at Mass', excerpt: 'Kerry', config: WORDY },
    { text: "Luke's gospel reading in assembly was lovely, well done Luke", excerpt: 'Luke', config: WORDY },
    { text: 'Flew to Dublin with Shannon and her mum for the Year 9 trip', excerpt: 'Shannon', config: WORDY },
    { text: 'so proud of ivy q today, she read to the whole class', excerpt: 'ivy q', config: WORDY },
    { text: "Zara A's mum rang the office about the trip", excerpt: "Zara A's", config: WORDY },
    { text: 'Happy birthday to @sky.mercer08, have the best day', excerpt: 'sky.mercer', config: WORDY },
    // a first name that opens the sentence, read after as a person, or with pupils or work in the draft
    { text: 'Seren finally read the whole page by herself!', excerpt: 'Seren', config: WORDY },
    { text: 'Haf for head girl, no contest. Year 6 voted today.', excerpt: 'Haf', config: WORDY },
    { text: 'Ming, brilliant work on your fractions today', excerpt: 'Ming', config: WORDY },
    { text: 'Devon for head boy! Year 6 voted today.', excerpt: 'Devon', config: WORDY },
  ],
  pass: [
    // a character from a show: the name, "from" and a title in capitals, in a draft not about work (b72)
    { text: "Is anyone else's toddler obsessed with Harsh from Paw Patrol? Ours wears the costume every day", config: WORDY },
    // a modal asking its question; a modal and verb after their subject, in lower case (b49, b50)
    'Will anyone be at the market Tuesday? After a couple of calves if anyone is selling.',
    { text: 'I will hunt down whoever ate my leftover jollof from the staffroom fridge.', config: { ...WORDY, pupils: [...WORDY.pupils, 'Will Hunt'] } },
    // b48, b50: a place stayed in, before or after the stay; idioms on Faith and Rose
    { text: 'Skye and Mull for October half term, finally. Ferries booked, midges permitting.', config: WORDY },
    { text: 'Half term in Paris!! The Eiffel Tower at night has me in bits', config: WORDY },
    { text: 'Paris in February half term is BOOKED', config: WORDY },
    { text: 'Faith in humanity restored: a lad at the Interchange ran after me with my purse.', config: WORDY },
    { text: 'Rose to the occasion today, my Year 13s. Every single one of you.', config: WORDY },
    // b51: someone else's full name in a sentence about pupils; half of a double-barrelled name; a Welsh lake; a tradesman
    { text: "Rupert Brooke with Year 10 today and 'some corner of a foreign field' still lands.", config: WORDY },
    { text: 'Proud aunty moment: my niece Catrin-Haf got her Duke of Edinburgh Bronze!', config: WORDY },
    { text: 'Stopped at the mural on the way back from Aber. Llyn Celyn never forgotten.', config: WORDY },
    { text: 'Josh the Milk retiring after 41 years on the round. What a man', config: WORDY },
    // a writer who capitalises their sentences writes a lowercase roster name as the word (b23, b41)
    { text: "That's harsh on the ref, he had one second and no VAR. Foxes were poor anyway.", config: WORDY },
    { text: 'Penmarrow marina in the rain. Moody.', config: WORDY },
    // a saint, a feast, a place, an evangelist, the prayer, an airport, a tax relief and a brand built on a roster name
    { text: "St Patrick's Day in Liverpool is better than Dublin, I said what I said", config: WORDY },
    { text: 'Ring of Kerry in the sunshine, best holiday in years', config: WORDY },
    { text: 'Lough Erne at dawn, not a soul about', config: { ...WORDY, pupils: [...WORDY.pupils, 'Erne Bell'] } },
    { text: "Luke's gospel for Year 10 this half term. Anyone got a decent resource on the parables?", config: WORDY },
    { text: 'Grace before dinner in the sixth form cafe was led by two of the Year 12s today.', config: WORDY },
    { text: 'Christmas Eve in town, every coffee shop rammed and I love it', config: WORDY },
    { text: 'Flight out of Shannon at 6 tomorrow, Lanzarote here I come', config: WORDY },
    { text: "gift aid your donations to the parish appeal, it's 25% extra for nowt", config: WORDY },
    { text: "Levi's jeans in the charity shop for a fiver. Never paying full price again.", config: WORDY },
    // the first word of a sentence in a draft with nothing about pupils or work: a word (Welsh haf, summer; seren, star)
    { text: "Haf wedi cyrraedd o'r diwedd ☀️ garden chairs out, phone off", config: WORDY },
    { text: 'Seren yr wythnos in our house goes to the cat for catching the mouse', config: WORDY },
    { text: "Ming vases on Antiques Roadshow, someone's nan is about to be minted", config: WORDY },
    // a place someone stays in: "<place> for half term", "for the weekend"
    { text: 'Devon for May half term with our two, anyone been to Salcombe?', config: WORDY },
    { text: 'Paris for the weekend with the girls 🥂', config: WORDY },
    // named storms and a band built on a first name
    'Storm Holly has taken half the fence down',
    "Hurricane Grace's remnants are heading our way",
    'Batten down for Storm Summer tonight',
    "Destiny's Child on the radio and I'm sixteen again",
    'Got a new Daisy print dress',
    'Bob Marley on repeat',
    '#happysummer everyone',
    '#summerfair tickets on sale',
    '#willpower is all you need',
    '#tomorrow is another day',
    'Got the holly wreath up on the front door, so December can officially begin.',
    'I hope the weather holds this weekend',
    'will you come to the pub on Friday?',
    'Daisy chains and a picnic by the canal this afternoon',
    'Summer holidays cannot come soon enough',
    'Our Summer Fair raised £400 for the roof',
    'Grace Jones was iconic on that stage',
    'Jack Daniels and coke please',
    'Holly Willoughby was on telly again',
    'Joshua Tree national park was stunning',
    'Will Smith films are the best',
    'The brown bread at the farm shop was lovely',
    'Mrs Patel is retiring at Christmas',
    'It was a grace period on the library fines',
    'My daughter Zoe starts swimming lessons on Monday',
    'Walked our dog Holly along the beach',
    'Jack up the car and change the tyre',
    'Mark the date: the summer fair is on the 5th',
    'We Hope You All Have A Wonderful Summer Break',
    'Email me at josh.smith@example.com about the trip',
    // generalisation (tests/eval): the writer says who it is (before or after the name), a pet's name, idioms and titles
    'Happy anniversary to my gorgeous husband Oliver ❤️',
    'Ava, my oldest friend from school, turns 40 today!',
    "Our new puppy is called Freddie and he's chewed everything",
    'Jack the lad strikes again at the pub quiz',
    'Oliver & Co is a proper underrated Disney film',
    // the same words as words, dates, idioms, other names, the writer's own family
    { text: 'Honey, lemon and a hot water bottle. This cold is winning', config: WORDY },
    { text: 'Mocks are in May, then the real thing in June', config: WORDY },
    { text: 'Year 6 SATs start in May, wish us luck', config: WORDY },
    { text: "Our Ivy's first day at nursery, where did the time go", config: WORDY },
    { text: 'Amazing Grace always sets me off at funerals' },
    { text: 'He took the news with good grace' },
    { text: 'Sky Sports had the match on all afternoon', config: WORDY },
    { text: "The sky's the limit for this lot", config: WORDY },
    { text: 'Jade earrings for my birthday, spoilt rotten', config: WORDY },
    { text: 'Went to Marsh Farm with the kids', config: WORDY },
    { text: 'Marsh lane is flooded again', config: WORDY },
    { text: 'the Marsh family next door are lovely', config: WORDY },
    { text: 'grace a few more minutes please, the kids are still eating' },
    { text: 'Young people need more youth clubs round here', config: WORDY },
  ],
});

describe('pupil-name fix', () => {
  it('offers to replace the name with "a pupil", keeping a possessive', () => {
    const text = "Josh's painting is up";
    const f = findings(text).find((x) => x.rule === 'pupil-name')!;
    expect(f.fix).toMatchObject({ start: 0, end: 6, replacement: "a pupil's" });
    expect(f.severity).toBe('block');
  });
  it('does not offer a fix inside a hashtag', () => {
    const f = findings('#WellDoneJosh').find((x) => x.rule === 'pupil-name')!;
    expect(f.fix).toBeUndefined();
  });
});

describe('pupil-name with a large roster', () => {
  it('finds a name among 2,000 pupils and stays quiet on ordinary words', async () => {
    const { ST_AIDANS } = await import('./helpers.js');
    const firsts = ['Aaron', 'Bella', 'Caleb', 'Daisy', 'Ethan', 'Faith', 'Gabriel', 'Hope', 'Isaac', 'Jade'];
    const pupils = Array.from({ length: 2000 }, (_, i) => `${firsts[i % firsts.length]} Surname${i}`);
    const config = { ...ST_AIDANS, pupils: [...pupils, 'Bartosz Lewandowski'] };
    const named = findings('Brilliant run from Bartosz today', {}, config).filter((f) => f.rule === 'pupil-name');
    expect(named.map((f) => f.excerpt)).toEqual(['Bartosz']);
    const quiet = findings('I hope the daisy chains last, have faith', {}, config).filter((f) => f.rule === 'pupil-name');
    expect(quiet).toEqual([]);
  });
});

// Ordinary words never join into a name (issue 7 item 4, newcomer defect 6): a draft's words are
// joined only where the configured name itself may be split (its parts, an apostrophe, a capital
// inside it) and letters spaced or dotted out are joined only as single letters ("J o s h").
const WITH_SHORT_NAMES = { ...ST_AIDANS, pupils: [...(ST_AIDANS.pupils ?? []), 'Isla Boateng', 'Amelia Barker', 'Ama Santos', 'Callum McDonald'] };
ruleTable('pupil-name', {
  flag: [
    { text: 'well done J o s h today', excerpt: 'J o s h' },
    { text: 'J.o.s.h smashed it', excerpt: 'J.o.s.h' },
    { text: '#WellDoneJosh', excerpt: 'Josh' },
    { text: 'Well done I s l a for a brilliant week', excerpt: 'I s l a', config: WITH_SHORT_NAMES },
    { text: 'Well done Isla for a brilliant week', excerpt: 'Isla', config: WITH_SHORT_NAMES },
    { text: 'Amy smashed her spellings today', excerpt: 'Amy', config: WITH_SHORT_NAMES },
    { text: 'Isla Boateng read beautifully in assembly', excerpt: 'Isla Boateng', config: WITH_SHORT_NAMES },
    // where the configured name may be split: an apostrophe ("O'Neill"), a capital inside it ("McDonald")
    { text: 'Zoe O Neill was brilliant in the play', excerpt: 'Zoe O Neill' },
    { text: 'Callum Mc Donald scored twice', excerpt: 'Callum Mc Donald', config: WITH_SHORT_NAMES },
    { text: '#WellDoneCallumMcDonald', excerpt: 'CallumMcDonald', config: WITH_SHORT_NAMES },
  ],
  pass: [
    { text: 'This cake is la crème de la crème', config: WITH_SHORT_NAMES },
    { text: 'Dinner is la carte tonight', config: WITH_SHORT_NAMES },
    { text: 'Honestly this view is la dolce vita', config: WITH_SHORT_NAMES },
    { text: 'I saw a my favourite band last night', config: WITH_SHORT_NAMES },
    { text: 'Brought a tray of jollof in for the staffroom and I am a changed woman', config: WITH_SHORT_NAMES },
  ],
});

// Someone else's full name: a roster first name before a roster surname that is not that pupil's
// ("Dylan Thomas" the poet when the roster has Dylan Jones and other Thomases), even with Year 11 in
// the sentence. Islam the faith; a breed of livestock ("Dexter calves", "Jacob lambs").
const WELSH = { ...ST_AIDANS, pupils: [...(ST_AIDANS.pupils ?? []), 'Dylan Jones', 'Mali Thomas', 'Islam Hossain', 'Dexter Lane', 'Jacob Price'] };
ruleTable('pupil-name', {
  flag: [
    { text: 'Year 11 reading with Dylan today, what a voice', excerpt: 'Dylan', config: WELSH },
    { text: 'Well done Dylan Jones and Mali Thomas!', excerpt: 'Mali Thomas', config: WELSH },
    { text: 'Well done Islam in Year 4 for a brilliant assembly', excerpt: 'Islam', config: WELSH },
    { text: 'Dexter was brilliant on the farm visit with Year 2', excerpt: 'Dexter', config: WELSH },
  ],
  pass: [
    { text: "Year 11 reading Dylan Thomas out loud hits different. All views my own.", config: WELSH },
    { text: 'The imam answered all their questions about Islam so patiently. Views my own.', config: WELSH },
    { text: 'After a couple of Dexter calves if anyone is selling.', config: WELSH },
    { text: 'Jacob lambs in the top field this morning, spring is here', config: WELSH },
  ],
});

// Journeys and places: a name after "the train to", "drove to", "been to" is where someone went; a
// name before "of" and a capitalised word heads a place or a title ("Kyle of Lochalsh"); so does one
// before a street or place word ("Beaumont Road", "Beaumont Leys") or after a capitalised word that is
// no name ("Cannock Chase"), and a surname alone after "from"/"at" or "the" ("from Heaton", "the Cross"). Virtue and gift
// names are words ("Favour to ask", "Gift cards"), so they count as names only as names are used: two
// roster names joined and going on as people do ("Blessing and Favour leading the procession").
const PLACES = { ...ST_AIDANS, pupils: [...(ST_AIDANS.pupils ?? []), 'Paisley Reid', 'Kyle Stirling', 'Favour Eze', 'Gift Moyo', 'Blessing Okafor', 'Teddy Platten', 'Chase Whitehouse', 'Liam Heaton', 'Will Cross', 'Tyler Beaumont', 'Ava Green', 'Lovely Bautista', 'Cam Doyle', 'Kingston Reid', 'Jayden Moss'] };
ruleTable('pupil-name', {
  flag: [
    { text: 'Blessing and Favour leading the offertory procession this morning', excerpt: 'Blessing', config: PLACES },
    { text: 'Paisley in Year 4 read her poem beautifully', excerpt: 'Paisley', config: PLACES },
    { text: 'Went to Paisley and asked her where her reading book was. Year 4 are a mystery', excerpt: 'Paisley', config: PLACES },
    { text: 'Kyle of 9PR finally handed in his coursework', excerpt: 'Kyle', config: PLACES },
    { text: 'Gift was brilliant in the Year 3 assembly today', excerpt: 'Gift', config: PLACES },
    // a roster surname after the first name is the pupil, even when it ends places too ("Green")
    { text: 'Ava Green in Year 5 read her poem beautifully', excerpt: 'Ava Green', config: PLACES },
    { text: 'That Heaton lad in Year 9 has been at it again', excerpt: 'Heaton', config: PLACES },
    { text: 'Chase in 9PR finally handed in his coursework', excerpt: 'Chase', config: PLACES },
    // names that are everyday words (rules/lexicons/english-words.json), used as names
    { text: 'Lovely was brilliant in the Year 3 assembly today', excerpt: 'Lovely', config: PLACES },
    { text: 'Well done Cam, what a goal on Saturday', excerpt: 'Cam', config: PLACES },
    // "the" before a name where pupils are about, or with a class after, is still the pupil
    { text: 'Had the Jayden in 9PR again today, same as last week', excerpt: 'Jayden', config: PLACES },
    { text: 'Kingston, Jayden and Ava were brilliant in the Year 3 play', excerpt: 'Kingston', config: PLACES },
    // the second of two names after a journey, in a draft about pupils, is still a child
    { text: 'Took Year 4 on the coach to Chester and Kyle was sick the whole way', excerpt: 'Kyle', config: PLACES },
  ],
  pass: [
    { text: 'Got the bus to Paisley for the match, what a day', config: PLACES },
    { text: 'Drove to Kyle for the ferry over to Skye', config: PLACES },
    // the second of two places (b69)
    { text: 'Road trip to Oban and Kyle booked for the October week, cannae wait', config: PLACES },
    { text: 'Throwback to Paris with the Year 9 French trip, best group ever', config: { ...PLACES, pupils: [...PLACES.pupils, 'Paris Molyneux'] } },
    { text: 'Kyle of Lochalsh has the best chippy in the Highlands', config: PLACES },
    { text: 'Favour to ask: anyone got a ladder I could borrow this weekend?', config: PLACES },
    { text: 'Gift cards for the teacher this year or is that too much? Asking as a parent', config: PLACES },
    { text: 'My little one has lost his teddy again. Send help.', config: PLACES },
    // places: a street or place word after the name, a surname after "from"/"at", a capitalised word before
    { text: 'Whoever scratched my car on Beaumont Road last night, the Year 9s saw you', config: PLACES },
    { text: 'Selling the kids old bikes, collection from Heaton, text me', config: PLACES },
    { text: 'Off up Cannock Chase with the dog first thing with my Year 10 tutor group in mind', config: PLACES },
    { text: 'Stations of the Cross with Year 7 this morning, so reverent', config: PLACES },
    { text: 'Kids from Beaumont Leys in my classes are brilliant', config: PLACES },
    // ...and used as the words
    { text: 'Lovely day at the beach with our kid, saw three seals!', config: PLACES },
    { text: 'to the lads who egged my car: got your faces on the doorbell cam', config: PLACES },
    // a pub, a ship or a house called by a first name; a city, then its country
    { text: 'Sunny spells and a cold pint in the garden of the Jayden at Frittenden. Perfect.', config: PLACES },
    { text: 'Kingston, Jamaica to Bristol, 1961. Nan’s suitcase is still in our loft.', config: PLACES },
  ],
});
