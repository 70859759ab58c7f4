// The words the in-page UI uses for severities and counts, in one place.
import type { Severity } from '../../engine/types.js';

export const SEVERITY_LABEL: Record<Severity, string> = { block: 'Must fix', warn: 'Check', info: 'Note' };

export const SEVERITY_ORDER: readonly Severity[] = ['block', 'warn', 'info'];

export function countsText(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.block) parts.push(`${counts.block} must fix`);
  if (counts.warn) parts.push(`${counts.warn} to check`);
  if (counts.info) parts.push(`${counts.info} ${counts.info === 1 ? 'note' : 'notes'}`);
  return parts.join(', ');
}

/** What the UI shows for one finding; built by the content script from an engine Finding. */
export interface FindingView {
  key: string;
  rule: string;
  severity: Severity;
  message: string;
  excerpt: string;
  policy: { id: string; title?: string; section: string; quote: string; own?: true };
  fixLabel?: string;
  /** false when the school blocks this finding: it can be fixed, not waved away */
  dismissable: boolean;
  /** which part of a thread it is in ("Post 2 of 3"), when one Post publishes several */
  part?: string;
}
