/**
 * Sliding-window limits, as Teams documents them for a bot: per conversation 7 messages per second,
 * 8 per 2 s, 60 per 30 s, 1800 per hour; about 50 requests per second per app and tenant. `reserve`
 * answers how long to wait before the next send and books that slot, so concurrent senders queue up
 * instead of all waiting for the same moment. Per process: with several instances each keeps its
 * own count, and a 429 from Teams (handled by the sender) is the backstop.
 */
export interface Window {
  ms: number;
  max: number;
}

export const CONVERSATION_WINDOWS: readonly Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];
export const TENANT_WINDOWS: readonly Window[] = [{ ms: 1_000, max: 50 }];

export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Books the earliest slot allowed by all windows of all keys; answers the wait in ms (0: now). */
  reserve(keys: readonly { key: string; windows: readonly Window[] }[]): number {
    const now = this.now();
    let at = now;
    // The slot must satisfy every window; moving later for one window never breaks another.
    for (let changed = true; changed; ) {
      changed = false;
      for (const { key, windows } of keys) {
        const times = this.prune(key, now, windows);
        for (const w of windows) {
          const inWindow = times.filter((t) => t > at - w.ms);
          if (inWindow.length >= w.max) {
            const earliest = (inWindow[inWindow.length - w.max] as number) + w.ms;
            if (earliest > at) {
              at = earliest;
              changed = true;
            }
          }
        }
      }
    }
    for (const { key } of keys) {
      const times = this.sent.get(key) ?? [];
      times.push(at);
      times.sort((a, b) => a - b);
      this.sent.set(key, times);
    }
    return at - now;
  }

  private prune(key: string, now: number, windows: readonly Window[]): number[] {
    const longest = Math.max(...windows.map((w) => w.ms));
    const times = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
    this.sent.set(key, times);
    return times;
  }
}
