#!/usr/bin/env node
// Builds PostCheck from the one manifest.json:
//   dist/chrome/   MV3 with a service worker and the managed-storage schema
//   dist/firefox/  MV3 with background.scripts and browser_specific_settings.gecko
//   dist/chrome-dev/ dist/chrome that also runs on the local practice page (npm start, e2e tests)
//   dist/cli.mjs   the `postcheck` command
//   dist/postcheck-chrome.zip, dist/postcheck-firefox.zip
// Browser differences live here and nowhere else. The policy data under rules/ is validated first:
// a bad profile or lexicon stops the build with a message naming the file and the field.
import { build, transform } from 'esbuild';
import { zipSync } from 'fflate';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const log = (...a) => quiet || console.log(...a);

/** Extension pages and scripts: entry → output name. */
const ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.ts',
  options: 'src/options/index.ts',
};
const STATIC = ['src/popup/popup.html', 'src/options/options.html', 'src/ui/page.css'];

/**
 * Data under rules/ goes into the bundles without its documentation (entry notes, descriptions,
 * $schema): those are for the people who maintain the lists, and were validated just before. Long
 * lists of words are written as one string split at load, which keeps the background bundle small.
 */
export const stripDocsPlugin = {
  name: 'strip-rules-docs',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/].*\.json$/ }, (args) => {
      const strip = (v) => {
        if (Array.isArray(v)) return v.map(strip);
        if (v && typeof v === 'object') {
          const o = {};
          for (const [k, x] of Object.entries(v)) if (k !== 'note' && k !== '$schema' && k !== 'description') o[k] = strip(x);
          return o;
        }
        return v;
      };
      // long word lists (classes, patterns, names) as one string split at load: a third of their size
      const pack = (v) => {
        if (Array.isArray(v)) {
          const sep = v.length >= 8 && v.every((x) => typeof x === 'string') ? ['~', '^', '`', '\u0001'].find((c) => v.every((x) => !x.includes(c))) : undefined;
          return sep ? `${JSON.stringify(v.join(sep))}.split(${JSON.stringify(sep)})` : `[${v.map(pack).join(',')}]`;
        }
        if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${pack(x)}`).join(',')}}`;
        return JSON.stringify(v);
      };
      return { contents: `export default ${pack(strip(JSON.parse(readFileSync(args.path, 'utf8'))))};`, loader: 'js' };
    });
  },
};

/** A .css file imported by a script (the in-page UI's shadow-root styles) becomes its minified text. */
export const cssTextPlugin = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

/**
 * obscenity's entry point is CommonJS that requires the whole library, its English word list and
 * confusables table included (a third of the background bundle's JavaScript from libraries, and
 * work at every start-up); no bundler can drop what a CommonJS index requires. PostCheck uses three
 * of its modules (src/engine/rules/profanity.ts), so bundles import those modules directly. A name
 * not listed here stops the build, which then says what to add.
 */
const OBSCENITY_MODULES = {
  RegExpMatcher: 'matcher/regexp/RegExpMatcher.js',
  parseRawPattern: 'pattern/Pattern.js',
  collapseDuplicatesTransformer: 'transformer/collapse-duplicates/index.js',
};
export const obscenityModulesPlugin = {
  name: 'obscenity-modules',
  setup(b) {
    const dist = dirname(createRequire(import.meta.url).resolve('obscenity'));
    b.onResolve({ filter: /^obscenity$/ }, () => ({ path: 'obscenity', namespace: 'obscenity-modules' }));
    b.onLoad({ filter: /.*/, namespace: 'obscenity-modules' }, () => ({
      contents: Object.entries(OBSCENITY_MODULES)
        .map(([name, file]) => `export { ${name} } from ${JSON.stringify(join(dist, file))};`)
        .join('\n'),
      loader: 'js',
      resolveDir: dist,
    }));
  },
};

/** What every extension/CLI bundle shares: the docs-stripped data, trusted because validated first. */
export const bundleDefaults = {
  plugins: [stripDocsPlugin, cssTextPlugin, obscenityModulesPlugin],
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.POSTCHECK_DATA_VALIDATED': '"1"', __POSTCHECK_DEV__: 'false', __POSTCHECK_OPEN_UI__: 'false' },
};

/**
 * esbuild options for the engine as a Node module (bench/engine-entry.ts, or `stdin` for another
 * entry), with the extension's data handling: what the benchmark, the eval, the training and the
 * equivalence scripts each bundle. `plugins` run before the extension's own.
 */
