// Deterministic benchmark inputs: a large school (2,000 pupils, 300 staff) and drafts of a given
// length written like real posts (names, school words, hashtags, obfuscation, clean chatter).
const FIRST = 'Oliver Amelia George Isla Noah Ava Arthur Mia Muhammad Ivy Leo Freya Harry Lily Oscar Florence Archie Grace Henry Willow Theo Rosie Jack Sophia Charlie Ella Freddie Evie Alfie Poppy Thomas Aisha Jacob Maryam Hugo Zara Reuben Sienna Finley Harper Kai Nia Jayden Chloe Ethan Erin Mason Holly Logan Imogen Samuel Phoebe Dylan Matilda Ibrahim Layla Yusuf Hafsa Ayaan Amira Rohan Priya Arjun Anaya Kacper Zofia Jakub Lena Mateo Sofia Tomasz Hanna Oisín Niamh Cian Aoife Rhys Cerys Callum Eilidh Kwame Ama Tobi Adaeze Chidi Temi Bilal Hira Hamza Safa Ezra Esme Will Summer Ruby Daisy'.split(' ');
const LAST = "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Khan Ahmed Hussain Ali Begum Singh Kaur Nowak Kowalski Murphy Kelly O'Brien McCarthy Okafor Mensah Adeyemi Osei Campbell Stewart MacDonald Hughes Lewis Morgan Price Rees Chen Wong Nguyen Kim Silva Santos Costa Rossi Novak Horvat Fletcher Holloway Pemberton Ashworth Brennan Fairclough Whitaker Sutcliffe Greenwood Ogunbiyi Danso Boateng Lindqvist Hamid Rahman Chowdhury Iqbal Mahmood Sheikh Dhillon Sandhu Varga Kovac Marsh Bennett Lowe Barker Hartley Dobson Kirby".split(' ');

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function bigSchool(pupils = 2000, staff = 300) {
  const r = rng(42);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const p = new Set();
  while (p.size < pupils) p.add(`${pick(FIRST)} ${pick(LAST)}-${p.size % 7 === 0 ? pick(LAST) : ''}`.replace(/-$/, ''));
  const s = new Set();
  const titles = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'];
  while (s.size < staff) s.add(`${pick(titles)} ${pick(FIRST)} ${pick(LAST)}${s.size > 150 ? s.size : ''}`.replace(/\d+$/, ''));
  return {
    policy: 'combined',
    school: { name: 'Brookfield Park Primary School', aliases: ['Brookfield Park', 'BPPS', '#BPPSproud'], trust: 'Meridian Learning Trust', trustAliases: ['MLT'] },
    pupils: [...p],
    staff: [...s],
    suppliers: ['Greenleaf School Meals', 'Citywide Coaches'],
    terms: { confidential: ['Project Kestrel'], blocked: [], allowed: [] },
    disclaimer: 'Views are my own.',
    schoolHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:45', end: '15:15', breaks: [['12:00', '13:00']] },
  };
}

const SENTENCES = [
  'Massive well done to {pupil} for a brilliant assembly this morning!',
  'Lovely walk along the canal with the dog, the autumn colours are stunning.',
  'The parents here are a joke, honestly.',
  'Word is {staff} is leaving at Christmas 🤫',
  'Marking mountain again this weekend, send coffee.',
  'Does anyone know a good plumber near Brindle Road?',
  'A Year 9 lad in my form has just been put on a child protection plan.',
  'Thank f.u.c.k that is over. #BPPSproud',
  'Our leadership team are clueless about workload.',
  'Happy Diwali to everyone celebrating this week ✨',
  'My mobile is 07700 900559 if anyone needs me.',
  'Proud to work with such a great team at Brookfield Park.',
  'I hope the weather holds for sports day, will you come and watch?',
  'Kings\u200bmead, Penistone and Scunthorpe on the way north.',
];

export function draftOfLength(n, seed = 1, school = bigSchool()) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  let out = '';
  while (out.length < n) {
    out += `${pick(SENTENCES).replace('{pupil}', pick(school.pupils)).replace('{staff}', pick(school.staff))} `;
  }
  return out.slice(0, n);
}
