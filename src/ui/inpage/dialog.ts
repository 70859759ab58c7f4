// The dialog at Post: lists what was found and asks "Edit post" / "Post anyway" (confirm) or
// explains why it cannot be posted (block). Modal, focus-trapped; Escape means "Edit post". Only the user's own (trusted) clicks and keys
// count: the page can dispatch events but must not be able to post past PostCheck.
import { focusables, h, onUser } from './dom.js';
import { uiLayer } from './host.js';
import { findingItem, omittedText } from './panel.js';
import type { FindingView } from './words.js';

export type Choice = 'edit' | 'post';
export type DialogMode = 'confirm' | 'block';

let current: { backdrop: HTMLElement; finish: (c: Choice) => void } | null = null;

export function dialogOpen(): boolean {
  return current !== null;
}

export function focusDialog(): void {
  if (current) (focusables(current.backdrop)[0] ?? current.backdrop).focus({ preventScroll: true });
}

export function closeDialog(): void {
  current?.finish('edit');
}

const TEXT: Record<DialogMode, { title: string; intro: string }> = {
  block: {
    title: 'This post goes against your school’s policy',
    intro: 'Your school does not allow posts like this. Change what is marked “Must fix” and try again.',
  },
  confirm: {
    title: 'Check this post before it goes out',
    intro: 'PostCheck found things your school’s social media policy asks you to think about.',
  },
};

export function showPostDialog(mode: DialogMode, findings: readonly FindingView[] = [], omitted = 0): Promise<Choice> {
  closeDialog();
  return new Promise((resolve) => {
    const { title, intro } = TEXT[mode];
    const edit = h('button', { type: 'button', class: 'primary', text: 'Edit post' });
    const other = mode === 'confirm' ? h('button', { type: 'button', class: 'post', text: 'Post anyway' }) : null;
    const dialog = h(
      'div',
      {
        class: `dialog ${mode}`,
        role: mode === 'confirm' ? 'dialog' : 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'pc-dlg-title',
        'aria-describedby': 'pc-dlg-intro',
      },
      h('h2', { id: 'pc-dlg-title', text: title }),
      h('p', { id: 'pc-dlg-intro', text: intro }),
      findings.length ? h('ul', { class: 'findings' }, ...findings.map((f) => findingItem(f, null))) : null,
      omitted ? h('p', { class: 'note', text: omittedText(findings.length, omitted) }) : null,
      h('div', { class: 'buttons' }, other, edit),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);

    const finish = (choice: Choice) => {
      if (current?.backdrop !== backdrop) return;
      current = null;
      backdrop.remove();
      resolve(choice);
    };
    onUser(edit, 'click', () => finish('edit'));
    if (other) onUser(other, 'click', () => finish('post'));
    onUser<KeyboardEvent>(backdrop, 'keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish('edit');
      } else if (e.key === 'Tab') {
        // keep focus inside the dialog
        const items = focusables(dialog);
        const root = dialog.getRootNode() as ShadowRoot;
        const i = items.indexOf(root.activeElement as HTMLElement);
        const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
        e.preventDefault();
        items[next]?.focus();
      }
    });
    current = { backdrop, finish };
    uiLayer().append(backdrop);
    // the dialog opens at its top, heading in view: focusing a button low in a long dialog would
    // otherwise scroll it there first
    edit.focus({ preventScroll: true });
    dialog.scrollTop = 0;
  });
}
