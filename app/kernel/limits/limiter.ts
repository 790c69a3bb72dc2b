// At most `limit` tasks per key run at once; the rest wait in memory, first come first served.
// Sign-ups for one session all queue on that session's row lock in the database anyway; letting
// hundreds of them wait there would hold every pooled connection (the rest of the portal would
// stall, and waiters past the pool's timeout would fail). Waiting here costs only memory. Across
// several server instances the row lock still decides; this only keeps each instance polite.
export function keyedLimiter(limit: number) {
  const slots = new Map<string, { running: number; waiting: (() => void)[] }>();
  return async function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let s = slots.get(key);
    if (!s) slots.set(key, (s = { running: 0, waiting: [] }));
    const slot = s;
    if (slot.running < limit) slot.running++;
    else await new Promise<void>((resolve) => slot.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = slot.waiting.shift();
      // The slot passes straight to the next in line; only the last one out gives it back.
      if (next) next();
      else if (--slot.running === 0) slots.delete(key);
    }
  };
}
