// Puts a fix into an editor the way typing does: the exact Range goes into the Selection, then
// `insertText` (or a paste for multi-line text), so the framework's beforeinput/paste handlers
// update its own state and its undo history. Never sets textContent/innerHTML/value.
import { rangeFor, type TextMap } from '../textmap.js';
import type { EditorDriver } from './types.js';

/** Waits for the selectionchange our Selection change causes, so frameworks that track the
 *  selection through events (Draft's onSelect, Lexical) have seen it before the edit. */
function selectionSettled(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      document.removeEventListener('selectionchange', onChange, true);
      // let the page's own selectionchange listeners (registered after ours) run first
      setTimeout(resolve, 0);
    };
    const onChange = () => finish();
    document.addEventListener('selectionchange', onChange, true);
    setTimeout(finish, 60);
  });
}

interface PageWorld {
  DataTransfer: typeof DataTransfer;
  ClipboardEvent: typeof ClipboardEvent;
}
declare function cloneInto<T>(value: T, scope: object, options?: { wrapReflectors?: boolean }): T;

/**
 * The paste event, with `text` on it. Its data is set on the event's own clipboardData once it is
 * built: Firefox copies a DataTransfer handed to the constructor into an empty one (Briskine's
 * editor-paste.js does the same). On Firefox the event is also built with the page's own
 * constructors (`wrappedJSObject`): made on the content script's side of the Xray wrappers, its
 * data never reaches the page's listeners. Nothing secret crosses: the text is about to be the
 * editor's content anyway.
 */
function pasteEvent(text: string): ClipboardEvent | null {
  const init = { bubbles: true, cancelable: true, composed: true };
  const page = (window as unknown as { wrappedJSObject?: PageWorld }).wrappedJSObject;
  try {
    const event =
      page && typeof cloneInto === 'function'
        ? new page.ClipboardEvent('paste', cloneInto({ ...init, clipboardData: new page.DataTransfer() }, page as object, { wrapReflectors: true }))
        : new ClipboardEvent('paste', { ...init, clipboardData: new DataTransfer() });
    event.clipboardData?.setData('text/plain', text);
    return event.clipboardData?.getData('text/plain') === text ? event : null;
  } catch {
    return null;
  }
}

/** A paste of `text` that the editor handles as a person's paste (one undo step, split into its own
 *  blocks). True when the editor took it (cancelled the browser's default). */
function paste(target: HTMLElement, text: string): boolean {
  const event = pasteEvent(text);
  if (!event) return false;
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

function insertLines(text: string): boolean {
  let ok = true;
  text.split('\n').forEach((line, i) => {
    if (i > 0) ok = document.execCommand('insertLineBreak') && ok;
    if (line) ok = document.execCommand('insertText', false, line) && ok;
  });
  return ok;
}

/**
 * Replaces [start, end) of the editor's text (as `map` read it) with `replacement`;
 * `append` puts the caret at the end instead. Resolves false when the editor refused.
 */
export async function replaceText(
  el: HTMLElement,
  driver: EditorDriver,
  map: TextMap,
  start: number,
  end: number,
  replacement: string,
  append = false,
): Promise<boolean> {
  el.focus({ preventScroll: true });
  if (driver.isTextControl) {
    const input = el as HTMLTextAreaElement;
    const at = append ? input.value.length : start;
    input.setSelectionRange(at, append ? at : end);
    return replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, replacement);
  }

  const selection = window.getSelection();
  if (!selection) return false;
  let range: Range | null;
  if (append) {
    range = document.createRange();
    const last = map.nodes[map.nodes.length - 1];
    if (last?.isConnected) range.setStart(last, last.data.length);
    else range.selectNodeContents(el);
    range.collapse(!last?.isConnected);
  } else {
    range = rangeFor(map, start, end);
  }
  if (!range) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  await selectionSettled();
  if (!el.isConnected) return false;

  if (replacement === '') return document.execCommand('delete');
  if (!replacement.includes('\n')) return document.execCommand('insertText', false, replacement);
  if (driver.multiline === 'paste' && paste(el, replacement)) return true;
  if (driver.multiline === 'text') return document.execCommand('insertText', false, replacement);
  return insertLines(replacement);
}
