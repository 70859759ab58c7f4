// The page-wide part of the content script: finds composers (now and as they appear), lays out
// their UI, re-checks when the configuration changes, decides at Post, and takes everything down
// when the extension goes away (updated or removed) without a single error reaching the page.
// It acts only on the user's own events (`isTrusted`): the page can dispatch clicks and keys, and
// must not be able to post past PostCheck, drive its UI or count outcomes in the statistics.
import { closeDialog, dialogOpen, focusDialog, showPostDialog } from '../ui/inpage/dialog.js';
import { showNotice } from '../ui/inpage/notice.js';
import { followModal, isOwnUi, removeUi } from '../ui/inpage/host.js';
import { alive, check, report, type Enforcement } from './client.js';
import { Composer, findContainer, type CheckResult, type ComposerHost, type Tracked, type Verdict } from './composer.js';
import { editableRoot } from './editors/index.js';
import { installIntercept } from './intercept.js';
import { timed } from './perf.js';
import { onStorageChanged } from './runtime.js';
import { composedContains, eventOrigin, ShadowRoots } from './shadow.js';
import type { Severity } from '../engine/types.js';
import type { SiteAdapter } from './sites/index.js';
import { ComposerUi, view } from './ui.js';

const SCAN_THROTTLE_MS = 150;
const CONFIG_VERSION_KEY = 'configVersion';
/** A held post's check taking longer than this shows "Checking your post…". */
const CHECKING_NOTICE_MS = 400;
/** Sent on document by a newly started content script (index.ts): an orphaned one steps aside. */
export const SUCCESSOR_EVENT = 'postcheck:started';

export type Action = 'pass' | 'confirm' | 'block';

/** After "Post anyway", the same draft may be posted again without asking for this long: a site
 *  that ignores the replayed (untrusted) click leaves the draft where it was, and the person's own
 *  second press must then go through (LinkedIn's Ember messaging ignores synthetic clicks). */
const PASS_MS = 30_000;
/** How long after a replay the draft is looked at to see whether the site took it. */
const REPLAY_SETTLE_MS = 400;

/** What Post does with these findings (and those not sent to draw) under this enforcement (CONFIG.md). */
export function classify(findings: readonly Tracked[], enforcement: Enforcement, omitted?: Record<Severity, number>): Action {
  if (enforcement === 'advise') return 'pass';
  const block = findings.some((t) => t.finding.severity === 'block') || (omitted?.block ?? 0) > 0;
  const warn = findings.some((t) => t.finding.severity === 'warn') || (omitted?.warn ?? 0) > 0;
  if (enforcement === 'block' && block) return 'block';
  return block || warn ? 'confirm' : 'pass';
}

function stop(e: Event | null): void {
  if (!e) return;
  e.preventDefault();
  e.stopImmediatePropagation();
}

