import { describe, expect, test } from 'vitest';
import { DEMO_SCHOOL, effectiveConfig, managedPaths, merge, resolveLayers, resolveManaged, salvage, withoutNameLists } from '../../src/config/effective.js';

const school = { school: { name: 'St Aidan’s CE Primary School' }, pupils: ['Joshua Brown'], enforcement: 'block' as const };

describe('layers', () => {
  test('the demo school applies only when nothing is set', () => {
    expect(effectiveConfig({}).source).toBe('demo');
    expect(effectiveConfig({}).config).toEqual(DEMO_SCHOOL);
    expect(effectiveConfig({ managedRaw: {}, userRaw: {} }).source).toBe('demo');
    const user = effectiveConfig({ userRaw: { statistics: true } });
    expect(user.source).toBe('user');
    expect(user.config).toEqual({ statistics: true }); // no demo roster leaks into a user's settings
  });

  test('a field the school sets wins over the user; merged objects merge key by key', () => {
    const e = effectiveConfig({
      managedRaw: { enforcement: 'block', rules: { supplier: 'off' }, sites: { x: false } },
      userRaw: { enforcement: 'advise', disclaimer: 'Mine.', rules: { supplier: 'warn', gossip: 'info' }, sites: { facebook: false } },
    });
    expect(e.source).toBe('managed+user');
    expect(e.config.enforcement).toBe('block');
    expect(e.config.disclaimer).toBe('Mine.');
    expect(e.config.rules).toEqual({ supplier: 'off', gossip: 'info' });
    expect(e.config.sites).toEqual({ x: false, facebook: false });
    expect(e.managedFields.sort()).toEqual(['enforcement', 'rules.supplier', 'sites.x']);
    // a school policy with no pupil list, and none of the user's own: said, since nothing else would
    expect(e.problems).toEqual([expect.objectContaining({ path: 'pupils', from: 'managed', message: expect.stringMatching(/sets no pupil list.*"pupils": \[\]/) })]);
  });

  test('locked makes the school policy the whole configuration', () => {
    const e = effectiveConfig({ managedRaw: { ...school, locked: true }, userRaw: { disclaimer: 'Mine.', enforcement: 'advise' } });
    expect(e.locked).toBe(true);
    expect(e.source).toBe('managed');
    expect(e.config.disclaimer).toBeUndefined();
    expect(e.config.enforcement).toBe('block');
  });

  test('managedPaths lists merged objects by key and the rest whole', () => {
    expect(managedPaths({ school: { name: 'A', trust: 'T' }, pupils: [], locked: false }).sort()).toEqual(['locked', 'pupils', 'school.name', 'school.trust']);
    expect(merge({ terms: { allowed: ['a'] } }, { terms: { blocked: ['b'] } })).toEqual({ terms: { allowed: ['a'], blocked: ['b'] } });
  });
});

