import type { SocialWorkers, Team } from './state.ts';

/**
 * The social-worker groups change only through these functions. Skill belongs to the people
 * present: people joining bring their own skill (the group's skill becomes the FTE-weighted mean);
 * people leaving take theirs, so a group that empties has no skill left.
 */
export function joinTeam(team: Team, fte: number, skill: number): void {
  if (!(fte > 0)) return;
  const total = team.fte + fte;
  team.skill = (team.fte * team.skill + fte * skill) / total;
  team.fte = total;
}

export function leaveTeam(team: Team, fte: number): void {
  team.fte = Math.max(0, team.fte - fte);
  if (team.fte < 1e-9) {
    team.fte = 0;
    team.skill = 0;
  }
}

/** Sets the totals the model reads (FTE, FTE-weighted skill) from the three groups. */
export function refreshTeam(sw: SocialWorkers): void {
  const fte = sw.stationed.fte + sw.funded.fte + sw.local.fte;
  sw.fte = fte;
  sw.skill =
    fte > 0
      ? (sw.stationed.fte * sw.stationed.skill +
          sw.funded.fte * sw.funded.skill +
          sw.local.fte * sw.local.skill) /
        fte
      : 0;
}

/** Withdraws `fte` social workers: stationed agency workers first, then fund-paid ones, then local ones. */
export function withdrawWorkers(sw: SocialWorkers, fte: number): void {
  let left = fte;
  for (const team of [sw.stationed, sw.funded, sw.local]) {
    const out = Math.min(left, team.fte);
    leaveTeam(team, out);
    left -= out;
  }
  if (sw.stationed.fte === 0) sw.contractLeft = 0;
  refreshTeam(sw);
}
