// Whose policy a finding quotes: the school's own clause when `policyClauses` gives one, else the
// model policies, worded as what school policies say and never as "Your policy" (issue 7 item 6,
// newcomer finding 9).
import { describe, expect, test } from 'vitest';
import { parseConfig, type SchoolConfig } from '../../src/config/schema.js';
import { check, compileConfig } from '../../src/engine/engine.js';
import { formatFindings } from '../../src/cli/format.js';

const base: SchoolConfig = { school: { name: "St Aidan's CE Primary School" }, pupils: ['Joshua Brown'] };
const own: SchoolConfig = {
  ...base,
  policyClauses: {
    title: "St Aidan's Social Media Policy (2025)",
    url: 'https://staffaidans.example/social-media-policy.pdf',
    rules: { 'pupil-name': { section: '4.2', quote: 'Staff must never name or identify a pupil online.' } },
  },
};
const draft = 'Well done Joshua Brown on his EHCP review. Views are my own.';

function findings(config: SchoolConfig) {
  return check(draft, { site: 'facebook', at: '2027-02-20T19:00:00' }, compileConfig(config));
}

describe('citation', () => {
  test('without the school’s own clauses, no finding says "Your policy" over a model policy’s words', () => {
    const fs = findings(base);
    expect(fs.map((f) => f.rule).sort()).toEqual(['confidential', 'pupil-name']);
    for (const f of fs) {
      expect(f.message).not.toMatch(/\byour (school's )?policy\b/i);
      expect(f.policy.own).toBeUndefined();
      expect(f.policy.id).not.toBe('school');
    }
    const name = fs.find((f) => f.rule === 'pupil-name')!;
    expect(name.message).toBe('Names a pupil on your school roster. School social media policies say pupils must not be identified online.');
  });

  test('the school’s own clause is cited first, quoted verbatim, with its title, section and address', () => {
    const fs = findings(own);
    const name = fs.find((f) => f.rule === 'pupil-name')!;
    expect(name.policy).toEqual({
      id: 'school',
      title: "St Aidan's Social Media Policy (2025)",
      section: '4.2',
      quote: 'Staff must never name or identify a pupil online.',
      url: 'https://staffaidans.example/social-media-policy.pdf',
      own: true,
    });
    expect(name.citations[0]).toEqual(name.policy);
    expect(name.citations.slice(1).every((c) => !c.own)).toBe(true);
    expect(name.message).toBe("Names a pupil on your school roster. Your school's policy (4.2) says: “Staff must never name or identify a pupil online.”");
    // a rule the school gave no clause for keeps the model wording
    const conf = fs.find((f) => f.rule === 'confidential')!;
    expect(conf.policy.own).toBeUndefined();
    expect(conf.message).toMatch(/School social media policies say confidential information about pupils must not be posted\.$/);
  });

  test('a clause’s own address wins over the policy’s; a severity override still cites the school first', () => {
    const cfg: SchoolConfig = {
      ...own,
      rules: { 'pupil-name': 'warn' },
      policyClauses: { ...own.policyClauses!, rules: { 'pupil-name': { quote: 'Staff must never name or identify a pupil online.', url: 'https://staffaidans.example/p#4' } } },
    };
    const name = findings(cfg).find((f) => f.rule === 'pupil-name')!;
    expect(name.severity).toBe('warn');
    expect(name.policy.url).toBe('https://staffaidans.example/p#4');
    expect(name.message).toMatch(/Your school's policy says: “Staff must never/);
  });

  test('the CLI labels the clause as the school’s own or as a model policy', () => {
    const text = formatFindings(draft, findings(own), { color: false, profile: 'combined' });
    expect(text).toContain("Your school's policy: St Aidan's Social Media Policy (2025), 4.2, https://staffaidans.example/social-media-policy.pdf");
    expect(text).toMatch(/Model policy: [a-z0-9-]+, .*"/);
    expect(formatFindings(draft, findings(base), { color: false, profile: 'combined' })).not.toContain("Your school's policy");
  });

  test('quotes are validated: never empty or a whole document', () => {
    const parse = (quote: string) => parseConfig({ pupils: ['Joshua Brown'], policyClauses: { rules: { 'pupil-name': { quote }, 'staff-name': { quote: 'Colleagues are not named online.' } } } });
    for (const quote of ['Too short', 'x'.repeat(601)]) {
      const r = parse(quote);
      // the one bad clause is left out (and named); the other clauses and the roster stay
      expect(r.ok && r.config.policyClauses?.rules).toEqual({ 'staff-name': { quote: 'Colleagues are not named online.' } });
      expect(r.ok && r.config.pupils).toEqual(['Joshua Brown']);
      expect(r.ok && r.warnings).toEqual([expect.objectContaining({ path: 'policyClauses.rules.pupil-name.quote', message: expect.stringMatching(/this clause is ignored/) })]);
    }
    const good = parse('Staff must never name a pupil.');
    expect(good.ok && good.warnings).toEqual([]);
  });
});
