import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

const media = { media: true };

ruleTable('pupil-image', {
  flag: [
    // blind-3: Welsh, Scottish and Irish school events are events like a concert
    { text: 'Diolch to everyone who came to our Eisteddfod today, the kids were tidy!', ctx: media },
    // blind-2: the writer's own seasonal fair is the school's event
    { text: 'Our Christmas fair today - thank you to everyone who came!', ctx: media },
    // a primary year typed P1-P7, doing something or somewhere (b45)
    { text: 'P6 made a peace quilt together with our friends from across the town', ctx: media },
    { text: 'Staff v P7 rounders. We lost. Badly.', ctx: media },
    { text: 'P5 at the Ulster Museum, the mummy was a massive hit', ctx: media },
    // the wee ones in a class of the school's
    { text: 'The wee ones in Owls had their first go on the new trim trail today', ctx: media, config: { ...ST_AIDANS, school: { ...ST_AIDANS.school, classes: ['Owls'] } } },
    { text: "St Aidan's winter concert, what a night 🎻", ctx: media },
    { text: 'Year 6 residential, day 2!', ctx: media },
    { text: 'My class smashed their assembly today', ctx: media },
    { text: 'Sports day fun in the sun ☀️', ctx: media },
    { text: 'Well done Josh on your swimming gala', ctx: media },
    { text: 'The kids loved the museum trip', ctx: media },
    { text: 'Our Reception class made Christmas cards', ctx: media },
    { text: 'Look at these brilliant posters from 4B', ctx: media },
    { text: 'Nativity dress rehearsal done 🌟', ctx: media },
    { text: 'A girl in my form painted this, stunning', ctx: media },
    { text: 'Proud of our pupils at the county finals', ctx: media },
    { text: 'Fab #StAidansPride moment', ctx: media },
    { text: 'KS2 choir at the Albert Hall!', ctx: media },
    // places only a school has, and weeks and days only schools keep
    { text: 'Secret Santa chaos in the staff room this morning 🎅', ctx: media },
    { text: 'Book week costumes are out of control 📚', ctx: media },
    { text: 'Muddy boots after forest school again', ctx: media },
    { text: 'The new sensory room is finally finished 💙', ctx: media },
    // a charity day or a department is a school word beside another one
    { text: 'Red Nose Day cake sale smashed it, £400 for Comic Relief', ctx: media },
    { text: 'Last day with the maths department before my placement ends 😢', ctx: media },
    // the school's own supplier with children: the school's dinners
    { text: 'Huge thanks to Sunrise Catering, the kids loved their Christmas dinner', ctx: media },
  ],
  pass: [
    // a page, a level, a priority or a brand's model; the writer's own wee one starting P1
    { text: 'Parked on level P2 at the airport, sunshine all the way', ctx: media },
    { text: 'P6 of the report has the figures we needed', ctx: media },
    { text: 'Sony P7 camera finally arrived, look at this sunset', ctx: media },
    { text: "My wee one's first day of P1 today and I'm an absolute wreck", ctx: media },
    { text: 'Off to the National Eisteddfod with my sister', ctx: media },
    { text: 'Christmas fair at the garden centre today, mulled wine in hand', ctx: media },
    { text: 'Daisy chains and a picnic by the canal this afternoon, what a treat 🌼', ctx: media },
    { text: 'Family trip to Cornwall!', ctx: media },
    { text: "My daughter's nativity, so proud", ctx: media },
    { text: 'Taylor Swift concert!', ctx: media },
    { text: 'Year 6 residential next week' },
    { text: 'Night out with the girls', ctx: media },
    { text: 'Ran my first 10k', ctx: media },
    { text: 'Happy 2nd birthday to my gorgeous boy', ctx: media },
    { text: 'Sourdough attempt number four.', ctx: media },
    { text: 'Wedding reception was beautiful', ctx: media },
    // charity days and rooms out of school: one school word alone is not enough
    { text: 'Children in Need night in with a takeaway 📺', ctx: media },
    { text: 'Cake sale at church raised £200 for the roof', ctx: media },
    { text: 'The big slide at the park playground, my favourite', ctx: media },
    { text: 'Started in the marketing department today!', ctx: media },
    { text: 'The new kitchen is finally finished 💙', ctx: media },
    { text: 'Coffee morning at the WI, scones were gorgeous', ctx: media },
    { text: 'Jeans for Genes, wearing my oldest pair', ctx: media },
    { text: 'Huge thanks to Sunrise Catering for the wedding buffet', ctx: media },
  ],
});

describe('pupil-image: school account', () => {
  it('warns about any photo on the school account, even with no school context', () => {
    const f = findings('Sunset over the field', { media: true, schoolAccount: true }).filter((x) => x.rule === 'pupil-image');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warn');
  });
  it('keeps its full severity on the school account when pupils are in the post', () => {
    const f = findings('Year 6 residential, day 2!', { media: true, schoolAccount: true }).filter((x) => x.rule === 'pupil-image');
    expect(f[0]!.severity).toBe('block');
  });
  it('is a draft-level finding', () => {
    const [f] = findings('Sports day fun', { media: true }).filter((x) => x.rule === 'pupil-image');
    expect([f!.start, f!.end]).toEqual([0, 0]);
  });
});
