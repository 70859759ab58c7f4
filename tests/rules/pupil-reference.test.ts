import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

const SCHOLARS = { ...ST_AIDANS, policy: 'scholars-academy-trust-2022' as const };
/** A school with its own class and house names (school.classes). */
const CLASSES = { ...ST_AIDANS, school: { ...ST_AIDANS.school, classes: ['Kestrels', 'Oak Class', 'Owls', 'Dosbarth Derw', '10JT', 'Darwin', 'Rowan'] } };

ruleTable('pupil-reference', {
  flag: [
    // a parent's "my son" quoted in a reply is the parent's child, not the writer's (b48)
    { text: "> Parent: you're a disgrace miss, my son came home crying\n\nSay that to my face at the gate tomorrow then and see what happens." },
    // Welsh and Scottish year groups: "Bl 10", "Blwyddyn 6", "S3", "P6"
    { text: 'A Bl 10 lad walked out of my lesson and kept going', excerpt: 'A Bl 10 lad' },
    { text: 'Had a Blwyddyn 5 girl sobbing in the cloakroom at break' },
    // one child's story told in the past after 'when' is still that child
    { text: 'When a Year 8 boy threw a chair at me in period 2 I just froze', excerpt: 'a Year 8 boy' },
    { text: 'A boy in my Year 5 class was in the news this week for his charity run', excerpt: 'A boy in my Year 5 class' },
    // b45-b47: a parent by year group in the plural; a former pupil; a reply's 'your wee one'; a child's first name with a parent
    { text: 'Apparently one of the Year 4 mums got barred from the premises for squaring up to the head', excerpt: 'one of the Year 4 mums' },
    { text: 'Our hearts go out to the family of our former pupil.', excerpt: 'our former pupil' },
    { text: "@KarenB_ text me and I'll tell you what happened with your wee one today at school", excerpt: 'your wee one' },
    { text: "Sam's mum, we would never restrain a child unless it's in their handling plan.", excerpt: "Sam's mum" },
    { text: 'I will never forget a kid in my Year 9 class telling me his dad had left', excerpt: 'a kid in my Year 9 class' },
    { text: 'If a child in my class tells me once more that my lesson is boring, I will scream', excerpt: 'a child in my class' },
    { text: 'One of my S3 boys asked if I had ever been arrested' },
    { text: 'The S4 lass who fainted in the lab is back on Monday' },
    // a pupil singled out by what happened to them or what they have, in a draft about school
    { text: 'The family whose flat flooded in October are still in a hotel, the kids come to school exhausted' },
    { text: 'The only Year 8 in a wheelchair was left behind on the trip again' },
    { text: 'A mum from my class turned up at 8am demanding to see me' },
    // blind-3: 'one of the dads' acting up at a school event is a particular pupil's parent
    'Lovely evening at the Year 11 prom. One of the dads was mouthing off at the bar.',
    { text: 'A little boy in reception cried all morning', excerpt: 'A little boy in reception' },
    { text: 'A parent emailed me at 11pm about homework', excerpt: 'A parent emailed' },
    { text: 'A pupil premium child in my class', excerpt: 'A pupil premium child' },
    { text: 'That child in 6C is going to be the death of me', excerpt: 'That child in 6C' },
    { text: 'One of my Year 6 boys cried in the toilets today', excerpt: 'One of my Year 6 boys' },
    { text: 'A child in my class told me something awful', excerpt: 'A child in my class' },
    { text: 'kid in 4B threw up on the carpet', excerpt: 'kid in 4B' },
    { text: 'A Year 3 mum at pickup was furious with me', excerpt: 'A Year 3 mum' },
    { text: 'The Year 8 dad who sent that email had better watch it', excerpt: 'The Year 8 dad' },
    { text: 'A Year 9 lad in my form has just been put on a plan', excerpt: 'A Year 9 lad' },
    { text: 'Well done Jayden in 5B, what a week!', excerpt: 'Jayden' },
    { text: 'Congratulations to Kacper for his Year 4 reading award', excerpt: 'Kacper' },
    { text: 'A parent of one of my pupils complained to the head', excerpt: 'A parent of one of my pupils' },
    { text: 'This student has been a nightmare all term in my lessons', excerpt: 'This student' },
    { text: 'A girl from Year 10 got caught vaping behind the sports hall', excerpt: 'A girl from Year 10' },
    { text: 'One of my tutees got into Oxford!', excerpt: 'One of my tutees' },
    { text: "A pupil's mum sent me flowers", excerpt: "A pupil's mum" },
    { text: 'A mum at the school gate asked me about the Year 6 play', excerpt: 'A mum at the school gate' },
    { text: 'The boy who threw a chair in my lesson is back tomorrow', excerpt: 'The boy' },
    { text: 'Our pupils raised £400 for charity', excerpt: 'pupils', config: SCHOLARS },
    { text: 'So proud of all of Year 6', excerpt: 'Year 6', config: SCHOLARS },
    // generalisation (tests/eval): no determiner, a year group as one pupil, a few of mine, my tutee, that mum, UK names
    { text: 'Lad in my Year 9 set asked if I was 70 🙃', excerpt: 'Lad in my Year 9 set' },
    { text: 'Year 4 girl gave me a drawing of my cat', excerpt: 'Year 4 girl' },
    { text: 'Had to calm down a Year 5 who was sobbing at lunch', excerpt: 'a Year 5 who' },
    { text: 'Three of my Year 6s got lost on the trip' },
    { text: 'My tutee finally passed her driving theory!', excerpt: 'My tutee' },
    { text: 'That mum has emailed me four times about homework' },
    { text: 'Well done Freya in 3B!', excerpt: 'Freya' },
    { text: 'That Year 8 and his mates were at it again', excerpt: 'That Year 8 and' },
    { text: "It's the same Year 6 again, every single lunchtime", excerpt: 'the same Year 6' },
    // the school's own class names read as class codes
    { text: 'The lad in Kestrels who nicked my stapler is at it again', excerpt: 'The lad in Kestrels', config: CLASSES },
    { text: 'That Owls mum has complained to the head again', excerpt: 'That Owls mum', config: CLASSES },
    { text: 'Kestrels dad shouted at me in the car park', excerpt: 'Kestrels dad', config: CLASSES },
    { text: 'girl in dosbarth derw cried all through lunch', excerpt: 'girl in dosbarth derw', config: CLASSES },
    { text: 'Our Darwin house captain gave a cracking speech', excerpt: 'Darwin house captain', config: CLASSES },
    { text: 'One of my Owls got lost on the way back from the field', excerpt: 'One of my Owls', config: CLASSES },
    { text: 'New starter in 10JT is finding it tough', excerpt: 'New starter in 10JT', config: CLASSES },
    { text: 'The twins in Rowan swapped jumpers to fool the supply teacher', excerpt: 'The twins in Rowan', config: CLASSES },
    { text: 'Well done Kacey in Oak class, what a reader!', excerpt: 'Kacey', config: CLASSES },
    // a parent singled out by what they did, an early-years parent, a reply to one parent about their child
    { text: 'To the dad who parked across the staff car park gate this morning: I saw you', excerpt: 'the dad who parked' },
    { text: 'The mum who emailed the head about my marking has done it again', excerpt: 'The mum who emailed' },
    { text: 'That Reception mum was at the classroom door again at 8am', excerpt: 'That Reception mum' },
    { text: 'A nursery dad brought the whole class a box of doughnuts', excerpt: 'A nursery dad' },
    { text: "@KerryB_1985 she can have her reading book back on Monday, I'll sort it with her class teacher", excerpt: 'she' },
    { text: 'Hiya Dee, your little one left her PE kit in the hall, it is in the school office x', excerpt: 'your little one' },
  ],
  pass: [
    // a generic case, in the present tense after if / when: advice, not one child
    "Safeguarding reminder: if a child tells you something worrying, listen, don't promise secrecy and tell your DSL.",
    'When a student writes a stunning paragraph in their second language, that is not a gap in my classroom, it is a bridge.',
    'When a Year 8 tells me the Gujarati word for a feeling, the whole lesson grows.',
    // a pupil noun capitalised mid-sentence is a title's word
    'Reading The Boy at the Back of the Class with my class this term.',
    // a child in the news, with no school of the writer's in the draft (b45, b46)
    'Heartbroken to hear the news about the wee boy in Newry. Thinking of his family and his school tonight',
    'Sending so much love to the family of the little lad from Canvey who was in the news this week.',
    // a student violin; a friend's mum at a dinner party
    'Selling my old student violin, full size, £120 ono.',
    "Sam's mum makes the best lasagne, dinner party was great",
    // a rule for any child
    "Best thing I heard on INSET today: we never call a child lazy, we find out what's in the way.",
    'You should always tell a child why, not just what. Best advice I had as an NQT.',
    // the same shapes outside school
    'A girl in my pottery class made the most amazing jug',
    'Bl 10 and Bl 11 sit their mocks all week, quiet corridors',
    'Our S3 bucket costs doubled this year',
    'P6 of the report has the figures',
    'The family whose dog bit my nephew finally said sorry',
    'The only person in a wheelchair at the gig got the best view',
    'The lad who fixed our boiler was spot on, would recommend',
    { text: 'My mum turned up at 8am with a flask for me' },
    // near misses of the parent, early-years and reply constructions
    'Every parent who emailed about the trip has had a reply',
    'Any dad who complained about the parking will get a call from the office',
    'The dad who shouted at the ref on Sunday got banned from the league',
    'To the mum who taught me to read: happy birthday, love you',
    'The reception girl at the hotel was so helpful on our anniversary weekend',
    'Nursery rhymes on repeat in our house this weekend',
    "@jonno_88 he was robbed in that final, what a player",
    "@SarahK he's the best PE teacher we've ever had, gutted he's leaving",
    "Morning all, she's finally done it: the head has retired!",
    "Hiya Dee, your little one is gorgeous, congratulations to you both",
    "Hi Mel, my two are off school with chickenpox so I'm working from home",
    'Sunday league match today, one of the dads was shouting at the ref the whole game',
    'A dad rang me about the bins',
    'My Year 10s were brilliant today',
    'Our new student teacher is great',
    'A teen was hit by a car on the high street',
    'Our pupils raised £400 for charity',
    'So proud of all of Year 6',
    "My daughter's first ballet show tonight",
    'Every child in my class got a certificate',
    'As a child I loved the seaside',
    'A dad joke a day keeps the doctor away',
    'A kid at the park nearly knocked me over',
    'One of my kids has chickenpox, so no swimming',
    "Parents' evening number three of the week. Voice gone.",
    'Jayden Sancho scored a worldie',
    'Great child protection training today',
    'Year 6 did brilliantly in their SATs',
    { text: "My daughter's first ballet show tonight", config: SCHOLARS },
    { text: 'Sourdough attempt number four', config: SCHOLARS },
    "A girl in my daughter's class has nits again",
    'Our Year 7s were brilliant on the trip',
    'This dad joke is for my class',
    "Nothing like the moment a child in your class gets it",
    'Our new Year 7 cohort are lovely',
    'The Year 9 and 10 assembly was lovely',
    'So proud of every single one of our Year 6s',
    // class names that are words, where they are words; whole classes; no configured classes
    { text: 'An owl was hooting outside the kids bedroom all night', config: CLASSES },
    { text: 'The kid next door dressed up as an owl for the party', config: CLASSES },
    { text: 'A lad in the oak tree was shouting at walkers', config: CLASSES },
    { text: 'Kestrels hovering over the motorway again, one lad stopped to watch', config: CLASSES },
    { text: 'Rowan Atkinson and his kid were in the cafe', config: CLASSES },
    { text: 'The Royal Oak dad dancing was something else', config: CLASSES },
    { text: 'All the kids in Owls got a certificate', config: CLASSES },
    { text: 'Owls parents, the trip letter is in book bags', config: CLASSES },
    { text: 'Every child in Kestrels read to a dog this week', config: CLASSES },
    // the writer's own child, said with "my", is no pupil (the learned reading's gate)
    "Gift cards for the teacher this year or is that a bit much? Asking as a parent, my boy's teacher has been lovely",
    // ...and a pronoun in a draft whose only child is the writer's own, opening a sentence
    "My son Twm has Down syndrome. Yesterday he got his first payslip. What he needed was one manager willing to show him the till twice and then trust him.",
    'The lad in Kestrels who nicked my stapler is at it again',
    // a child placed somewhere else by name, in a draft not about work: somebody's child there (b59, b53)
    "Really sad reading about that lad in Plymouth. Can't imagine what his family are going through. Thoughts with them.",
    "Lovely piece in the paper about a girl from Dereham who's raised £2,000 for the air ambulance. Good on her.",
  ],
});

