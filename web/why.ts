import type { Pathway } from '../src/engine/result.ts';
import type { ElementId } from '../src/model/elements.ts';
import { t } from './i18n/index.ts';

/**
 * The "Why" sentence of a pathway in the interface language, built from the pathway's fields with
 * the interface's own names for the elements (the core's `reason` follows the same rules,
 * src/analysis/pathway.ts, but names the order by id).
 */
export function whyText(p: Pathway, leadWeeks: number, ticks: number): string {
  const name = (e: ElementId) => t(`el.${e}`);
  const short = (e: ElementId) => t(`short.${e}`);
  const first = p.firstMover;
  if (first === null) return ticks === 0 ? t('whyStart') : t('whyNone', { ticks });
  const week = p.rollIn[first] as number;
  const second = p.order[1];
  const lead = second ? (p.rollIn[second] as number) - week : ticks + 1 - week;
  const order = p.order.map(short).join(' → ');
  if (lead >= leadWeeks)
    return second
      ? t('whyLead', { name: name(first), week, lead, next: short(second), order })
      : t('whyAlone', { name: name(first), week, order });
  if (second) return t('whyClose', { name: name(first), week, lead, next: short(second), need: leadWeeks });
  return t('whyEnded', { name: name(first), week, lead, need: leadWeeks });
}
