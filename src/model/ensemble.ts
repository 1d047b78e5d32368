import seedrandom from 'seedrandom';
import { ELEMENTS } from './elements.ts';
import type { Scenario } from './scenario.ts';

/**
 * The communities of an ensemble scenario, each a scenario of its own: its size drawn log-uniformly
 * and its starting strengths uniformly from the ensemble's ranges, its seed derived from the
 * scenario's seed and its number. A scenario without `ensemble` is an ensemble of one: itself.
 */
export function ensembleMembers(scenario: Scenario): Scenario[] {
  const e = scenario.ensemble;
  if (!e) return [scenario];
  const random = seedrandom.xor4096(`wushe:${scenario.seed}:ensemble`);
  const members: Scenario[] = [];
  for (let k = 0; k < e.communities; k++) {
    const lo = Math.log(e.residents.min);
    const hi = Math.log(e.residents.max);
    const residents = Math.round(Math.exp(lo + (hi - lo) * random()));
    const initial = { ...scenario.initial };
    for (const id of ELEMENTS) {
      const r = e.initial?.[id];
      if (r) initial[id] = Math.round((r.min + (r.max - r.min) * random()) * 1000) / 1000;
    }
    const { ensemble: _e, ...rest } = scenario;
    members.push({
      ...rest,
      id: `${scenario.id}#${k + 1}`,
      seed: (Math.floor(random() * 4294967296) ^ k) >>> 0,
      residents,
      initial,
    });
  }
  return members;
}
