/**
 * Every number a programme file can set (programmes/*.json), declared once: default, unit, range and
 * source, as src/model/parameters.ts does for scenarios. Validation, the programme JSON Schema,
 * `--set` and docs/programme.md derive from this table. Costs are in yuan; a source is a published
 * figure (docs/sources.md) or "assumption: …".
 */
import type { NumberSpec } from './parameters.ts';

const HUBEI =
  'Hubei 2020 post-epidemic programme as the project’s Hubei scenario uses it (docs/sources.md): 10 million yuan, 27 agencies, 35 communities, one year';

function N(
  path: string,
  def: number,
  min: number,
  max: number,
  unit: string,
  source: string,
  zh: string,
  en: string,
  integer = false,
): NumberSpec {
  return { path, default: def, min, max, unit, source, label: { zh, en }, integer };
}

export const PROGRAMME_NUMBERS: readonly NumberSpec[] = [
  N('seed', 1, 0, 4294967295, 'integer', 'user input', '随机种子', 'Random seed', true),
  N(
    'weeks',
    156,
    1,
    5200,
    'weeks',
    'assumption: one funded year and two years after it, the question of what remains',
    '模拟周数（规划期）',
    'Horizon (weeks)',
    true,
  ),
  N('budget', 10_000_000, 0, 1e11, 'yuan', HUBEI, '项目总预算', 'Programme budget', false),
  N(
    'fundingWeeks',
    52,
    1,
    5200,
    'weeks',
    `${HUBEI} (one year of funding)`,
    '资助周数',
    'Weeks of funding',
    true,
  ),
  N('agencies', 27, 1, 10000, 'agencies', HUBEI, '社工机构数', 'Social-work agencies', true),
  N(
    'instruments.socialWork.share',
    0.6,
    0,
    1,
    'share of the budget',
    'assumption: most of a purchase-of-service programme pays social workers',
    '购买社工服务占比',
    'Share: purchase of social-work services',
  ),
  N(
    'instruments.socialWork.costPerFteYear',
    80_000,
    1,
    10_000_000,
    'yuan per FTE-year',
    'assumption: salary and on-costs of a frontline social worker in a Hubei city (~6,700 yuan a month); no published figure for the programme',
    '每名社工年成本',
    'Cost of a social worker (FTE-year)',
  ),
  N(
    'instruments.projectGrants.share',
    0.3,
    0,
    1,
    'share of the budget',
    'assumption: micro-grants (公益创投) paid into the community fund for projects',
    '公益创投占比',
    'Share: project grants (公益创投)',
  ),
  N(
    'instruments.incentives.share',
    0.04,
    0,
    1,
    'share of the budget',
    'assumption',
    '志愿激励占比',
    'Share: volunteer incentive scheme',
  ),
  N(
    'instruments.incentives.costPerVolunteerYear',
    300,
    0,
    1_000_000,
    'yuan per active volunteer-year',
    'assumption: points or time-bank credits redeemed for daily goods, ~25 yuan a month',
    '每名活跃志愿者年激励成本',
    'Incentive cost per active volunteer-year',
  ),
  N(
    'instruments.paraTraining.share',
    0.03,
    0,
    1,
    'share of the budget',
    'assumption',
    '本土社工培训占比',
    'Share: training local para-professionals',
  ),
  N(
    'instruments.paraTraining.costPerTrainee',
    3_000,
    1,
    1_000_000,
    'yuan per trainee',
    'assumption: a short certificate course for committee staff or core volunteers',
    '每名学员培训成本',
    'Training cost per trainee',
  ),
  N(
    'instruments.fundMatching.share',
    0.03,
    0,
    1,
    'share of the budget',
    'assumption; community funds hold ~23k yuan (Wuhan, 1,277 funds, Hubei Daily 2023) to ~80k yuan (Guangzhou, 930 funds, 2023): docs/sources.md',
    '社区基金配捐占比',
    'Share: matching for community funds',
  ),
  N(
    'instruments.fundMatching.ratio',
    1,
    0,
    100,
    'yuan matched per yuan donated',
    'assumption: one-to-one matching',
    '配捐比例',
    'Matching ratio',
  ),
  N(
    'district.coordinationOverhead',
    0.05,
    0,
    0.5,
    'share of an agency’s time per further community served',
    'assumption: travel and coordination between communities',
    '跨社区协调损耗',
    'Coordination overhead per further community',
  ),
  N(
    'district.maxOverhead',
    0.3,
    0,
    0.9,
    'share of an agency’s time',
    'assumption: an agency serving many communities opens a station in each',
    '协调损耗上限',
    'Largest coordination overhead',
  ),
  N(
    'district.needResponsiveness',
    0.5,
    0,
    1,
    'weight 0–1',
    'assumption: an agency moves half of its hours where need is highest this week',
    '按需调配程度',
    'Agency hours follow need',
  ),
  N(
    'district.spillover',
    0.05,
    0,
    1,
    'share of visits',
    'assumption: volunteers and organisations near a boundary also serve the next community',
    '跨社区外溢',
    'Spill-over to neighbouring communities',
  ),
  N(
    'district.donationsPerWeek',
    0,
    0,
    1e9,
    'yuan per week',
    'assumption: donations to the district foundation itself (0: only the programme’s matching money)',
    '区级基金会每周捐赠',
    'Donations to the district foundation',
  ),
  N(
    'allocation.lotteryShare',
    0.5,
    0,
    1,
    'share of communities',
    'assumption: half treated, half control, for an evaluation design',
    '抽签入选比例',
    'Lottery: share of communities chosen',
  ),
];

export function programmeNumber(path: string): NumberSpec {
  const spec = PROGRAMME_NUMBERS.find((s) => s.path === path);
  if (!spec) throw new Error(`no programme number ${path}`);
  return spec;
}

export const ALLOCATION_RULES = ['equal', 'need', 'strength', 'weakness', 'lottery', 'table'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

export const INSTRUMENTS = [
  'socialWork',
  'projectGrants',
  'incentives',
  'paraTraining',
  'fundMatching',
] as const;
export type InstrumentId = (typeof INSTRUMENTS)[number];
