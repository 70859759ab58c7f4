// work-hours: the draft is being written on a personal account during the school's configured
// hours, outside its breaks. Off when no `schoolHours` are configured. `ctx.at` is local wall-clock
// time: an ISO string without a zone is read component by component, so the machine's time zone
// can never shift it; a Date is read in local time.
import { defineRule, type Hit } from '../rule.js';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DEFAULT_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** "2027-02-17T09:50:00", "2027-02-17 09:50", with optional seconds, fraction and zone (the zone is ignored: wall clock). */
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

interface WallClock {
  day: (typeof DAY_NAMES)[number];
  /** minutes since midnight */
  minute: number;
}

export function wallClock(at: string | Date | null | undefined): WallClock | null {
  if (at === null || at === undefined) return null;
  if (at instanceof Date) {
    if (Number.isNaN(at.getTime())) return null;
    return { day: DAY_NAMES[at.getDay()]!, minute: at.getHours() * 60 + at.getMinutes() };
  }
  const m = ISO_LOCAL.exec(at.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  // the weekday of a calendar date, computed in UTC so no local zone or DST is involved
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return { day: DAY_NAMES[weekday]!, minute: h * 60 + mi };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export default defineRule({
  meta: {
    id: 'work-hours',
    description: 'Composing on a personal account during configured school hours, outside breaks.',
    messages: {
      hours: { text: 'You are posting during school hours.', policy: 'say personal social media should not be used during working time, only in breaks' },
    },
  },
  check(_doc, { ctx, config }) {
    const hours = config.schoolHours;
    if (!hours) return [];
    const now = wallClock(ctx.at);
    if (!now) return [];
    const days = hours.days && hours.days.length ? hours.days : DEFAULT_DAYS;
    if (!days.includes(now.day)) return [];
    if (now.minute < minutes(hours.start) || now.minute >= minutes(hours.end)) return [];
    for (const [from, to] of hours.breaks ?? []) {
      if (now.minute >= minutes(from) && now.minute < minutes(to)) return [];
    }
    const hit: Hit = { start: 0, end: 0, messageId: 'hours' };
    return [hit];
  },
});
