/**
 * Every message scenario validation can give, in English and Chinese. Validation (scenario.ts),
 * JSON syntax errors and `--set` (parse.ts) take their wording from here, so the command line
 * (`--lang zh`) and the web app (its interface language) show a problem in the user's language.
 * English is the default; a test checks that every message has both languages.
 */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** Values a message mentions: numbers, names, lists. */
export type MessageParams = Record<string, string | number>;

type Template = (p: MessageParams) => string;

const q = (s: string | number) => `"${s}"`;

export const MESSAGES = {
  required: { en: () => 'is required', zh: () => '必须填写' },
  idRequired: {
    en: () => 'is required (a short name such as "my-community")',
    zh: () => '必须填写（一个简短的名称，如 "my-community"）',
  },
  idNotText: { en: () => 'must be text, e.g. "my-community"', zh: () => '必须是文字，如 "my-community"' },
  idPattern: {
    en: () => 'must be letters, digits, "-", "_" or "." (at most 80)',
    zh: () => '只能由字母、数字、"-"、"_" 或 "." 组成（最多 80 个字符）',
  },
  notNumberUnit: {
    en: (p) => `must be a number (${p.unit})`,
    zh: (p) => `必须是数字（${p.unit}）`,
  },
  notNumber: { en: () => 'must be a number', zh: () => '必须是数字' },
  between: {
    en: (p) => `must be between ${p.min} and ${p.max}`,
    zh: (p) => `必须在 ${p.min} 到 ${p.max} 之间`,
  },
  atLeast: { en: (p) => `must be at least ${p.min}`, zh: (p) => `不能小于 ${p.min}` },
  above: { en: (p) => `must be above ${p.min}`, zh: (p) => `必须大于 ${p.min}` },
  atMost: { en: (p) => `must be at most ${p.max}`, zh: (p) => `不能大于 ${p.max}` },
  below: { en: (p) => `must be below ${p.max}`, zh: (p) => `必须小于 ${p.max}` },
  wholeNumber: { en: () => 'must be a whole number', zh: () => '必须是整数' },
  minAboveMax: { en: () => 'min must not be above max', zh: () => 'min 不能大于 max' },
  oneOf: { en: (p) => `must be one of ${p.list}`, zh: (p) => `必须是以下之一：${p.list}` },
  notText: { en: () => 'must be text', zh: () => '必须是文字' },
  notBoolean: { en: () => 'must be true or false', zh: () => '必须是 true 或 false' },
  notObject: { en: () => 'must be an object ({ … })', zh: () => '必须是对象（{ … }）' },
  notList: { en: () => 'must be a list ([ … ])', zh: () => '必须是列表（[ … ]）' },
  textTooLong: {
    en: (p) => `must be at most ${p.max} characters`,
    zh: (p) => `最多 ${p.max} 个字符`,
  },
  tooMany: { en: (p) => `must have at most ${p.max} items`, zh: (p) => `最多 ${p.max} 项` },
  tooFew: { en: (p) => `must have at least ${p.min} items`, zh: (p) => `至少 ${p.min} 项` },
  invalid: { en: () => 'is not valid', zh: () => '无效' },
  weekAfterEnd: {
    en: (p) => `week ${p.week} is not before the end of the run (ticks = ${p.ticks})`,
    zh: (p) => `第 ${p.week} 周不在模拟结束之前（ticks = ${p.ticks}）`,
  },
  unknownKey: { en: () => 'unknown key', zh: () => '未知的字段' },
  unknownKeyHint: {
    en: (p) => `unknown key (did you mean ${q(p.hint)}?)`,
    zh: (p) => `未知的字段（是不是 ${q(p.hint)}？）`,
  },
  unknownIntervention: {
    en: () => 'unknown intervention type',
    zh: () => '未知的干预类型',
  },
  // knock-outs (scenario `knockouts`: mechanism ids switched off)
  mechanismNotText: {
    en: () => 'must be a mechanism id (text)',
    zh: () => '必须是机制编号（文字）',
  },
  unknownMechanism: {
    en: (p) => `unknown mechanism ${q(p.id)}; see \`wushe schema\` for the ids`,
    zh: (p) => `未知的机制 ${q(p.id)}；机制编号见 \`wushe schema\``,
  },
  unknownMechanismHint: {
    en: (p) => `unknown mechanism ${q(p.id)} (did you mean ${q(p.hint)}?); see \`wushe schema\` for the ids`,
    zh: (p) => `未知的机制 ${q(p.id)}（是不是 ${q(p.hint)}？）；机制编号见 \`wushe schema\``,
  },
  fromOption: { en: (p) => ` (from ${p.option})`, zh: (p) => `（来自 ${p.option}）` },
  wholeScenario: { en: () => '(scenario)', zh: () => '（情景）' },
  invalidJson: { en: (p) => `invalid JSON: ${p.reason}`, zh: (p) => `JSON 格式错误：${p.reason}` },
  jsonUnexpectedEnd: { en: () => 'unexpected end of the text', zh: () => '文本意外结束' },
  jsonUnexpectedChar: {
    en: (p) => `unexpected character ${p.char}`,
    zh: (p) => `意外的字符 ${p.char}`,
  },
  setSyntax: {
    en: (p) => `--set ${p.assignment}: expected path=value, e.g. initial.volunteers=0.9`,
    zh: (p) => `--set ${p.assignment}：应写成 路径=值，如 initial.volunteers=0.9`,
  },
  setUnknownPath: {
    en: (p) => `--set ${p.path}: unknown path; see \`wushe schema\` for the fields`,
    zh: (p) => `--set ${p.path}：未知的路径；字段见 \`wushe schema\``,
  },
  setUnknownPathHint: {
    en: (p) =>
      `--set ${p.path}: unknown path (did you mean ${q(p.hint)}?); see \`wushe schema\` for the fields`,
    zh: (p) => `--set ${p.path}：未知的路径（是不是 ${q(p.hint)}？）；字段见 \`wushe schema\``,
  },
  setNotObject: {
    en: (p) => `--set ${p.path}: expects a JSON object, e.g. ${p.path}='{"${p.example}": …}'`,
    zh: (p) => `--set ${p.path}：需要一个 JSON 对象，如 ${p.path}='{"${p.example}": …}'`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type MessageId = keyof typeof MESSAGES;

/** The message `id` in `lang`, with its values filled in. */
export function message(id: MessageId, lang: Lang = 'en', params: MessageParams = {}): string {
  return (MESSAGES[id][lang] as Template)(params);
}

/**
 * One problem as a line: `path: message` in English, `path：message` in Chinese (the full-width
 * colon of Chinese text).
 */
export function issueLine(path: string, text: string, lang: Lang = 'en'): string {
  return `${path}${lang === 'zh' ? '：' : ': '}${text}`;
}

/** `'zh'` for a locale such as `zh_CN.UTF-8` or `zh-Hans`, otherwise `'en'`. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}
