/** When an edit is checked at once (a word ended, a paste, a fix) and when it waits for typing to pause. */
import { describe, expect, test } from 'vitest';
import { atWordBoundary, diff } from '../../src/content/spans';

const boundary = (before: string, after: string) => atWordBoundary(before, after, diff(before, after)!);

describe('atWordBoundary', () => {
  test.each([
    ['Well done Kau', 'Well done Kaur', false, 'a letter inside a word'],
    ['Well done Kaur', 'Well done Kaur ', true, 'a space after a word'],
    ['Well done Kaur', 'Well done Kaur!', true, 'punctuation'],
    ['Well done Kaur', 'Well done Kaur\n', true, 'a new line'],
    ['Amelia', 'Amelia-', false, 'a hyphen inside a name'],
    ['O', "O'", false, 'an apostrophe inside a name'],
    ['Zo', 'Zoë', false, 'a letter with a diacritic'],
    ['Year ', 'Year 6', false, 'a digit starts a word'],
    ['Well done ', 'Well done Amelia-Rose Kaur', true, 'a paste'],
    ['Well done Amelia', 'Well done a pupil', true, 'a fix'],
    ['Well done Kaur today', 'Well done Kaur', true, 'a word deleted'],
    ['Well done Kaur', 'Well done Kau', true, 'backspace at the end of a word'],
    ['Well done Kaur', 'Well done Kur', false, 'a letter deleted inside a word'],
    ['Well done Kaur today', 'Well done Kaurtoday', true, 'the space between two words deleted'],
  ])('%j → %j: %s (%s)', (before, after, expected) => {
    expect(boundary(before, after)).toBe(expected);
  });
});
