#!/usr/bin/env node
// `npm start`: opens Chromium (or Chrome) with the freshly built extension (dist/chrome-dev) on a
// local practice page that holds one composer per supported editor (Draft.js, Lexical, Quill,
// TipTap, textarea). With no configuration set, the extension uses the demo school, so the names
// below are flagged at once. Nothing is sent anywhere: the page is served from this machine only.
//
// Chromium's own sandbox refuses to run as root, so as root it is started with --no-sandbox (and
// says so). When the browser cannot start, its own error is shown, the practice page keeps being
// served and its address is given, so PostCheck can still be loaded by hand. Ctrl+C stops the
// browser, waits for it to exit, then removes its temporary profile.
// CHROMIUM_PATH=/path/to/chrome picks the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from '../tests/e2e/fixtures/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist/chrome-dev');
const demo = JSON.parse(readFileSync(join(root, 'examples/demo-school.json'), 'utf8'));
const pupil = demo.pupils.find((p) => p === 'Amelia-Rose Kaur') ?? demo.pupils[0];

const TRY = [
  `Well done ${pupil} on a brilliant assembly today!`,
  'Fantastic school trip to the science museum with Year 5 (attach a photo on a real site)',
  'Lovely walk by the canal this afternoon.',
];

function byHand(url) {
  return [
    'To try PostCheck by hand:',
    '  Chrome, Edge or Chromium:',
    '    1. Open chrome://extensions (edge://extensions) and turn on Developer mode.',
    `    2. Click "Load unpacked" and choose ${extension}`,
    `       (or ${join(root, 'dist/chrome')}, the store build, which does not run on the local practice page).`,
    '  Firefox:',
    `    1. Open about:debugging → This Firefox → Load Temporary Add-on, and choose ${join(root, 'dist/firefox/manifest.json')}`,
    url ? `  Then open ${url} and type, for example:` : '  Then, on Facebook, X, Instagram or LinkedIn, start a post and type, for example:',
    ...TRY.map((t) => `       ${t}`),
  ].join('\n');
}

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('dist/chrome-dev is missing: run `npm start` (it builds first) or `node build.mjs`.');
  process.exit(1);
}

const headless = process.env.CI || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless) {
  console.log('No display here (CI or a headless machine), so no browser is opened.\n');
  console.log(byHand(null));
  // show the same engine working right here, on the demo school, with the command-line checker
  const demoDraft = 'Well done Amelia-Rose Kaur from 5B on her EHCP review today! Such a star #BrookfieldPark';
  console.log(`\nMeanwhile, here is the same check on the demo school (${demoDraft.length} characters):\n\n  ${demoDraft}\n`);
  spawnSync(process.execPath, [join(root, 'dist/cli.mjs'), 'check', '--', '-'], { input: demoDraft, stdio: ['pipe', 'inherit', 'inherit'] });
  process.exit(0);
}

function findBrowser() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ];
  for (const c of candidates) if (c && existsSync(c)) return { path: c, branded: false };
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', [name], { encoding: 'utf8' });
    if (which.status === 0 && which.stdout.trim()) return { path: which.stdout.trim().split('\n')[0], branded: name.startsWith('google') };
  }
  for (const c of ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']) {
    if (existsSync(c)) return { path: c, branded: true };
  }
  return null;
}

// the practice page, with a few drafts to try above the composers
const fixtures = join(root, 'dist/fixtures');
await buildFixtures(fixtures);
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const hint =
  `<aside style="max-width:600px;margin:12px auto;padding:8px 12px;border:1px dashed #999;border-radius:8px;font:14px system-ui">` +
  `<strong>Try typing</strong> (demo school: ${escape(demo.school.name)}):<ul>${TRY.map((t) => `<li>${escape(t)}</li>`).join('')}</ul>` +
  // a new extension is not pinned: its button is in the puzzle-piece (Extensions) menu until it is
  `Then press Post. Settings: click the puzzle-piece <em>Extensions</em> button at the right of Chrome’s toolbar, ` +
  `then PostCheck (the pin beside it keeps its button in the toolbar), then Settings.</aside>`;
const page = readFileSync(join(fixtures, 'practice.html'), 'utf8').replace('<body>', `<body>\n${hint}`);

let opened = false;
const server = createServer((req, res) => {
  if (req.url === '/' || req.url?.startsWith('/practice')) {
    if (!opened) console.log('The practice page is open. Ctrl+C here closes the browser.');
    opened = true;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/practice/`;

const browser = findBrowser();
if (!browser) {
  console.log(`No Chromium or Chrome found (set CHROMIUM_PATH to use another). The practice page is being served at ${url} (Ctrl+C to stop).\n`);
  console.log(byHand(url));
  process.on('SIGINT', () => server.close(() => process.exit(0)));
} else {
  /** Does a process still run with this profile (pgrep on Linux and macOS; elsewhere, assume not)? */
  const profileInUse = (dir) => spawnSync('pgrep', ['-f', `user-data-dir=${dir}`]).status === 0;
  const profile = mkdtempSync(join(tmpdir(), 'postcheck-start-'));
  const args = [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', '--no-default-browser-check'];
  const asRoot = process.getuid?.() === 0;
  if (asRoot) args.push('--no-sandbox');
  console.log(`Opening ${browser.path} with PostCheck on ${url}`);
  if (asRoot) console.log('(Running as root, where Chromium’s sandbox cannot run, so it is started with --no-sandbox. Run npm start as a normal user to keep the sandbox.)');
  if (browser.branded) console.log('(Google Chrome 137+ ignores --load-extension; if PostCheck is missing, load it by hand:)\n' + byHand(url));

  // Chromium's own messages: kept (the last few lines) to show when it fails, not printed otherwise
  const said = [];
  const child = spawn(browser.path, [...args, url], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    said.push(...d.split('\n').filter((l) => l.trim()));
    said.splice(0, Math.max(0, said.length - 12));
  });

  let exited = false;
  let stopping = false;
  const gone = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));
  const removeProfile = () => {
    // the browser's own helpers (crashpad, a renderer) can outlive it by a moment and still write to the
    // profile: wait, up to five seconds, until no process names it (where pgrep exists), then remove it
    for (let waited = 0; waited < 5000 && profileInUse(profile); waited += 100) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    try {
      // Chromium may still be flushing files as it exits: retry rather than race it
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (e) {
      console.error(`Could not remove the temporary profile ${profile}: ${e.message}`);
    }
  };
  const started = Date.now();

  child.on('error', (e) => {
    removeProfile();
    console.error(`Could not start ${browser.path}: ${e.message}\nThe practice page is still served at ${url} (Ctrl+C to stop).\n`);
    console.log(byHand(url));
  });
  gone.then(({ code, signal }) => {
    removeProfile();
    if (stopping) return;
    if ((code || signal) && Date.now() - started < 15_000) {
      console.log(`\n${browser.path} stopped at once (${signal ? `signal ${signal}` : `exit ${code}`}). It said:`);
      console.log(said.length ? said.map((l) => `  ${l}`).join('\n') : '  (nothing)');
      console.log(`\nThe practice page is still served at ${url} (Ctrl+C to stop).\n${byHand(url)}`);
      return;
    }
    console.log('The browser was closed.');
    server.close(() => process.exit(0));
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (!exited && child.pid) {
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(late);
    }
    removeProfile();
    server.close();
    console.log('\nStopped; the temporary browser profile is removed.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
