/**
 * Every message sweep-plan validation can give (src/batch/plan.ts, src/batch/loadPlan.ts), in
 * English and Chinese, in the shape of src/model/messages.ts: the command line (`wushe sweep
 * --lang zh`, or a zh locale) prints a plan's problems in the user's language. English is the
 * default; a test checks that every message has both languages with the same placeholders.
 */
import type { Lang, MessageParams } from '../model/messages.ts';

type Template = (p: MessageParams) => string;

const hint = (p: MessageParams, en: boolean) =>
  p.hint === undefined || p.hint === ''
    ? ''
    : en
      ? ` (did you mean "${p.hint}"?)`
      : `（是不是 "${p.hint}"？）`;

export const PLAN_MESSAGES = {
  idPattern: {
    en: () => 'must be letters, digits, "-", "_" or "." (at most 80)',
    zh: () => '只能由字母、数字、"-"、"_" 或 "." 组成（最多 80 个字符）',
  },
  designRequired: {
    en: (p) => `is required (one of ${p.list})`,
    zh: (p) => `必须填写（以下之一：${p.list}）`,
  },
  oneOf: { en: (p) => `must be one of ${p.list}`, zh: (p) => `必须是以下之一：${p.list}` },
  wholeNumber: { en: () => 'must be a whole number', zh: () => '必须是整数' },
  atLeast: { en: (p) => `must be at least ${p.min}`, zh: (p) => `不能小于 ${p.min}` },
  atMost: { en: (p) => `must be at most ${p.max}`, zh: (p) => `不能大于 ${p.max}` },
  between: {
    en: (p) => `must be between ${p.min} and ${p.max}`,
    zh: (p) => `必须在 ${p.min} 到 ${p.max} 之间`,
  },
  seedRequired: { en: () => 'is required (the master seed)', zh: () => '必须填写（主种子）' },
  notNumber: { en: () => 'must be a number', zh: () => '必须是数字' },
  notText: { en: () => 'must be text', zh: () => '必须是文字' },
  textTooLong: { en: (p) => `must be at most ${p.max} characters`, zh: (p) => `最多 ${p.max} 个字符` },
  factorsRequired: {
    en: () => 'is required (an object from field path to a list of values or {"min": a, "max": b})',
    zh: () => '必须填写（一个对象：字段路径 → 取值列表或 {"min": a, "max": b}）',
  },
  factorsNotObject: {
    en: () => 'must be an object from field path to a list of values or {"min": a, "max": b}',
    zh: () => '必须是一个对象：字段路径 → 取值列表或 {"min": a, "max": b}',
  },
  planNotObject: {
    en: () => 'must be an object ({ … }) with the keys scenario, factors, design and seed',
    zh: () => '必须是对象（{ … }），包含 scenario、factors、design 和 seed 等字段',
  },
  scenarioRequired: {
    en: () => 'is required (a scenario file path or an inline scenario)',
    zh: () => '必须填写（情景文件的路径，或内嵌的情景）',
  },
  scenarioKind: {
    en: () => 'must be a file path (text) or an inline scenario (an object)',
    zh: () => '必须是文件路径（文字）或内嵌的情景（对象）',
  },
  scenarioEmpty: { en: () => 'must not be empty', zh: () => '不能为空' },
  unknownKey: {
    en: (p) => `unknown key${hint(p, true)}`,
    zh: (p) => `未知的字段${hint(p, false)}`,
  },
  notFactorSeed: {
    en: () =>
      'cannot be a factor: each run’s seed is derived from the plan’s seed, its design point and replicate; use "replicates" for more seeds',
    zh: () => '不能作为因子：每次运行的种子由计划的种子、设计点和重复次序推出；要更多种子请用 "replicates"',
  },
  notFactorId: {
    en: () => 'cannot be a factor: the scenario id names the sweep’s base scenario; it is not a model input',
    zh: () => '不能作为因子：情景 id 是扫描的基准情景的名称，不是模型输入',
  },
  unknownField: {
    en: (p) => `unknown scenario field${hint(p, true)}; see \`wushe schema\` for the fields`,
    zh: (p) => `未知的情景字段${hint(p, false)}；字段见 \`wushe schema\``,
  },
  listEmpty: { en: () => 'the list of values is empty', zh: () => '取值列表为空' },
  listedTwice: { en: (p) => `${p.value} is listed twice`, zh: (p) => `${p.value} 重复列出` },
  notNumberUnit: { en: (p) => `must be a number (${p.unit})`, zh: (p) => `必须是数字（${p.unit}）` },
  outsideRange: {
    en: (p) => `${p.value} is outside the field's range ${p.min} to ${p.max} (${p.unit})`,
    zh: (p) => `${p.value} 超出该字段的范围 ${p.min} 到 ${p.max}（${p.unit}）`,
  },
  notWholeUnit: {
    en: (p) => `${p.value} must be a whole number (${p.unit})`,
    zh: (p) => `${p.value} 必须是整数（${p.unit}）`,
  },
  rangeUnknownKey: {
    en: (p) => `unknown key${hint(p, true)}; a range is {"min": a, "max": b}`,
    zh: (p) => `未知的字段${hint(p, false)}；范围的写法是 {"min": a, "max": b}`,
  },
  rangeNeedsNumber: {
    en: (p) => `a range {min, max} needs a numeric field; give a list of values for ${p.path}`,
    zh: (p) => `范围 {min, max} 只适用于数值字段；请为 ${p.path} 给出取值列表`,
  },
  required: { en: () => 'is required', zh: () => '必须填写' },
  minNotLess: {
    en: (p) => `min (${p.min}) must be less than max (${p.max})`,
    zh: (p) => `min（${p.min}）必须小于 max（${p.max}）`,
  },
  listOrRange: {
    en: () => 'must be a list of values or a range {"min": a, "max": b}',
    zh: () => '必须是取值列表或范围 {"min": a, "max": b}',
  },
  samplesGrid: {
    en: () => 'not used by design grid (its size is the product of its factors’ values); remove it',
    zh: () => 'grid 设计不使用此项（其大小是各因子取值个数的乘积）；请删除',
  },
  samplesRequiredMorris: {
    en: (p) => `is required for design ${p.design} (the number of trajectories)`,
    zh: (p) => `${p.design} 设计必须填写（轨迹数）`,
  },
  samplesRequiredPoints: {
    en: (p) => `is required for design ${p.design} (the number of design points)`,
    zh: (p) => `${p.design} 设计必须填写（设计点数）`,
  },
  needsFactor: {
    en: (p) => `design ${p.design} needs at least one factor`,
    zh: (p) => `${p.design} 设计至少需要一个因子`,
  },
  levelsNotUsed: {
    en: (p) => `not used by design ${p.design} (it is for grid and morris)`,
    zh: (p) => `${p.design} 设计不使用此项（它用于 grid 和 morris）`,
  },
  morrisSamples: {
    en: () => 'Morris needs at least 2 trajectories (σ needs two elementary effects per factor)',
    zh: () => 'Morris 至少需要 2 条轨迹（σ 需要每个因子有两个基本效应）',
  },
  levelsEven: {
    en: (p) => `must be an even number for design morris (4 is usual), not ${p.levels}`,
    zh: (p) => `morris 设计必须是偶数（通常为 4），而不是 ${p.levels}`,
  },
  morrisRange: {
    en: () =>
      'design morris needs a range {"min": a, "max": b} for every factor (elementary effects move a factor along its range)',
    zh: () => 'morris 设计要求每个因子都是范围 {"min": a, "max": b}（基本效应沿因子的范围移动）',
  },
  tooManyValues: {
    en: (p) =>
      `the design would hold ${p.points} points × ${p.factors} factors = ${p.values} values; at most ${p.max} (split it into several plans)`,
    zh: (p) =>
      `该设计将包含 ${p.points} 个点 × ${p.factors} 个因子 = ${p.values} 个值；最多 ${p.max} 个（请拆分为多个计划）`,
  },
  tooManyRuns: {
    en: (p) =>
      `the plan asks for ${p.points} design points × ${p.replicates} replicates = ${p.runs} runs; at most ${p.max}`,
    zh: (p) =>
      `该计划要求 ${p.points} 个设计点 × ${p.replicates} 次重复 = ${p.runs} 次运行；最多 ${p.max} 次`,
  },
  looksLikeScenario: {
    en: () =>
      'this looks like a scenario, not a sweep plan. A plan names its base scenario and the factors to vary, e.g. ' +
      '{"scenario": "scenarios/baseline.json", "design": "grid", "seed": 1, "factors": {"initial.volunteers": [0.2, 0.8]}}; ' +
      'see `wushe sweep --help` and `wushe sweep --schema`',
    zh: () =>
      '这看起来是一个情景，而不是扫描计划。计划要写明基准情景和要变化的因子，如 ' +
      '{"scenario": "scenarios/baseline.json", "design": "grid", "seed": 1, "factors": {"initial.volunteers": [0.2, 0.8]}}；' +
      '见 `wushe sweep --help` 和 `wushe sweep --schema`',
  },
  noReader: {
    en: (p) => `${p.path}: a file path, but no file reader was given`,
    zh: (p) => `${p.path}：是文件路径，但没有提供读取文件的方法`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type PlanMessageId = keyof typeof PLAN_MESSAGES;

/** The plan message `id` in `lang`, with its values filled in. */
export function planMessage(id: PlanMessageId, lang: Lang = 'en', params: MessageParams = {}): string {
  return (PLAN_MESSAGES[id][lang] as Template)(params);
}
