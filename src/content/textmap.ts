// Reads an editor's DOM as the text the user sees, with a map from text offsets back to DOM
// positions, so the engine's UTF-16 offsets land on the right words. Never writes to the editor.
//
// The model: every leaf block (<p>, <div data-block>, <li>…) is one line and lines are joined by
// one "\n"; a <br> inside a line is one "\n", except the last one in a block, which browsers do not
// render (it is the placeholder that keeps an empty line open: Lexical, ProseMirror, Quill, Draft).
// Container blocks that only hold other blocks add nothing. Text nodes are kept verbatim.

export interface TextMap {
  text: string;
  /** text nodes in document order, and the offset in `text` where each starts */
  nodes: Text[];
  starts: number[];
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements that are in the editor's DOM but not in the draft (framework widgets). */
const SKIP_CLASSES = ['ql-cursor', 'ProseMirror-widget', 'ProseMirror-yjs-cursor'];

function skipped(el: Element): boolean {
  const cl = el.classList;
  for (const c of SKIP_CLASSES) if (cl.contains(c)) return true;
  return el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'TEMPLATE';
}

export function readDom(root: Element): TextMap {
  let text = '';
  const nodes: Text[] = [];
  const starts: number[] = [];
  let lines = 0; // lines started so far
  let lineOpen = false; // the current line has been started
  let brs = 0; // <br>s seen in the current line and not written yet

  const startLine = () => {
    if (lineOpen) return;
    if (lines > 0) text += '\n';
    lines++;
    lineOpen = true;
  };
  // a block boundary: one trailing <br> is invisible (the placeholder), more are blank lines
  const endLine = () => {
    for (; brs > 1; brs--) text += '\n';
    brs = 0;
    lineOpen = false;
  };

  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text;
        if (t.data.length === 0) continue;
        startLine();
        for (; brs > 0; brs--) text += '\n';
        nodes.push(t);
        starts.push(text.length);
        text += t.data;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          startLine();
          brs++;
        } else if (skipped(el)) {
          continue;
        } else if (BLOCK.has(el.tagName)) {
          endLine();
          walk(el);
          endLine();
        } else {
          walk(el);
        }
      }
    }
  };
  walk(root);
  return { text, nodes, starts };
}

/** Index of the last text node starting at or before `offset` (-1 if none). */
function nodeAt(map: TextMap, offset: number, strict: boolean): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map.starts[mid]!;
    if (strict ? s < offset : s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A DOM position for a text offset; `side` says which neighbour wins at a node boundary. */
export function domPoint(map: TextMap, offset: number, side: 'start' | 'end'): [Text, number] | null {
  if (map.nodes.length === 0) return null;
  if (side === 'start') {
    const i = nodeAt(map, offset, false);
    if (i >= 0) {
      const node = map.nodes[i]!;
      const rel = offset - map.starts[i]!;
      if (rel < node.data.length) return [node, rel];
    }
    // in a synthesised line break or at the very end: the start of the next node, else the end of the last
    const next = map.nodes[i + 1];
    if (next) return [next, 0];
    const last = map.nodes[map.nodes.length - 1]!;
    return [last, last.data.length];
  }
  const i = nodeAt(map, offset, true);
  if (i < 0) return [map.nodes[0]!, 0];
  const node = map.nodes[i]!;
  return [node, Math.min(offset - map.starts[i]!, node.data.length)];
}

/** A Range covering [start, end) of the mapped text, or null when the nodes are gone. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = domPoint(map, start, 'start');
  const b = domPoint(map, end, start === end ? 'start' : 'end');
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  const range = document.createRange();
  try {
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
  } catch {
    return null;
  }
  return range;
}

/** Still the same DOM? (frameworks replace text nodes on re-render; then the map must be rebuilt) */
export function mapIsLive(map: TextMap): boolean {
  for (const n of map.nodes) if (!n.isConnected) return false;
  return true;
}
