import type { Pathway } from '../engine/result.ts';
import { CARRIER_ELEMENTS, ELEMENT_NAMES, ELEMENTS, type ElementId, type ModeId } from '../model/elements.ts';

const MODE_OF: Record<string, ModeId> = {
  organizations: 'organization-led',
  volunteers: 'volunteer-led',
  charity: 'charity-led',
};

/**
 * The pathway of a run, read off its own linkage events (docs/ODD.md, "Pathway analysis").
 *
 * An element rolls in in the week in which the strength it has produced in *other* elements, summed
 * over all its linkage events, first reaches `threshold`; the base (committee, social workers) rolls
 * in when it first acts. The first mover is the carrier that rolled in first; the order lists the
 * carriers by roll-in week. The mode is the first mover's practice model when it led the next
 * carrier by at least `leadWeeks` weeks (or the next never rolled in); otherwise `mixed`.
 */
export function analysePathway(rollInWeeks: ArrayLike<number>, leadWeeks: number, ticks: number): Pathway {
  const rollIn = {} as Record<ElementId, number | null>;
  ELEMENTS.forEach((e, i) => {
    rollIn[e] = rollInWeeks[i] >= 0 ? rollInWeeks[i] : null;
  });
  const order = CARRIER_ELEMENTS.filter((e) => rollIn[e] !== null).sort(
    (a, b) => (rollIn[a] as number) - (rollIn[b] as number) || ELEMENTS.indexOf(a) - ELEMENTS.indexOf(b),
  );
  const firstMover = order[0] ?? null;
  const all = ELEMENTS.every((e) => rollIn[e] !== null);
  const allInvolvedTick = all ? Math.max(...ELEMENTS.map((e) => rollIn[e] as number)) : null;
  let mode: ModeId = 'mixed';
  let reason: Pathway['reason'];
  if (firstMover === null) {
    reason = {
      en: `No carrier element rolled in within ${ticks} weeks: the base acted alone.`,
      zh: `${ticks}周内没有载体要素被卷入：只有社区与社工在行动。`,
    };
  } else {
    const first = rollIn[firstMover] as number;
    const second = order[1];
    const lead = second ? (rollIn[second] as number) - first : ticks + 1 - first;
    const name = ELEMENT_NAMES[firstMover];
    if (lead >= leadWeeks) {
      mode = MODE_OF[firstMover];
      const next = second
        ? {
            en: `${lead} weeks before ${ELEMENT_NAMES[second].en.toLowerCase()}`,
            zh: `比${ELEMENT_NAMES[second].zh}早${lead}周`,
          }
        : { en: 'and no other carrier followed', zh: '其他载体要素未被卷入' };
      reason = {
        en: `${name.en} moved first (week ${first}), ${next.en}; order: ${order.join(' → ')}.`,
        zh: `${name.zh}率先行动（第${first}周），${next.zh}；顺序：${order.map((e) => ELEMENT_NAMES[e].zh).join('→')}。`,
      };
    } else if (second) {
      reason = {
        en: `${name.en} moved first (week ${first}) but ${ELEMENT_NAMES[second].en.toLowerCase()} followed within ${lead} week(s), less than the ${leadWeeks} needed for a clear lead.`,
        zh: `${name.zh}率先行动（第${first}周），但${ELEMENT_NAMES[second].zh}在${lead}周内跟进，不足${leadWeeks}周，没有明显的先行要素。`,
      };
    } else {
      // the only carrier rolled in too close to the end of the run to show a clear lead
      reason = {
        en: `${name.en} moved first (week ${first}) but the run ended ${lead} week(s) later, less than the ${leadWeeks} needed for a clear lead.`,
        zh: `${name.zh}率先行动（第${first}周），但${lead}周后模拟即结束，不足${leadWeeks}周，没有明显的先行要素。`,
      };
    }
  }
  return { firstMover, order, mode, rollIn, allInvolvedTick, reason };
}
