// The badge and findings panel of one composer, fed from its verdict.
import type { Finding } from '../engine/types.js';
import { createBadge, type Badge, type BadgeState, type Rect } from '../ui/inpage/badge.js';
import type { FindingView } from '../ui/inpage/words.js';
import { openPanel, type Panel } from '../ui/inpage/panel.js';
import type { Enforcement } from './client.js';
import type { Composer, Tracked } from './composer.js';
import { isOwnUi } from '../ui/inpage/host.js';

/** Past this many text nodes, the badge goes outside the editor rather than measure them all. */
const MEASURED_NODES = 200;

/** Would a badge at `r` cover some of the draft's words? (the last lines, read from the end) */
function coversText(c: Composer, r: Rect): boolean {
  if (c.driver.isTextControl) {
    // a textarea has no text nodes to measure: in a one- or two-line box (comment fields) the words
    // soon reach the corner, in a taller one they rarely do
    const ta = c.el as HTMLTextAreaElement;
    return ta.value.trim() !== '' && ta.getBoundingClientRect().height < 60;
  }
  const nodes = c.map.nodes;
  const range = document.createRange();
  for (let i = nodes.length - 1, n = 0; i >= 0; i--, n++) {
    if (n >= MEASURED_NODES) return true;
    const node = nodes[i]!;
    if (!node.isConnected || !node.data.trim()) continue;
    range.selectNodeContents(node);
    let above = true;
    for (const b of range.getClientRects()) {
      if (b.width === 0) continue;
      if (b.bottom > r.top) above = false;
      if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) return true;
    }
    // every line of this node is above the badge: so are the nodes before it
    if (above) return false;
  }
  return false;
}

const CONTROL = 'button, a[href], input, select, textarea, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

/**
 * Would a badge at `r` lie over one of the site's controls (a Post or send button beside the editor,
 * a link)? The badge takes no pointer events and a press on it is taken by position, so a badge
 * over a button would take the press meant for the button.
 */
function coversControl(c: Composer, r: Rect): boolean {
  const key = `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.right)},${Math.round(scrollX)},${Math.round(scrollY)}`;
  const now = performance.now();
  let memo = controlMemo.get(c);
  if (!memo || now - memo.at > CONTROL_MEMO_MS) controlMemo.set(c, (memo = { at: now, answers: new Map() }));
  let v = memo.answers.get(key);
  if (v === undefined) memo.answers.set(key, (v = sampleControls(c, r)));
  return v;
}

/**
 * The last answers of coversControl per composer, for CONTROL_MEMO_MS: its ~50 elementsFromPoint
 * calls were two thirds of the content script's main-thread time per keystroke (about 2.3 of 3.4 ms,
 * `npm run bench:e2e`), and while the user types the badge's places stay where they were. A control
 * that appears under the badge (a submit shown after typing) is seen within that time.
 */
const controlMemo = new WeakMap<Composer, { at: number; answers: Map<string, boolean> }>();
const CONTROL_MEMO_MS = 500;

function sampleControls(c: Composer, r: Rect): boolean {
  // sampled across the whole badge, closer than the smallest icon button (a badge with counts is
  // ~190 px wide: its corners and centre alone miss a 30 px send button under its left part)
  const ys = [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2];
  for (let x = r.left + 1; x < r.right + CONTROL_STEP; x += CONTROL_STEP) {
    for (const y of ys) {
      // the topmost of the page's own elements there: PostCheck's open panel may lie over it
      const hit = document.elementsFromPoint(Math.min(x, r.right - 1), y).find((e) => !isOwnUi(e));
      if (!hit || c.el === hit || c.el.contains(hit)) continue;
      if (hit.closest(CONTROL)) return true;
    }
  }
  return false;
}

/** px between the points coversControl tries: under the 16 px of the smallest icon buttons */
const CONTROL_STEP = 12;

export function view(t: Tracked, enforcement?: Enforcement): FindingView {
  const f: Finding = t.finding;
  return {
    dismissable: !(enforcement === 'block' && f.severity === 'block'),
    key: t.key,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    excerpt: t.spanText || f.excerpt,
    policy: f.policy,
    ...(t.fix ? { fixLabel: t.fix.label } : {}),
  };
}

export class ComposerUi {
  private badge: Badge | null = null;
  private panel: Panel | null = null;

  constructor(private readonly c: Composer) {}

  render(): void {
    const c = this.c;
    const counts = c.counts();
    const total = counts.block + counts.warn + counts.info;
    const state: BadgeState =
      !c.armed || !c.verdict?.enabled || c.text.trim() === '' ? 'hidden' : !c.fresh() ? 'checking' : total > 0 ? 'findings' : 'clean';
    if (state === 'hidden' && !this.badge) return;
    this.badge ??= createBadge(() => this.toggle());
    // findings carried over an edit are still shown while the new check is out
    this.badge.update(counts, state === 'checking' && total > 0 ? 'findings' : state);
    if (state === 'checking' && total > 0) this.badge.el.dataset.state = 'checking';
    this.panel?.update(this.views(), this.omittedCount());
  }

  private omittedCount(): number {
    const o = this.c.omitted();
    return o.block + o.warn + o.info;
  }

  layout(): void {
    if (!this.badge) return;
    const visible = this.c.alive;
    this.badge.place(visible ? this.c.el.getBoundingClientRect() : null, (r) => coversText(this.c, r) || coversControl(this.c, r));
    if (this.panel) {
      if (this.badge.el.hidden) this.panel.close(false);
      else this.panel.place(this.badge.el.getBoundingClientRect());
    }
  }

  private views(): FindingView[] {
    const enforcement = this.c.verdict?.enforcement;
    return this.c.active().map((t) => view(t, enforcement));
  }

  badgeContains(x: number, y: number): boolean {
    return !!this.badge && this.c.alive && this.badge.contains(x, y);
  }

  toggle(): void {
    if (this.panel) {
      this.panel.close();
      return;
    }
    if (!this.badge) return;
    const badge = this.badge;
    this.panel = openPanel(
      this.views(),
      this.omittedCount(),
      badge.el.getBoundingClientRect(),
      {
        onFix: (key) => void this.c.applyFix(key),
        onDismiss: (key) => this.c.dismiss(key),
        onClose: () => {
          this.panel = null;
          badge.setExpanded(false);
        },
      },
      badge.el,
    );
    badge.setExpanded(true);
  }

  dispose(): void {
    this.panel?.close(false);
    this.badge?.remove();
    this.badge = null;
  }
}
