import { ruleTable } from './helpers.js';

ruleTable('pupil-contact', {
  flag: [
    { text: 'Year 11s, add me on Snapchat if you need revision help', excerpt: 'add me on Snapchat' },
    { text: 'Parents, DM me if you have any questions about the trip.', excerpt: 'DM me' },
    { text: "Josh, ask your mum to add me on Messenger and I'll send over the fixture list.", excerpt: 'add me on Messenger' },
    { text: 'Parents, my mobile is 07700 900559. Text me any time, day or night.' },
    { text: 'Follow me on insta, Year 9!' },
    { text: 'Any of my students can message me privately on here.' },
    { text: "Parents, don't hesitate to text me on 07700 900123." },
    { text: "Kids in 5B, I'll add you all on Snapchat tonight." },
    { text: 'Mums and dads, my WhatsApp is on the letter, send me a message.' },
    { text: 'Grace, tell your dad to message me about the match.' },
    { text: 'Year 6 leavers: my DMs are open if you ever need a chat!' },
    { text: 'Pupils who need help with coursework can email me at jo.smith.home@gmail.com' },
    { text: 'Any Year 10s who missed the lesson, PM me.' },
  ],
  pass: [
    // blind-3: 'the kids' on a weekend with the family are the writer's own, and 'anyone' is not an addressee
    'Cracking weekend in Tenby with the family. Kids loved the beach. If anyone wants the holiday let details my email is sam@example.com.',
    'Contact the school office for details.',
    'Parents, please email the school if you have questions.',
    'DM me for the recipe!',
    'Year 11s, do not add me on Snapchat, I will not accept.',
    'Call me old-fashioned but I love a handwritten report.',
    'My mum says text me when you land.',
    'Parents, please contact me through the school office.',
    'Anyone selling a bike? Message me.',
    'Parents, never message me on here - use the school app.',
    'Message me if you want to come to the pub quiz tonight x',
    'Proud of my Year 6 class today.',
    'Year 9 were brilliant in the play, my number one class.',
  ],
});
