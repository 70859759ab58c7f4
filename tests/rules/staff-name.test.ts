import { describe, expect, it } from 'vitest';
import { findings, ruleTable } from './helpers.js';

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
  ],
});

describe('staff-name fix', () => {
  it('offers "a colleague"', () => {
    const f = findings('Mrs Patel is retiring').find((x) => x.rule === 'staff-name')!;
    expect(f.fix).toMatchObject({ start: 0, end: 9, replacement: 'a colleague' });
  });
});
