import { describe, expect, it } from 'vitest';
import { findings, ruleTable } from './helpers.js';

ruleTable('personal-info', {
  flag: [
    { text: 'My postcode is m1 1ae', excerpt: 'm1 1ae' },
    { text: 'Deliver to 7 Rose Hill, Leeds LS1 4AP', excerpt: 'LS1 4AP' },
    { text: 'My birthday is on the 4th of July', excerpt: '4th of July' },
    { text: 'Ring +44 (0)20 7946 0000', excerpt: '+44 (0)20 7946 0000' },
    { text: 'Parents, my mobile is 07700 900559. Text me any time.', excerpt: '07700 900559' },
    { text: 'Ring me on +44 7700 900559', excerpt: '+44 7700 900559' },
    { text: 'Office: (0161) 496 0000', excerpt: '(0161) 496 0000' },
    { text: 'Call 0161-496-0000 after six', excerpt: '0161-496-0000' },
    { text: 'Our landline is 020 7946 0000', excerpt: '020 7946 0000' },
    { text: 'Email me at jo.bloggs@example.com if you need anything', excerpt: 'jo.bloggs@example.com' },
    { text: 'drop me a line: jo.bloggs at example dot com', excerpt: 'jo.bloggs at example dot com' },
    { text: 'I live at 12 Acacia Avenue, come round', excerpt: '12 Acacia Avenue' },
    { text: 'We have moved! Our new address is 4 Mill Lane, M1 1AE', excerpt: 'M1 1AE' },
    { text: 'I live on acacia avenue near the park', excerpt: 'acacia avenue' },
    { text: 'For the form, my DOB is 03/04/1985', excerpt: '03/04/1985' },
    { text: 'I was born on the 3rd of March 1985', excerpt: '3rd of March 1985' },
    { text: 'my birthday is 12 March, cards welcome', excerpt: '12 March' },
    { text: 'Sort code 12-34-56, account number 12345678', excerpt: '12345678' },
    { text: 'Pay me back: 12-34-56 and the usual account', excerpt: '12-34-56' },
    { text: 'Card number 4111 1111 1111 1111 expires soon', excerpt: '4111 1111 1111 1111' },
    { text: 'My NI number is AB 12 34 56 C', excerpt: 'AB 12 34 56 C' },
    { text: 'IBAN GB82 WEST 1234 5698 7654 32 for the raffle money', excerpt: 'GB82 WEST 1234 5698 7654 32' },
  ],
  pass: [
    // a helpline's freephone or non-geographic number (0800, 0808, 03...) is a charity's, not a person's
    'If you are struggling this Christmas, Lifeline is 0808 808 8000. Free, 24/7.',
    'Council tax office is on 0300 123 4567 if anyone needs it',
    'Birthday girl today!',
    'ISBN 978-3-16-148410-0',
    'Meet at 07:30 at the gates',
    'The 1998-2002 cohort reunion',
    'Term starts 5 September, see you all then',
    'Year 6 raised £400 for charity',
    'Kick off at 10:30, final score 3-1',
    'Back in 2019 we had 30 kids in a class',
    'Contact the school office for details',
    'Mocks are on 12-03-24 in the hall',
    'My birthday party was great, thanks all',
    'Happy 40th birthday to me',
    'Order number 12345678 finally arrived',
    'Y6 trip leaves at 3PM sharp',
    'We won 12 - 0!',
    'Read chapters 1-3 by 10.30 tomorrow',
    'Born in 1985 and still going',
    'I live in Leeds and love it',
    'Mark scheme for paper 2 out of 80 marks, 2019-2020 boundaries',
  ],
});

describe('personal-info fix', () => {
  it('offers to remove the span', () => {
    const text = 'my mobile is 07700 900559';
    const f = findings(text).find((x) => x.rule === 'personal-info')!;
    expect(f.fix).toMatchObject({ start: 13, end: 25, replacement: '' });
  });
});
