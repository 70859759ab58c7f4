// One composer on the page: its editor, its Post buttons and media, the latest verdict for its
// text. It reads the editor after every DOM change (a MutationObserver on the editor: frameworks
// that cancel beforeinput fire no `input` event), keeps the verdict's spans on the right words,
// and asks for a check once typing pauses. Answers carry the sequence number they were asked
// with; any but the latest is dropped.
//
// A composer is checked only once the user has used it (`arm`: a trusted key, paste, drop or
// pointer press in it, or Post): the site's own scripts can create and fill an editor, and must not
// be able to use PostCheck as an oracle for which names are on the school's roster.
import type { Finding, Severity } from '../engine/types.js';
import { check, ContextGone, report, type Checked, type Enforcement } from './client.js';
import { driverFor, type EditorDriver } from './editors/index.js';
import { replaceText } from './editors/insert.js';
import { Highlighter, type Mark } from './highlight.js';
import { noteCheck, perfOn, timed } from './perf.js';
import { composedContains, composedParent } from './shadow.js';
import type { ComposerSpec, SiteAdapter } from './sites/index.js';
import { atWordBoundary, diff, shiftSpan, type Edit } from './spans.js';
import type { TextMap } from './textmap.js';

/** Quiet time before a check while a word is being typed. An edit that ends a word (a space or
 *  punctuation after it), pastes, fixes or deletes more than a letter is checked at once: a check
 *  costs a few ms, and a name is marked the moment it is complete (issue 9). */
export const DEBOUNCE_MS = 100;

export interface Tracked {
  /** dismissals are per rule and words, for this draft */
  key: string;
  finding: Finding;
  /** where the finding's words are in the current text (shifted across edits since the check) */
  start: number;
  end: number;
  spanText: string;
  fix?: { start: number; end: number; append: boolean; replacement: string; label: string };
}

/** A check's result: the verdict, 'failed' (no answer from the worker), or null (superseded). */
export type CheckResult = Verdict | 'failed' | null;

export interface Verdict {
  /** the text and media state the engine saw */
  checkedText: string;
  media: boolean;
  findings: Tracked[];
  /** findings in the draft that were not sent to draw (shared/wire.ts MAX_FINDINGS), by severity */
  omitted: Record<Severity, number>;
  enforcement: Enforcement;
  enabled: boolean;
  /** an edit moved or dropped spans since: only a new check makes it fresh again (A→B→A is not A) */
  shifted: boolean;
}

/** What a composer needs from the page-wide controller. */
export interface ComposerHost {
  readonly adapter: SiteAdapter;
  render(c: Composer): void;
  verdictChanged(c: Composer): void;
  gone(): void;
}

const RANK: Record<Severity, number> = { block: 3, warn: 2, info: 1 };
const MEDIA = 'img[src^="blob:"], img[src^="data:image/"], video';

