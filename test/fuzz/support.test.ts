// The fuzz budget: shares add up to the whole, so the default run is at least 10,000 cases.
import { expect, it } from 'vitest';
import { runsFor, shares, type FuzzName } from './support.js';

it('the shares add up to 1 and the default budget is at least 10,000 cases', () => {
  const sum = Object.values(shares).reduce((a, b) => a + b, 0);
  expect(sum).toBeCloseTo(1, 6);
  if (!process.env.QBANK_FUZZ_RUNS) {
    const total = (Object.keys(shares) as FuzzName[]).reduce((n, k) => n + runsFor(k), 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  }
});
