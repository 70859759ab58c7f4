// JSON.parse keeps the last of two equal keys in one object, so an entry given a second "allow" (or
// "patterns") silently loses the first list. Every data file under rules/ is read here with a scanner
// that names any key written twice in the same object.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../rules/', import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.json') ? [p] : [];
  });
}

/** Keys written twice in one object, as "path: key". Assumes valid JSON (the schema tests parse it first). */
function duplicateKeys(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      while (text[i] !== '}') {
        ws();
        const k = str();
        if (seen.has(k)) out.push(`${path}: ${k}`);
        seen.add(k);
        ws();
        i++; // :
        value(`${path}.${k}`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      let n = 0;
      ws();
      while (text[i] !== ']') {
        value(`${path}[${n++}]`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  };
  value('$');
  return out;
}

describe('rules/ data files', () => {
  it('the scanner finds a key written twice', () => {
    expect(duplicateKeys('{"entries": [{"id": "a", "allow": ["x"], "note": "n", "allow": ["y"]}]}')).toEqual(['$.entries[0]: allow']);
    expect(duplicateKeys('{"a": {"b": 1}, "c": {"b": 2}}')).toEqual([]);
  });
  for (const f of files(root)) {
    it(`${f.slice(root.length)} writes no key twice in one object`, () => {
      expect(duplicateKeys(readFileSync(f, 'utf8'))).toEqual([]);
    });
  }
});
