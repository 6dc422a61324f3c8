/** Median wall time in ms of `run`, after `warmup` unmeasured runs (the JIT settles first). */
export function medianMs(run: () => void, repeats: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = times.length >> 1;
  return times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