// ...but a child in or from one of the school's classes, or one the writer addresses, is still one child
ruleTable('pupil-reference', {
  flag: [
    { text: "Really sad about that lad in Rowan, can't imagine what his family are going through", config: CLASSES },
    { text: 'Little one in Oak has worn the same jumper since September and no breakfast again', config: CLASSES },
    'To the lad from Higher Hayne: I saw what you did to that ewe, and so did the police. Enjoy Monday morning.',
  ],
  pass: ["Heartbreaking to read about the little girl from Taunton on the news, thoughts with her family"],
});

describe('pupil-reference under a no-discussion policy', () => {
  it('reports anonymous group mentions at info', () => {
    const f = findings('Our pupils raised £400 for charity', {}, SCHOLARS).filter((x) => x.rule === 'pupil-reference');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'info')).toBe(true);
  });
  it('does not repeat a roster name as a reference', () => {
    const f = findings('Well done Josh in 5B').filter((x) => x.rule === 'pupil-reference');
    expect(f).toEqual([]);
  });
});

// One child caught in the act, in a draft about school (a colleague named on the staff list makes it
// one); "a certain Year 8", pointed at.
ruleTable('pupil-reference', {
  flag: [
    { text: 'Caught a kid climbing the back fence at school today', excerpt: 'Caught a kid' },
    { text: 'Mrs Patel collared a lad vaping behind the sports hall 😂', excerpt: 'collared a lad' },
    { text: 'We would have won the relay if a certain Year 8 had not walked the last leg.', excerpt: 'a certain Year 8' },
  ],
  pass: [
    'Caught a cold off my nephew again, lemsip time',
    'My dog caught a rabbit at the park and I nearly died',
    'Year 8 were a certain kind of brilliant today',
  ],
});
