import { ruleTable } from './helpers.js';

ruleTable('derogatory', {
  flag: [
    // hyperbole of a quarrelsome or impossible person: could argue with a signpost, find a problem with a sunny day, test a saint
    { text: 'My Year 9s could argue with a signpost. Future barristers or future nightmares 🙃' },
    { text: 'Our SENCo could find a problem with a sunny day.', excerpt: 'SENCo could find a problem with a' },
    { text: 'Honestly the parents at my place would test the patience of a saint.' },
    { text: "His little brother is in my Y7 group now and he's cut from the same cloth 😅", excerpt: "he's cut from the same cloth" },
    // a vice principal (VP, DHT) is a school leader
    { text: "Observation with the VP this morning. I've had more useful feedback from a Magic 8 Ball", excerpt: "I've had more useful feedback from a" },
    { text: 'Our head was on the BBC news today and honestly he is an absolute nightmare', excerpt: 'he is an absolute nightmare' },
    { text: 'Our new deputy is an absolute idiot' },
    // a verdict with the verb left out; an insult flung after a comma or emoji; 'explains a lot'; an attitude that stinks
    { text: 'Observation feedback back. SLT spineless as usual.', excerpt: 'SLT spineless' },
    { text: 'The Year 10 lad who set the fire alarm off twice today 🙄 absolute muppet', excerpt: 'muppet' },
    { text: 'Parents in Year 4 complained about the trip again, what a bunch of clowns.', excerpt: 'clowns' },
    { text: 'The new deputy got the job because she plays golf with the chair. Explains everything.', excerpt: 'Explains everything' },
    { text: 'Honestly our head\'s attitude stinks.', excerpt: 'our head\'s attitude stinks' },
    // "wants their head testing": the pattern's last alternative "looking at" had split into "looking", then "at" after every one
    { text: 'Whoever wrote the new marking policy wants their head testing.', excerpt: 'Whoever wrote the new marking policy wants their head testing' },
    // the head without an article at the start of a sentence, as staff say it
    { text: "Head's latest idea is a joke.", excerpt: "Head's latest idea is a joke" },
    // a person pointed at ("that man") in a draft that already names someone in the school
    { text: "Deputy's new rota is out. Honestly, that man couldn't organise a fire drill.", excerpt: "that man couldn't organise a fire drill" },
    // a verdict with its target tagged on after it, in a clause of its own
    { text: 'Our head of maths lives in cloud cuckoo land, that man.', excerpt: 'Our head of maths lives in cloud cuckoo land' },
    // someone defined by what they did ("whoever ..."), then the verdict after the relative clause
    { text: 'Whoever planned the Year 8 trip is an absolute clown.', excerpt: 'Whoever planned the Year 8 trip is an absolute clown' },
    // a colleague named by role
    { text: 'The exams officer is a complete muppet.', excerpt: 'The exams officer is a complete muppet' },
    // a belittling marker that judges the person of the sentence before
    { text: "Mrs Patel's husband moaning at reception again. Some folk really need a hobby.", excerpt: 'Some folk really need a hobby' },
    // sarcastic praise of the person just described, in a draft that signals sarcasm
    { text: 'Another 9pm email from the head about uniform. Truly a visionary 🙄', excerpt: 'Truly a visionary' },
    // an insult noun joined to its target by where they work
    { text: 'The idiots at head office have cancelled our INSET again.', excerpt: 'idiots at head office' },
    // a verdict on an organisation, said of the supplier the sentence before names
    { text: 'Sunrise Catering sent cold chips again. Shambolic outfit.', excerpt: 'Shambolic' },
    { text: 'Our deputy has the people skills of a traffic warden.', excerpt: 'Our deputy has the people skills of a' },
    // blind-3: 'couldn't teach their way out of a paper bag', 'has no idea what happens in a real classroom'; 'new CEO' is a leader
    { text: 'Some of the staff in my department couldn\'t teach their way out of a paper bag.', excerpt: "staff in my department couldn't teach their way out of a paper bag" },
    { text: 'The trust\'s new CEO has no idea what happens in a real classroom.', excerpt: 'new CEO has no idea what happens in a real classroom' },
    // blind-3: Scots insult nouns and fillers; a class code + 'class' is the whole group
    { text: 'My S2 class are a bunch of wee neds and I have a mountain of marking.', excerpt: 'S2 class are a bunch of wee neds' },
    { text: 'My 9X class are a bunch of muppets', excerpt: '9X class are a bunch of muppets' },
    // blind-2: a stereotype that names a school group insults it
    { text: 'the Polish kids never do their homework', excerpt: 'Polish kids never do' },
    { text: "Miss Carter's lessons are a joke", excerpt: "Miss Carter's lessons are a joke" },
    { text: 'Honestly the new deputy is useless', excerpt: 'new deputy is useless' },
    { text: 'Tom Hill is a prat', excerpt: 'Tom Hill is a prat' },
    { text: 'Some of the parents are vile' },
    { text: "St Aidan's is a shambles" },
    { text: 'The dinner ladies are miserable cows', excerpt: 'dinner ladies are miserable cows' },
    { text: 'The mums at the school gate are a nightmare' },
    { text: 'Bottom set are a bunch of thickos' },
    { text: "Our leadership couldn't organise a piss up in a brewery" },
    // sample s003: insults a colleague
    { text: 'The new RE teacher is a Bible-bashing nutter. Typical Christian.', excerpt: 'teacher is a Bible-bashing nutter' },
    // sample s014: insults leadership
    { text: "Our leadership team are clueless, and now they've added a fourth data drop this year.", excerpt: 'leadership team are clueless' },
    { text: 'the parents here are a joke', excerpt: 'parents here are a joke' },
    { text: 'my class are feral', excerpt: 'my class are feral' },
    { text: 'useless SLT', excerpt: 'useless SLT' },
    { text: 'the kids in 9X are animals', excerpt: 'kids in 9X are animals' },
    { text: 'what a shambles this school is' },
    { text: 'the head is an idiot', excerpt: 'the head is an idiot' },
    { text: "The head's an idiot", excerpt: "The head's an idiot" },
    { text: 'Year 9 were a nightmare today', excerpt: 'Year 9 were a nightmare' },
    { text: "Met the new head today. He's an idiot.", excerpt: "He's an idiot" },
    { text: "the office can't even print a register" },
    { text: "SLT haven't got a clue", excerpt: "SLT haven't got a clue" },
    { text: "I can't stand the parents at this school" },
    { text: 'Mrs Patel is useless', excerpt: 'Mrs Patel is useless' },
    { text: 'feral Year 9s again', excerpt: 'feral Year 9s' },
    { text: '#uselessSLT strikes again' },
    { text: 'The governors are clueless', excerpt: 'The governors are clueless' },
    { text: 'Our TAs are lazy', excerpt: 'TAs are lazy' },
    { text: 'The Year 8 dad who sent that email is an absolute moron' },
    // generalisation (tests/eval): insults after a post-modifier or relative clause, slurs and age put-downs aimed at the school community
    { text: "The TAs in my department couldn't organise a bake sale, never mind a trip" },
    { text: 'The governors at this place wouldn’t know a lesson if it hit them' },
    { text: 'Mums who send their kids in with a temperature should be ashamed' },
    { text: 'The kids in 8Y were acting like a bunch of spazzes today' },
    // blind-2: a starred-out swear word used as a noun is an insult too
    { text: 'that new Head of Year is a right pr*ck', excerpt: 'new Head of Year is a right pr*ck' },
    { text: 'SLT are a load of sh*t', excerpt: 'SLT are a load of sh*t' },
    { text: 'Our head of year is too old to keep up' },
    { text: "Our trust bosses couldn't run a bath" },
    { text: 'The Year 6 mums are the worst' },
    { text: 'The head of science is a total fraud' },
    { text: 'Mrs Patel has been insufferable all week' },
    // idioms and comic comparisons with no insult word
    { text: 'Our head of year has all the warmth of a fridge freezer', excerpt: 'Our head of year has all the warmth of a' },
    { text: 'The new deputy has the people skills of a traffic warden' },
    { text: 'Mrs Patel could not organise a cake sale', excerpt: 'Mrs Patel could not organise a cake sale' },
    { text: "SLT couldn't find their own backsides with a torch and a map" },
    { text: 'Our business manager is about as useful as a chocolate fireguard' },
    { text: 'Teaching at this school is like herding cats in a war zone' },
    { text: "Tom Hill couldn't explain fractions if his life depended on it" },
    // superlatives, and predictions about a pupil
    { text: 'Easily the least organised head of department in the county' },
    { text: 'Without a doubt the laziest Year 10 set I have ever taught' },
    { text: 'That lad in 9X is going nowhere fast', excerpt: 'That lad in 9X is going nowhere fast' },
    { text: 'Half my Year 11s will end up in prison, mark my words' },
    // collective dismissals, elliptical verdicts, insults naming their own target
    { text: 'The governors approved it without reading it. Clueless, the lot of them.' },
    { text: 'Sunrise Catering served frozen chips again. Total muppets.', excerpt: 'muppets' },
    { text: 'Year 9 after lunch today. Feral is an understatement.', excerpt: 'Feral' },
    { text: 'Another genius decision from the exec team, cheers', excerpt: 'Another genius decision from the exec team' },
    { text: 'Mr Green has finally worked out how to use the photocopier. Wonders will never cease.' },
    { text: 'Says everything about the parenting at this school, honestly' },
    { text: 'ParentPay are a bunch of cowboys', excerpt: 'ParentPay are a bunch of cowboys' },
    // contempt with no insult word: a vice as a style, a product as a crime, a sarcastic offer, a voice that strips paint
    { text: 'Sunrise Catering sent the wrong allergy labels again. Incompetence is their trademark.', excerpt: 'Incompetence is their trademark' },
    { text: "Sunrise Catering's lasagne today was a crime against Italy.", excerpt: 'a crime against' },
    { text: "ParentPay has crashed during dinner money again. I'll just collect it in a biscuit tin, shall I." },
    { text: "The new deputy's assembly voice could strip paint.", excerpt: 'could strip paint' },
    // praise that mocks how long it took; a bet on a pupil failing; a sibling as a sequel; a child explained by a parent
    { text: 'Well done to the Year 9s for finally handing in their coursework, only took till March.', excerpt: 'finally handing in their coursework, only took' },
    { text: "If the Year 11s revise over Easter I'll eat my hat.", excerpt: "I'll eat my hat" },
    { text: 'Her little brother starts in my class in September. The sequel nobody asked for.' },
    { text: 'Met his mum at parents evening and suddenly it all makes sense.', excerpt: 'suddenly it all makes sense' },
    // Scots spellings read as the standard words
    { text: "Our SLT couldnae organise a piss-up in a brewery", excerpt: "SLT couldnae organise a piss-up in a brewery" },
    { text: 'Sunrise Catering sent grey mince again. Would you put that in front of your dog?', excerpt: 'Would you put that in front of your dog' },
    // a claim of illness or diagnosis doubted in scare quotes, in a draft about work that says the writer doubts it
    { text: "Our deputy is off with 'stress' again. Funny how it's always the week of parents' evening.", excerpt: "'stress'" },
    { text: "One of the TAs has had four 'migraines' this half term, always on a Monday.", excerpt: "'migraines'" },
    { text: "Half my Year 8s have 'anxiety' now apparently 🙄", excerpt: "'anxiety'" },
  ],
  pass: [
    // arguing with someone in earnest, and a company's VP, are no put-down
    'You could argue with a referee about that call, it was close',
    "The VP of marketing at my husband's firm is lovely",
    'Would you put that in front of your dog? Asking the vet about raw feeding.',
    // the same words about no one in the school community
    'Finally got the boiler fixed, only took three weeks and four phone calls',
    "If England win the World Cup I'll eat my hat",
    'Read the instructions again and suddenly it all makes sense',
    'The new Bond film is the sequel nobody asked for.',
    // the same words with no one of the school community to aim at
    "I'll just pop to the shop for milk, shall I get bread too?",
    'The documentary on war crimes in Bosnia was harrowing.',
    'A crime against a pensioner in town made the local news tonight.',
    "My dad's karaoke voice could strip paint 😂",
    // a TV school, naming no one of this school
    "Anyone else watching Waterloo Road? The head in that is an absolute nightmare 😂",
    { text: 'I was an absolute idiot and locked myself out again' },
    // near misses: the verb left out but the clause goes on, insults at no one, explanations that explain
    'Parents clueless about the new app should ring the office.',
    'SLT delighted as ever with the Year 11 results.',
    'My son broke his arm at rugby 😂 idiot',
    'I forgot my lanyard again, idiot.',
    'Our Year 6 raised £400 for the food bank, what a bunch of stars.',
    'The new reading scheme guide explains everything you need for Monday.',
    'Mrs Khan showed us the new phonics app. Explains a lot of the sounds really clearly.',
    'The weather stinks today, sports day is off.',
    'His attitude has been brilliant all term.',
    // a head looked at by a doctor is no verdict
    'My son needs his head looking at after the rugby, the physio says.',
    'The school nurse wants his head looking at before he goes back in.',
    // the same shapes about things, the writer, or no one in the school community
    'My car has all the charm of a shopping trolley',
    "I couldn't organise a cake sale to save my life, so thank goodness for the PTA",
    'This printer is about as useful as a chocolate teapot',
    'The M6 at rush hour is like a war zone',
    'The least organised I have ever been was moving house',
    "I'm going nowhere, I love this job",
    'ParentPay is the worst app I have ever used',
    'Sunrise Catering have been shocking this term',
    'The coach broke down on the motorway. Absolute nightmare.',
    'Year 6 residential was cancelled. Total shambles.',
    'Our head stayed till nine to help every child finish. Inspirational leadership.',
    'Thank you Mrs Patel for a brilliant INSET. Inspirational leadership.',
    'Another brilliant idea from our Year 5 school council: a kindness bench!',
    'Can anyone tell me where the new IT guy sits? I need my laptop fixed',
    "I couldn't find my way out of a paper bag today lol",
    'Our new CEO is brilliant',
    'My 9X class are brilliant',
    { text: 'what a load of sh*t weather today' },
    { text: 'had a f***ing brilliant day with my class' },
    "The parents' car park is a nightmare",
    "The head's car is a wreck",
    'That teacher who taught me maths was useless',
    'Took the kids to the park, they were animals',
    'Our head of year is an absolute legend',
    'The cover teacher had a nightmare with 9X but survived',
    'The printer in the staffroom is useless',
    // sample s029: criticism unrelated to the school community
    'The A1 roadworks near Doncaster are an absolute shambles.',
    'the M6 is a joke',
    'this weather is rubbish',
    'I would never call a child stupid',
    'our pupils are not lazy',
    "The school's wifi is rubbish",
    "I'm a useless teacher today",
    'The kids loved the animals at the farm',
    'The parents were lovely but the weather was rubbish',
    'rubbish school dinners again',
    'My kids are driving me mad',
    'our kids are amazing, far from lazy',
    'The staff are thick as thieves',
    'Pupils are entitled to free school meals',
    'The kids were little monsters in the nativity',
    "Parents' evening number three of the week. Voice gone.",
    'Proud of my class, they were brilliant today',
    'I hate Mondays',
    "My son's school is a joke",
    'What a joke of a referee at the match',
    'The traffic on the school run was a nightmare',
    "Parents at my daughter's dance school are a nightmare",
    'My own kids are feral today',
    "My nephew's teacher is useless",
    // near misses of the constructions above: sincere praise, a person pointed at kindly, roles in news
    'Our head is a true visionary and I am proud to work for her.',
    'Such a visionary talk from the author who visited today, thank you!',
    'Another email from the head. Thanks so much, such a star 😊',
    'The site team barbecue was a triumph.',
    'That one is for my mum, she loves the daffodils.',
    'Whoever found a blue lunchbox in the hall, please hand it to the office.',
    'Whoever wins the raffle gets a hamper from Sunrise Catering.',
    'I need a hobby now marking season is over!',
    'Get a life insurance quote before the trip.',
    'The data lead ran a brilliant session on the new tracker.',
    'The cover manager is off sick, so send cover requests to the office.',
    'The trip was cancelled because of snow. Shambolic weather.',
    "Head's up: the car park is shut tomorrow.",
    "Deputy's retirement do is on Friday, that woman is a legend.",
    "That man at the bus stop couldn't organise his own umbrella, bless him.",
    "Our head couldn't make it to the concert, never mind, next time",
    // the claim unquoted, the writer's own, reported speech, denied, or quoted with nothing to say it is doubted
    'Our deputy is off with stress again. Sending her all our love from the office.',
    "My 'migraine' on Monday turned out to be a hangover again 😂 not my finest day at school",
    "The school nurse said 'probably a tummy bug' and sent him home again.",
    "The girl in Year 9 isn't 'poorly', apparently she is caring for her mum, so we have put support in place.",
    "Year 4 learned what 'asthma' means in science today and made their own inhaler posters.",
  ],
});

