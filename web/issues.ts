import { parseJson } from '../src/model/parse.ts';
import { type ScenarioFile, type ValidationResult, validateScenario } from '../src/model/scenario.ts';
import type { Lang } from './i18n/index.ts';

/**
 * The one place where the web app asks the core to read and check a scenario, and where every
 * validation message it shows is put into the interface language.
 *
 * Scenario checks ask the core for their messages in the interface language
 * (`validateScenario(value, { lang })`, from the message catalogue in src/model/messages.ts).
 * `localiseIssue` remains for the few English lines produced elsewhere (e.g. a landscape's ranges):
 * it translates the known wordings and shows an unknown one as it is.
 */

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const ZH_RULES: Rule[] = [
  [
    /^is required \(a short name such as "my-community"\)$/,
    () => '必须填写（一个简短的名称，如 "my-community"）',
  ],
  [/^is required$/, () => '必须填写'],
  [/^must be text, e\.g\. "my-community"$/, () => '必须是文字，如 "my-community"'],
  [
    /^must be letters, digits, "-", "_" or "\." \(at most 80\)$/,
    () => '只能由字母、数字、"-"、"_" 或 "." 组成（最多 80 个字符）',
  ],
  [/^must be a number \((.*)\)$/, (m) => `必须是数字（${m[1]}）`],
  [/^must be a number$/, () => '必须是数字'],
  [/^must be between (\S+) and (\S+)$/, (m) => `必须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^must be at least (\S+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be at most (\S+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must be at most (\S+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be a whole number$/, () => '必须是整数'],
  [/^min must not be above max$/, () => 'min 不能大于 max'],
  [/^must be one of (.*)$/, (m) => `必须是以下之一：${m[1]}`],
  [/^must be true or false$/, () => '必须是 true 或 false'],
  [
    /^week (\d+) is not before the end of the run \(ticks = (\d+)\)$/,
    (m) => `第 ${m[1]} 周不在模拟结束之前（ticks = ${m[2]}）`,
  ],
  // programme files: the two cross-field checks of src/model/programme.ts, which parseProgramme(json,
  // { lang }) leaves in English (its catalogue, src/model/programmeMessages.ts, covers the rest)
  [
    /^the instruments' shares add up to (\S+), more than the whole budget \(1\)$/,
    (m) => `各项工具的预算占比合计 ${m[1]}，超过了全部预算（1）`,
  ],
  [
    /^(\S+) weeks of funding do not fit in the horizon \(weeks = (\S+)\)$/,
    (m) => `${m[1]} 周的资助超出了规划期（weeks = ${m[2]}）`,
  ],
  // the rule "table" (src/model/programme.ts)
  [/^is required for rule "table"$/, () => '规则为 "table" 时必须填写'],
  [/^has (\d+) weights for (\d+) communities$/, (m) => `有 ${m[1]} 个权重，但社区有 ${m[2]} 个`],
  [/^needs at least one weight above 0$/, () => '至少要有一个大于 0 的权重'],
  [/^unknown key \(did you mean "(.*)"\?\)$/, (m) => `未知的字段（是不是 "${m[1]}"？）`],
  [/^unknown key$/, () => '未知的字段'],
  [/^unknown intervention type$/, () => '未知的干预类型'],
  [/^invalid JSON: Unexpected end of JSON input$/, () => 'JSON 格式错误：文本意外结束'],
  [/^invalid JSON: (.*)$/, (m) => `JSON 格式错误：${m[1]}`],
  [/^Invalid input.*$/, () => '无效'],
];

/** One line of the core's validation output, in `lang`. Lines look like `path: message`. */
export function localiseIssue(issue: string, lang: Lang): string {
  if (lang === 'en') return issue;
  const { path, text } = splitIssue(issue);
  for (const [re, zh] of ZH_RULES) {
    const m = text.match(re);
    if (m) return `${path === '(scenario)' ? '（情景）' : path}${path ? '：' : ''}${zh(m)}`;
  }
  return issue;
}

/** The path an issue line is about (`initial.community`, `interventions[0].tick`), or '' for the file. */
export function issuePath(issue: string): string {
  return splitIssue(issue).path;
}

/**
 * An issue line's path and message: the path is everything up to the first ": " (or "：", the
 * separator of the core's Chinese lines; a JSON error's path is name:line:column).
 */
function splitIssue(issue: string): { path: string; text: string } {
  const m = /: |：/.exec(issue);
  return m
    ? { path: issue.slice(0, m.index), text: issue.slice(m.index + m[0].length) }
    : { path: '', text: issue };
}

/** Validates a scenario, with the problems in `lang`. */
export function checkScenario(value: unknown, lang: Lang): ValidationResult {
  const v = validateScenario(value, { lang });
  return v.ok ? v : { ok: false, errors: v.errors.flatMap((e) => e.split('\n')) };
}

/** Reads scenario text: the file as written (defaults not filled in), or its problems in `lang`. */
export function readScenarioText(
  text: string,
  name: string,
  lang: Lang,
): { ok: true; file: ScenarioFile } | { ok: false; errors: string[] } {
  const json = parseJson(text, name, { lang });
  if (!json.ok) return { ok: false, errors: [json.error] };
  const v = checkScenario(json.value, lang);
  if (!v.ok) return v;
  const { $schema: _schema, ...file } = json.value as ScenarioFile;
  return { ok: true, file };
}
