import { keyedLimiter } from "~/kernel/limits/limiter";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("keyedLimiter", () => {
  it("runs at most `limit` tasks per key at once, in arrival order, and frees the slot on failure", async () => {
    const run = keyedLimiter(3);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await tick();
      active--;
      if (i % 7 === 0) throw new Error(`task ${i}`);
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => run("a", task(i))));
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(6);
    // Another key is not held up by the first one's queue.
    let otherPeak = 0;
    let otherActive = 0;
    await Promise.all(
      ["x", "y"].flatMap((k) =>
        Array.from({ length: 5 }, () =>
          run(k, async () => {
            otherPeak = Math.max(otherPeak, ++otherActive);
            await tick();
            otherActive--;
          }),
        ),
      ),
    );
    expect(otherPeak).toBe(6);
  });
});
