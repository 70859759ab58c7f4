// Which school and policy are active, where the settings come from, and anything wrong with them.
// Shared by the popup and the options page.
import type { StateResponse } from '../shared/protocol.js';
import { h, plural } from './dom.js';

const SOURCE_TEXT = {
  managed: 'Settings from your school',
  'managed+user': 'Settings from your school and you',
  user: 'Your own settings',
  demo: 'Demo school: nothing is set up yet',
} as const;

export function statusView(state: StateResponse): HTMLElement {
  const e = state.effective;
  const name = e.config.school?.name ?? 'No school set';
  const box = h(
    'section',
    { class: 'status', 'aria-label': 'Active settings', 'data-source': e.source },
    h('p', { class: 'school' }, h('span', { class: 'school-name', 'data-testid': 'school-name' }, name)),
    h('p', { class: 'profile' }, 'Policy: ', h('span', { 'data-testid': 'profile-title' }, state.profile.title)),
    h(
      'p',
      { class: `source source-${e.source}` },
      h('span', { class: 'badge', 'data-testid': 'source' }, SOURCE_TEXT[e.source]),
      e.locked ? h('span', { class: 'badge locked' }, 'Locked by your school') : null,
    ),
  );
  if (e.source === 'demo') {
    box.append(h('p', { class: 'hint' }, 'PostCheck is showing a fictional school so you can see it work. Your school’s IT team can set it up for you, or you can enter your school in Settings.'));
  }
  if (e.problems.length) box.append(problemsView(state));
  return box;
}

export function problemsView(state: StateResponse): HTMLElement {
  const e = state.effective;
  const fromSchool = e.problems.filter((p) => p.from === 'managed');
  const fromUser = e.problems.filter((p) => p.from === 'user');
  const list = (items: typeof e.problems) => h('ul', {}, ...items.map((p) => h('li', {}, h('code', {}, p.path), ': ', p.message)));
  return h(
    'div',
    { class: 'problems', role: 'alert', 'data-testid': 'config-problems' },
    h('h2', {}, `Problem with the settings (${plural(e.problems.length, 'item')})`),
    fromSchool.length
      ? h('div', {}, h('p', {}, 'Your school’s policy for PostCheck has a problem. Checks go on with the rest of it (and the last good value of a setting that went wrong); please tell your IT team:'), list(fromSchool))
      : null,
    fromUser.length ? h('div', {}, h('p', {}, 'Some of your own settings could not be used:'), list(fromUser)) : null,
  );
}
