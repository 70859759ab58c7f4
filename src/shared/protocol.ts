// The one message protocol between the extension's parts (after Harper's protocol.ts): requests are
// a zod discriminated union on `kind`, parsed on receipt, so nothing unvalidated crosses a boundary.
// Content scripts run inside the social sites' pages and may only ask for checks (and report a
// check's outcome as a count); everything else is for the extension's own pages (popup, options).
// Messages stay small and bounded (wire.ts): long drafts go in parts, answers carry a capped list of
// findings that point into one list of cited clauses.
import * as z from 'zod';
import { RULE_IDS, SITES } from '../engine/types.js';
import { MAX_PART, MAX_PARTS } from './wire.js';

const partsRef = z.strictObject({
  /** chosen by the sender for this draft (random), so parts of two drafts never mix */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  count: z.number().int().min(2).max(MAX_PARTS),
});

/** One part of a long draft, before its `check` (parts 0 … count-2; the check carries the last). */
export const checkPart = z.strictObject({
  kind: z.literal('check-part'),
  id: partsRef.shape.id,
  index: z.number().int().nonnegative().max(MAX_PARTS - 2),
  text: z.string().max(MAX_PART),
});

export const checkRequest = z.strictObject({
  kind: z.literal('check'),
  /** increases per composer; the answer echoes it so a stale answer is never shown */
  seq: z.number().int().nonnegative(),
  /** the draft, or its last part when `parts` is set */
  text: z.string().max(MAX_PART),
  parts: partsRef.optional(),
  site: z.enum(SITES),
  media: z.boolean(),
  /** for the popup, to preview the school-account case */
  schoolAccount: z.boolean().optional(),
  /** wall-clock time of composing, local ISO without zone; the background fills it when absent */
  at: z.string().max(40).optional(),
});

/** What happened at Post, as a count. No text, ever. */
export const outcomeReport = z.strictObject({
  kind: z.literal('outcome'),
  outcome: z.enum(['posted-clean', 'posted-anyway', 'edited-after-warning', 'blocked', 'fix-applied', 'dismissed']),
  rules: z.array(z.string().max(40)).max(40),
});

export const contentRequest = z.discriminatedUnion('kind', [checkRequest, checkPart, outcomeReport]);

export const stateRequest = z.strictObject({
  kind: z.literal('get-state'),
  /** false: without the name lists (the popup shows none, and an 11 MB roster took 24 s to send) */
  names: z.literal(false).optional(),
});
export const saveUserConfig = z.strictObject({ kind: z.literal('save-user-config'), config: z.unknown() });
export const getStats = z.strictObject({ kind: z.literal('get-stats') });
export const resetStats = z.strictObject({ kind: z.literal('reset-stats') });

/**
 * The popup's statistics report for one draft (counts, never text): `newDraft` once when a draft
 * starts, `rules` only the rules not yet reported for it. Checks as you type are not counted.
 */
export const popupChecked = z.strictObject({
  kind: z.literal('popup-checked'),
  newDraft: z.boolean(),
  rules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length),
});

/** Requests only the extension's own pages may send. */
export const pageRequest = z.discriminatedUnion('kind', [checkRequest, checkPart, outcomeReport, stateRequest, saveUserConfig, getStats, resetStats, popupChecked]);

export type CheckRequest = z.infer<typeof checkRequest>;
export type CheckPart = z.infer<typeof checkPart>;
export { MAX_FINDINGS, MAX_PART, MAX_PARTS } from './wire.js';
export type OutcomeReport = z.infer<typeof outcomeReport>;
export type ContentRequest = z.infer<typeof contentRequest>;
export type PopupChecked = z.infer<typeof popupChecked>;
export type PageRequest = z.infer<typeof pageRequest>;
export type Kind = PageRequest['kind'];

/** A request that failed validation or a handler that threw: a message, never a stack. */
export interface ErrorResponse {
  kind: 'error';
  error: string;
}

// ---- responses the extension's own pages read (types only; the background builds them) ----

export type { CheckedResponse, CheckedWire, WireFinding } from './wire.js';

export interface ProfileSummary {
  id: string;
  title: string;
  /** each rule's severity under this profile, before any per-rule override ('off' when it does not speak to it) */
  rules: Record<string, 'off' | 'info' | 'warn' | 'block'>;
}

export interface StateResponse {
  kind: 'state';
  effective: import('../config/effective.js').EffectiveConfig;
  profile: { id: string; title: string };
  /** the rules that are on, at their effective severity, with the clauses they cite */
  rules: Record<string, { severity: 'info' | 'warn' | 'block'; citations: Array<{ id: string; section: string; quote: string }> }>;
  /** the user's own saved settings (not merged), or null */
  userConfig: unknown;
  /** every policy profile with its default severities, for the options page */
  profiles?: ProfileSummary[];
}

export interface SavedResponse {
  kind: 'saved';
  ok: boolean;
  problems: Array<{ path: string; message: string }>;
}

export interface StatsResponse {
  kind: 'stats';
  stats: import('../background/stats.js').Stats;
  /** whether the configuration has statistics on */
  enabled?: boolean;
}