describe('a bad managed policy never stops PostCheck', () => {
  test('a key with the wrong type is reported by name and the last good value is used', () => {
    const e = resolveLayers({ managedRaw: { ...school, enforcement: 5 }, lastGoodManaged: school });
    expect(e.config.enforcement).toBe('block');
    expect(e.config.pupils).toEqual(['Joshua Brown']);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ path: 'enforcement', from: 'managed' });
    expect(e.problems[0]!.message).toMatch(/expected one of .*got number 5.*last good value/);
    expect(e.held).toEqual(['enforcement']);
  });

  test('the valid keys of a partly bad policy still apply (a new roster is not lost to a typo elsewhere)', () => {
    const e = resolveLayers({ managedRaw: { ...school, pupils: ['Amelia Kaur'], enforcement: 'Block' }, lastGoodManaged: school });
    expect(e.config.pupils).toEqual(['Amelia Kaur']);
    expect(e.config.enforcement).toBe('block');
    expect(e.remember).toEqual({ ...school, pupils: ['Amelia Kaur'] });
  });

  test('a key Chrome left out (it drops values that do not match managed_schema.json) keeps its last good value and says so', () => {
    const { enforcement: _e, ...withoutEnforcement } = school;
    const e = resolveLayers({ managedRaw: withoutEnforcement, lastGoodManaged: school });
    expect(e.config.enforcement).toBe('block');
    expect(e.problems).toEqual([expect.objectContaining({ path: 'enforcement', from: 'managed', message: expect.stringMatching(/chrome:\/\/policy/) })]);
    expect(e.held).toEqual(['enforcement']);
  });

  test('a name list removed from the policy is removed: no last good copy of the roster lives on (security 9)', () => {
    const { pupils: _p, ...withoutPupils } = school;
    const last = { ...school, staff: ['Mrs Anita Patel'] };
    const e = resolveLayers({ managedRaw: withoutPupils, lastGoodManaged: last });
    expect(e.config.pupils).toBeUndefined();
    expect(e.config.staff).toBeUndefined();
    expect(e.held).toEqual([]);
    expect(e.remember).toEqual(withoutPupils);
    expect(JSON.stringify(e.remember)).not.toContain('Joshua');
    // and it is said, in case IT meant to set one
    expect(e.problems).toEqual([expect.objectContaining({ path: 'pupils', message: expect.stringMatching(/not checked/) })]);
    // present but of the wrong type (Firefox passes it through): still held, and said
    const f = resolveLayers({ managedRaw: { ...school, pupils: 'Joshua Brown' }, lastGoodManaged: school });
    expect(f.config.pupils).toEqual(['Joshua Brown']);
    expect(f.held).toEqual(['pupils']);
  });

  test('a first deployment whose roster Chrome left out names the missing pupils (newcomer 7)', () => {
    const e = resolveLayers({ managedRaw: { school: { name: "St Aidan's CE Primary School" }, locked: true } });
    expect(e.source).toBe('managed');
    expect(e.problems).toEqual([expect.objectContaining({ path: 'pupils', from: 'managed', message: expect.stringMatching(/no pupil list.*chrome:\/\/policy.*Not set/) })]);
    // an explicit empty list is a school saying so on purpose
    expect(resolveLayers({ managedRaw: { school: { name: 'X' }, pupils: [], locked: true } }).problems).toEqual([]);
  });

  test('with no last good configuration a bad key is ignored (the defaults apply)', () => {
    const e = resolveLayers({ managedRaw: { school: { name: 'X' }, pupils: 'Joshua Brown' } });
    expect(e.config).toEqual({ school: { name: 'X' } });
    expect(e.problems).toEqual([{ path: 'pupils', message: 'expected array, got string "Joshua Brown" (ignored)', from: 'managed' }]);
  });

  test('nested problems name the full path', () => {
    const e = resolveLayers({ managedRaw: { schoolHours: { start: '8:30', end: '15:30' }, staff: ['Tom Hill', ''] } });
    expect(e.problems.map((p) => p.path).sort()).toEqual(['pupils', 'schoolHours.start', 'staff[1]']);
    expect(e.source).toBe('managed');
    expect(e.config).toEqual({ staff: ['Tom Hill'] });
  });

  test('the school set something and none of it is usable: the defaults, not the fictional demo school', () => {
    const e = resolveLayers({ managedRaw: { schoolHours: { start: '8:30', end: '15:30' } } });
    expect(e.source).toBe('managed');
    expect(e.config).toEqual({});
  });


  test('a policy that is not an object at all falls back to the whole last good one', () => {
    const m = resolveManaged('nonsense', school);
    expect(m.managed).toEqual(school);
    expect(m.problems[0]!.path).toBe('(top level)');
    expect(m.remember).toBeUndefined();
  });

  test('removing the policy forgets the last good one; no managed storage leaves it alone', () => {
    expect(resolveManaged({}, school)).toMatchObject({ managed: null, remember: null });
    expect(resolveManaged(undefined, school)).toMatchObject({ managed: null, remember: undefined });
  });

  test('a valid policy becomes the last good one', () => {
    expect(resolveManaged(school, null)).toMatchObject({ managed: school, remember: school, problems: [] });
  });

  test("the user's own invalid keys are reported and ignored, the rest kept", () => {
    const e = effectiveConfig({ userRaw: { disclaimer: 'Mine.', enforcement: 'sometimes', colour: 'red' } });
    expect(e.config).toEqual({ disclaimer: 'Mine.' });
    expect(e.problems.map((p) => `${p.from}:${p.path}`).sort()).toEqual(['user:colour', 'user:enforcement']);
  });

  test('salvage keeps every valid top-level key', () => {
    const s = salvage({ policy: 'combined', locked: 'yes', rules: { supplier: 'loud' } });
    expect(s.config).toEqual({ policy: 'combined' });
    expect(s.bad.sort()).toEqual(['locked', 'rules']);
    expect(s.problems.find((p) => p.path === 'rules.supplier')?.message).toMatch(/expected one of "off", "info", "warn", "block"/);
  });
});

describe('withoutNameLists (the popup’s state)', () => {
  test('drops the pupil, staff and supplier lists and keeps everything else', () => {
    const config = { ...school, staff: ['Mrs Anita Patel'], suppliers: ['ParentPay'], school: { name: 'St Aidan’s', aliases: ['SAPS'] } };
    expect(withoutNameLists(config)).toEqual({ school: { name: 'St Aidan’s', aliases: ['SAPS'] }, enforcement: 'block' });
    expect(config.pupils).toEqual(['Joshua Brown']); // a copy: the cached configuration keeps its roster
  });

  test('leaves what is not a configuration as it is', () => {
    for (const v of [null, undefined, 'Joshua Brown', ['Joshua Brown'], {}]) expect(withoutNameLists(v)).toEqual(v);
  });
});
