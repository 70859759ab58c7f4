import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

const ALLOWS_OFF_THE_RECORD = { ...ST_AIDANS, terms: { ...ST_AIDANS.terms, allowed: ['off the record'] } };

ruleTable('confidential', {
  flag: [
    { text: 'He got a Suspension today for fighting in Year 9', excerpt: 'Suspension' },
    { text: 'Saw the BBC piece on exclusions. We suspended two of my Year 9s this week for the same thing', excerpt: 'suspended' },
    // what a child lives with at home: a parent in prison, no food in the house
    { text: 'A girl in my form told me her mum is back inside and she is staying with her gran' },
    { text: 'One of my Year 4s comes into school hungry every day, there is no food in the house' },
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
    // more in passing: a reduced timetable or a fixed term, self-harm again, a condition by its capitals, a school-only
    // sanction, an attendance figure before the word, attainment in assessment terms, posts cut, a survey figure, savings
    // to find, an inspection call and a draft report, the pupil ranked, a secrecy idiom, trouble at home, the DSL
    { text: 'One of my Year 9s is going part time from Monday', excerpt: 'going part time' },
    { text: 'The Year 8 boy from my form got a fixed term for swearing at a TA' },
    { text: 'A girl in my tutor group has started cutting again', excerpt: 'started cutting again' },
    { text: "Her dad has MS so she's missed loads of lessons this term", excerpt: 'MS' },
    { text: 'He spent the whole of Tuesday in the isolation room' },
    { text: 'A Year 10 lad in my form has been in isolation all week', excerpt: 'in isolation' },
    { text: "Her 68% attendance is the lowest in my form" },
    { text: "She's working at greater depth in reading but below expected in maths" },
    { text: "They're axing three TA posts at Christmas" },
    { text: 'Four of us in the office are now at risk' },
    { text: 'The staff survey came back and only 30% would recommend working here' },
    { text: "The trust has told us to find £150k of savings by April" },
    { text: "Ofsted rang at lunch. They're in on Wednesday", excerpt: 'Ofsted rang' },
    { text: "Ofsted's draft report says Good, can't wait till we can shout about it" },
    { text: 'My weakest Year 11 only got a 2 in the mock' },
    { text: "You didn't hear it from me, but the deputy is off to another school" },
    { text: 'Big changes for the TAs in our department next term, shhh', excerpt: 'shhh' },
    { text: 'Losing two support roles in the office after Easter' },
    { text: "There's a lot going on at home for one of my Year 5s" },
    { text: 'Passed it on to the DSL after what the Year 4 girl told me' },
    { text: 'Governors signed off a deficit budget last night' },
    // jargon in passing: the acronyms staff use for exclusions, care and child protection
    { text: 'Lad in 9C got a PEX this afternoon, gutted for him', excerpt: 'PEX' },
    { text: "That's her second FTE since September.", excerpt: 'FTE' },
    { text: "She's CLA, so the virtual school want a PEP before half term." },
    { text: 'Spent my free at the MASH about one of my Year 6s', excerpt: 'MASH' },
    // what staff do with a concern, and the concern in the sentence after the child
    { text: 'One of my Year 9s turned up with no coat again. Rang the DSL straight after registration.', excerpt: 'Rang the DSL' },
    { text: 'Quiet word with a girl in my form at break. Logged it and handed it over to safeguarding.' },
    // a colleague by first name and department; a colleague with no determiner
    { text: 'Gemma from geography is on capability now, awful for her', excerpt: 'on capability' },
    { text: 'Colleague of mine has been given a written warning over a parent email', excerpt: 'written warning' },
    { text: 'The new chemistry teacher was let go after a fortnight' },
    // a child's home, said with he/she or of a parent, with no other work words
    { text: "Her dad's out of prison next week and wants to collect her.", excerpt: 'out of prison' },
    { text: 'He is under a care order and living with his aunt now' },
    { text: 'His stepdad belts him, everyone on the estate knows' },
    { text: 'The police picked two of our Year 11 boys up outside the gates' },
    // the share of the writer's own class that passed
    { text: 'Only 12 of my Year 11s got a 4 in the English mock', excerpt: '12 of my Year 11s got a 4 in the English mock' },
    { text: 'Our school is £150k in debt and the trust want a recovery plan by March.' },
    // a fund cut by a sum, said either way round; a school's own fund or a five-figure sum is the school's money with no other hint of work
    { text: 'PEF budget for next session cut by £38k. Guess which interventions are going.', excerpt: 'PEF budget for next session cut by £38k' },
    { text: 'Pupil premium down £38k this year.', excerpt: 'Pupil premium down £38k' },
    { text: 'The EA has slashed our food budget by £84,000. Try feeding a Year 12 on that.', excerpt: 'slashed our food budget by £84,000' },
    { text: "Next year's budget has a £380k hole in it and the answer is bigger classes.", excerpt: 'budget has a £380k hole' },
    { text: 'Finance committee tonight. We are £96k in the red and nobody will say cuts.', excerpt: 'in the red' },
    // what the school pays a supplier each year
    { text: 'Fun fact: we pay Harbourside Meals £80k a year and the chips are still cold.', excerpt: 'we pay Harbourside Meals £80k a year', config: { ...ST_AIDANS, suppliers: ['Harbourside Meals'] } },
    { text: 'TallyPay crashed again. Eleven grand a year we pay for this.', excerpt: 'Eleven grand a year we pay', config: { ...ST_AIDANS, suppliers: ['TallyPay'] } },
    // a child's home and harm in passing; a death in a pupil's family
    { text: 'Had to ring home about the marks on his neck again.' },
    { text: "Her mum's using again and she came in wearing yesterday's uniform." },
    { text: "The boy I mentioned is in a women's refuge with his mum now." },
    { text: 'His dad died at the weekend and he still came in on Monday.' },
    // SEN routes and exam access arrangements; scores as fractions; a reading age that moved
    { text: 'Three of my Year 6s are moving to a special school in September.' },
    { text: "We're putting him in a separate room with a scribe for the mocks." },
    { text: 'One of my Year 10s got 14/60 on the physics paper', excerpt: '14/60 on the physics' },
    { text: 'A lad in my form has seen his reading age go from 6 to 9 since September' },
    // staff cases with no one named; inspection letters and calls
    { text: "There's a grievance going on in our department and it's grim" },
    { text: "The Estyn letter has landed, we can't say a thing until it's published" },
    { text: 'Written her up three times this week, she is on thin ice.' },
    // a case counted: an ordinal or 'another' is something that happened
    { text: 'Second LADO referral for our department this half term. Shattered.', excerpt: 'LADO referral' },
    // a colleague pointed at without a name; a sanction said as pending or by euphemism
    { text: 'One of the supply staff has been suspended pending an investigation, nobody knows why.' },
    { text: 'A certain deputy had a quiet word from the trust after the residential.', excerpt: 'a quiet word from' },
    { text: "Poor Mrs Okafor, her contract isn't being renewed and she was told by email." },
    // an injury by the part of the body; an allergy; a mark said with the paper; attendance as a figure; free dinners
    { text: 'One of my Year 3s broke her wrist on the climbing frame at lunch.', excerpt: 'broke her wrist' },
    { text: 'The lad in my form with the severe nut allergy had a reaction at lunch.' },
    { text: 'A Year 9 lad in my set ended up with a 2 in a mock he had revised for.', excerpt: 'a 2 in a mock' },
    { text: "One of my Year 8s, her attendance has dropped to 72% since Christmas." },
    { text: 'A girl in my class is on free dinners and never has a coat.', excerpt: 'on free dinners' },
    // Scotland's social work; a named hospital; a colleague going off sick, by rumour
    { text: 'Social work were round at one of my P3s house again last night.', excerpt: 'Social work were round' },
    { text: 'One of my Year 2s is back in the Royal Infirmary with her chest again.', excerpt: 'in the Royal Infirmary' },
    { text: 'Word is the deputy is going off on the sick after half term and not coming back.', excerpt: 'going off on the sick' },
    // a pupil's results or diagnosis stays a pupil's beside the writer's own family, and a diagnosis is still one after a service's name
    { text: "My son's best mate is in my tutor group and he got his GCSE results today: a 3 in maths." },
    { text: 'One of my Year 10s has just been diagnosed with autism, referred by the ADHD outreach service.', excerpt: 'diagnosed with autism' },
    // b45-b47: a colleague's sickness process and an HR meeting; a mark with 'the'; a music grade; an SEN statement through;
    // a parent 'getting handy'; a pronoun opening a short sentence about what the one before told; a secrecy flag
    { text: 'Sickness review meeting with Mr Green tomorrow. Third one this year.', excerpt: 'Sickness review meeting' },
    { text: 'One of the English team has been invited to a meeting with HR. Say no more.', excerpt: 'a meeting with HR' },
    { text: 'Josh Brown got a U in the mock. A U.', excerpt: 'got a U in the mock' },
    { text: 'Grace Thompson got a distinction in her Grade 8 piano!', excerpt: 'distinction in her Grade 8' },
    { text: "Josh's statement finally came through from the LA. Fourteen months.", excerpt: 'statement finally came through from the LA' },
    { text: "A girl in my Year 9 class told me her stepdad's been getting handy again.", excerpt: "stepdad's been getting handy" },
    { text: "Racist abuse shouted at our Year 7 girls at the bus stop. It's with the police now.", excerpt: 'with the police now' },
    { text: "Blazers will be optional for Year 11 from September. Don't say you heard it from me!", excerpt: "Don't say you heard it from me" },
    { text: 'Year 4 lad is still on the nebuliser after his week off', excerpt: 'on the nebuliser' },
    // b51: a pupil's sexual orientation; Wales's pupil development grant
    { text: "Love how the only lad in my form who's gay is also the only one who can sing.", excerpt: "who's gay" },
    { text: 'One of my Year 10s has just come out as gay to me.', excerpt: 'just come out as gay' },
    { text: 'Boy in 8T with the pupil development grant uniform voucher came in with £200 trainers today.', excerpt: 'pupil development grant' },
  ],
  pass: [
    // the writer's own child's results and needs are the writer's to share
    "My son got his GCSE results today and I've cried twice in the Tesco car park. So proud of that boy.",
    'My daughter was finally diagnosed with ADHD last week after two years on the waiting list.',
    "My son's EHCP was finally finalised today. Fourteen months. I sat and cried in the car park.",
    // the same words elsewhere: a longer sentence opened by 'this', a bank statement, a drill 'getting handy'
    'Huge congratulations to Josh, off to an apprenticeship. This is exactly what alternative provision is for.',
    'My bank statement finally came through, the council tax is going up again.',
    'The new cordless drill is getting handy for the shed project.',
    // the writer on themself, family news told by the family, and the topic
    'Proud to be a teacher who is gay. Views my own.',
    'My brother came out as gay at Christmas and we are all so proud of him',
    'Great assembly on LGBT history month today, the kids asked brilliant questions',
    // a diagnosis naming a provision or a service
    "Proud of our autism resource base team, the way they've redesigned transition for our new Year 7s is a model for the sector.",
    'Our ADHD outreach service has been brilliant with training this term.',
    'Did my social work degree at Stirling, best years of my life.',
    'Lovely walk past the old infirmary building in town, it is flats now.',
    // an ordinal with no topic; a topic framed as training; the writer's own injury or allergy; policy talk
    'Third time lucky at the pub quiz tonight!',
    'LADO training this afternoon, a really useful refresher.',
    'The footpath by the river is closed pending an investigation by the council.',
    'My nut allergy is playing up with all these Christmas treats.',
    'Broke my wrist skiing, typing with one hand!',
    'Free dinners for every primary child should be national policy.',
    'Someone in upper school left a lovely card in the staffroom.',
    // a place's name
    'ENGAGED 💍 he only went and did it on the Suspension Bridge, the big softie',
    // the news or a TV school, naming no one of this school
    "Anyone else watching the Waterloo Road reboot? That head would've been suspended by episode two in real life 😂",
    "Did anyone see the BBC story about the teacher struck off for posting about pupils? Those kids trust you.",
    // the same acronyms, words and shapes where nothing is disclosed
    { text: 'The role is 0.6 FTE with a TLR for KS3 maths' },
    { text: 'We are recruiting two FTE teachers of science for September' },
    { text: 'Rang the dentist at lunch and got an appointment for Friday' },
    { text: 'Great DSL refresher training this afternoon, loads to think about' },
    { text: 'Gemma from geography is the best colleague anyone could ask for' },
    { text: "My sister's dad-in-law is out of prison and doing brilliantly at his new job" },
    { text: 'My brother is under a lot of pressure at work and never sees his kids' },
    { text: 'Police picked up the stolen bike outside my house, result!' },
    { text: 'Only 12 of my tomato plants survived the frost' },
    { text: 'We are £150 over budget on the kitchen, send wine' },
    // a household's sums and the nation's or a council's are not a school's money
    { text: "Our budget for the wedding is £12k and it's already gone 😂" },
    { text: 'The government has cut the NHS budget by £2bn' },
    { text: "The council's £30m black hole means libraries will close" },
    { text: 'We pay £15k a year in childcare for two kids, it is madness' },
    { text: 'We spent £12,000 a year on the mortgage overpayments' },
    // a topic things are measured against is no case; animal and play therapy are no medical detail
    { text: 'She taught me that a cup of tea fixes more than a strategy meeting.' },
    // a network meeting on a topic is training, not a case
    { text: 'Really valuable DSL network meeting across the city today on contextual safeguarding and county lines.' },
    { text: "Look at his face when he met the therapy pony 🐴 best day" },
    { text: "I would never post a pupil's EHCP or name a child online, not ever" },
    { text: 'Spent the afternoon making mash for the kids, they loved it' },
    { text: 'He was in care homes for years as a carer before he retrained as a teacher' },
    { text: 'Covering PE for a colleague of mine who is on a course today' },
    { text: 'Playing on my old PSP on the train, retro gaming heaven' },
    { text: 'Colleague of mine has been given an award for her work on reading' },
    // the same words where nothing is disclosed
    'Had to ring home about the boiler again, landlord is useless',
    "My mum's using her new phone like a pro now",
    'The refuge charity bake sale raised £300, thank you all',
    'My dad died ten years ago today, still miss him',
    'Special school staff deserve so much more recognition',
    'Writing up my dissertation in a separate room from the kids',
    'Got 14/20 on the pub quiz, not bad',
    'My reading age has gone backwards this term, too much marking and no novels',
    'Grievance procedures should be simpler, says the union',
    'Our Estyn report is out and it is on the website for everyone to read',
    'Written up my notes from the conference, sharing them tomorrow',
    'Proud our school is part of Operation Encompass',
    // the same words about the writer's own life carry no pupil
    { text: 'I have not had breakfast all week, marking is eating my mornings' },
    { text: 'No food in the house again, takeaway it is' },
    { text: 'My brother is doing time in the gym every night for his marathon' },
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
    // near misses of the constructions above
    'Going part time from September to look after my little one, so excited',
    'Fixed term contract ends in July, any jobs going?',
    'Cutting again this weekend: the hedge has taken over the garden',
    'Ms Patel ran the whole sports day, what a star',
    'Pots and pans everywhere after the Year 3 cooking club',
    'Had covid, in isolation all week, bored stiff',
    'Remote islands live in isolation for most of the winter',
    'Congratulations to the Year 6s on 100% attendance this term!',
    'Brilliant attendance at our open evening, thank you all',
    'Working at greater depth is what we want for all our writers',
    'Training today on what working at greater depth looks like in writing',
    'Children at risk of exploitation were the focus of our safeguarding training',
    'Our pupils are at risk of missing the bus if the bell goes late',
    'Axing my evening marking sessions, life is too short',
    'Please fill in the national workload survey, it takes five minutes',
    'Found £5 in my coat pocket, best day of the term',
    "The gas inspectors are coming on Monday to look at the boiler",
    'Draft report on the reading scheme is due to the English team Friday',
    'My best Year 11 class ever, so proud of them',
    "Follow my revision account (it's me, shh)",
    'Shh, the baby is finally asleep',
    "Restructuring my wardrobe this weekend, shh don't tell my husband",
    "That new revision account everyone in Year 11 follows? That's me, shh",
    'Cutting back on my Insta posts during term time',
    'So much going on at home with the decorating this week',
    'Our DSL led a brilliant training session this morning',
    "The government's deficit is a national scandal",
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

// Generated vocabulary (rules/lexicons/vocab-generated.json): WordNet's diseases and disorders as a
// medical detail of a particular person; the same words said generally.
ruleTable('confidential', {
  flag: [
    { text: 'One of my Year 10 boys has been diagnosed with muscular dystrophy.', excerpt: 'muscular dystrophy' },
    'A colleague in the science department has just found out she has lymphoma',
    'The new lad in 8R has cystic fibrosis so PE is going to be tricky',
    'One of our TAs has amyotrophic lateral sclerosis and is being so brave about it',
  ],
  pass: [
    'Brilliant CPD on supporting pupils with cystic fibrosis today',
    'Year 12 biology are researching lymphoma for their EPQs',
    'Doing the Great North Run for muscular dystrophy research, please sponsor me',
    'Assembly on World Asthma Day was lovely',
    "Our science club's poster on glaucoma won a prize",
  ],
});

// det-b (issue 7): a behaviour incident said as what a child did to a person (the harm verb needs a
// person as its object) or to school property; signs of neglect said of a child; a merger or cuts of
// the writer's own school or team; a reading age or a full-marks test result of a named pupil. The
// same words about things, the writer's own children, or the sector in general.
ruleTable('confidential', {
  flag: [
    { text: 'The boy in 6B who kicked a dinner lady today is back in tomorrow like nothing happened.', excerpt: 'kicked a dinner lady' },
    { text: 'Spent all afternoon with a Year 4 girl who bites when she is cross. Three of us bitten this week.', excerpt: 'girl who bites' },
    { text: 'One of my Year 9 lads set the fire alarm off during the mocks.', excerpt: 'set the fire alarm off' },
    { text: 'He came in starving again and in the same clothes all week. Logged it.', excerpt: 'came in starving' },
    { text: "Staffroom whispers: we're merging with the academy over the river and the office team are for the chop.", excerpt: "we're merging with" },
    { text: "Josh Brown's reading age has jumped three years since September!", excerpt: 'reading age has jumped' },
  ],
  pass: [
    'The Year 6 football team kicked a ball about all lunchtime.',
    'Smashed the Year 9 assembly today, they were brilliant.',
    'My son bit his sister at breakfast, mortified.',
    'I came in starving after the run, second breakfast needed.',
    'Lots of small trusts are merging with bigger ones across the country, interesting times for the sector.',
    'Reading ages across the country have dropped since lockdown, says the report.',
  ],
});

// A behaviour incident said as the act (abuse of staff, theft, damage, hair or a hijab pulled, sent
// to the head, climbing out): the same words of a parent, of the writer's own hair, or of praise.
// A child's gender transition told of one child. "Can't believe..." is an exclamation, not a principle.
ruleTable('confidential', {
  flag: [
    { text: 'Year 8 lad called me a fat cow in front of the whole class today.', excerpt: 'called me a fat cow' },
    { text: 'One of my Year 9s told me to go back to Romania in period 4.', excerpt: 'told me to go back' },
    { text: 'The girl in 7K keeps pinching the Year 7s’ lunch money.', excerpt: 'pinching the Year 7s’ lunch money' },
    { text: 'A Year 3 boy flooded the toilets again with paper towels.', excerpt: 'flooded the toilets' },
    { text: 'A lad in my form had his turban pulled off at break.', excerpt: 'turban pulled off' },
    { text: 'Noah in 4B has been sent to the head twice this week.', excerpt: 'been sent to the head' },
    { text: 'One of my Year 5 girls wants to be called by a boy’s name from Monday.', excerpt: 'wants to be called by a boy’s name' },
    { text: "Can't believe they've put a colleague on capability after all these years.", excerpt: 'on capability' },
  ],
  pass: [
    'A dad at parents evening called me a genius for the reading tips, made my night.',
    'The mum who called me rude on the parents page needs a hobby.',
    "I'm pulling my hair out with this Year 9 data.",
    'Sent three of my Year 5s to the head for stickers today, so proud of them.',
    'My son climbed the back fence at the park and ripped his trousers.',
    "I would never share a pupil's EHCP online.",
  ],
});

// "slagging our staff off all week": a verb's "off", not a colleague off sick
ruleTable('confidential', {
  flag: [{ text: 'Mrs Green has been off all week with her back again.', excerpt: 'been off all week' }],
  pass: ["This is the mum who's been slagging our staff off all week on the parents' page."],
});

// b52-b55's misses: a family member sent down or deported, a looked-after child's placement or a family's
// housing, a pupil's full marks, an injury with an account that does not fit, a pupil picked out by gender
// identity, and the writer's own HR case
ruleTable('confidential', {
  flag: [
    { text: 'One of my Year 8 girls told me today her dad is back inside. Broke my heart.', excerpt: 'dad is back inside' },
    { text: 'A lad in my form came to me in tears at lunch because his uncle has been deported.', excerpt: 'been deported' },
    { text: 'Our looked after boy in Year 4 moved placement again this weekend.', excerpt: 'looked after boy' },
    { text: 'The family of one of my Year 1s got evicted last week and are in a B&B now.', excerpt: 'got evicted' },
    { text: 'Ava Jones got full marks again, she is flying this term', excerpt: 'got full marks' },
    { text: 'A Year 2 boy came in today with a black eye and a story that did not add up.', excerpt: 'came in today with a black eye' },
    { text: 'The trans kid in Year 9 wants to change for PE in the staff toilets now.', excerpt: 'The trans kid' },
    { text: 'Got my capability letter today. Twenty years in the classroom.', excerpt: 'Got my capability letter' },
    { text: 'Off sick for the first time in years and a return to work meeting invite was waiting.', excerpt: 'return to work meeting' },
  ],
  pass: [
    "My brother's back inside again, mum's in bits.",
    'Trans pupils deserve to feel safe at school.',
    'Got full marks in my driving theory test!',
    'Great training today on our new capability policy.',
    'A lovely story that did not add up to much, but the kids enjoyed it.',
  ],
});