// Generated vocabulary (rules/lexicons/vocab-generated.json): -er/-est forms of insults about a
// school target; the same forms about the weather, pets or the writer.
ruleTable('derogatory', {
  flag: [
    { text: 'Our governors are the shiftiest bunch I have ever met', excerpt: 'Our governors are the shiftiest' },
    'The parents at this school get ruder every single year',
    'Honestly the sloppiest SLT in the county',
    'The new deputy is the snidest person in the building',
  ],
  pass: [
    'This has been the dreariest week of weather, roll on half term',
    'My cat is the smelliest creature alive',
    "I'm getting scruffier by the day, need a haircut",
    'The kids had the messiest, happiest time at forest school',
    'The sloppiest joe I ever made was at uni',
  ],
});

// Similes and idioms of contempt, dialect and text-speak insults, mock titles for leaders, sneers
// at families on free school meals, benefits or the estate, 'a man who hasn't taught a lesson
// since...' (issue 7): our own wording, beside the near misses a careless construction would
// catch (the writer on themself, a pet, a nativity, praise, a mug of tea).
ruleTable('derogatory', {
  flag: [
    "Our head of department is about as much use as a chocolate teapot.",
    "Talking to SLT is like talking to a brick wall.",
    "Explaining anything to the new deputy is like herding cats.",
    "The trust's finance officer couldn't organise a raffle.",
    "Honestly, the new cover supervisor is a complete waste of space.",
    "That TA is a waste of oxygen.",
    "The head of Year 9 isn't the sharpest tool in the box.",
    "Our deputy's not the brightest bulb in the shop.",
    "The lights are on but nobody's home with that one, our new SENCo.",
    "The so-called leadership team have done it again.",
    "Our glorious leader has decided the staff need another initiative.",
    "Her Majesty the headteacher graced us with her presence today.",
    "The head's a total numpty.",
    "Our business manager is a right bawbag.",
    "The new PE teacher is a proper plonker.",
    "The deputy head is an absolute melt.",
    "The new business manager is a right doughnut, honestly.",
    "SLT r clueless lol, no idea wot they r doin.",
    "The head is such a mug tbh.",
    "The FSM kids are always the ones who can't be bothered.",
    "The kids off the estate are animals.",
    "Parents on benefits don't care if their kids turn up.",
    "The families from the Meadows estate are the worst, no surprise there.",
    "That Year 10 class are thick as two short planks.",
    "The governors are thick as mince.",
    "Our deputy has the backbone of a jellyfish.",
    "The new head couldn't find his way out of a paper bag.",
    "Our head of maths is dead from the neck up.",
    "The office manager is two sandwiches short of a picnic.",
    "SLT are a bunch of muppets.",
    "The parents at this school are a nightmare.",
    "Our head is a jumped-up little Hitler.",
    "The new deputy is a yes-man with no spine.",
    "That Year 11 is going nowhere, a waste of a place.",
    "Our caretaker is bone idle.",
    "The trust CEO is a snake.",
    "The new teacher is a drip.",
    "The supply teacher was useless as a chocolate fireguard.",
    "Our deputy is dafter than a brush.",
    "The head of English wouldn't know a good lesson if it bit her.",
    "The office staff are a bunch of jobsworths.",
    "Our caretaker is a lazy sod.",
    "The Year 8 parents are chavs, every one of them.",
  ],
  pass: [
    "Our new kettle is about as much use as a chocolate teapot.",
    "Talking to my nan is like talking to a brick wall, bless her.",
    "I couldn't organise a raffle to save my life, so I'm glad Sue did it.",
    "I'm a complete waste of space before my coffee.",
    "The new printer is a waste of money.",
    "I'm not the sharpest tool in the box on a Monday.",
    "The so-called \"snow day\" turned out to be a drizzle.",
    "Our glorious leader Mrs Patel has won the regional award, so proud!",
    "My husband is a total numpty, he forgot the bins again.",
    "The FSM kids get breakfast club for free and they love it.",
    "Families on the Meadows estate helped build the new garden.",
    "The planks in DT are two short of what we ordered.",
    "Our deputy has the patience of a saint.",
    "The governors are thick as thieves with the PTA, lovely to see.",
    "The muppets film in Year 2 was a hit.",
    "In the play, the king is a snake and the kids loved hissing.",
    "The weather was a nightmare for sports day.",
    "I'm dead from the neck up after parents' evening.",
    "My dog is a lazy sod, still in bed.",
    "The kids off the estate raised £300 for charity.",
    "Talking to the dog is like talking to a brick wall, he never listens.",
    "The Year 2 nativity donkey was like a drunk giraffe and stole the show.",
    "Our PE display is basically a zoo of paper animals, the kids made them.",
    "The so-called heatwave lasted one afternoon.",
    "Thank you to our great leadership team for the award, well done everyone.",
    "I'm a waste of space until the bell goes, honestly, so tired.",
    "The new boiler is a waste of money, freezing again.",
    "I wouldn't know a good wine if it bit me, so I bought the cheap one.",
    "My toddler could start a fight in an empty room, she's two.",
    "The apple doesn't fall far, my daughter is as stubborn as me!",
    "Our head thinks the world of this year group, and so do I.",
    "The cleaners did an amazing job after the flood, thank you!",
    "Free school meals kids get a hot breakfast every day now, brilliant.",
    "The estate kids' football team won the league, so proud.",
    "Parents on the PTA can't be thanked enough for the fair.",
    "Honestly some parents are amazing, look at this card.",
    "Very nice children we have this year, so kind to the new boy.",
    "I'm not the brightest bulb but I love a quiz night.",
    "The board approved the new library, great news.",
    "My mum was a mug collector, I've inherited about forty.",
    "Anyone seen my mug? The blue one with the owl.",
    "The Year 7s had more fun than hot dinners on the trip.",
    "Like herding cats getting my own kids out the door this morning!",
    "Our exams officer has the memory of an elephant, she remembers everything.",
    "The head of maths spoke at the conference, brilliant talk.",
  ],
});

