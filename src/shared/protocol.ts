// The one message protocol between the extension's parts (after Harper's protocol.ts): requests are
// a zod discriminated union on `kind`, parsed on receipt, so nothing unvalidated crosses a boundary.
// Content scripts run inside the social sites' pages and may only ask for checks (and report a
// check's outcome as a count); everything else is for the extension's own pages (popup, options).
import { z } from 'zod';
import { SITES } from '../engine/types.js';

const MAX_TEXT = 200_000;

export const checkRequest = z.strictObject({
  kind: z.literal('check'),
  /** increases per composer; the answer echoes it so a stale answer is never shown */
  seq: z.number().int().nonnegative(),
  text: z.string().max(MAX_TEXT),
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

export const contentRequest = z.discriminatedUnion('kind', [checkRequest, outcomeReport]);

export const stateRequest = z.strictObject({ kind: z.literal('get-state') });
export const saveUserConfig = z.strictObject({ kind: z.literal('save-user-config'), config: z.unknown() });
export const getStats = z.strictObject({ kind: z.literal('get-stats') });
export const resetStats = z.strictObject({ kind: z.literal('reset-stats') });

/** Requests only the extension's own pages may send. */
export const pageRequest = z.discriminatedUnion('kind', [checkRequest, outcomeReport, stateRequest, saveUserConfig, getStats, resetStats]);

export type CheckRequest = z.infer<typeof checkRequest>;
export type OutcomeReport = z.infer<typeof outcomeReport>;
export type ContentRequest = z.infer<typeof contentRequest>;
export type PageRequest = z.infer<typeof pageRequest>;
export type Kind = PageRequest['kind'];

/** A request that failed validation or a handler that threw: a message, never a stack. */
export interface ErrorResponse {
  kind: 'error';
  error: string;
}
