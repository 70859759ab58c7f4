// The dialog at Post: lists what was found and asks "Edit post" / "Post anyway" (confirm) or
// explains why it cannot be posted (block). Modal, focus-trapped; Escape means "Edit post".
import { focusables, h } from './dom.js';
import { uiLayer } from './host.js';
import { findingItem } from './panel.js';
import type { FindingView } from './words.js';

export type Choice = 'edit' | 'post';

let current: { backdrop: HTMLElement; finish: (c: Choice) => void } | null = null;

export function dialogOpen(): boolean {
  return current !== null;
}

export function focusDialog(): void {
  if (current) (focusables(current.backdrop)[0] ?? current.backdrop).focus();
}

export function closeDialog(): void {
  current?.finish('edit');
}

export function showPostDialog(mode: 'confirm' | 'block', findings: readonly FindingView[]): Promise<Choice> {
  closeDialog();
  return new Promise((resolve) => {
    const title =
      mode === 'block' ? 'This post goes against your school’s policy' : 'Check this post before it goes out';
    const intro =
      mode === 'block'
        ? 'Your school does not allow posts like this. Change what is marked “Must fix” and try again.'
        : 'PostCheck found things your school’s social media policy asks you to think about.';
    const edit = h('button', { type: 'button', class: 'primary', text: 'Edit post' });
    const post = mode === 'confirm' ? h('button', { type: 'button', text: 'Post anyway' }) : null;
    const dialog = h(
      'div',
      { class: 'dialog', role: mode === 'block' ? 'alertdialog' : 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'pc-dlg-title', 'aria-describedby': 'pc-dlg-intro' },
      h('h2', { id: 'pc-dlg-title', text: title }),
      h('p', { id: 'pc-dlg-intro', text: intro }),
      h('ul', { class: 'findings' }, ...findings.map((f) => findingItem(f, null))),
      h('div', { class: 'buttons' }, post, edit),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);

    const finish = (choice: Choice) => {
      if (current?.backdrop !== backdrop) return;
      current = null;
      backdrop.remove();
      resolve(choice);
    };
    edit.addEventListener('click', () => finish('edit'));
    post?.addEventListener('click', () => finish('post'));
    backdrop.addEventListener('keydown', (e) => {
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
    edit.focus();
  });
}