// WordNet's fools, incompetents and idlers (insult-noun-generated) and a few more hand words, said of
// a target; the same words of the writer, a puppet, a pet, a story.
ruleTable('derogatory', {
  flag: [
    "The new head of year is a complete nitwit.",
    "Our business manager is such a bungler, lost the invoices again.",
    "SLT are a bunch of slackers.",
    "The deputy is an absolute blockhead.",
    "The exams officer is a sluggard, nothing ever gets done.",
    "The office ladies are a bunch of gossips.",
  ],
  pass: [
    "I'm a complete nitwit, left my lanyard at home again.",
    "The blockhead puppet in the Year 2 play was hilarious.",
    "My dog is such a slacker, asleep all day.",
    "Our PE display features the slowcoach tortoise from the story.",
    "Sod it, I'm going home, it's been a long week.",
    "The gossip column in the school newspaper was the kids' idea.",
    "My family are coming to the show tonight, can't wait.",
    "Her family were so grateful for the help.",
  ],
});

// det-b (issue 7): similes after their target or in the sentence after it; praise right after a report
// of something going wrong; sarcastic praise that names its own target. The same shapes with no
// target, about the writer's own children, or after a failure that was put right.
ruleTable('derogatory', {
  flag: [
    { text: 'Our Year 10s were climbing the walls today. Like trying to teach a room full of meerkats.', excerpt: 'Like trying to teach a room full of meerkats' },
    { text: 'Tom Hill running round like a headless chicken all morning.', excerpt: 'like a headless chicken' },
    { text: 'Year 9 set 3 were hanging off the ceiling again. Herding cats.', excerpt: 'Herding cats' },
    { text: 'Sunrise Catering forgot the Year 6 packed lunches for the trip. Truly a five star operation.', excerpt: 'five star operation' },
    { text: 'ParentPay crashed on the trip deadline. Tremendous product.', excerpt: 'Tremendous product' },
    { text: 'PPA moved to Friday period 6. Truly the most inspiring leadership team in the county 🙄', excerpt: 'Truly the most inspiring leadership team' },
  ],
  pass: [
    'Sports day in the rain. Like herding cats.',
    'I was up at five with the baby. Like a zombie all day.',
    'My own kids were wild this morning. Like herding cats.',
    'Year 6 won the cup AGAIN. Amazing effort.',
    'Sunrise Catering forgot the Year 6 packed lunches but had them to us by ten. Brilliant service.',
    'The Year 5s loved the safari park, they were like excited meerkats all day!',
    'The Year 2 nativity sheep was like a startled donkey and stole the show.',
  ],
});