export class Controller implements ComposerHost {
  readonly composers = new Map<HTMLElement, Composer>();
  private readonly uis = new Map<Composer, ComposerUi>();
  /** site-wide, from the latest answer: the site switch and the enforcement mode */
  private siteEnabled: boolean | null = null;
  private enforcement: Enforcement | null = null;
  /** set while a post we let through is replayed (exactly once) */
  bypass = false;
  private pending = false;
  private readonly ac = new AbortController();
  private observer: MutationObserver | null = null;
  private readonly shadows = new ShadowRoots(() => this.queueScan());
  /** the draft(s) the user chose to post anyway, which their next Post lets through once */
  private pass: { group: Composer[]; texts: string[]; until: number } | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private layoutQueued = false;
  private down = false;
  /** the extension context is gone (updated or removed) but Post is held: see `orphan` */
  private stale = false;
  private unwatch: () => void = () => undefined;
  private readonly onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(CONFIG_VERSION_KEY in changes)) return;
    void this.learnSite();
    for (const c of this.composers.values()) if (c.armed) void c.checkNow();
  };

  constructor(readonly adapter: SiteAdapter) {}

  start(): void {
    const signal = this.ac.signal;
    // a press on a badge first (it takes no pointer events, see badge.ts), then Post interception,
    // at document_start, so both run before the page's own listeners
    const onBadge = timed((e: MouseEvent) => {
      if (!e.isTrusted || isOwnUi(e.target as Node | null)) return;
      const ui = this.badgeAt(e.clientX, e.clientY);
      if (!ui) return;
      stop(e);
      if (e.type === 'click') ui.toggle();
    });
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick']) {
      window.addEventListener(type, onBadge as EventListener, { capture: true, signal });
    }
    installIntercept(this, signal);
    // the user's own input in an editor is what arms its composer (composer.ts)
    const onUse = timed((e: Event) => {
      if (!e.isTrusted || this.stale) return;
      const t = eventOrigin(e);
      const el = t instanceof Element ? t : t instanceof Node ? t.parentElement : null;
      if (!el || isOwnUi(el)) return;
      let c = this.composerForEditor(el);
      if (!c && el instanceof HTMLElement && (el.isContentEditable || el instanceof HTMLTextAreaElement)) {
        this.shadows.around(el);
        this.scan();
        c = this.composerForEditor(el);
      }
      c?.arm();
    });
    for (const type of ['keydown', 'beforeinput', 'paste', 'drop', 'compositionstart', 'pointerdown']) {
      window.addEventListener(type, onUse, { capture: true, signal });
    }
    this.observer = new MutationObserver(
      timed((records: MutationRecord[]) => {
        this.shadows.added(records);
        this.queueScan();
      }),
    );
    this.observer.observe(document.documentElement ?? document, { childList: true, subtree: true });
    // focus names the editor even inside a shadow root the walk has not reached yet
    const onFocus = timed((e: FocusEvent) => {
      const t = eventOrigin(e);
      if (t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLTextAreaElement) && !this.composerForEditor(t)) {
        this.shadows.around(t);
        this.scan();
      }
    });
    document.addEventListener('focusin', onFocus, { capture: true, signal });
    const relayout = () => this.queueLayout();
    window.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    window.addEventListener('resize', relayout, { passive: true, signal });
    document.addEventListener('visibilitychange', () => alive() || this.orphan(), { signal });
    // a content script started after an update: this one, orphaned, has nothing more to do
    document.addEventListener(SUCCESSOR_EVENT, () => alive() || this.teardown(), { signal });
    this.unwatch = onStorageChanged(this.onStorage);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.scan(), { once: true, signal });
    this.queueScan();
    void this.learnSite();
  }

  /** Asks whether this site is on and how Post is enforced (an empty draft: nothing to find). */
  private async learnSite(): Promise<void> {
    try {
      const answer = await check(0, '', this.adapter.site, false);
      this.siteEnabled = answer.enabled;
      this.enforcement = answer.enforcement;
    } catch {
      // asked again at the next configuration change; at Post the draft's own check decides
    }
  }

  private badgeAt(x: number, y: number): ComposerUi | null {
    for (const ui of this.uis.values()) if (ui.badgeContains(x, y)) return ui;
    return null;
  }

  // ---------------------------------------------------------------- finding composers

  private queueScan(): void {
    if (this.scanTimer !== undefined || this.down) return;
    this.scanTimer = setTimeout(
      timed(() => {
        this.scanTimer = undefined;
        this.scan();
      }),
      SCAN_THROTTLE_MS,
    );
  }

  scan(): void {
    if (this.down || this.stale) return;
    if (!alive()) {
      this.orphan();
      return;
    }
    for (const [el, c] of this.composers) {
      if (!c.alive) this.drop(el, c);
    }
    if (this.adapter.when && !this.adapter.when()) return;
    this.shadows.update();
    for (const spec of this.adapter.composers) {
      for (const m of this.shadows.queryAll(spec.editor)) {
        const root = editableRoot(m);
        if (!root || this.composers.has(root)) continue;
        if (spec.requirePost && !findContainer(root, spec).button) continue;
        const c = new Composer(root, spec, this);
        this.composers.set(root, c);
        this.uis.set(c, new ComposerUi(c));
      }
    }
    for (const c of this.composers.values()) c.poll();
  }

  private drop(el: HTMLElement, c: Composer): void {
    c.dispose();
    this.uis.get(c)?.dispose();
    this.uis.delete(c);
    this.composers.delete(el);
  }

  composerForEditor(t: Element): Composer | null {
    for (const c of this.composers.values()) if (c.el === t || c.el.contains(t)) return c;
    return null;
  }

  /**
   * Every composer this button publishes: X's "Post all", Threads' and Bluesky's thread composers
   * put several editors behind one button. Nested containers: the innermost one owns the button,
   * and every editor whose container it is goes out with it.
   */
  composersForButton(b: Element): Composer[] {
    if (this.scanTimer !== undefined) this.scan();
    const claims = [...this.composers.values()].filter((c) => c.alive && c.isPostButton(b));
    let inner: Element | null = null;
    for (const c of claims) {
      const box = c.container();
      if (!inner || (box !== inner && composedContains(inner, box))) inner = box;
    }
    return claims.filter((c) => c.container() === inner);
  }

  /** The composers that go out with `c` (its thread), `c` among them. */
  groupOf(c: Composer): Composer[] {
    const button = c.postButton();
    const group = button ? this.composersForButton(button) : [];
    return group.includes(c) ? group : [c];
  }

  // ---------------------------------------------------------------- ComposerHost

  render(c: Composer): void {
    // the draft chosen to post anyway changed (posted and emptied, or edited): no pass any more
    const pass = this.pass;
    if (pass && pass.group.some((g, i) => g === c && c.text !== pass.texts[i])) this.pass = null;
    c.paint();
    this.uis.get(c)?.render();
    this.queueLayout();
  }

  verdictChanged(c: Composer): void {
    if (c.verdict) {
      this.siteEnabled = c.verdict.enabled;
      this.enforcement = c.verdict.enforcement;
    }
  }

  gone(): void {
    this.orphan();
  }

  private queueLayout(): void {
    if (this.layoutQueued || this.down) return;
    this.layoutQueued = true;
    requestAnimationFrame(
      timed(() => {
        this.layoutQueued = false;
        this.followModal();
        for (const [c, ui] of this.uis) {
          c.layout();
          ui.layout();
        }
      }),
    );
  }

  // ---------------------------------------------------------------- at Post

  /**
   * The user pressed Post (or its key) for these composers (one, or every part of a thread).
   * Synchronous: the event is stopped in this tick or not at all. `replay` posts the same way once,
   * if the user chooses to. The worst finding of any part decides; the dialog lists every part's.
   * Under confirm/block nothing goes out unchecked: a check that cannot finish holds the post.
   */
  atPost(group: readonly Composer[], event: Event | null, replay: () => void): void {
    if (this.bypass || this.down || group.length === 0) return;
    if (!alive()) this.orphan();
    if (this.down) return;
    if (this.stale) {
      stop(event);
      void showPostDialog('orphaned');
      return;
    }
    if (dialogOpen() || this.pending) {
      stop(event);
      focusDialog();
      return;
    }
    if (this.siteEnabled === false || this.enforcement === 'advise') return;
    // Post is the user using these composers too
    for (const c of group) {
      c.arm();
      c.refresh();
      c.poll();
    }
    if (this.passes(group)) return;
    const verdicts = group.map((c) => c.verdict);
    if (verdicts.some((v) => v && !v.enabled)) return;
    if (group.every((c) => c.verdict && c.fresh())) {
      const action = this.decide(group);
      if (action === 'pass') {
        if (group.every((c) => c.active().length === 0)) report('posted-clean', []);
        return;
      }
      stop(event);
      void this.ask(group, action, replay);
      return;
    }
    // some text changed since its last answer: hold the post, check what is there now, then decide
    stop(event);
    void this.holdAndCheck(group, replay);
  }

  private async holdAndCheck(group: readonly Composer[], replay: () => void): Promise<void> {
    this.pending = true;
    let cancelled = false;
    const notice = setTimeout(() => {
      void showPostDialog('checking').then((choice) => {
        if (choice === 'edit') cancelled = true;
      });
    }, CHECKING_NOTICE_MS);
    const results = await Promise.all(
      group.map((c): Promise<CheckResult> => (c.verdict && c.fresh() ? Promise.resolve(c.verdict) : c.checkNow(true).then(() => c.settled()))),
    );
    clearTimeout(notice);
    this.pending = false;
    if (cancelled || this.down) return;
    closeDialog();
    if (this.stale) {
      void showPostDialog('orphaned');
      return;
    }
    const verdicts = results.filter((r): r is Verdict => r !== 'failed' && r !== null);
    if (verdicts.length < group.length) {
      // without an answer only a school known to advise lets the post go
      if (this.enforcement === 'advise') {
        this.replayOnce(replay);
        return;
      }
      const choice = await showPostDialog('failed');
      if (this.down) return;
      if (choice === 'retry') this.atPost(group, null, replay);
      else if (choice === 'edit') group[0]?.el.focus({ preventScroll: true });
      return;
    }
    const action = verdicts.every((v) => v.enabled) ? this.decide(group) : 'pass';
    if (action === 'pass') this.replayOnce(replay);
    else void this.ask(group, action, replay);
  }

  /** The strictest action any part calls for (counting the findings not sent to draw). */
  private decide(group: readonly Composer[]): Action {
    const enforcement = group[0]?.verdict?.enforcement ?? 'advise';
    return classify(group.flatMap((c) => c.active()), enforcement, this.omitted(group));
  }

  /** Findings of every part that were not sent to draw, by severity. */
  private omitted(group: readonly Composer[]): Record<Severity, number> {
    const o = { block: 0, warn: 0, info: 0 };
    for (const c of group) for (const [k, n] of Object.entries(c.omitted()) as Array<[Severity, number]>) o[k] += n;
    return o;
  }

  /** Keeps PostCheck's UI usable over a site's open modal <dialog> (see host.ts). */
  private followModal(): void {
    let modal: Element | null = null;
    for (const scope of [document, ...this.shadows.all()]) modal = scope.querySelector('dialog:modal') ?? modal;
    followModal(modal);
  }

  private async ask(group: readonly Composer[], action: 'confirm' | 'block', replay: () => void): Promise<void> {
    this.followModal();
    const parts = group.map((c) => ({ c, shown: c.active().filter((t) => t.finding.severity !== 'info') }));
    const rules = parts.flatMap((p) => p.shown.map((t) => t.finding.rule));
    if (action === 'block') report('blocked', rules);
    const views = parts.flatMap(({ c, shown }, i) =>
      shown.map((t) => ({ ...view(t, c.verdict?.enforcement), ...(group.length > 1 ? { part: `Post ${i + 1} of ${group.length}` } : {}) })),
    );
    const omitted = this.omitted(group);
    const choice = await showPostDialog(action, views, omitted.block + omitted.warn);
    if (this.down || choice === 'closed') return;
    if (choice === 'post' && action === 'confirm') {
      report('posted-anyway', rules);
      for (const c of group) c.refresh();
      // edited while the dialog was open: decide again on what is there now
      if (!group.every((c) => c.fresh())) this.atPost(group, null, replay);
      else this.postAnyway(group, replay);
      return;
    }
    if (action === 'confirm') report('edited-after-warning', rules);
    // back to the part that needs the change
    (parts.find((p) => p.shown.length > 0)?.c ?? group[0])?.el.focus({ preventScroll: true });
  }

  /**
   * Posts what the user chose to post anyway. Some sites ignore a script's click (LinkedIn's
   * messaging): then the draft stays where it is, the person's own next Post goes through without
   * asking again, and a note says so.
   */
  private postAnyway(group: readonly Composer[], replay: () => void): void {
    const texts = group.map((c) => c.text);
    this.pass = { group: [...group], texts, until: Date.now() + PASS_MS };
    this.replayOnce(replay);
    setTimeout(() => {
      if (this.down || !this.pass || this.pass.group[0] !== group[0]) return;
      for (const c of group) c.refresh();
      const untouched = group.every((c, i) => c.alive && c.text === texts[i]) && texts.some((t) => t.trim() !== '');
      if (untouched) showNotice('If it was not sent, press Post again: PostCheck will let this draft through.', group[0]!.el.getBoundingClientRect());
    }, REPLAY_SETTLE_MS);
  }

  /** This press posts exactly the draft the user already chose to post anyway: let it through, once. */
  private passes(group: readonly Composer[]): boolean {
    const p = this.pass;
    if (!p) return false;
    if (Date.now() > p.until) {
      this.pass = null;
      return false;
    }
    const same = p.group.length === group.length && group.every((c, i) => p.group[i] === c && c.text === p.texts[i]);
    if (!same) return false;
    this.pass = null;
    // never past what the school blocks (the configuration may have changed since)
    return group.every((c) => c.verdict && c.fresh()) && this.decide(group) !== 'block';
  }

  private replayOnce(replay: () => void): void {
    this.bypass = true;
    try {
      replay();
    } finally {
      this.bypass = false;
    }
  }

  // ---------------------------------------------------------------- going away

  /**
   * The extension context is gone (PostCheck was updated, reloaded, disabled or removed): this
   * script can no longer check anything. Under confirm/block it keeps holding Post, saying why,
   * until a new content script takes over (the worker injects one after an update) or the page is
   * reloaded; otherwise it takes every trace away, quietly.
   */
  orphan(): void {
    if (this.down || this.stale) return;
    if (this.siteEnabled === false || (this.enforcement !== 'confirm' && this.enforcement !== 'block')) {
      this.teardown();
      return;
    }
    this.stale = true;
    this.observer?.disconnect();
    clearTimeout(this.scanTimer);
    for (const c of this.composers.values()) {
      c.disarm();
      this.uis.get(c)?.dispose();
    }
  }

  /** Taken down for good (not merely holding Post as an orphan). */
  get isDown(): boolean {
    return this.down;
  }

  /** The extension was updated or removed: remove every trace, quietly. */
  teardown(): void {
    if (this.down) return;
    this.down = true;
    this.ac.abort();
    this.observer?.disconnect();
    this.shadows.dispose();
    clearTimeout(this.scanTimer);
    this.unwatch();
    for (const [el, c] of this.composers) this.drop(el, c);
    closeDialog();
    removeUi();
  }
}
