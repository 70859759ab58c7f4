// The badge and findings panel of one composer, fed from its verdict.
import type { Finding } from '../engine/types.js';
import { createBadge, type Badge, type BadgeState } from '../ui/inpage/badge.js';
import type { FindingView } from '../ui/inpage/words.js';
import { openPanel, type Panel } from '../ui/inpage/panel.js';
import type { Enforcement } from './client.js';
import type { Composer, Tracked } from './composer.js';

export function view(t: Tracked, enforcement?: Enforcement): FindingView {
  const f: Finding = t.finding;
  return {
    dismissable: !(enforcement === 'block' && f.severity === 'block'),
    key: t.key,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    excerpt: t.spanText || f.excerpt,
    policy: f.policy,
    ...(t.fix ? { fixLabel: t.fix.label } : {}),
  };
}

export class ComposerUi {
  private badge: Badge | null = null;
  private panel: Panel | null = null;

  constructor(private readonly c: Composer) {}

  render(): void {
    const c = this.c;
    const counts = c.counts();
    const total = counts.block + counts.warn + counts.info;
    const state: BadgeState =
      !c.verdict?.enabled || c.text.trim() === '' ? 'hidden' : !c.fresh() ? 'checking' : total > 0 ? 'findings' : 'clean';
    if (state === 'hidden' && !this.badge) return;
    this.badge ??= createBadge(() => this.toggle());
    // findings carried over an edit are still shown while the new check is out
    this.badge.update(counts, state === 'checking' && total > 0 ? 'findings' : state);
    if (state === 'checking' && total > 0) this.badge.el.dataset.state = 'checking';
    this.panel?.update(this.views());
  }

  layout(): void {
    if (!this.badge) return;
    const visible = this.c.alive;
    this.badge.place(visible ? this.c.el.getBoundingClientRect() : null);
    if (this.panel) {
      if (this.badge.el.hidden) this.panel.close(false);
      else this.panel.place(this.badge.el.getBoundingClientRect());
    }
  }

  private views(): FindingView[] {
    const enforcement = this.c.verdict?.enforcement;
    return this.c.active().map((t) => view(t, enforcement));
  }

  private toggle(): void {
    if (this.panel) {
      this.panel.close();
      return;
    }
    if (!this.badge) return;
    const badge = this.badge;
    this.panel = openPanel(
      this.views(),
      badge.el.getBoundingClientRect(),
      {
        onFix: (key) => void this.c.applyFix(key),
        onDismiss: (key) => this.c.dismiss(key),
        onClose: () => {
          this.panel = null;
          badge.setExpanded(false);
        },
      },
      badge.el,
    );
    badge.setExpanded(true);
  }

  dispose(): void {
    this.panel?.close(false);
    this.badge?.remove();
    this.badge = null;
  }
}
