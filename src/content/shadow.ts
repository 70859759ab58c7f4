// The page's open shadow roots. LinkedIn renders its share box and messaging inside the open shadow
// root of `#interop-outlet`, and custom elements (Reddit's) put their own trees in them: a
// `document.querySelectorAll` never looks inside, and a MutationObserver on the document never hears
// of changes there. So every open shadow root found is remembered and gets its own observer, and a
// query runs over the document and each of them. Roots are found by walking what was added (not the
// whole page at each change) and, whatever was missed, by focus: an editor must be focused to be
// typed into, and the focus event's composed path names it and every root around it.
// Closed shadow roots stay closed: a site that closes its own cannot be read, and PostCheck's own
// UI lives in one.

/** The root an event really started in (at `window` its target is retargeted to the shadow host). */
export function eventOrigin(e: Event): EventTarget | null {
  return e.composedPath()[0] ?? e.target;
}

/** The elements an event passed through, innermost first (its path across open shadow roots). */
export function eventPath(e: Event): Element[] {
  return e.composedPath().filter((n): n is Element => n instanceof Element);
}

/** The parent of `el`, stepping out of a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** `node` is `scope` or inside it, across open shadow roots (Node.contains stops at each root). */
export function composedContains(scope: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === scope) return true;
  return false;
}

export class ShadowRoots {
  private readonly roots = new Map<ShadowRoot, MutationObserver>();
  private pending: Node[] = [];
  private walked = false;

  /** `changed` is called after any mutation inside a known shadow root (for a throttled rescan). */
  constructor(private readonly changed: () => void) {}

  /** Remembers nodes added to the page, to look for shadow roots in at the next `update`. */
  added(records: readonly MutationRecord[]): void {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) this.pending.push(n);
  }

  /** Looks for open shadow roots in what was added since the last call (the whole page the first time). */
  update(): void {
    if (!this.walked) {
      this.walked = true;
      this.pending = [];
      this.walk(document.documentElement);
    }
    const pending = this.pending;
    this.pending = [];
    for (const n of pending) if (n.isConnected) this.walk(n as Element);
    for (const [root, observer] of this.roots) {
      if (!root.host.isConnected) {
        observer.disconnect();
        this.roots.delete(root);
      }
    }
  }

  /** Takes in the shadow roots around an element the user reached (focus, click). */
  around(el: Element): boolean {
    let found = false;
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
      if (!this.roots.has(root)) {
        this.watch(root);
        this.walk(root);
        found = true;
      }
    }
    return found;
  }

  /** Every element matching `selector` in the document and in every known open shadow root. */
  queryAll(selector: string): Element[] {
    const out = [...document.querySelectorAll(selector)];
    for (const root of this.roots.keys()) if (root.host.isConnected) out.push(...root.querySelectorAll(selector));
    return out;
  }

  /** Known open shadow roots still on the page. */
  all(): ShadowRoot[] {
    return [...this.roots.keys()].filter((r) => r.host.isConnected);
  }

  dispose(): void {
    for (const observer of this.roots.values()) observer.disconnect();
    this.roots.clear();
    this.pending = [];
  }

  private walk(from: Element | ShadowRoot | null): void {
    if (!from) return;
    if (from instanceof Element) this.take(from);
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) this.take(n as Element);
  }

  private take(el: Element): void {
    const root = el.shadowRoot;
    if (!root || this.roots.has(root) || el.hasAttribute('data-postcheck')) return;
    this.watch(root);
    this.walk(root);
  }

  private watch(root: ShadowRoot): void {
    const observer = new MutationObserver((records) => {
      this.added(records);
      this.changed();
    });
    observer.observe(root, { childList: true, subtree: true });
    this.roots.set(root, observer);
  }
}
