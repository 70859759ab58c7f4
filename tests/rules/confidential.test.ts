import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

const ALLOWS_OFF_THE_RECORD = { ...ST_AIDANS, terms: { ...ST_AIDANS.terms, allowed: ['off the record'] } };

ruleTable('confidential', {
  flag: [
    // blind-2: informal exclusion, 'keep that to yourselves', a tight budget, a pupil's mock results
    { text: 'One of my Year 10 lads got sent home today for vaping in the toilets again', excerpt: 'got sent home' },
    { text: "The budget is so tight we're not replacing two teachers who leave in July.", excerpt: 'budget is so tight' },
    { text: 'Ella got her GCSE mock results back, 4s across the board', excerpt: 'her GCSE mock results' },
    { text: 'Big changes coming in our department, keep that to yourselves', excerpt: 'keep that to yourselves' },
    { text: 'A Year 9 lad in my form has just been put on a child protection plan. Gutted for him.', excerpt: 'child protection plan' },
    { text: 'Josh has been excluded again, third time this term.', excerpt: 'excluded' },
    { text: 'One of my Year 10s was diagnosed with ADHD last week.', excerpt: 'diagnosed with ADHD' },
    { text: 'Mrs Patel is off with stress again, third time this year.', excerpt: 'off with stress' },
    { text: 'Had to call social services about a girl in my class today.', excerpt: 'social services' },
    { text: 'Between you and me, the head is leaving at Easter.', excerpt: 'Between you and me' },
    { text: "This is off the record but we're getting a new head.", excerpt: 'off the record' },
    { text: 'Project Falcon kicks off next week.', excerpt: 'Project Falcon' },
    { text: 'So excited about #ProjectFalcon', excerpt: 'ProjectFalcon' },
    { text: 'In SLT meeting today we were told three TAs are being made redundant.' },
    { text: 'Our school is £200k in deficit and the trust wants cuts.', excerpt: 'in deficit' },
    { text: "Ofsted graded us requires improvement but we can't say until the report is published." },
    { text: 'A Year 7 girl had a seizure in PE this morning, ambulance came.', excerpt: 'seizure' },
    { text: 'Mr Green is being disciplined for what happened on the trip.', excerpt: 'being disciplined' },
    { text: 'Two Year 10 boys had a fight at lunch and got excluded.' },
    { text: 'Grace got a grade 3 in her maths mock.' },
    { text: 'One of my tutees is in foster care now.', excerpt: 'foster care' },
    { text: 'The police were called to school today about a Year 11 boy.', excerpt: 'police were called' },
    { text: "Don't share this but Amelia-Rose is pupil premium.", excerpt: 'pupil premium' },
    { text: 'A child in my class has an EHCP and still gets no support.' },
    { text: 'Her attendance is down to 60% and nobody at home seems bothered. One of my Year 8s.' },
    { text: 'A colleague has been signed off with stress for a month.', excerpt: 'signed off with stress' },
    { text: 'Confidential: the deputy is leaving.', excerpt: 'Confidential' },
    { text: 'Big changes coming to our school, naming no names, but not everyone is staying.' },
    { text: "Big news for our school soon. Can't say more yet!" },
    { text: 'A Year 6 boy in my class is on the SEN register and has autism.' },
    { text: 'Keep this quiet but Freddie is moving to a PRU.' },
    { text: 'LADO called about a teacher at our school.' },
    // a blocked term, reported here at block whatever the profile says
    { text: "Who's coming to the strike vote?", excerpt: 'strike vote' },
    // generalisation (tests/eval): a disability is a SEND detail, a colleague with no determiner, a result after 'her first ever'
    { text: 'Our blind Year 4 read her braille poem in assembly' },
    { text: 'TA from my class is off with stress again' },
    { text: 'My tutee got his first ever 9 in the maths mock!' },
    { text: 'One of my tutees has been missing since Monday' },
    { text: "We're making three TAs redundant in July" },
    { text: 'Police visit about one of my tutees today' },
    { text: 'The school is £90k over budget' },
    // in passing: restructures, possessives, a diagnosis, what the writer did, a sum short, jigsaw detail, euphemism,
    // rumour about a colleague, a score, an attendance figure, police at the gate, a grievance, an inspection call,
    // an internal survey, a flag beside a topic, a fragment after the sentence that names the pupil
    { text: 'Our TAs got their restructure letters this morning. Eight posts down to five.', excerpt: 'restructure letters' },
    { text: "The LADO's been contacted about a member of staff.", excerpt: "The LADO's" },
    { text: 'One of my Reception kids got her dyslexia diagnosis this week', excerpt: 'dyslexia' },
    { text: 'Had to exclude a Year 8 for two days after lunch', excerpt: 'exclude' },
    { text: "We're £120k short next year and the governors have no plan", excerpt: '120k short' },
    { text: 'The only Year 4 girl with a cochlear implant won the spelling bee', excerpt: 'cochlear implant' },
    { text: 'So the Year 10 girl in my form is eating for two now', excerpt: 'eating for two' },
    { text: 'Apparently someone on SLT is on a final warning', excerpt: 'on a final warning' },
    { text: "Someone's been sacked over the missing trip money", excerpt: 'sacked' },
    { text: 'Josh got 98 on his reading mock!' },
    { text: "His attendance is 54% and we're meant to get him a grade 4", excerpt: 'attendance is 54' },
    { text: 'Police at the gates again for one of our Year 9 dads', excerpt: 'Police at the gates' },
    { text: 'Put a grievance in against my head of department today' },
    { text: "The call came at 10.15. They're in Tuesday and Wednesday. Pray for our lesson plans" },
    { text: 'Parent survey results are in and 41% said they would not recommend us', excerpt: 'Parent survey results' },
    { text: 'Got my redundancy letter today. Not supposed to talk about it.', excerpt: 'Not supposed to talk about it' },
    { text: "Mrs Patel's 'bad back' was a week in Marbella", excerpt: 'bad back' },
    { text: 'Freddie was rude to the dinner ladies again. Detention.', excerpt: 'Detention' },
    { text: 'The new Year 3 teacher was let go from her last school, apparently', excerpt: 'was let go' },
    { text: "A little bird says the business manager's been walked off site", excerpt: 'walked off site' },
  ],
  pass: [
    { text: "Josh's mum kicked off at parents evening again" },
    { text: 'I got sent home from work with a migraine' },
    'Great safeguarding training today',
    'Anti-Bullying Week starts Monday',
    "Proud of our SEND team's work",
    "Excellent session on trauma-informed practice at today's staff training. All views my own.",
    'My sister is a social worker and she loves it.',
    'Mental health awareness week: look after yourselves.',
    "I'm off sick today, feel awful, hate missing my class.",
    "I'm pregnant!!",
    'Trains suspended today because of the snow.',
    'Budget cuts in schools are a national disgrace.',
    'We adopted a new marking policy this term.',
    'Congratulations to Freddie on 100% attendance this term!',
    "I can't say more than thank you to my amazing class.",
    'The distance between us and the coast is only an hour.',
    "My son has ADHD and we're so proud of him.",
    'Confidential waste bins are full again',
    "I would never share a pupil's EHCP details online.",
    'Attended a great CPD on supporting pupils with ADHD.',
    'Ofsted inspectors were lovely and the kids were good as gold.',
    'Fighting fit and ready for the new term',
    'The head said the kids were brilliant in assembly',
    "Please don't share your passwords with pupils, folks.",
    'Can you send me the worksheet for period 2?',
    'Great to see our pupil premium strategy praised at the governors meeting.',
    'Happy Hanukkah to all who celebrate 🕎',
    'She stole the show at the nativity!',
    'Today we talked about looked after children in our CPD',
    'Great CPD today on exclusions and managed moves.',
    'Well done Josh, brilliant attendance this term!',
    // the school's allowed terms are never flagged
    { text: 'Off the record, the head is leaving.', config: ALLOWS_OFF_THE_RECORD },
    'Wheelchair basketball taster at the leisure centre, all welcome',
    'Turned a blind eye to the mess in my classroom today',
    'My warnings about the trip fell on deaf ears',
    // the same words with no case in them: training, hopes and threats, idioms, other people's secrecy, national figures
    'Great safeguarding refresher this morning, the module on county lines was eye-opening',
    'Restructuring my kitchen cupboards this weekend, wish me luck',
    "If that dad shouts at me again he'll be leaving in an ambulance",
    'Final warning, Year 9: homework is due Friday',
    "Learn to let go of what you can't control this term",
    'The national teacher wellbeing survey results are grim reading',
    'We were 2 short for five-a-side so I played in goal',
    "Anita's EHCP paperwork mountain is unreal this term",
    'Laughed at my own terrible puns all through the staff meeting',
    "They're in Tenerife on Wednesday, lucky things",
    'Got the call from the garage, the car is ready Tuesday',
    "Got the call, they're coming Tuesday to fix the boiler",
    'My gym attendance is 10% this month',
    'They are keeping the staff party venue hush hush, so exciting',
    'The kids had the whole class in stitches with their jokes',
    'Our Year 11s smashed their mocks, so proud',
    'Budget day tomorrow, another year of cuts nationally',
  ],
});

describe('confidential: blocked terms', () => {
  it('are forced to block with their own message', () => {
    const f = findings('Who is up for the strike vote on Friday?').filter((x) => x.rule === 'confidential');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('block');
    expect(f[0]!.message).toBe('Uses a term your school has blocked.');
  });
  it('names the configured confidential term in its message', () => {
    const f = findings('Project Falcon is going to shake things up round here.').filter((x) => x.rule === 'confidential');
    expect(f[0]!.message).toContain('Project Falcon');
  });
});
