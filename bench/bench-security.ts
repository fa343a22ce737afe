/**
 * Threat: input crafted to make a detector take super-linear time (a regex that backtracks, a
 * loop over a loop). Each adversarial shape is timed at 100 kB and at 1 MB; a linear algorithm
 * gives a ratio near 10, a quadratic one near 100.
 */
import { analyse, anonymise } from '@coach-guard/core';
import { hostileRoster, largeInputs } from '../tests/helpers/hostile-text';
import { heading, ms } from './stats';

/** Median of `runs` timings: both sizes are measured the same way, warm, so the ratio is fair. */
function median(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

export async function run(): Promise<void> {
  heading('security: adversarial input, 100 kB vs 1 MB (ratio near 10 = linear)');
  const small = largeInputs(100_000);
  const large = largeInputs(1_000_000);
  const context = { channel: 'email', recipientRole: 'sponsor', roster: hostileRoster } as const;
  const tasks = {
    analyse: (text: string) => analyse(text, context),
    anonymise: (text: string) => anonymise(text, { roster: hostileRoster }),
  };
  let worst = 0;
  console.log(`${'shape'.padEnd(28)} ${'function'.padEnd(10)} ${'100 kB'.padStart(10)} ${'1 MB'.padStart(10)}  ratio`);
  for (const shape of Object.keys(small)) {
    for (const [name, fn] of Object.entries(tasks)) {
      const a = median(() => fn(small[shape]!), 5);
      const b = median(() => fn(large[shape]!), 3);
      const ratio = b / a;
      worst = Math.max(worst, ratio);
      console.log(`${shape.padEnd(28)} ${name.padEnd(10)} ${ms(a).padStart(10)} ${ms(b).padStart(10)}  ${ratio.toFixed(1)}×`);
    }
  }
  console.log(`worst ratio: ${worst.toFixed(1)}× (linear ≈ 10; where 100 kB takes under ~5 ms the ratio is dominated by allocation, not the algorithm)`);
}
