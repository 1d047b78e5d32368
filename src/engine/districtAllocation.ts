/**
 * Allocation rules: how a programme shares its money between communities (docs/programme.md,
 * "Allocation rules"). Computed once, at the start, from what the communities report at week 0.
 */
import type { ProgrammeSpec } from '../model/programme.ts';
import type { CommunityReport } from './districtTypes.ts';
import { namedStream } from './random.ts';

/**
 * Each community’s share (non-negative, adding up to 1), in community order:
 * - `equal`: the same for every community (Hubei: about 286k yuan each);
 * - `need`: in proportion to residents × mean need (where most need is);
 * - `strength`: in proportion to the mean strength of the five elements (扬长 across communities: build on the strong);
 * - `weakness`: in proportion to 1 − mean strength (shore up the weak);
 * - `lottery`: an equal share for a random `lotteryShare` of the communities (drawn from the programme seed), none for the rest;
 * - `table`: the weights written in the file.
 */
export function allocationShares(p: ProgrammeSpec, reports: readonly CommunityReport[]): Float64Array {
  const n = reports.length;
  const w = new Float64Array(n);
  switch (p.allocation.rule) {
    case 'equal':
      w.fill(1);
      break;
    case 'need':
      for (let c = 0; c < n; c++) w[c] = reports[c].residents * reports[c].need;
      break;
    case 'strength':
      for (let c = 0; c < n; c++) w[c] = reports[c].strength;
      break;
    case 'weakness':
      for (let c = 0; c < n; c++) w[c] = Math.max(0, 1 - reports[c].strength);
      break;
    case 'lottery': {
      const random = namedStream(p.seed, 'programme-lottery');
      const chosen = Math.max(1, Math.round(p.allocation.lotteryShare * n));
      // a random permutation (Fisher–Yates); the first `chosen` are treated
      const order = Array.from({ length: n }, (_, k) => k);
      for (let k = n - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [order[k], order[j]] = [order[j], order[k]];
      }
      for (let k = 0; k < chosen; k++) w[order[k]] = 1;
      break;
    }
    case 'table':
      for (let c = 0; c < n; c++) w[c] = p.allocation.table?.[c] ?? 0;
      break;
  }
  let total = 0;
  for (let c = 0; c < n; c++) total += w[c];
  if (!(total > 0)) w.fill(1 / n);
  else for (let c = 0; c < n; c++) w[c] /= total;
  return w;
}
