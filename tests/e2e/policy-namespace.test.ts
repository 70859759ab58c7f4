/**
 * The managed-policy tests' isolation (policy-namespace.ts) holds: a Chromium started with a policy
 * directory of its own reads that policy, a second Chromium running at the same time with an empty
 * one sees none, and the machine's /etc/chromium/policies/managed never holds the test's file.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { launch as launchPlain, type Launched } from './harness';
import { EXTENSION_DIR, launch, managedSkip, openPopup, removePolicy, removePolicyOnExit, state, writePolicy } from './managed-helpers';
import { MACHINE_POLICY_DIR } from './policy-namespace';

const SKIP = managedSkip();
const opened: Launched[] = [];

afterAll(async () => {
  for (const b of opened) await b.close();
  removePolicy();
});

describe.skipIf(SKIP)('a private managed-policy directory per run', () => {
  test('the policy is seen by its own Chromium only, and never written to the machine', { timeout: 120_000 }, async () => {
    removePolicyOnExit();
    writePolicy({ school: { name: 'Isolated Policy Primary' }, pupils: ['Quillon Fenwright'] });
    const withPolicy = await launch({ extension: EXTENSION_DIR });
    opened.push(withPolicy);
    const withoutPolicy = await launchPlain({ extension: EXTENSION_DIR });
    opened.push(withoutPolicy);

    const a = await state(await openPopup(withPolicy.context));
    expect(a.effective.source).toBe('managed');
    expect(a.effective.config.school).toEqual({ name: 'Isolated Policy Primary' });
    const b = await state(await openPopup(withoutPolicy.context));
    expect(b.effective.source).toBe('demo');
    expect(readdirSync(MACHINE_POLICY_DIR)).not.toContain('postcheck-test.json');
  });
});
