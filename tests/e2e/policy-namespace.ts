/**
 * Chromium with a managed-policy directory of its own. Chromium on Linux reads managed policy from
 * one machine-wide place, /etc/chromium/policies/managed; a test that wrote there would change every
 * Chromium on the machine, and would see whatever another process left there. Instead each run
 * gets a temporary directory, and Chromium is started through a wrapper that makes a private mount
 * namespace (`unshare --mount`) and bind-mounts that directory over the machine's one: the browser
 * sees exactly the test's files, and nothing outside the namespace sees them at all.
 *
 * That needs root (mount namespaces and bind mounts) on Linux. Where it is not possible, `ISOLATION`
 * holds the reason, and the suites that need a managed policy skip with it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Chromium on Linux reads managed policy (the Debian build; Google Chrome: /etc/opt/chrome). */
export const MACHINE_POLICY_DIR = '/etc/chromium/policies/managed';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function probe(): string | undefined {
  if (process.platform !== 'linux') return `needs Linux: Chromium's managed policy is replaced in a private mount namespace (this is ${process.platform})`;
  const uid = process.getuid?.();
  if (uid !== 0)
    return `needs root: Chromium reads managed policy only from ${MACHINE_POLICY_DIR}, which these tests replace with their own directory in a private mount namespace (unshare --mount), and only root may do that (running as uid ${uid}). CI runs them as root.`;
  if (!existsSync(CHROMIUM)) return `needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  // the mount point must exist; an empty directory changes no browser's policy
  mkdirSync(MACHINE_POLICY_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'postcheck-policy-probe-'));
  try {
    const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'mount', '--bind', dir, MACHINE_POLICY_DIR], { encoding: 'utf8' });
    if (r.error) return `needs unshare (util-linux) to give Chromium a private policy directory: ${r.error.message}`;
    if (r.status !== 0) return `cannot make a private mount namespace here (unshare --mount … mount --bind: ${r.stderr.trim() || `exit ${r.status}`})`;
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why Chromium cannot be given its own managed-policy directory here, or undefined when it can. */
export const ISOLATION: string | undefined = probe();

export interface PolicyRoom {
  /** the directory Chromium sees as /etc/chromium/policies/managed */
  dir: string;
  /** the wrapper to launch instead of Chromium */
  executable: string;
  /** removes the directory and the wrapper */
  dispose(): void;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A temporary policy directory and a wrapper executable that starts Chromium seeing it as the
 * machine's. The wrapper keeps Chromium's pid and file descriptors (it only execs), so Playwright's
 * pipe to the browser and its kill on close work as they do with Chromium itself.
 */
export function policyRoom(): PolicyRoom {
  if (ISOLATION) throw new Error(`cannot give Chromium its own managed policy: ${ISOLATION}`);
  const root = mkdtempSync(join(tmpdir(), 'postcheck-policy-'));
  const dir = join(root, 'managed');
  mkdirSync(dir);
  const executable = join(root, 'chromium');
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      '# Chromium in a private mount namespace, seeing only this test run\'s managed policy.',
      `exec unshare --mount --propagation private sh -c 'mount --bind "$0" ${MACHINE_POLICY_DIR} && exec "$@"' ${sh(dir)} ${sh(CHROMIUM)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(executable, 0o755);
  return { dir, executable, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
