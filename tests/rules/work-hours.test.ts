import { describe, expect, it } from 'vitest';
import { findings, ruleTable, ST_AIDANS } from './helpers.js';

// St Aidan's hours: Mon-Fri 08:30-15:30, breaks 10:30-10:45 and 12:00-13:00.
const NO_HOURS = { ...ST_AIDANS, schoolHours: undefined };
const SATURDAY_SCHOOL = { ...ST_AIDANS, schoolHours: { days: ['sat' as const], start: '09:00', end: '12:00' } };

ruleTable('work-hours', {
  flag: [
    { text: 'Free period, so here is my marking pile', ctx: { at: '2027-02-17T09:50:00' } },
    { text: 'Does anyone know if the Co-op does click and collect?', ctx: { at: '2027-02-18T14:20:00' } },
    { text: 'Morning all', ctx: { at: '2027-02-15T08:30:00' } },
    { text: 'Just before lunch', ctx: { at: '2027-02-19T11:59' } },
    { text: 'Straight after break', ctx: { at: '2027-02-19T10:45:00' } },
    { text: 'Date object in local time', ctx: { at: new Date(2027, 1, 17, 9, 50) } },
    { text: 'Saturday school', ctx: { at: '2027-01-16T10:00:00' }, config: SATURDAY_SCHOOL },
    { text: 'Last lesson', ctx: { at: '2027-02-19T15:29:00' } },
    { text: 'Period 5', ctx: { at: '2027-03-02T14:00:00' } },
    { text: 'Wednesday at ten', ctx: { at: '2027-02-17T10:00:00.000' } },
    { text: 'Space separated', ctx: { at: '2027-02-17 09:50' } },
    { text: 'Afternoon', ctx: { at: '2027-02-17T13:00:00' } },
  ],
  pass: [
    { text: 'Sourdough attempt number four', ctx: { at: '2027-01-16T11:20:00' } },
    { text: 'Break time', ctx: { at: '2027-02-17T10:30:00' } },
    { text: 'Lunch', ctx: { at: '2027-02-17T12:59:00' } },
    { text: 'Home time', ctx: { at: '2027-02-17T15:30:00' } },
    { text: 'Early start', ctx: { at: '2027-02-17T08:29:00' } },
    { text: 'No time given', ctx: {} },
    { text: 'Null time', ctx: { at: null } },
    { text: 'No school hours configured', ctx: { at: '2027-02-17T09:50:00' }, config: NO_HOURS },
    { text: 'Sunday', ctx: { at: '2027-02-21T10:00:00' } },
    { text: 'Not a date', ctx: { at: 'yesterday at ten' } },
    { text: 'Weekday on a Saturday-only school', ctx: { at: '2027-02-17T10:00:00' }, config: SATURDAY_SCHOOL },
    { text: 'Evening', ctx: { at: '2027-02-17T19:00:00' } },
  ],
});

describe('work-hours', () => {
  it('is one draft-level finding at 0..0, whatever the machine time zone', () => {
    const f = findings('x', { at: '2027-02-17T09:50:00' }).filter((x) => x.rule === 'work-hours');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ start: 0, end: 0 });
  });
});
