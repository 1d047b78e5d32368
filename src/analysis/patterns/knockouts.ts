import { MECHANISMS, type Mechanism } from '../../engine/mechanisms.ts';
import type { RunSummary } from '../../engine/result.ts';
import { ELEMENTS } from '../../model/elements.ts';
import { LINKAGE_MECHANISMS } from '../knockout.ts';
import { community, meanOver, REPORT } from './common.ts';
import type { Pattern } from './types.ts';

/** A middling community whose base spreads its effort evenly (balanced), so every channel is in use. */
export const KNOCKOUT_BASE = community({}, { strategy: 'balanced' });
const base = KNOCKOUT_BASE;
const off = (ids: string[]) => community({}, { strategy: 'balanced', knockouts: ids });

/** Every 联中动 channel between two different carriers or from the base: knocked out, its target grows less. */
export const CHANNELS = MECHANISMS.filter(
  (m) => !m.project && m.source >= 0 && m.target >= 0 && m.source !== m.target,
);
/** Every linkage mechanism between elements, 联中动 and 动中联, and charity aid's delivery by an actor (analysis/knockout.ts). */
const LINKAGE = [...LINKAGE_MECHANISMS];
const PROJECTS = MECHANISMS.filter((m) => m.project).map((m) => m.id);

/**
 * The target's strength averaged over every week of the run (weeks 1 … end; the area under its
 * curve divided by the run's length). Measurement choice: with finite room for organisations and a
 * finite pool of willing residents, the other channels fill the room a knocked-out channel leaves, so
 * the channel mostly delays the target's growth; an end level two years on misses a delay that the
 * strength-weeks over the run count. Knock-outs also change which random draws later events get, so
 * a seed's two runs are only loosely paired; averaging over the whole run evens out part of that.
 */
const strengthWeeks = (s: RunSummary, e: number) => meanOver(s, `strength.${ELEMENTS[e]}`, 1, s.ticks);

/** Organisations founded during the run (the reporter `organizationsFounded`). */
const founded = (s: RunSummary) => {
  const v = s.final.counts.organizationsFounded;
  if (v === undefined) throw new Error('no reporter organizationsFounded');
  return v;
};

function channel({ id, source, target, zh, en }: Mechanism): Pattern {
  return {
    id: `knockout-${id}`,
    title: { zh: `关闭：${zh}`, en: `Knocked out: ${en}` },
    source: `${REPORT}: the channel ${ELEMENTS[source]} → ${ELEMENTS[target]}; knock-out test`,
    expected: `with ${id} knocked out, ${ELEMENTS[target]} is weaker over the two years (its strength averaged over every week of the run: a delay counts, not only the level at the end) than with it: the mean difference and its whole 95% interval below 0`,
    arms: { base, off: off([id]) },
    judge: { kind: 'mean', below: 0, wholeInterval: true },
    unit: `${ELEMENTS[target]} strength averaged over weeks 1–104, without − with (strength units)`,
    measure: (r) => strengthWeeks(r.off, target) - strengthWeeks(r.base, target),
  };
}

export const KNOCKOUT_PATTERNS: Pattern[] = [
  ...CHANNELS.map(channel),
  {
    id: 'knockout-projects',
    title: { zh: '没有动中联项目', en: 'No 动中联 projects' },
    source: `${REPORT}: 动中联, projects bring organisations in`,
    expected:
      'with every project mechanism knocked out, fewer organisations founded over the two years (by any element: projects’ money, core volunteers, the base, grants): the mean difference and its whole 95% interval below 0',
    arms: { base, off: off(PROJECTS) },
    judge: { kind: 'mean', below: 0, wholeInterval: true },
    unit: 'organisations founded in weeks 1–104, without − with projects',
    measure: (r) => founded(r.off) - founded(r.base),
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
