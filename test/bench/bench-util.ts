// Timing helpers shared by the benchmarks: medians of repeated runs, measured with performance.now().

import { performance } from 'perf_hooks';

/** Median of the values; the mean of the two middle ones for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds taken by each call of `run(i)`, for i from 0 to count - 1. */
export async function timeEach(count: number, run: (index: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await run(index);
    times.push(performance.now() - start);
  }
  return times;
}

export function formatMs(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`;
}

/** Prints one comparison line: ours, the baseline, and the ratio. */
export function printRatio(label: string, ours: number, baselineLabel: string, baseline: number, goal?: number): void {
  const ratio = ours / baseline;
  let verdict = '';
  if (goal !== undefined) verdict = ratio <= goal ? ` (goal ≤ ${goal}×: met)` : ` (goal ≤ ${goal}×: missed)`;
  console.log(`${label}: ${formatMs(ours)} vs ${baselineLabel} ${formatMs(baseline)} = ${ratio.toFixed(2)}×${verdict}`);
}
