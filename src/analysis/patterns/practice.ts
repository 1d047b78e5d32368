import { MECHANISMS } from '../../engine/mechanisms.ts';
import { type ElementId, type ModeId, SOCIAL_WORKERS } from '../../model/elements.ts';
import {
  allInvolved,
  asCommunity,
  carrierGrowth,
  community,
  type Presets,
  REPORT,
  targetCoverage,
  withInitial,
} from './common.ts';
import type { Pattern } from './types.ts';

/**
 * No social workers: none at the start and, where the model has mechanisms that bring them in
 * (contracts, fund-paid time, training), those knocked out.
 */
const BRING_SOCIAL_WORKERS = MECHANISMS.filter(
  (m) => m.target === SOCIAL_WORKERS && m.source !== SOCIAL_WORKERS,
).map((m) => m.id);
const withoutSocialWorkers = community(
  { socialWorkers: 0 },
  BRING_SOCIAL_WORKERS.length ? { knockouts: BRING_SOCIAL_WORKERS } : {},
);

const near: Record<string, [string, string]> = {
  'organization-led': ['organizations', 'volunteers'],
  'volunteer-led': ['volunteers', 'organizations'],
  'charity-led': ['charity', 'organizations'],
};

/** A practice model: its preset and two nearby profiles (runner-up at 0.45; lead down to 0.6). */
function practiceModel(presets: Presets, mode: Exclude<ModeId, 'mixed'>, zh: string): Pattern {
  const file = asCommunity(presets[mode]);
  const [lead, second] = near[mode];
  return {
    id: `practice-${mode}`,
    title: { zh: `${zh}：预设与相近起点`, en: `${mode}: the preset and nearby starting profiles` },
    source: `${REPORT}: the three practice models`,
    expected: `the preset, the preset with ${second} at 0.45, and with ${lead} at 0.6 each give ${mode} in at least 75% of runs`,
    arms: {
      preset: file,
      secondAt045: withInitial(file, { [second]: 0.45 }),
      leadAt06: withInitial(file, { [lead]: 0.6 }),
    },
    judge: { kind: 'share', atLeast: 0.75 },
    unit: `runs giving ${mode}`,
    measure: (runs) => Object.values(runs).map((s) => s.pathway.mode === mode),
  };
}

export const practicePatterns = (presets: Presets): Pattern[] => [
  practiceModel(presets, 'organization-led', '社会组织卷联型'),
  practiceModel(presets, 'volunteer-led', '社区志愿者卷联型'),
  practiceModel(presets, 'charity-led', '社会慈善资源卷联型'),
  {
    id: 'social-workers-key',
    title: { zh: '社工是关键', en: 'Social workers are the key' },
    source: `${REPORT}: 社工发挥专业支撑作用是关键`,
    expected:
      'without social workers (none at the start, and none brought in) the three carriers grow by less than half as much over two years as with them',
    arms: { with: community(), without: withoutSocialWorkers },
    judge: { kind: 'mean', below: 0.5 },
    unit: 'carrier growth without ÷ with social workers',
    measure: (r) => {
      const w = carrierGrowth(r.with);
      return w > 0 ? carrierGrowth(r.without) / w : null;
    },
  },
  {
    id: 'strengths-first',
    title: {
      zh: '扬长：从强项切入更快卷入五社',
      en: '扬长: starting from the strong element involves all five sooner',
    },
    source: `${REPORT}: 扬长 (start from the strong element)`,
    expected:
      'where one carrier is clearly strong (0.7 against 0.25), strengths-first involves all five elements sooner than weakest-first in at least 60% of paired runs',
    arms: Object.fromEntries(
      (['organizations', 'volunteers', 'charity'] as const).flatMap((e) =>
        (['strengths-first', 'weakest-first'] as const).map((strategy) => [
          `${e}:${strategy}`,
          community(
            {
              community: 0.5,
              socialWorkers: 0.5,
              organizations: 0.25,
              volunteers: 0.25,
              charity: 0.25,
              [e]: 0.7,
            },
            { strategy },
          ),
        ]),
      ),
    ),
    judge: { kind: 'share', atLeast: 0.6 },
    unit: 'paired runs in which strengths-first is sooner',
    measure: (r) =>
      (['organizations', 'volunteers', 'charity'] as const).map(
        (e) => allInvolved(r[`${e}:strengths-first`]) < allInvolved(r[`${e}:weakest-first`]),
      ),
  },
  {
    id: 'weakest-providers',
    title: { zh: '志愿者与慈善是最弱的服务提供者', en: 'Volunteers and charity are the weakest providers' },
    source: `${REPORT}: survey of 618 residents of the programme's target group, service coverage`,
    expected:
      'in the Hubei 2020 scenario, volunteers and charity each reached fewer of the target group (the residents the epidemic shock registered, the survey\u2019s population) than the committee, organisations and social workers, in at least 80% of runs',
    arms: { hubei: asCommunity(presets['hubei-2020']) },
    judge: { kind: 'share', atLeast: 0.8 },
    unit: 'runs in which both are the weakest among the target group',
    measure: ({ hubei }) => {
      const c = (e: ElementId) => targetCoverage(hubei, e);
      return [
        Math.max(c('volunteers'), c('charity')) <
          Math.min(c('community'), c('organizations'), c('socialWorkers')),
      ];
    },
  },
];