// det-b (issue 7): contempt with no insult word ('daylight robbery', 'wouldn't give it the dog', 'a toddler
// would do a better job'), said of whoever the sentence or the one before is about (over emphatic
// one-word fragments: 'Four.'); the same words about no one in the school community.
ruleTable('derogatory', {
  flag: [
    { text: 'Sunrise Catering served grey mince again. Wouldn\'t give it the dog.', excerpt: "Wouldn't give it the dog" },
    { text: 'ParentPay charging parents a fee on every top-up is daylight robbery', excerpt: 'daylight robbery' },
    { text: 'ParentPay has been down since Monday. Four. Days. A toddler with a crayon could do a better job.', excerpt: 'A toddler with a crayon could do a better job' },
  ],
  pass: [
    'Daylight robbery at the petrol station today.',
    'My dog could do a better job of the garden than me lol',
    "Made a curry nobody liked. Wouldn't give it the dog, honestly.",
  ],
});

// det-a (issue 7): put-downs with no insult word, each family with the same frame about the weather,
// a film, the writer or praise. Ironic quality attribution over a generated class of personal qualities
// (vocab quality-generated: curiosity, wit, charisma...) with a praise comparand left out; "the human
// equivalent of a Y"; "N ideas / brain cells between them"; "I've seen more X in a Y" (not over a span of
// time); complete idioms ("the lights are on and nobody's home", "held together with string and hope")
// that judge the sentence's or the short sentence's target before; "is what happens when you let...";
// "bless <adult>, she thinks..."; a supplier in the draft makes "whoever..." someone at the school.
ruleTable('derogatory', {
  flag: [
    { text: 'Our new head of year has the emotional curiosity of a paving slab.', excerpt: 'new head of year has the emotional curiosity of a' },
    { text: 'The trustees have the collective inventiveness of a bus timetable.', excerpt: 'The trustees have the collective inventiveness of a' },
    { text: 'The deputy head is the human equivalent of a fire alarm at 3am.', excerpt: 'deputy head is the human equivalent of a' },
    { text: 'Governors met for two hours about the new uniform. Four people, not one idea between them.', excerpt: 'not one idea between them' },
    { text: 'The science department have two brain cells between them.', excerpt: 'two brain cells between them' },
    { text: 'Sunrise Catering sent the curry again. I have tasted more flavour in a paper towel.', excerpt: 'I have tasted more flavour in a' },
    { text: 'Met the new SENCo today. Nice enough but the lights are on and nobody is home.', excerpt: 'the lights are on and nobody is home' },
    { text: 'ParentPay crashed again at lunch. Whoever chose it needs their head examined.', excerpt: 'needs their head examined' },
    { text: 'Our exams officer has been off a month. The whole system is held together with string and hope.', excerpt: 'held together with string' },
    { text: 'The new behaviour lead is what happens when you promote the loudest person in the room.', excerpt: 'new behaviour lead is what happens when you promote' },
    { text: 'Bless our business manager, she genuinely thinks a spreadsheet is a strategy.', excerpt: 'Bless our business manager, she genuinely thinks' },
    { text: 'Our head treats the school like his own little kingdom.', excerpt: 'Our head treats the school like his own little kingdom' },
    { text: 'The trust says nobody will lose hours. Believe that and I have a bridge in Tyneside to sell you.', excerpt: 'Believe that and I have a bridge' },
  ],
  pass: [
    // the same frames about the weather, a film, the writer, or in praise
    'Our head has the patience of a saint with Year 9.',
    'The new TA has the energy of a professional athlete, the kids adore her.',
    'My nan is the human equivalent of a warm hug.',
    'That new film has the emotional curiosity of a paving slab.',
    'The Year 6s came up with two ideas between them for the charity stall and both were great.',
    'Wettest half term ever. I have seen more rain in a week than in the whole of last summer.',
    'Year 10 were superb today. I have seen more progress in a term than I thought possible.',
    'Came home from the staff do and the lights are on and nobody is home, where has my husband gone?',
    'My brother needs his head examined, he has bought another motorbike.',
    'Our house is held together with string and hope but we love it.',
    'This is what happens when you let the kids plan the disco: pure joy.',
    'Bless our Year 1s, they think the Christmas tree is magic.',
    'Bless our TA, she thinks the world of those children.',
    'I am what happens when you let a PE teacher run a bake sale, sorry everyone.',
  ],
});

