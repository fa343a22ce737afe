/** Small helpers every bench section shares: timing loops and percentiles. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the sorted durations in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export async function timeRunsAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(2, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(3) : n.toFixed(1)} ms`;

export function heading(title: string) {
  console.log(`\n== ${title} ==`);
}
