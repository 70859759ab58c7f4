// Structural guarantees behind "nothing leaves the device" and "draft text never becomes HTML":
// the source and the shipped bundles contain no network or code-from-strings APIs, no HTML
// injection sinks, and the manifest asks for the least it can.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('no network, no remote code, no HTML sinks', () => {
  const sources = files(join(root, 'src'), /\.ts$/).filter((f) => !f.includes(`${join('src', 'cli')}`));
  const forbidden: Array<[string, RegExp]> = [
    ['fetch()', /\bfetch\s*\(/],
    ['XMLHttpRequest', /\bXMLHttpRequest\b/],
    ['WebSocket', /\bWebSocket\b/],
    ['EventSource', /\bEventSource\b/],
    ['sendBeacon', /\bsendBeacon\b/],
    ['eval', /\beval\s*\(/],
    ['new Function', /\bnew Function\s*\(/],
    ['innerHTML', /\.innerHTML\s*=/],
    ['outerHTML', /\.outerHTML\s*=/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['document.write', /\bdocument\.write\b/],
    ['importScripts', /\bimportScripts\b/],
  ];
  it('has extension sources to check', () => {
    expect(sources.length).toBeGreaterThan(30);
  });
  for (const [name, re] of forbidden) {
    it(`extension source never uses ${name}`, () => {
      const hits = sources.filter((f) => re.test(stripComments(readFileSync(f, 'utf8'))));
      expect(hits.map((f) => f.slice(root.length))).toEqual([]);
    });
  }
  it('shipped bundles contain no network API calls', () => {
    for (const f of files(join(root, 'dist/chrome'), /\.js$/)) {
      const js = readFileSync(f, 'utf8');
      expect(/\bfetch\(|new XMLHttpRequest|new WebSocket|sendBeacon\(/.test(js), f).toBe(false);
    }
  });
});

describe('manifest asks for the least it can', () => {
  const read = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const matches = (m: Record<string, unknown>) => [...new Set((m.content_scripts as Array<{ matches: string[] }>).flatMap((c) => c.matches))];
  const manifest = read('dist/chrome');
  it('storage and scripting only, no remote code', () => {
    // scripting: the worker injects the content script into tabs open at an install or update
    // (src/background/reinject.ts); it shows no install warning
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });
  it('host permissions are exactly the pages the content scripts run on, in every build', () => {
    for (const dir of ['dist/chrome', 'dist/firefox', 'dist/chrome-dev']) {
      const m = read(dir);
      expect(m.host_permissions, dir).toEqual(matches(m));
    }
  });
  it('content scripts run only on the supported sites, over https', () => {
    for (const m of matches(manifest)) expect(m).toMatch(/^https:\/\/[a-z.]+\.(com|app|net)\/\*$|^https:\/\/(x|twitter)\.com\/\*$/);
  });
});

describe('nothing for the page to switch', () => {
  it('the store builds read no debug switch from the page and carry no test hooks', () => {
    for (const f of ['dist/chrome/content.js', 'dist/firefox/content.js']) {
      const js = readFileSync(join(root, f), 'utf8');
      expect(/sessionStorage|localStorage|__postcheckPerf/.test(js), f).toBe(false);
    }
  });
  it('the in-page UI uses no page-visible registry and leaves no marker attributes', () => {
    for (const f of ['dist/chrome/content.js', 'dist/firefox/content.js', 'dist/chrome-dev/content.js']) {
      const js = readFileSync(join(root, f), 'utf8');
      expect(js, f).not.toMatch(/CSS\.highlights|new Highlight\(|attachShadow\(\{mode:"open"|setAttribute\("data-postcheck/);
      expect(js, f).toMatch(/attachShadow\(\{mode:"closed"\}\)/);
    }
  });
  it('only the Firefox suite’s own build (dist/firefox-test, never zipped) opens its UI to the page', () => {
    expect(readFileSync(join(root, 'dist/firefox-test/content.js'), 'utf8')).toMatch(/attachShadow\(\{mode:"open"\}\)/);
    expect(readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.zip')).sort()).toEqual(['postcheck-chrome.zip', 'postcheck-firefox.zip']);
  });
});