// det-a (issue 7): a demeaning remark about a protected characteristic (what discriminatory finds) that
// grammar does not join to its target is still about the school community when its sentence, or the
// one before, is about someone in particular there; not a kind of people, the writer on themself, a
// target that only modifies a noun ("the TA post"), or words in quotation marks (someone else's).
ruleTable('derogatory', {
  flag: [
    { text: 'Two more maternity leaves in the science department this year, typical women.', excerpt: 'typical women' },
    { text: 'Took my Year 9s to the pool and they ran round like a load of spazzes', excerpt: 'spazzes' },
  ],
  pass: [
    'I felt like such a spaz at the Year 7 disco, I fell over twice.',
    'Felt like a proper spaz tripping over in front of the whole of Year 10.',
    "Our head told us at the briefing: 'never say the kids are spazzes, it is a slur'.",
    'Female heads of department always get overlooked for promotion, which is a scandal.',
    'Typical women drivers on the Heads of the Valleys road this morning.',
    // a stereotype about a sex is about a kind of people, not the colleague named in the sentence before
    "Our head of year told me off for asking for strong lads. Girls can't lift benches, that's just biology.",
    // the pupils a remark about older applicants measures them against are not whom it is about
    'For the TA vacancy anyone over 60 is too old to learn, they cannot keep up with the kids.',
  ],
});
