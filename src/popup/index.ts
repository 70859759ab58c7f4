// The toolbar popup: check a draft before posting it anywhere. Shows the active school and policy,
// where the settings come from, any problem with them, and (when the school turns them on) the
// statistics. Rebuilds itself when the configuration changes.
import browser from '../platform/browser.js';
import type { CheckedResponse, StateResponse, StatsResponse } from '../shared/protocol.js';
import { createChecker } from '../ui/checker.js';
import { fill, h } from '../ui/dom.js';
import { onConfigChange, send } from '../ui/messaging.js';
import { statsView } from '../ui/stats.js';
import { statusView } from '../ui/status.js';

const app = document.getElementById('app')!;
let state: StateResponse | null = null;

const statusSlot = h('div', { 'data-testid': 'status-slot' });
const statsSlot = h('div');

// Statistics: one count per draft (not per keystroke); a draft starts when the box stops being empty.
let draftOpen = false;
let reported = new Set<string>();
function countDraft(text: string, res: CheckedResponse): void {
  if (!state?.effective.config.statistics) return;
  if (!text.trim()) {
    draftOpen = false;
    return;
  }
  const newDraft = !draftOpen;
  if (newDraft) reported = new Set();
  draftOpen = true;
  const fresh = [...new Set(res.findings.map((f) => f.rule))].filter((r) => !reported.has(r));
  if (!newDraft && !fresh.length) return;
  for (const r of fresh) reported.add(r);
  void send({ kind: 'popup-checked', newDraft, rules: fresh }).then(() => refreshStats(), () => undefined);
}

const checker = createChecker({
  label: 'Your draft',
  hint: 'Type or paste what you plan to post. Nothing you type leaves this browser.',
  state: () => state,
  onResult: countDraft,
  rows: 5,
});

async function refreshStats(): Promise<void> {
  if (!state?.effective.config.statistics) {
    fill(statsSlot);
    return;
  }
  const res: StatsResponse = await send({ kind: 'get-stats' });
  const render = (r: StatsResponse) => fill(statsSlot, statsView(r, state?.effective.config.school?.name, render));
  render(res);
}

async function refresh(): Promise<void> {
  try {
    // the popup shows no names: without them, a large school's state stays small
    state = await send({ kind: 'get-state', names: false });
    fill(statusSlot, statusView(state));
    document.body.dataset.ready = 'true';
    if (checker.textarea.value) checker.recheck();
    await refreshStats();
  } catch (e) {
    fill(statusSlot, h('p', { class: 'problems', role: 'alert' }, `PostCheck could not load its settings: ${(e as Error).message}`));
  }
}

fill(app, statusSlot, checker.element, statsSlot);
app.removeAttribute('aria-busy');
checker.textarea.focus();
document.getElementById('open-options')?.addEventListener('click', () => void browser.runtime.openOptionsPage());
onConfigChange(() => void refresh());
void refresh();
