// The practice page (npm start) tells a newcomer where PostCheck's settings are. A freshly loaded
// extension is not pinned, so "the PostCheck toolbar button" is not in the toolbar: it is in the
// puzzle-piece Extensions menu (newcomer evaluation, defect 16).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const start = readFileSync(new URL('../../scripts/start.mjs', import.meta.url), 'utf8');
const hint = start.slice(start.indexOf('const hint ='), start.indexOf('</aside>'));

describe('the practice page’s hint', () => {
  it('says where the button of an unpinned extension is', () => {
    expect(hint).toMatch(/puzzle-piece/);
    expect(hint).toMatch(/Extensions/);
    expect(hint).not.toMatch(/the PostCheck toolbar button/);
  });
});
