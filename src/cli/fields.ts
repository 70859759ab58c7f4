// A draft's context as given on the command line or in a JSONL record: the site, and when it was
// composed. Checked for what they mean, not only their shape: 30 February is not a date.
import { SITES, type Site } from '../engine/types.js';

/** Why `v` is not a site, or undefined when it is one. */
export function siteProblem(v: unknown): string | undefined {
  if (typeof v === 'string' && (SITES as readonly string[]).includes(v)) return undefined;
  return `unknown site ${JSON.stringify(v)} (expected one of ${SITES.join(', ')})`;
}

export const asSite = (v: string) => v as Site;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why `v` is not an ISO local date-time such as 2027-02-17T09:50:00, or undefined when it is one. */
export function atProblem(v: unknown): string | undefined {
  const example = 'an ISO date-time like 2027-02-17T09:50:00';
  if (typeof v !== 'string') return `expected ${example}, got ${JSON.stringify(v)}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?$/.exec(v);
  if (!m) return `expected ${example}, got ${JSON.stringify(v)}`;
  const [year, month, day, hour, minute, second = 0, , offH = 0, offM = 0] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]].map((x) => (x === undefined ? undefined : Number(x)));
  if (month! < 1 || month! > 12) return `${v} has no month ${month} (months are 01 to 12)`;
  const last = daysIn(year!, month!);
  if (day! < 1 || day! > last) return `${v} is not a real date: ${MONTHS[month! - 1]} ${year} has ${last} days`;
  if (hour! > 23 || minute! > 59 || second! > 59) return `${v} is not a real time of day (00:00:00 to 23:59:59)`;
  if (offH! > 14 || offM! > 59) return `${v} has an impossible time-zone offset`;
  return undefined;
}