export function nodeEngineBuild(outfile, { plugins = [], ...options } = {}) {
  return {
    ...(options.stdin ? {} : { entryPoints: [join(root, 'bench/engine-entry.ts')] }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    ...bundleDefaults,
    ...options,
    plugins: [...plugins, ...bundleDefaults.plugins],
  };
}

async function buildTimeModule() {
  // validate rules/ and generate the managed schema with the same TypeScript the extension uses
  const out = join(root, '.tmp', 'build-time.mjs');
  await build({
    entryPoints: [join(root, 'scripts/build-time.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/**
 * host_permissions are exactly the pages the content scripts run on: the worker needs them to
 * inject the content script into tabs already open when PostCheck is installed or updated
 * (src/background/reinject.ts), and asking for no more than content_scripts.matches adds no
 * install warning. Derived here so the two lists cannot drift apart.
 */
function withHostPermissions(m) {
  m.host_permissions = [...new Set((m.content_scripts ?? []).flatMap((cs) => cs.matches ?? []))];
  return m;
}

function manifestFor(browser, base) {
  const m = structuredClone(base);
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
  } else {
    // Firefox MV3 has no extension service workers, no managed_schema (policies.json instead) and no `key`
    m.background = { scripts: ['background.js'] };
    delete m.key;
    delete m.storage;
    delete m.minimum_chrome_version;
    m.browser_specific_settings.gecko.data_collection_permissions = { required: ['none'] };
    // addons.mozilla.org (and `web-ext lint`) reject a `name` longer than 45 characters
    if (m.name.length > 45) m.name = m.short_name;
  }
  return withHostPermissions(m);
}

function zipDir(dir, file) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p).split('\\').join('/')] = [readFileSync(p), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
  };
  walk(dir);
  writeFileSync(file, zipSync(files, { level: 9 }));
}

export async function buildAll({ minify = true } = {}) {
  const t0 = performance.now();
  const bt = await buildTimeModule();
  const dataReport = bt.validateData();
  log(`rules/: ${dataReport}`);

  rmSync(dist, { recursive: true, force: true });
  const baseManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const common = {
    bundle: true,
    minify,
    sourcemap: false,
    legalComments: 'none',
    target: ['chrome120', 'firefox128'],
    logLevel: 'error',
    metafile: true,
    ...bundleDefaults,
  };

  const staging = join(root, '.tmp', 'ext');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const result = await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(root, v)])),
    outdir: staging,
    format: 'iife',
    platform: 'browser',
  });
  for (const f of STATIC) cpSync(join(root, f), join(staging, f.split('/').pop()));
  cpSync(join(root, 'icons'), join(staging, 'icons'), { recursive: true });
  writeFileSync(join(staging, 'managed_schema.json'), JSON.stringify(bt.managedSchema(), null, 2));

  for (const browser of ['chrome', 'firefox']) {
    const dir = join(dist, browser);
    cpSync(staging, dir, { recursive: true });
    if (browser === 'firefox') rmSync(join(dir, 'managed_schema.json'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser, baseManifest), null, 2));
    zipDir(dir, join(dist, `postcheck-${browser}.zip`));
  }
  // dist/firefox-test: the Firefox build with its UI's shadow root open (__POSTCHECK_OPEN_UI__), for
  // the Firefox suite alone: Firefox gives a test driver no way into a content script's world, where
  // a closed root can be opened (tests/e2e/firefox.test.ts). Never shipped, and not zipped.
  // a copy of a built extension whose content script is compiled again with one more flag
  const variant = async (from, dir, flag) => {
    cpSync(from, dir, { recursive: true });
    await build({
      ...common,
      metafile: false,
      define: { ...common.define, [flag]: 'true' },
      entryPoints: [join(root, ENTRIES.content)],
      outfile: join(dir, 'content.js'),
      format: 'iife',
      platform: 'browser',
    });
  };
  await variant(join(dist, 'firefox'), join(dist, 'firefox-test'), '__POSTCHECK_OPEN_UI__');
  // dist/chrome-dev: the same extension, also allowed on the local practice page (npm start and the
  // in-page tests). The store build never runs on localhost.
  // Its content script is compiled with __POSTCHECK_DEV__ = true (src/content/perf.ts: the bench's
  // self-measurement); the store builds have none of that code.
  const devDir = join(dist, 'chrome-dev');
  await variant(join(dist, 'chrome'), devDir, '__POSTCHECK_DEV__');
  const dev = manifestFor('chrome', baseManifest);
  dev.name = `${dev.short_name} (development)`;
  for (const cs of dev.content_scripts) cs.matches.push('http://localhost/*', 'http://127.0.0.1/*');
  withHostPermissions(dev);
  writeFileSync(join(devDir, 'manifest.json'), JSON.stringify(dev, null, 2));

  await build({
    ...common,
    minify: false,
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(dist, 'cli.mjs'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __pcRequire } from "node:module"; const require = __pcRequire(import.meta.url);' },
  });

  const sizes = {};
  for (const [out, meta] of Object.entries(result.metafile.outputs)) sizes[out.split('/').pop()] = meta.bytes;
  log(`built dist/chrome, dist/firefox, dist/cli.mjs in ${Math.round(performance.now() - t0)} ms`);
  log(`bundles (minified bytes): ${Object.entries(sizes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return { sizes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().catch((e) => {
    console.error(`build failed: ${e?.message ?? e}`);
    process.exit(1);
  });
}

