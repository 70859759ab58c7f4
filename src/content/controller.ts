// The page-wide part of the content script: finds composers (now and as they appear), lays out
// their UI, re-checks when the configuration changes, decides at Post, and takes everything down
// when the extension goes away (updated or removed) without a single error reaching the page.
import { closeDialog, dialogOpen, focusDialog, showPostDialog } from '../ui/inpage/dialog.js';
import { removeUi } from '../ui/inpage/host.js';
import { alive, report, type Enforcement } from './client.js';
import { Composer, findContainer, type ComposerHost, type Tracked } from './composer.js';
import { editableRoot } from './editors/index.js';
import { removeHighlights } from './highlight.js';
import { installIntercept } from './intercept.js';
import { timed } from './perf.js';
import { onStorageChanged } from './runtime.js';
import type { SiteAdapter } from './sites/index.js';
import { ComposerUi, view } from './ui.js';

const SCAN_THROTTLE_MS = 150;
const CONFIG_VERSION_KEY = 'configVersion';

export type Action = 'pass' | 'confirm' | 'block';

/** What Post does with these findings under this enforcement (CONFIG.md). */
export function classify(findings: readonly Tracked[], enforcement: Enforcement): Action {
  if (enforcement === 'advise') return 'pass';
  const block = findings.some((t) => t.finding.severity === 'block');
  const warn = findings.some((t) => t.finding.severity === 'warn');
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
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private layoutQueued = false;
  private down = false;
  private unwatch: () => void = () => undefined;
  private readonly onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && CONFIG_VERSION_KEY in changes) for (const c of this.composers.values()) void c.checkNow();
  };

  constructor(readonly adapter: SiteAdapter) {}

  start(): void {
    const signal = this.ac.signal;
    // Post interception first, at document_start, so it runs before the page's own listeners
    installIntercept(this, signal);
    this.observer = new MutationObserver(timed(() => this.queueScan()));
    this.observer.observe(document.documentElement ?? document, { childList: true, subtree: true });
    const onFocus = timed((e: FocusEvent) => {
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLTextAreaElement) && !this.composerForEditor(t)) this.scan();
    });
    document.addEventListener('focusin', onFocus, { capture: true, signal });
    const relayout = () => this.queueLayout();
    window.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    window.addEventListener('resize', relayout, { passive: true, signal });
    document.addEventListener('visibilitychange', () => alive() || this.teardown(), { signal });
    this.unwatch = onStorageChanged(this.onStorage);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.scan(), { once: true, signal });
    this.queueScan();
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
    if (this.down) return;
    if (!alive()) {
      this.teardown();
      return;
    }
    for (const [el, c] of this.composers) {
      if (!c.alive) this.drop(el, c);
    }
    if (this.adapter.when && !this.adapter.when()) return;
    for (const spec of this.adapter.composers) {
      for (const m of document.querySelectorAll(spec.editor)) {
        const root = editableRoot(m);
        if (!root || this.composers.has(root) || root.closest('[data-postcheck]')) continue;
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

  composerForButton(b: Element): Composer | null {
    if (this.scanTimer !== undefined) this.scan();
    let best: Composer | null = null;
    for (const c of this.composers.values()) {
      if (!c.alive || !c.isPostButton(b)) continue;
      // nested containers: the innermost composer owns the button
      if (!best || best.container().contains(c.container())) best = c;
    }
    return best;
  }

  // ---------------------------------------------------------------- ComposerHost

  render(c: Composer): void {
    c.paint();
    this.uis.get(c)?.render();
    this.queueLayout();
  }

  knowsSite(): boolean {
    return this.siteEnabled !== null;
  }

  verdictChanged(c: Composer): void {
    if (c.verdict) {
      this.siteEnabled = c.verdict.enabled;
      this.enforcement = c.verdict.enforcement;
    }
  }

  gone(): void {
    this.teardown();
  }

  private queueLayout(): void {
    if (this.layoutQueued || this.down) return;
    this.layoutQueued = true;
    requestAnimationFrame(
      timed(() => {
        this.layoutQueued = false;
        for (const [c, ui] of this.uis) {
          c.layout();
          ui.layout();
        }
      }),
    );
  }

  // ---------------------------------------------------------------- at Post

  /**
   * The user pressed Post (or its key) in composer `c`. Synchronous: the event is stopped in this
   * tick or not at all. `replay` posts the same way once, if the user chooses to.
   */
  atPost(c: Composer, event: Event | null, replay: () => void): void {
    if (this.bypass || this.down) return;
    if (!alive()) {
      this.teardown();
      return;
    }
    if (dialogOpen() || this.pending) {
      stop(event);
      focusDialog();
      return;
    }
    if (this.siteEnabled === false || this.enforcement === 'advise') return;
    c.refresh();
    c.poll();
    const v = c.verdict;
    if (v && !v.enabled) return;
    if (v && c.fresh()) {
      const action = classify(c.active(), v.enforcement);
      if (action === 'pass') {
        if (c.active().length === 0) report('posted-clean', []);
        return;
      }
      stop(event);
      void this.ask(c, action, replay);
      return;
    }
    // the text changed since the last answer: hold the post, check what is there now, then decide
    stop(event);
    this.pending = true;
    void c
      .checkNow()
      .then(() => c.settled())
      .then((fresh) => {
        this.pending = false;
        if (this.down) return;
        // no answer (the worker failed): never trap the user's post
        const action = fresh && fresh.enabled ? classify(c.active(), fresh.enforcement) : 'pass';
        if (action === 'pass') this.replayOnce(replay);
        else void this.ask(c, action, replay);
      });
  }

  private async ask(c: Composer, action: 'confirm' | 'block', replay: () => void): Promise<void> {
    const shown = c.active().filter((t) => t.finding.severity !== 'info');
    const rules = shown.map((t) => t.finding.rule);
    if (action === 'block') report('blocked', rules);
    const choice = await showPostDialog(action, shown.map((t) => view(t, c.verdict?.enforcement)));
    if (this.down) return;
    if (choice === 'post' && action === 'confirm') {
      report('posted-anyway', rules);
      c.refresh();
      // edited while the dialog was open: decide again on what is there now
      if (!c.fresh()) this.atPost(c, null, replay);
      else this.replayOnce(replay);
      return;
    }
    if (action === 'confirm') report('edited-after-warning', rules);
    c.el.focus({ preventScroll: true });
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

  /** The extension was updated or removed: remove every trace, quietly. */
  teardown(): void {
    if (this.down) return;
    this.down = true;
    this.ac.abort();
    this.observer?.disconnect();
    clearTimeout(this.scanTimer);
    this.unwatch();
    for (const [el, c] of this.composers) this.drop(el, c);
    closeDialog();
    removeHighlights();
    removeUi();
  }
}
