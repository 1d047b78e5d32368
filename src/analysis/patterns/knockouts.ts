import { MECHANISMS, type Mechanism } from '../../engine/mechanisms.ts';
import type { RunSummary } from '../../engine/result.ts';
import { ELEMENTS } from '../../model/elements.ts';
import { community, REPORT } from './common.ts';
import type { Pattern } from './types.ts';

/** A middling community whose base spreads its effort evenly (balanced), so every channel is in use. */
const base = community({}, { strategy: 'balanced' });
const off = (ids: string[]) => community({}, { strategy: 'balanced', knockouts: ids });

/** Every 联中动 channel between two different carriers or from the base: knocked out, its target grows less. */
const CHANNELS = MECHANISMS.filter(
  (m) => !m.project && m.source >= 0 && m.target >= 0 && m.source !== m.target,
);
/** Every linkage mechanism between elements, 联中动 and 动中联. */
const LINKAGE = MECHANISMS.filter((m) => m.project || m.source !== m.target).map((m) => m.id);
const PROJECTS = MECHANISMS.filter((m) => m.project).map((m) => m.id);

const gain = (s: RunSummary, e: number) => s.final.strength[ELEMENTS[e]] - s.initial.strength[ELEMENTS[e]];

function channel({ id, source, target, zh, en }: Mechanism): Pattern {
  return {
    id: `knockout-${id}`,
    title: { zh: `关闭：${zh}`, en: `Knocked out: ${en}` },
    source: `${REPORT}: the channel ${ELEMENTS[source]} → ${ELEMENTS[target]}; knock-out test`,
    expected: `with ${id} knocked out, ${ELEMENTS[target]} gains less strength over two years than with it: the mean difference and its whole 95% interval below 0`,
    arms: { base, off: off([id]) },
    judge: { kind: 'mean', below: 0, wholeInterval: true },
    unit: `${ELEMENTS[target]} strength gained without − with (strength units)`,
    measure: (r) => gain(r.off, target) - gain(r.base, target),
  };
}

export const KNOCKOUT_PATTERNS: Pattern[] = [
  ...CHANNELS.map(channel),
  {
    id: 'knockout-projects',
    title: { zh: '没有动中联项目', en: 'No 动中联 projects' },
    source: `${REPORT}: 动中联, projects bring organisations in`,
    expected:
      'with every project mechanism knocked out, fewer organisations at the end of two years: the mean difference and its whole 95% interval below 0',
    arms: { base, off: off(PROJECTS) },
    judge: { kind: 'mean', below: 0, wholeInterval: true },
    unit: 'organisations without − with projects',
    measure: (r) => r.off.final.counts.organizations - r.base.final.counts.organizations,
  },
  {
    id: 'knockout-all-linkage',
    title: { zh: '关闭全部联动', en: 'All linkage knocked out' },
    source: `${REPORT}: linkage is what improves residents' lives`,
    expected:
      'with every linkage mechanism knocked out, fewer residents served and fewer residents improved (all three needs), in at least 70% of paired runs',
    arms: { base, off: off(LINKAGE) },
    judge: { kind: 'share', atLeast: 0.7 },
    unit: 'paired runs with fewer served and fewer improved',
    measure: (r) => {
      const improved = (s: RunSummary) =>
        s.outcomes.improved.psychological + s.outcomes.improved.material + s.outcomes.improved.social;
      return [r.off.outcomes.servedAny < r.base.outcomes.servedAny && improved(r.off) < improved(r.base)];
    },
  },
];
