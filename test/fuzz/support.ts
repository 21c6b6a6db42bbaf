// Shared fuzzing setup: one seed, one case budget split between the properties, so a CI run is
// reproducible (same seed → same cases) and a long run is one env var away:
//   QBANK_FUZZ_RUNS=200000 QBANK_FUZZ_SEED=7 npx vitest run test/fuzz
// fast-check prints the seed and the shrunk counterexample path of any failure; pass them back
// with QBANK_FUZZ_SEED (and fc's `path`) to replay it.
import fc from 'fast-check';

export const fuzzSeed = Number(process.env.QBANK_FUZZ_SEED ?? 20_240_611);
export const fuzzTotal = Number(process.env.QBANK_FUZZ_RUNS ?? 10_000);

// Share of the total per property. Cheap in-memory properties get most of the cases; ones that
// touch the file system or run an emitter get fewer. The shares add up to 1 (a test checks it),
// so the default run is at least 10,000 cases (the emitter shares apply once per target).
export const shares = {
  'parse-bank-text': 0.25,
  'parse-bytes': 0.15,
  'parse-unicode': 0.08,
  'parse-key-file': 0.06,
  'markdown-render': 0.12,
  'markdown-nesting': 0.03,
  'lint-random-banks': 0.1,
  'mutate-samples': 0.08,
  'mutate-corpus': 0.06,
  'load-temp-dir': 0.02,
  // per target: six targets make these 0.18 and 0.12 of the total
  'emit-clean': 0.03,
  'emit-any-ir': 0.02,
} as const;

export type FuzzName = keyof typeof shares;

export function runsFor(name: FuzzName): number {
  return Math.max(1, Math.round(shares[name] * fuzzTotal));
}

// Each property gets its own seed derived from the global one, so adding a property does not
// change the cases of the others.
function seedFor(name: string): number {
  let h = fuzzSeed | 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

export function fuzz<T>(name: FuzzName, arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  fc.assert(fc.property(arb, predicate), { seed: seedFor(name), numRuns: runsFor(name) });
}

export async function fuzzAsync<T>(name: FuzzName, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  await fc.assert(fc.asyncProperty(arb, predicate), { seed: seedFor(name), numRuns: runsFor(name) });
}

/** Roughly how long a test may take when the budget is scaled up. */
export function timeoutFor(name: FuzzName, msPerCase: number, floor = 30_000): number {
  return Math.max(floor, runsFor(name) * msPerCase * 3);
}
