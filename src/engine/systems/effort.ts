import { CHARITY, ORGANIZATIONS, VOLUNTEERS } from '../../model/elements.ts';
import { MECHANISM_INDEX, MECHANISMS } from '../mechanisms.ts';
import type { World } from '../state.ts';
import { committeeFreeShare } from '../support.ts';

/**
 * The strategy of the base (社工—社区联合行动): how the social workers' organising time and the
 * committee's linking time are spread over the channels (docs/ODD.md, "Strategies").
 *
 * - strengths-first (扬长): support the channels through which a strong element develops one with
 *   room, weight (S_source · room_target)^sharpness; effort through a strong element is multiplied
 *   by that element's own size (its members, volunteers, donors act). The committee backs the
 *   strongest carrier.
 * - weakest-first: work on the weakest carriers directly (social workers' own channels, weight
 *   room^sharpness): the weak element grows, but only social workers act on it.
 * - balanced: the same effort on every channel.
 *
 * `strategy.sharpness` (the exponent) sets how strongly a strategy concentrates the effort.
 * Writes `world.effort[m]`: organising effort on mechanism m in FTE per 10,000 residents.
 */
export const CATALYSED = [
  'capable-members-volunteer',
  'core-volunteer-founds-organization',
  'volunteer-network-donor',
  'organization-sponsor',
  'grant-to-organization',
  'grant-brings-volunteers',
].map((id) => MECHANISM_INDEX[id]);

export const SOCIAL_WORKER_DIRECT = [
  'social-worker-incubates-organization',
  'social-worker-recruits-volunteer',
  'social-worker-raises-funds',
].map((id) => MECHANISM_INDEX[id]);

export const COMMITTEE_CHANNELS = [
  'committee-hosts-organization',
  'committee-mobilises-volunteer',
  'committee-introduces-resources',
].map((id) => MECHANISM_INDEX[id]);

export function allocateEffort(world: World): void {
  const s = world.strength;
  const e = world.effort;
  e.fill(0);
  const strategy = world.scenario.strategy;
  const sharpness = world.params.strategy.sharpness;
  const sw = world.params.socialWorkers;
  const per10k = world.residents.count / 10000;
  const organising = Math.max(
    0,
    1 - sw.caseworkShare - sw.groupworkShare - sw.designShare - sw.trainingShare,
  );
  const swEffort = (world.socialWorkers.fte * organising) / per10k;

  let total = 0;
  const weight = (m: number): number => {
    const { source, target } = MECHANISMS[m];
    const room = 1 - s[target];
    if (strategy === 'balanced') return 1;
    if (strategy === 'strengths-first') return CATALYSED.includes(m) ? (s[source] * room) ** sharpness : 0;
    // weakest-first works on the weak element itself: direct channels only
    return SOCIAL_WORKER_DIRECT.includes(m) ? room ** sharpness : 0;
  };
  for (const m of CATALYSED) total += e[m] = weight(m);
  for (const m of SOCIAL_WORKER_DIRECT) total += e[m] = weight(m);
  if (total > 0) {
    for (const m of CATALYSED) e[m] *= swEffort / total;
    for (const m of SOCIAL_WORKER_DIRECT) e[m] *= swEffort / total;
  }

  // committee: linking time in FTE per 10,000 residents over its three channels
  const cp = world.params.community;
  const linking = (world.committee.staff * committeeFreeShare(world) * (1 - cp.serviceShare)) / per10k;
  const targets = [ORGANIZATIONS, VOLUNTEERS, CHARITY];
  let ctotal = 0;
  const cw = targets.map((t) => {
    const w =
      strategy === 'balanced'
        ? 1
        : strategy === 'strengths-first'
          ? s[t] ** sharpness
          : (1 - s[t]) ** sharpness;
    ctotal += w;
    return w;
  });
  COMMITTEE_CHANNELS.forEach((m, k) => {
    e[m] = ctotal > 0 ? (linking * cw[k]) / ctotal : linking / 3;
  });
}

export { catalyst } from '../support.ts';
