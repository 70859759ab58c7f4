import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

/** More colleagues, with names that are words, and a class (school.classes). */
const STAFF = {
  ...ST_AIDANS,
  school: { ...ST_AIDANS.school, classes: ['Wrens'] },
  staff: [...(ST_AIDANS.staff ?? []), 'Mr Declan Gallacher', 'Mrs Maureen Tibbs', 'Heather Lowe', 'Dawn Pickersgill', 'Mx Tamsin Reeve', 'Bernie Kowalski', 'Lorraine Ashby', 'Miss Chloe Pennock', 'Mr Neil Satterly', 'Polly Dunne'],
};

// St Aidan's staff: Mrs Anita Patel, Tom Hill, Mr David Green, Miss Rose Carter, Dr Priya Shah.
ruleTable('staff-name', {
  flag: [
    { text: 'Anita, thanks for covering my lesson', excerpt: 'Anita' },
    { text: 'Mr Green and Miss Carter ran the trip', excerpt: 'Miss Carter' },
    { text: 'Mrs Patel is retiring at Christmas', excerpt: 'Mrs Patel' },
    { text: 'Word is Mr Green is off to a trust job', excerpt: 'Mr Green' },
    { text: "Anita Patel's leaving do was great", excerpt: "Anita Patel's" },
    { text: 'Tom from maths covered my lesson again', excerpt: 'Tom' },
    { text: 'Our head Anita is brilliant with the new starters', excerpt: 'Anita' },
    { text: 'Miss Rose is the best teacher in the building', excerpt: 'Miss Rose' },
    { text: 'Thanks @MrsPatelTeach for the resources', excerpt: 'MrsPatel' },
    { text: 'thanks to @mrspatel for the resources', excerpt: 'mrspatel' },
    { text: 'Dr Shah gave an amazing talk at INSET', excerpt: 'Dr Shah' },
    { text: 'Mr. Hill said no to the trip', excerpt: 'Mr. Hill' },
    { text: 'tom hill is leaving at Easter', excerpt: 'tom hill' },
    { text: 'mrs patel shouted at me in the car park', excerpt: 'mrs patel' },
    { text: 'Priya Shah is the best SENCo ever', excerpt: 'Priya Shah' },
    { text: 'Rose from the office sorted my pay', excerpt: 'Rose' },
    { text: 'Dr Marcus Feltham? No, Dr Priya Shah.', excerpt: 'Dr Priya Shah' },
    // first names beside working-life events, a class they run, a workplace; a surname used as a person; first name + initial
    { text: "Word is Bernie's retiring at Easter and they won't replace her", excerpt: "Bernie's", config: STAFF },
    { text: 'Congrats to Chloe P on finishing her ECT year', excerpt: 'Chloe P', config: STAFF },
    { text: "Whip-round for Maureen's leaving present, see me", excerpt: "Maureen's", config: STAFF },
    { text: "If Gallacher parks in my space one more time I'm calling a tow truck", excerpt: 'Gallacher', config: STAFF },
    { text: 'Need the kitchen? Ring the office and ask for Lorraine', excerpt: 'Lorraine', config: STAFF },
    { text: "Anyone got Heather from the school office's number?", excerpt: 'Heather', config: STAFF },
    { text: "Dawn's been running Wrens on her own for a month", excerpt: "Dawn's", config: STAFF },
    // one of the school's own people from one of its classes needs no other school word (b46)
    { text: 'Rumour has it Bernie from Wrens is leaving at Easter', excerpt: 'Bernie', config: STAFF },
    // a working life's sickness or HR process beside the first name (b45, b46)
    { text: "Heather's been off with stress since October and not a word about cover.", excerpt: "Heather's", config: STAFF },
    { text: 'Sickness review meeting with Declan tomorrow. Wish me luck', excerpt: 'Declan', config: STAFF },
    { text: 'Spoke to Lorraine in Wrens about the trip', excerpt: 'Lorraine', config: STAFF },
    { text: 'Tamsin wants us all to say they now. Not in my classroom.', excerpt: 'Tamsin', config: STAFF },
    { text: "Our IT man Declan's 'migraine' was a hangover", excerpt: "Declan's", config: STAFF },
    { text: "Heard Declan's been for a headship interview", excerpt: "Declan's", config: STAFF },
    // a first name that is no English word opens the sentence, in a draft about work (name-words.json holds words only)
    { text: 'Neil knows exactly what he did. Nobody in that staffroom will shed a tear.', excerpt: 'Neil', config: STAFF },
    { text: 'Polly has been covering my Year 9s all week. Legend.', excerpt: 'Polly', config: STAFF },
    // a name that is no word and no pupil's, with a staff word or a class anywhere in its sentence
    { text: "Whispers say there's a new deputy being interviewed in the library today and Declan hasn't a clue", excerpt: 'Declan', config: STAFF },
    { text: "Maureen's 63 and still the best teaching assistant in the whole building", excerpt: "Maureen's", config: STAFF },
  ],
  pass: [
    'Anita and I went for a curry',
    'Jo Malone candles are the best',
    'The green light finally came on',
    'A rose by any other name would smell as sweet',
    'I miss Tom so much since he moved to Spain',
    'Tom Hanks was brilliant in that film',
    'We walked up the hill to the castle',
    'Green is my favourite colour',
    'Will you mark my words',
    'Anita Baker on the radio this morning',
    'Mr Smith from the garage fixed the car',
    'Roses are red, violets are blue',
    'The head of the river is beautiful',
    'Patel family barbecue this weekend',
    // the same names as words, other people, places, and first names with nothing about work
    { text: 'Off to Gallacher Park for the five-a-side', config: STAFF },
    { text: 'Off to Gallacher for the weekend', config: STAFF },
    { text: 'Heather on the moors is glorious this week', config: STAFF },
    { text: 'Dawn broke over the hills, what a morning', config: STAFF },
    { text: 'Bernie Sanders was on the news again', config: STAFF },
    { text: 'Chloe P from my book club lent me this', config: STAFF },
    { text: 'Ask for Lorraine at the garden centre, she knows her roses', config: STAFF },
    { text: 'Tamsin and I are off to Tenerife!', config: STAFF },
    { text: 'Maureen from next door brought round a cake', config: STAFF },
    { text: 'Declan Rice was unreal last night', config: STAFF },
    { text: 'The Gallacher twins at the gym are hilarious', config: STAFF },
    { text: 'Wrens are nesting in the hedge again, Heather reckons', config: STAFF },
    // someone who is not one of the school's people, from a town of the class's name
    { text: 'Rumour has it Jeremy from Wrens is leaving the band', config: STAFF },
    { text: 'Neil Young on vinyl, the only way to spend a Sunday', config: STAFF },
    // a saint's church
    { text: "Sunday roast at me mam's after Mass at St Declan's, Yorkshires the size of your head", config: STAFF },
    { text: 'Neil and I are off to the Lakes for the weekend', config: STAFF },
    { text: 'Polly put the kettle on, we all need a brew', config: STAFF },
    { text: 'Declan Rice for captain, the deputy manager role is wasted on him', config: STAFF },
    { text: 'Maureen O Hara films all weekend, then back to the classroom on Monday', config: STAFF },
  ],
});

describe('staff-name fix', () => {
  it('offers "a colleague"', () => {
    const f = findings('Mrs Patel is retiring').find((x) => x.rule === 'staff-name')!;
    expect(f.fix).toMatchObject({ start: 0, end: 9, replacement: 'a colleague' });
  });
});
