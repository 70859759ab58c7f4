import { ruleTable, ST_AIDANS } from './helpers.js';

const KINGSMEAD = {
  ...ST_AIDANS,
  school: { name: 'Kingsmead Valley High School', aliases: ['Kingsmead Valley', 'KVHS', '#KVHSproud', '@KingsmeadValleyHS'], trust: 'Riverstone Education Trust', trustAliases: ['RET'] },
};

ruleTable('school-identity', {
  flag: [
    // the writer's own new post still says where they work
    { text: 'New TA at St Aidan’s and loving it already' },
    // a road named like the school: the name with a school word, or said as the school, still counts
    { text: 'Kingsmead Valley were brilliant at the road safety assembly', excerpt: 'Kingsmead Valley', config: KINGSMEAD },
    { text: 'Kingsmead Valley High School on Station Road is hiring', excerpt: 'Kingsmead Valley High School', config: KINGSMEAD },
    { text: 'New job at Oakwood Academy starts Monday!', excerpt: 'New job at Oakwood Academy' },
    { text: 'Contact me on jo@kvhs.sch.uk', excerpt: 'kvhs', config: KINGSMEAD },
    { text: 'Teaching at KVHS for 10 years now', excerpt: 'Teaching at KVHS', config: KINGSMEAD },
    { text: "Such a fun day at St Aidan's!", excerpt: "St Aidan's" },
    { text: 'st aidans nativity was lovely', excerpt: 'st aidans' },
    { text: "Saint Aidan's CE Primary School fair this Saturday", excerpt: "Saint Aidan's CE Primary School" },
    { text: "St. Aidan's sports day was a scorcher", excerpt: "St. Aidan's" },
    { text: 'Proud to be #StAidansPride', excerpt: 'StAidansPride' },
    { text: 'Go @StAidansPri!', excerpt: 'StAidansPri' },
    { text: 'Huge thanks to the SAPS PTA', excerpt: 'SAPS' },
    { text: 'NLT conference today, great speakers', excerpt: 'NLT' },
    { text: 'Northfield Learning Trust annual report is out', excerpt: 'Northfield Learning Trust' },
    { text: 'Northfield Trust are hiring again', excerpt: 'Northfield Trust' },
    { text: 'so proud #nltproud', excerpt: 'nlt' },
    { text: 'I teach at Oakfield Primary in Leeds', excerpt: 'I teach at Oakfield Primary' },
    { text: 'Proud to work at Greenfield Academy for ten years now', excerpt: 'Proud to work at Greenfield Academy' },
    { text: "I'm a TA at Hillside Juniors and I love it", excerpt: "I'm a TA at Hillside Juniors" },
    { text: 'Head of maths at Beacon High, views my own', excerpt: 'Head of maths at Beacon High' },
    { text: 'My school, Oakfield Primary, is hiring', excerpt: 'My school, Oakfield Primary' },
    { text: "I teach at St Aidan's", excerpt: "I teach at St Aidan's" },
    { text: 'Kings\u200bmead Valley staff car park', excerpt: 'Kings\u200bmead Valley', config: KINGSMEAD },
    { text: 'What a night #KVHSproud', excerpt: 'KVHSproud', config: KINGSMEAD },
    { text: 'Another win for #KVHSrugby', excerpt: 'KVHS', config: KINGSMEAD },
    { text: 'Great day for #RETschools', excerpt: 'RET', config: KINGSMEAD },
    { text: 'RET training day', excerpt: 'RET', config: KINGSMEAD },
    { text: 'Riverstone Education Trust newsletter', excerpt: 'Riverstone Education Trust', config: KINGSMEAD },
    { text: 'KVHS sixth form open evening', excerpt: 'KVHS', config: KINGSMEAD },
  ],
  pass: [
    // someone else's new post, congratulated (b41)
    'Congratulations to the new head at St Erth primary, lovely to see a local lad get it.',
    // a road, station or retail park named like the school is that place
    { text: 'Roadworks on Kingsmead Valley Road again, twenty minutes to get past', config: KINGSMEAD },
    { text: 'Meet you outside Kingsmead Valley station at six', config: KINGSMEAD },
    { text: 'New Costa opening at Kingsmead Valley retail park', config: KINGSMEAD },
    { text: 'Retired at last!', config: KINGSMEAD },
    { text: 'Proud to be part of the Riverstone family', config: KINGSMEAD },
    'I work at a school, and I love it',
    'Back to school shopping done, just shoes left',
    'Feeling like a right sap today',
    'The saps in the film were hilarious',
    'I work at home on Fridays',
    'I work at Tesco on Saturdays',
    'My school days were the best of my life',
    'Visited St Albans cathedral on the way home',
    'Great parkrun at northfield park this morning',
    { text: 'The secret santa at work was a success', config: KINGSMEAD },
    { text: 'I need to ret the flax before spinning', config: KINGSMEAD },
    { text: 'Valley walk this morning, then high tea', config: KINGSMEAD },
    { text: 'A river stone for the garden', config: KINGSMEAD },
  ],
});
