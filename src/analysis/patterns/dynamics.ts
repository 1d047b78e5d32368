import type { RunSummary } from '../../engine/result.ts';
import { defaultParameters } from '../../model/parameters.ts';
import { community, meanOver, REPORT } from './common.ts';
import type { Pattern } from './types.ts';

/**
 * One year of outside funding as in the Hubei programme: about 286,000 yuan for a year to a community
 * of about 8,000 residents (docs/validation.md, the Hubei scenario). Measurement choice: the cliff is
 * measured at that size, not in the battery's 3,000-resident community, where about one project runs
 * at a time and the ratio of running projects after and before the end is a ratio of counts of 0–2,
 * mostly noise (with 100,000 yuan to 3,000 residents, 11 of 19 runs showed a "cliff").
 */
const GRANT = { type: 'grant', tick: 0, amount: 286000, weeks: 52 };
const HUBEI_SIZE = { interventions: [GRANT], residents: 8000 };
const cliffArm = community({ charity: 0.1 }, HUBEI_SIZE);
/** The same community and grant with no one to take over what the grant paid for. */
const withoutTakeover = community({ charity: 0.1 }, { ...HUBEI_SIZE, knockouts: ['local-takeover'] });

/** Running projects in the half year after the grant ended over the half year before it ended. */
function afterOverBefore(s: RunSummary): number | null {
  const before = meanOver(s, 'projectsRunning', 27, 52);
  return before > 0 ? meanOver(s, 'projectsRunning', 66, 91) / before : null;
}

/**
 * Running projects over the term of a project after the grant ended (weeks 53–68, `projects.runWeeks`
 * = 16 weeks: what local-takeover decides is whether the projects running at the end finish their
 * term) over the half year before it ended. Measurement choice: after that term, new projects draw
 * on the same local money in both arms (what projects left without a taker held went back to the
 * fund), so a later window mixes in what the takeover does not decide (docs/validation.md, "Funding
 * cliff").
 */
function termAfterOverBefore(s: RunSummary): number | null {
  const end = GRANT.weeks;
  const before = meanOver(s, 'projectsRunning', end - 25, end);
  return before > 0 ? meanOver(s, 'projectsRunning', end + 1, end + RUN_WEEKS) / before : null;
}
const RUN_WEEKS = defaultParameters().projects.runWeeks;

/** Ten years, 2,000 residents, every element at 0.4. */
const decade = community({}, { ticks: 520, residents: 2000 });
const YEAR = 52;

function plateau(
  s: RunSummary,
  column: string,
  scale: (x: number) => number,
  lo: number,
  hi: number,
): boolean {
  const end = s.series[column][10 * YEAR];
  const earlier = s.series[column][8 * YEAR];
  const level = scale(end);
  return level >= lo && level <= hi && end <= 1.1 * Math.max(earlier, 1);
}

export const DYNAMICS_PATTERNS: Pattern[] = [
  {
    id: 'funding-cliff',
    title: { zh: '资助结束后的断崖', en: 'A funding cliff when a grant ends' },
    source: `${REPORT}: projects depend on outside funding; assumption for the size of the drop`,
    expected:
      'after a one-year grant of 286,000 yuan (the Hubei programme) ends in a community of 8,000 residents with little local charity, running projects fall below 70% of their level before the end, in at least 60% of runs',
    arms: { cliff: cliffArm },
    judge: { kind: 'share', atLeast: 0.6 },
    unit: 'runs with a cliff',
    measure: ({ cliff }) => {
      const r = afterOverBefore(cliff);
      return r === null ? [] : [r < 0.7];
    },
  },
  {
    id: 'cliff-softened',
    title: { zh: '本地捐赠与社区基金缓冲断崖', en: 'Local donors and a community fund soften the cliff' },
    source: `${REPORT}: develop community funds (社区基金) and mobilise the community's own resources so that projects outlast outside funding; assumption for the size`,
    expected:
      'in the community and with the grant of funding-cliff, local money taking over what the grant paid for (local-takeover: the community fund, local donors, the committee) keeps more of the running projects in the 16 weeks after the grant ends (a project\u2019s term, projects.runWeeks: the projects running when it ended) than the same runs with local-takeover knocked out, relative to the half year before the end: the mean difference and its whole 95% interval above 0',
    arms: { softened: cliffArm, cliff: withoutTakeover },
    judge: { kind: 'mean', above: 0, wholeInterval: true },
    unit: 'running projects in weeks 53–68 ÷ weeks 27–52, with − without local-takeover',
    measure: ({ cliff, softened }) => {
      const a = termAfterOverBefore(cliff);
      const b = termAfterOverBefore(softened);
      return a === null || b === null ? null : b - a;
    },
  },
  {
    id: 'plateau-organizations',
    title: { zh: '十年后社会组织数量趋于稳定', en: 'Organisations level off at a plausible number' },
    source:
      'national target of at least 10 community social organisations per urban community; Wuhan 2023: 24,826 for about 13.7 million residents (18 per 10,000); 东亭: 34 for 15,000',
    expected:
      'after ten years, 10–40 organisations per 10,000 residents, and at most 10% more than at year 8, in at least 60% of runs',
    arms: { decade },
    judge: { kind: 'share', atLeast: 0.6 },
    unit: 'runs on a plausible plateau',
    measure: ({ decade: s }) => [plateau(s, 'organizations', (x) => (x * 10000) / s.residents, 10, 40)],
  },
  {
    id: 'plateau-volunteers',
    title: { zh: '十年后活跃志愿者比例趋于稳定', en: 'Active volunteers level off at a plausible share' },
    source:
      'Wuhan 2023: 22% of residents registered volunteers, far fewer active; one community: 279 volunteers among 5,877 residents (4.7%)',
    expected:
      'after ten years, 2–15% of residents volunteer, and at most 10% more than at year 8, in at least 60% of runs',
    arms: { decade },
    judge: { kind: 'share', atLeast: 0.6 },
    unit: 'runs on a plausible plateau',
    measure: ({ decade: s }) => [plateau(s, 'volunteers', (x) => x / s.residents, 0.02, 0.15)],
  },
];
