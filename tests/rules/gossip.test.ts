import { ruleTable } from './helpers.js';

ruleTable('gossip', {
  flag: [
    { text: 'Apparently Mr Hill is being sacked.', excerpt: 'Apparently Mr Hill' },
    { text: 'Heard the head is leaving at Easter.', excerpt: 'Heard the head' },
    { text: 'Word is Mrs Patel is off to a trust job next year 🤫', excerpt: 'Word is Mrs Patel' },
    { text: 'Rumour has it SLT are scrapping PPA.' },
    { text: 'A little bird told me the deputy has handed in her notice.' },
    { text: "Don't tell anyone but Miss Carter is moving on." },
    { text: "Apparently St Aidan's is joining a new trust." },
    { text: 'The whisper in the staffroom is that the head is retiring.' },
    { text: 'On the grapevine: Tom Hill is leaving.' },
    { text: "I've been told the new deputy starts in January and nobody applied." },
    { text: "Heard that our headteacher's been offered a job at the trust." },
    { text: 'Allegedly the governors have already picked the new head.' },
    { text: 'Rumours going round that the school is being taken over.' },
    { text: 'A p p a r e n t l y the head is off.' },
  ],
  pass: [
    "Apparently it's going to snow tomorrow",
    'I heard the head speak at the conference, brilliant.',
    'Heard the kids singing in assembly, made my day',
    "Ignore the rumours about the school closing, they're untrue.",
    'Rumour has it the Co-op is opening on Sundays now',
    "I don't listen to rumours about colleagues.",
    'Apparently my cat is smarter than me.',
    'Proud to work with a great team',
    'The head announced the new timetable today.',
    'Heard a brilliant talk by our headteacher on reading.',
    'Word of the day: resilience.',
    'Apparently the kids think I am 60.',
  ],
});
