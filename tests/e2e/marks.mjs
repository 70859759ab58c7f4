// What PostCheck marked, found by geometry, shared by every reader of it: the in-page suites (in the
// content script's world, where PostCheck's closed UI root opens), the Firefox suite (whose test build
// has an open UI root the page can read) and `npm run bench:e2e`. Each function here is sent as source
// into a browser (Function.prototype.toString), so it must use nothing from outside itself.

/** The document and every open shadow root in it (sites put composers and modal dialogs there). */
export function openScopes() {
  const out = [document];
  for (let i = 0; i < out.length; i++) for (const el of out[i].querySelectorAll('*')) if (el.shadowRoot) out.push(el.shadowRoot);
  return out;
}

/**
 * The words PostCheck marks: the characters of every editor in `scopes` whose centre lies inside a
 * drawn (and not clipped away) mark box of PostCheck's UI root `root`, grouped into runs of one
 * severity; a textarea's marks are read from its mirror. So a box one word off, or left behind by an
 * edit, shows up.
 */
export function marksUnderBoxes(root, scopes) {
  const out = [];
  if (!root) return out;
  for (const m of root.querySelectorAll('.overlay:not([hidden]) .mirror mark')) out.push({ severity: m.className, text: m.getAttribute('data-t') ?? '' });
  const boxes = [];
  for (const el of root.querySelectorAll('.overlay:not([hidden]) .box')) {
    const clip = el.closest('.overlay').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const box = { sev: el.classList[1] ?? 'info', l: Math.max(r.left, clip.left), t: Math.max(r.top, clip.top), r: Math.min(r.right, clip.right), b: Math.min(r.bottom, clip.bottom) };
    if (box.r > box.l && box.b > box.t) boxes.push(box);
  }
  if (!boxes.length) return out;
  const editors = scopes
    .filter((sc) => sc !== root)
    .flatMap((sc) => [...sc.querySelectorAll('[contenteditable="true"], [contenteditable=""]')])
    .filter((e) => !e.parentElement?.isContentEditable);
  const range = document.createRange();
  for (const ed of editors) {
    const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
    let run = null;
    const end = () => {
      if (run && run.text.trim()) out.push({ severity: run.severity, text: run.text.trim() });
      run = null;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width === 0) {
          if (run) run.text += n.data[i];
          continue;
        }
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = boxes.find((q) => x >= q.l && x <= q.r && y >= q.t && y <= q.b);
        if (!hit) end();
        else if (run && run.severity === hit.sev) run.text += n.data[i];
        else {
          end();
          run = { severity: hit.sev, text: n.data[i] };
        }
      }
    }
    end();
  }
  return out;
}
