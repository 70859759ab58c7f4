// Readable CLI output: each finding with the draft excerpt and its span marked, severity, message,
// the policy clause it cites and the fix on offer.
import type { Finding } from '../engine/types.js';

const C = { red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

/** One line of context around [start, end) with the span in brackets. */
export function markSpan(text: string, start: number, end: number, width = 30): string {
  if (start === end) {
    const s = text.replace(/\s+/g, ' ').trim();
    return s.length > width * 2 ? `${s.slice(0, width * 2)}…` : s;
  }
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${a > 0 ? '…' : ''}${flat(text.slice(a, start))}[${flat(text.slice(start, end))}]${flat(text.slice(end, b))}${b < text.length ? '…' : ''}`;
}

export function formatFindings(draft: string, findings: readonly Finding[], opts: { color: boolean; profile: string }): string {
  const c = (code: string, s: string) => (opts.color ? `${code}${s}${C.reset}` : s);
  if (findings.length === 0) return `${c(C.bold, 'No problems found.')} Checked against: ${opts.profile}.`;
  const counts = { block: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const out: string[] = [];
  // findings on words first, in reading order; whole-draft ones (disclaimer, image, hours) after
  const ordered = [...findings.filter((f) => f.start !== f.end), ...findings.filter((f) => f.start === f.end)];
  for (const f of ordered) {
    const sev = f.severity === 'block' ? c(C.red + C.bold, 'BLOCK') : f.severity === 'warn' ? c(C.yellow + C.bold, 'WARN ') : c(C.cyan, 'INFO ');
    const where = f.start === f.end ? 'whole draft' : lineCol(draft, f.start);
    out.push(`${sev} ${c(C.bold, f.rule)} ${c(C.dim, `(${where})`)}`);
    out.push(`      ${markSpan(draft, f.start, f.end)}`);
    out.push(`      ${f.message}`);
    const others = f.citations.length > 1 ? c(C.dim, ` (+${f.citations.length - 1} more ${f.citations.length === 2 ? 'model policy' : 'model policies'})`) : '';
    const p = f.policy;
    const cite = p.own ? `Your school's policy: ${[p.title, p.section, p.url].filter(Boolean).join(', ')}` : `Model policy: ${p.id}, ${p.section}: "${p.quote}"`;
    out.push(`      ${c(C.dim, cite)}${others}`);
    if (f.fix) out.push(`      Fix: ${f.fix.label}`);
    out.push('');
  }
  out.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.block} block, ${counts.warn} warn, ${counts.info} info. Checked against: ${opts.profile}.`);
  return out.join('\n');
}
