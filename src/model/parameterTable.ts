import { ALL_NUMBERS, type NumberSpec } from './parameters.ts';

/** The parameter table in Markdown, generated from the declarations (docs/parameters.md). */
export function parameterTableMarkdown(specs: readonly NumberSpec[] = ALL_NUMBERS): string {
  const lines = [
    '# Parameters',
    '',
    'Generated from `src/model/parameters.ts` by `npm run docs:params`; do not edit by hand.',
    'Every field can be set in a scenario file at its path and from the command line with',
    '`--set path=value`. A source reading "assumption" is a modelling choice, not a measured value.',
    '',
    '| path | default | range | unit | 中文 | meaning | source |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of specs) {
    const range = `${s.min} – ${s.max}${s.integer ? ' (whole)' : ''}`;
    lines.push(
      `| \`${s.path}\` | ${s.default} | ${range} | ${s.unit} | ${s.label.zh} | ${s.label.en} | ${s.source.replaceAll('|', '\\|')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
