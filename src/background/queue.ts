// The worker checks one draft at a time (it has one thread), so a long draft must not hold up every
// other tab's: the shortest waiting check always goes next, and a check that comes in steps (an
// iterator, for a check split into windows; today's engine checks a draft in one go) goes back in
// line after each step, so a short check asked for meanwhile runs before the long one's next step.
// Between steps the worker yields to its event loop, so new messages are queued as soon as they arrive.
export type Job<T> = () => T | Iterator<unknown, T>;

interface Entry {
  size: number;
  order: number;
  /** runs one step; true when the job is done (its promise settled) */
  step: () => boolean;
}

const isIterator = <T>(x: unknown): x is Iterator<unknown, T> => !!x && typeof (x as Iterator<unknown>).next === 'function';

/** Lets the worker's other events (new messages) run. */
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class CheckQueue {
  private readonly entries: Entry[] = [];
  private running = false;
  private order = 0;

  /** Runs `job` in turn (`size`: the draft's length, shortest first); resolves with its result. */
  run<T>(size: number, job: Job<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let it: Iterator<unknown, T> | null = null;
      this.entries.push({
        size,
        order: this.order++,
        step: () => {
          try {
            if (!it) {
              const r = job();
              if (!isIterator<T>(r)) {
                resolve(r);
                return true;
              }
              it = r;
            }
            const s = it.next();
            if (s.done) resolve(s.value);
            return !!s.done;
          } catch (e) {
            reject(e);
            return true;
          }
        },
      });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // let messages that arrived together all be queued before choosing
      await yieldToEvents();
      while (this.entries.length) {
        let best = 0;
        for (let i = 1; i < this.entries.length; i++) {
          const a = this.entries[i]!;
          const b = this.entries[best]!;
          if (a.size < b.size || (a.size === b.size && a.order < b.order)) best = i;
        }
        const entry = this.entries[best]!;
        if (entry.step()) this.entries.splice(this.entries.indexOf(entry), 1);
        await yieldToEvents();
      }
    } finally {
      this.running = false;
    }
  }
}
