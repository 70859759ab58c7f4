// The school's own class, form and house names (configuration school.classes), read by context.ts:
// which mentions count as a class, and that a class makes a draft about work.
import { describe, expect, it } from 'vitest';
import { aboutWork, bindClasses, classMentions, isClassCode } from '../../src/engine/context.js';
import { compileClassNames } from '../../src/engine/name-data.js';
import { analyse } from '../../src/engine/text/doc.js';

const CLASSES = compileClassNames({ school: { name: 'Test Primary', classes: ['Kestrels', 'Oak Class', 'Owls', 'Dosbarth Derw', '10JT', 'Darwin', 'Rowan', '6H'] }, pupils: ['Tilly Oakes'] });

function mentioned(text: string, classes = CLASSES): string[] {
  const doc = analyse(text);
  bindClasses(doc, classes);
  return classMentions(doc).map((m) => text.slice(doc.tokens[m.first]!.start, doc.tokens[m.last]!.end));
}

function work(text: string): boolean {
  const doc = analyse(text);
  bindClasses(doc, CLASSES);
  return aboutWork(doc);
}

describe('class names', () => {
  it('finds a class name used as one, with the class word beside it', () => {
    expect(mentioned('Sports day for Kestrels was a washout')).toEqual(['Kestrels']);
    expect(mentioned('a girl in owls lost a tooth')).toEqual(['owls']);
    expect(mentioned('The Oak class parents were brilliant')).toEqual(['Oak class']);
    expect(mentioned('Our Darwin House captain read beautifully')).toEqual(['Darwin House']);
    expect(mentioned('Croeso to everyone in Dosbarth Derw')).toEqual(['Dosbarth Derw']);
    expect(mentioned('derw mums are the best')).toEqual(['derw']);
    expect(mentioned('Covering 10jt period 5 again')).toEqual(['10jt']);
    expect(mentioned('Owls mums, the trip letter is in book bags')).toEqual(['Owls']);
    expect(mentioned('New boy in Rowan is settling in')).toEqual(['Rowan']);
    expect(mentioned('Shout out to Macy in Kestrels who held the door for our teacher')).toEqual(['Kestrels']);
    expect(mentioned('Anyone in Owls whose jumper has gone missing?')).toEqual(['Owls']);
    expect(mentioned('To all my old Kestrels who have gone off to big school')).toEqual(['Kestrels']);
  });
  it('leaves the same words alone where they are words or other names', () => {
    expect(mentioned('An owl was hooting in the garden all night')).toEqual([]);
    expect(mentioned('Owls are amazing birds up close')).toEqual([]);
    expect(mentioned('The oak by the church came down in the storm')).toEqual([]);
    expect(mentioned('Kestrels hovering over the verge again')).toEqual([]);
    expect(mentioned('Sunday lunch at the Royal Oak, bliss')).toEqual([]);
    expect(mentioned('Roadworks on Oak Road all week')).toEqual([]);
    expect(mentioned('Charles Darwin would have loved this rock pool')).toEqual([]);
    expect(mentioned('Watched Rowan Atkinson sketches all evening')).toEqual([]);
    expect(mentioned('We spoke to Rowan about the car')).toEqual([]);
    expect(mentioned('Holiday snaps from Macy in Darwin, jealous')).toEqual([]);
    expect(mentioned('Carved in oak, the bench is lovely')).toEqual([]);
    expect(mentioned('Ran 6h at the ultra on Saturday')).toEqual([]);
    expect(mentioned('Our Favourite Owls Of The British Isles')).toEqual([]);
    expect(mentioned('We stayed in Darwin for a week')).toEqual([]);
    expect(mentioned('Walked the kids past the Darwin statue')).toEqual([]);
  });
  it('makes a class name a school group and the draft about work', () => {
    const doc = analyse('Lovely morning with my Kestrels');
    bindClasses(doc, CLASSES);
    expect(isClassCode(doc, doc.tokens[4]!)).toBe(true);
    expect(work('Lovely morning with my Kestrels')).toBe(true);
    expect(work('Kestrels class were a delight this morning')).toBe(true);
    expect(work('Sports day for Kestrels was a washout')).toBe(true);
    expect(work('Lovely morning watching kestrels')).toBe(false);
    // a capitalised class name with nothing else about school is a place or a bird: "Kestrels" alone does not make it work
    expect(work('Lovely morning with Kestrels')).toBe(false);
    expect(work('I hope the rain holds off for the Darwin half marathon')).toBe(false);
    expect(work('Great walk past the old oak today')).toBe(false);
  });
  it('is off without configured classes', () => {
    const doc = analyse('Lovely morning with Kestrels');
    expect(classMentions(doc)).toEqual([]);
    expect(compileClassNames({ school: { name: 'X' } })).toBeNull();
  });
});

describe('class names with a key stage or year in front', () => {
  const STAGED = compileClassNames({ school: { name: 'Test Primary', classes: ['KS1 Hazel', 'KS2 Birch', 'Year 3 Oak', 'Reception Acorns', 'Key Stage 2 Kestrels', 'Y6'] } });
  const found = (text: string) => mentioned(text, STAGED);
  it('finds the name as staff write it, without the stage', () => {
    expect(found('Pancake day in Hazel class, flour everywhere')).toEqual(['Hazel class']);
    expect(found('Birch class were amazing on the trip')).toEqual(['Birch class']);
    expect(found('The Oak parents were brilliant at the fair')).toEqual(['Oak']);
    expect(found('A girl in Acorns lost her first tooth today')).toEqual(['Acorns']);
    expect(found('Forest school with my Kestrels')).toEqual(['Kestrels']);
    expect(found('Sports day for KS2 Birch was a washout')).toEqual(['KS2 Birch']);
  });
  it('still reads the bare name as a word or a person where it is one', () => {
    expect(found('Hazel from next door popped round with a cake')).toEqual([]);
    expect(found('The birch in the garden has finally come down')).toEqual([]);
    expect(found('Acorns everywhere on the path this morning')).toEqual([]);
    expect(found('Our old oak table needs sanding')).toEqual([]);
    expect(found('Kestrels hovering over the verge again')).toEqual([]);
  });
  it('keeps a bare stage as it was', () => {
    expect(compileClassNames({ school: { name: 'T', classes: ['Reception', 'KS1'] } })!.keys.size).toBe(2);
  });
});
