// The dialog at Post: lists what was found and asks "Edit post" / "Post anyway" (confirm) or
// explains why it cannot be posted (block); while a held post is being checked it says so; when the
// check could not finish, or this tab's PostCheck was updated away, it holds the post and says why.
// Modal, focus-trapped; Escape means "Edit post". Only the user's own (trusted) clicks and keys
// count: the page can dispatch events but must not be able to post past PostCheck.
import { focusables, h, onUser } from './dom.js';
import { uiLayer } from './host.js';
import { findingItem, omittedText } from './panel.js';
import type { FindingView } from './words.js';

/** `closed`: the dialog was taken down by PostCheck itself (an answer replaced it, or teardown). */
export type Choice = 'edit' | 'post' | 'retry' | 'closed';
export type DialogMode = 'confirm' | 'block' | 'checking' | 'failed' | 'orphaned';

let current: { backdrop: HTMLElement; finish: (c: Choice) => void } | null = null;

export function dialogOpen(): boolean {
  return current !== null;
}

export function focusDialog(): void {
  if (current) (focusables(current.backdrop)[0] ?? current.backdrop).focus({ preventScroll: true });
}

/** Takes the open dialog down; its promise resolves 'closed'. */
export function closeDialog(): void {
  current?.finish('closed');
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
  checking: {
    title: 'Checking your post…',
    intro: 'It goes out as soon as the check is done, if nothing needs changing.',
  },
  failed: {
    title: 'PostCheck couldn’t check this post',
    intro: 'The check did not finish, so the post has not been sent. Try again. If it keeps failing, copy your text, reload the page and post again.',
  },
  orphaned: {
    title: 'PostCheck couldn’t check this post',
    intro: 'PostCheck was updated or switched off in this tab, so the post has not been sent. Copy your text, reload the page and post again.',
  },
};

export function showPostDialog(mode: DialogMode, findings: readonly FindingView[] = [], omitted = 0): Promise<Choice> {
  closeDialog();
  return new Promise((resolve) => {
    const { title, intro } = TEXT[mode];
    const edit = h('button', { type: 'button', class: mode === 'failed' ? '' : 'primary', text: 'Edit post' });
    const other =
      mode === 'confirm' ? h('button', { type: 'button', class: 'post', text: 'Post anyway' })
      : mode === 'failed' ? h('button', { type: 'button', class: 'primary retry', text: 'Try again' })
      : null;
    const dialog = h(
      'div',
      {
        class: `dialog ${mode}`,
        role: mode === 'confirm' || mode === 'checking' ? 'dialog' : 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'pc-dlg-title',
        'aria-describedby': 'pc-dlg-intro',
        'aria-busy': mode === 'checking' ? 'true' : undefined,
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
    if (other) onUser(other, 'click', () => finish(mode === 'confirm' ? 'post' : 'retry'));
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
    (mode === 'failed' && other ? other : edit).focus({ preventScroll: true });
    dialog.scrollTop = 0;
  });
}
