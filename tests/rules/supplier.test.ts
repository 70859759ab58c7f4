import { ruleTable, ST_AIDANS } from './helpers.js';

const KINGSMEAD = { ...ST_AIDANS, suppliers: ['Harbourside Meals', 'Swiftline Buses', 'TallyPay'] };
// names that end with corporate words people leave off
const SUFFIXED = { ...ST_AIDANS, suppliers: ['Copperbeck IT Solutions', 'Lantern Laundry Services Ltd', 'Lantern Lane Coaches'] };

ruleTable('supplier', {
  flag: [
    // British verdicts, and what went wrong said as a fact
    { text: 'The Swiftline Buses driver was an absolute gem with our Year 3s', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: 'Sunrise Catering sent fish fingers for the fourth day running', excerpt: 'Sunrise Catering' },
    { text: 'Swiftline Buses turned up 40 minutes late for the swimming gala', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: 'Sunrise Catering chicken curry is lush', excerpt: 'Sunrise Catering' },
    { text: 'We are not renewing with Sunrise Catering after Easter', excerpt: 'Sunrise Catering' },
    { text: "Sunrise Catering's new hot dinners have been rank all week", excerpt: "Sunrise Catering's" },
    { text: 'ParentPay is useless again', excerpt: 'ParentPay' },
    { text: "Sunrise Catering's roast dinner deserves an award", excerpt: "Sunrise Catering's" },
    { text: 'Highly recommend Sunrise Catering for any school', excerpt: 'Sunrise Catering' },
    { text: 'parentpay crashed again, absolute shambles', excerpt: 'parentpay' },
    { text: 'Topped up ParentPay for the trip. Never again.', excerpt: 'ParentPay' },
    { text: 'Parent Pay is a total rip-off', excerpt: 'Parent Pay' },
    { text: 'Swiftline Buses left us stranded at the services for two hours on the geography trip. Never again.', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: "Harbourside Meals' jerk chicken Wednesdays deserve an award.", excerpt: "Harbourside Meals'", config: KINGSMEAD },
    { text: 'TallyPay is the worst app ever made', excerpt: 'TallyPay', config: KINGSMEAD },
    { text: 'Huge thanks to Swiftline Buses for getting us home safely', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: 'Avoid Swiftline Buses like the plague', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: 'Absolutely fuming with #tallypay today', excerpt: 'tallypay', config: KINGSMEAD },
    // generalisation (tests/eval): a verdict inside the supplier's own hashtag, distrust, small portions
    { text: "#ParentPayFail again, can't top up dinner money", excerpt: 'ParentPay' },
    { text: "Wouldn't trust Sunrise Catering to boil an egg", excerpt: 'Sunrise Catering' },
    { text: 'Sunrise Catering portions are tiny now', excerpt: 'Sunrise Catering' },
    { text: 'Sunrise Catering curry is the highlight of my week', excerpt: 'Sunrise Catering' },
    // a supplier known by its name without the corporate words it ends with
    { text: 'Copperbeck IT have had the wifi down all week, absolute shambles', excerpt: 'Copperbeck IT', config: SUFFIXED },
    { text: 'Lantern Laundry shrank every single PE bib. Never again.', excerpt: 'Lantern Laundry', config: SUFFIXED },
    { text: 'Lantern Laundry Services were brilliant with the residential bedding', excerpt: 'Lantern Laundry Services', config: SUFFIXED },
    // the same words as a verdict still count
    { text: 'Swiftline Buses are fit for the bin, late again', excerpt: 'Swiftline Buses', config: KINGSMEAD },
    { text: 'Sunrise Catering portions are poor this term', excerpt: 'Sunrise Catering' },
  ],
  pass: [
    // a short form stops at the name's own words: "Lantern" alone is no supplier, nor a word the name does not end with
    { text: 'The lantern parade was absolutely brilliant this year', config: SUFFIXED },
    { text: 'Copperbeck is beautiful in the snow, best walk ever', config: SUFFIXED },
    // the new verdict words in neutral sentences, and 'top' in 'top-up'
    { text: 'Swiftline Buses pick up at 8, please do not be late' },
    { text: 'The TallyPay top-up page has moved to the app' },
    { text: 'Sunrise Catering menus for spring are on the website' },
    { text: 'ParentPay closes for the trip on the third day of term' },
    'ParentPay payments are due Friday',
    'Please top up ParentPay before the trip',
    'Sunrise over the hills was amazing',
    'To avoid queues, pay on ParentPay',
    'ParentPay is down for maintenance. Our brilliant office team have covered everything all week long.',
    'The catering at the wedding was brilliant',
    { text: 'Swiftline Buses will collect us at 8:15', config: KINGSMEAD },
    { text: 'Harbourside Meals menu for next week is on the website', config: KINGSMEAD },
    { text: 'Pay for lunches on TallyPay by Thursday', config: KINGSMEAD },
    { text: 'Brilliant buses in London, so frequent', config: KINGSMEAD },
    { text: 'The harbourside meals in Bristol were lovely', config: { ...ST_AIDANS, suppliers: ['Harbourside'] } },
    'ParentPay: trip payments close on Monday.',
    'ParentPay top-ups close at 9am on Fridays now',
    // 'bin' and 'poor' as other words: a bin lorry, sympathy for a driver
    { text: 'Lantern Laundry Services van stuck behind the bin lorry on our road this morning, whole street beeping', config: SUFFIXED },
    { text: 'Saw a Swiftline Buses coach on the M6 this morning, poor driver out in the rain with his wee triangle', config: KINGSMEAD },
  ],
});
