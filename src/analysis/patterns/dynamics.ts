import type { RunSummary } from '../../engine/result.ts';
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
const softenedArm = community({ charity: 0.4 }, HUBEI_SIZE);

/** Running projects in the half year after the grant ended over the half year before it ended. */
function afterOverBefore(s: RunSummary): number | null {
  const before = meanOver(s, 'projectsRunning', 27, 52);
  return before > 0 ? meanOver(s, 'projectsRunning', 66, 91) / before : null;
}

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
    source: `${REPORT}: community funds and local resources sustain projects; assumption for the size`,
    expected:
      'the same grant in the same community with strong local charity (0.4 against 0.1) keeps a larger share of its running projects after the grant ends, in at least 60% of paired runs',
    arms: { cliff: cliffArm, softened: softenedArm },
    judge: { kind: 'share', atLeast: 0.6 },
    unit: 'paired runs in which the drop is smaller',
    measure: ({ cliff, softened }) => {
      const a = afterOverBefore(cliff);
      const b = afterOverBefore(softened);
      return a === null || b === null ? [] : [b > a];
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
