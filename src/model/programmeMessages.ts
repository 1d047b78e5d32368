/** The programme validator’s fixed phrases in both languages (field paths stay as written). */
export type ProgrammeLang = 'en' | 'zh';

const MESSAGES = {
  'unknown-key': { en: 'unknown key', zh: '未知字段' },
  'did-you-mean': { en: 'did you mean', zh: '是否想写' },
  required: { en: 'is required', zh: '为必填项' },
  'invalid-json': { en: 'invalid JSON', zh: 'JSON 格式错误' },
  'communities-form': {
    en: 'must be a whole number of communities or a list of scenario files',
    zh: '应为社区个数（整数）或情景文件列表',
  },
} as const;

export type ProgrammeMessageId = keyof typeof MESSAGES;

export function programmeMessage(id: ProgrammeMessageId, lang: ProgrammeLang): string {
  return MESSAGES[id][lang];
}

/** Chinese for the validator's generated messages (ranges, types, choices); other text stays as written. */
const PATTERNS: [RegExp, string][] = [
  [/^must be between (\S+) and (\S+)$/, '应在 $1 与 $2 之间'],
  [/^must be a number \((.*)\)$/, '应为数字（$1）'],
  [/^must be a whole number$/, '应为整数'],
  [/^must be one of (.*)$/, '应为以下之一：$1'],
  [/^must not be negative$/, '不能为负数'],
  [/^is required$/, '为必填项'],
];

/** A generated validation message in `lang` (unchanged in English or when no pattern matches). */
export function translateMessage(message: string, lang: ProgrammeLang): string {
  if (lang === 'en') return message;
  for (const [re, zh] of PATTERNS) if (re.test(message)) return message.replace(re, zh);
  return message;
}