function buttonText(b: Element): string {
  return (b.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export class Composer {
  readonly driver: EditorDriver;
  map: TextMap;
  text: string;
  media = false;
  verdict: Verdict | null = null;
  readonly dismissed = new Set<string>();
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: Promise<CheckResult> = Promise.resolve(null);
  private inFlight: Promise<void> = Promise.resolve();
  private container_: Element | null = null;
  /** the cached container holds a Post button (else it is a guess, looked for again each time) */
  private containerHasButton = false;
  private readonly observer: MutationObserver;
  private highlighter: Highlighter | null = null;
  private disposed = false;
  /** the user has used this composer (see the file comment): only then is it checked and drawn */
  armed = false;
  private readonly onInput = timed(() => this.refresh());

  constructor(readonly el: HTMLElement, readonly spec: ComposerSpec, private readonly host: ComposerHost) {
    this.driver = driverFor(el);
    this.map = this.driver.read(el);
    this.text = this.map.text;
    this.observer = new MutationObserver(this.onInput);
    if (this.driver.isTextControl) el.addEventListener('input', this.onInput);
    else this.observer.observe(el, { childList: true, characterData: true, subtree: true });
    this.media = this.findMedia();
  }

  /** No more checks or marks (the extension context is gone); Post is still recognised. */
  disarm(): void {
    this.armed = false;
    clearTimeout(this.timer);
    this.verdict = null;
    this.highlighter?.dispose();
    this.highlighter = null;
  }

  /** The user has used this composer: check what is in it now, and from now on. */
  arm(): void {
    if (this.armed || this.disposed) return;
    this.armed = true;
    this.highlighter = new Highlighter(this.el, !!this.driver.isTextControl);
    this.refresh();
    this.scheduleCheck(0);
  }

  get site() {
    return this.host.adapter.site;
  }

  get alive(): boolean {
    return !this.disposed && this.el.isConnected;
  }

  // ---------------------------------------------------------------- the composer's surroundings

  /** The nearest ancestor that holds a Post button, else the spec's container, else the parent.
   *  Sites that show their submit only once something is typed (LinkedIn's and Facebook's comment
   *  boxes) have none at first, so until one is found the container is looked for again. */
  container(): Element {
    const cached = this.container_;
    if (cached && this.containerHasButton && cached.isConnected && composedContains(cached, this.el)) return cached;
    const found = findContainer(this.el, this.spec);
    this.container_ = found.container;
    this.containerHasButton = found.button !== null;
    return found.container;
  }

  /** Where attached media is looked for: the spec's container (dialog/form) or the composer's. */
  private mediaScope(): Element {
    return (this.spec.container ? this.el.closest(this.spec.container) : null) ?? this.container();
  }

  isPostButton(b: Element): boolean {
    if (!composedContains(this.container(), b)) return false;
    return b.matches(this.spec.post) || (this.spec.postText?.includes(buttonText(b)) ?? false);
  }

  /** The composer's enabled Post button, for replaying a keyboard submit. */
  postButton(): HTMLElement | null {
    const scope = this.container();
    const candidates = [...scope.querySelectorAll<HTMLElement>(this.spec.post)];
    if (this.spec.postText) {
      for (const b of scope.querySelectorAll<HTMLElement>('button, [role="button"]')) if (this.spec.postText.includes(buttonText(b))) candidates.push(b);
    }
    return candidates.find((b) => !isDisabled(b)) ?? null;
  }

  findMedia(): boolean {
    const scope = this.mediaScope();
    // a site's own attachment selectors are precise; the generic blob:/data:/video one could also
    // match the post being replied to (X plays its videos from blob: URLs)
    const own = [this.host.adapter.media, this.spec.media].filter(Boolean).join(', ');
    for (const m of scope.querySelectorAll<HTMLElement>(own || MEDIA)) {
      // small data: images are icons and emoji, not attachments
      if (m instanceof HTMLImageElement && m.src.startsWith('data:') && m.width < 40 && m.height < 40) continue;
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- text and verdict

  /** Re-reads the editor; shifts the verdict's spans across the edit; schedules a check. */
  refresh(): void {
    if (this.disposed) return;
    const map = this.driver.read(this.el);
    this.map = map;
    if (map.text !== this.text) {
      const before = this.text;
      const edit = diff(before, map.text);
      this.text = map.text;
      if (this.verdict && edit) {
        this.verdict.findings = shiftAll(this.verdict.findings, edit, map.text);
        this.verdict.shifted = true;
      }
      if (map.text.trim() === '') this.dismissed.clear();
      if (edit && atWordBoundary(before, map.text, edit)) void this.checkNow();
      else this.scheduleCheck();
    }
    this.host.render(this);
  }

  /** Called by the controller's page scan: media added or removed, or a value set by script. */
  poll(): void {
    const media = this.findMedia();
    if (media !== this.media) {
      this.media = media;
      this.scheduleCheck(0);
    }
    if (this.driver.isTextControl && (this.el as HTMLTextAreaElement).value !== this.text) this.refresh();
  }

  /** The verdict is for exactly what is in the composer now. */
  fresh(): boolean {
    const v = this.verdict;
    return !!v && !v.shifted && v.checkedText === this.text && v.media === this.media;
  }

  /** Findings not dismissed for this draft, most severe first, then in reading order. */
  active(): Tracked[] {
    if (!this.verdict?.enabled) return [];
    const blocking = this.verdict.enforcement === 'block';
    return this.verdict.findings
      .filter((t) => !this.dismissed.has(t.key) || (blocking && t.finding.severity === 'block'))
      .sort((a, b) => RANK[b.finding.severity] - RANK[a.finding.severity] || a.start - b.start);
  }

  marks(): Mark[] {
    return this.active()
      .filter((t) => t.end > t.start)
      .map((t) => ({ start: t.start, end: t.end, severity: t.finding.severity }));
  }

  /** Findings by severity, the ones not sent to draw included. */
  counts(): Record<Severity, number> {
    const c = { ...this.omitted() };
    for (const t of this.active()) c[t.finding.severity]++;
    return c;
  }

  /** Findings not sent to draw (they cannot be dismissed: they still count at Post). */
  omitted(): Record<Severity, number> {
    return this.verdict?.enabled ? this.verdict.omitted : { block: 0, warn: 0, info: 0 };
  }

  private readonly runCheck = timed(() => void this.checkNow());

  scheduleCheck(delay = DEBOUNCE_MS): void {
    if (!this.armed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.runCheck, delay);
  }

  /**
   * Checks the current text now. Resolves null when a newer check superseded this one.
   * `atPost`: the user is waiting on this answer to post, so it goes out at once rather than behind
   * a check already out; a stuck worker then costs one timeout, not one per check in the queue.
   */
  checkNow(atPost = false): Promise<CheckResult> {
    clearTimeout(this.timer);
    if (!this.armed) return Promise.resolve(null);
    const seq = ++this.seq;
    const ask = () => (seq === this.seq && !this.disposed && this.armed ? this.ask(seq) : null);
    // otherwise one check out at a time per composer: a check asked for while one is out waits for
    // it, and is sent only if no newer one was asked for meanwhile (the worker never works on stale text)
    const p = atPost ? Promise.resolve(ask()) : this.inFlight.then(ask);
    const previous = this.inFlight;
    this.inFlight = Promise.all([previous, p]).then(() => undefined);
    this.latest = p;
    return p;
  }

  private ask(seq: number): Promise<CheckResult> {
    const text = this.text;
    const media = this.media;
    const sent = perfOn ? performance.now() : 0;
    return check(seq, text, this.site, media).then(
      timed((answer: Checked) => {
        if (perfOn) noteCheck(performance.now() - sent);
        if (seq !== this.seq || this.disposed) return null;
        const v = toVerdict(answer, text, media);
        // typed on while the check was out: carry the spans over to what is there now
        const edit = diff(text, this.text);
        if (edit) {
          v.findings = shiftAll(v.findings, edit, this.text);
          v.shifted = true;
        }
        this.verdict = v;
        this.host.verdictChanged(this);
        this.host.render(this);
        return v;
      }),
      (e: unknown): CheckResult => {
        if (e instanceof ContextGone) this.host.gone();
        return seq === this.seq ? 'failed' : null;
      },
    );
  }

  /** The result of the newest check (waits for checks still out). */
  async settled(): Promise<CheckResult> {
    for (;;) {
      const p = this.latest;
      const v = await p;
      if (p === this.latest) return v;
    }
  }

  // ---------------------------------------------------------------- actions from the panel

  dismiss(key: string): void {
    const t = this.verdict?.findings.find((f) => f.key === key);
    // under `block`, a block-level finding can be fixed but not waved away (CONFIG.md)
    if (!t || (this.verdict?.enforcement === 'block' && t.finding.severity === 'block')) return;
    this.dismissed.add(key);
    report('dismissed', [t.finding.rule]);
    this.host.render(this);
    this.host.verdictChanged(this);
  }

  /** Applies a finding's fix through the editor (Selection + insertText / paste). */
  async applyFix(key: string): Promise<boolean> {
    this.refresh();
    const t = this.active().find((f) => f.key === key);
    const fix = t?.fix;
    if (!t || !fix) return false;
    const ok = await replaceText(this.el, this.driver, this.map, fix.start, fix.end, fix.replacement, fix.append);
    // read the result at once (the observer would too) and check it soon
    this.refresh();
    this.scheduleCheck(0);
    if (ok) report('fix-applied', [t.finding.rule]);
    return ok;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.observer.disconnect();
    this.el.removeEventListener('input', this.onInput);
    this.highlighter?.dispose();
  }

  paint(): void {
    if (this.disposed) return;
    this.highlighter?.set(this.marks(), this.map);
  }

  layout(): void {
    this.highlighter?.layout();
  }
}

export function isDisabled(b: Element): boolean {
  return b.getAttribute('aria-disabled') === 'true' || (b as HTMLButtonElement).disabled === true;
}

function toVerdict(answer: Checked, text: string, media: boolean): Verdict {
  const findings = answer.findings.map((f): Tracked => {
    const t: Tracked = {
      key: `${f.rule}:${(f.excerpt || text.slice(f.start, f.end)).toLowerCase()}`,
      finding: f,
      start: f.start,
      end: f.end,
      spanText: text.slice(f.start, f.end),
    };
    if (f.fix) {
      const append = f.fix.start === f.fix.end && f.fix.start >= text.length;
      t.fix = { start: f.fix.start, end: f.fix.end, append, replacement: f.fix.replacement, label: f.fix.label };
    }
    return t;
  });
  return { checkedText: text, media, findings, omitted: answer.omitted, enforcement: answer.enforcement, enabled: answer.enabled, shifted: false };
}

/** Carries spans across an edit; drops the ones whose words it touched. Draft-level findings stay. */
function shiftAll(findings: Tracked[], edit: Edit, text: string): Tracked[] {
  const out: Tracked[] = [];
  for (const t of findings) {
    if (t.end > t.start) {
      const s = shiftSpan(t.start, t.end, edit);
      if (!s || text.slice(s[0], s[1]) !== t.spanText) continue;
      t.start = s[0];
      t.end = s[1];
    }
    if (t.fix && !t.fix.append) {
      const s = shiftSpan(t.fix.start, t.fix.end, edit);
      if (s) {
        t.fix.start = s[0];
        t.fix.end = s[1];
      } else delete t.fix;
    }
    out.push(t);
  }
  return out;
}

/** Walks up from the editor to the nearest ancestor holding one of the spec's Post buttons,
 *  stopping at the spec's container (dialog/form) or after a dozen levels. */
export function findContainer(el: Element, spec: ComposerSpec): { container: Element; button: Element | null } {
  let bound: Element | null = null;
  let depth = 0;
  for (let a = composedParent(el); a && a !== document.body && depth < 14; a = composedParent(a), depth++) {
    const button = postButtonIn(a, spec);
    if (button) return { container: a, button };
    if (spec.container && a.matches(spec.container)) {
      bound = a;
      break;
    }
  }
  return { container: bound ?? composedParent(el) ?? el, button: null };
}

function postButtonIn(scope: Element, spec: ComposerSpec): Element | null {
  const b = scope.querySelector(spec.post);
  if (b) return b;
  if (!spec.postText) return null;
  for (const c of scope.querySelectorAll('button, [role="button"]')) if (spec.postText.includes(buttonText(c))) return c;
  return null;
}
