import { MECHANISM_INDEX, MECHANISMS } from '../engine/mechanisms.ts';
import type { Pathway } from '../engine/result.ts';
import {
  BASE_ELEMENTS,
  CARRIER_ELEMENTS,
  ELEMENT_NAMES,
  ELEMENTS,
  type ElementId,
  MODES,
  type ModeId,
} from '../model/elements.ts';
import type { Parameters } from '../model/parameters.ts';

const MODE_OF: Record<string, ModeId> = {
  organizations: 'organization-led',
  volunteers: 'volunteer-led',
  charity: 'charity-led',
};

/** The measurement settings of the pathway (parameters `pathway.*`, docs/parameters.md). */
export interface PathwaySettings {
  /** People per 1,000 residents a carrier must have engaged in other elements. */
  rollInThreshold: number;
  /** Yuan an element puts into others that count as one person engaged. */
  yuanPerPerson: number;
  /** … in at least this many events, whatever the community's size. */
  rollInEvents: number;
  /** Lead in weeks the first carrier needs over the next for a clear practice model. */
  leadWeeks: number;
}

/** What the pathway is read from: the run's record (engine/result.ts), up to week `ticks`. */
export interface PathwayInput {
  ticks: number;
  residents: number;
  /** `RunRecording.produced`: events that moved no money, per week, mechanism and source element. */
  produced: Float64Array;
  /** `RunRecording.funded`: events through which an element put money in, per week and source element. */
  funded: Float64Array;
  /** `RunRecording.moved`: the yuan of those events, per week and source element. */
  moved: Float64Array;
  /** Weekly series; `committeeStaff` and `socialWorkers` tell when the base had anyone to act. */
  series: Record<string, ArrayLike<number>>;
}

const BASE_PRESENCE: Record<string, string> = { community: 'committeeStaff', socialWorkers: 'socialWorkers' };

/** Mechanisms through which a new organisation is founded (it counts as the people it starts with). */
const FOUNDING = new Set(
  [
    'core-volunteer-founds-organization',
    'grant-brings-professional-organization',
    'committee-hosts-organization',
    'social-worker-incubates-organization',
  ].map((id) => {
    if (MECHANISM_INDEX[id] === undefined) throw new Error(`pathway: no mechanism ${id}`);
    return MECHANISM_INDEX[id];
  }),
);

/**
 * The roll-in rule, the one place it is stated (docs/ODD.md, "Pathway analysis"). Returns the week
 * each element rolled in, −1 if it did not by week `ticks`.
 *
 * What an event adds towards roll-in is on one scale for every element, people engaged: a new
 * volunteer, member, core volunteer, donor or partner counts one, a new organisation counts the
 * people it starts with (its leader and `organizations.foundingSize` founding members), and money an
 * element puts in (a grant, a project's draw on the charity fund) counts by its amount,
 * `pathway.yuanPerPerson` yuan to the person, instead of the people it paid for. So a single
 * founding cannot outweigh a movement, and a handful of small draws cannot roll charity in where
 * one large grant counts. A carrier rolls in in the first week in which the people it has engaged
 * in *other* elements reach `pathway.rollInThreshold` per 1,000 residents, in at least
 * `pathway.rollInEvents` events. The base (committee, social workers) rolls in in the first week
 * in which it acts: it had staff at the start of the week, or it developed another element.
 */
export function rollInWeeks(input: PathwayInput, p: Parameters, settings = pathwaySettings(p)): Int32Array {
  return rollInFrom(produce(input, p), input, settings);
}

/**
 * What each element engaged in others, cumulative per week ([e][t]): people through events that
 * moved no money (weighted), yuan through events that did, and the number of events.
 */
interface Produced {
  people: Float64Array[];
  yuan: Float64Array[];
  events: Float64Array[];
}

function produce(input: PathwayInput, p: Parameters): Produced {
  const { ticks, produced, funded, moved } = input;
  const width = MECHANISMS.length * 5;
  const weight = MECHANISMS.map((_, m) => (FOUNDING.has(m) ? 1 + p.organizations.foundingSize : 1));
  const people = ELEMENTS.map(() => new Float64Array(ticks + 1));
  const yuan = ELEMENTS.map(() => new Float64Array(ticks + 1));
  const events = ELEMENTS.map(() => new Float64Array(ticks + 1));
  for (let t = 0; t <= ticks; t++) {
    for (let s = 0; s < 5; s++) {
      yuan[s][t] = moved[t * 5 + s];
      events[s][t] = funded[t * 5 + s];
    }
    for (let m = 0; m < MECHANISMS.length; m++) {
      for (let s = 0; s < 5; s++) {
        const n = produced[t * width + m * 5 + s];
        people[s][t] += n * weight[m];
        events[s][t] += n;
      }
    }
  }
  return { people, yuan, events };
}

function rollInFrom(produced: Produced, input: PathwayInput, settings: PathwaySettings): Int32Array {
  const weeks = new Int32Array(5).fill(-1);
  const needed = (settings.rollInThreshold * input.residents) / 1000;
  const { people, yuan, events } = produced;
  ELEMENTS.forEach((e, i) => {
    const base = BASE_ELEMENTS.includes(e);
    const presence = base ? input.series[BASE_PRESENCE[e]] : undefined;
    for (let t = 1; t <= input.ticks; t++) {
      const engaged = people[i][t] + yuan[i][t] / settings.yuanPerPerson;
      const acted = base
        ? (presence !== undefined && presence[t - 1] > 0) || events[i][t] > 0
        : engaged >= needed && events[i][t] >= settings.rollInEvents;
      if (acted) {
        weeks[i] = t;
        break;
      }
    }
  });
  return weeks;
}

/**
 * The settings around `settings` over which robustness is measured: each of the four (threshold,
 * yuan per person, events, lead) ×1/spread, ×1, ×spread, 81 combinations.
 */
export function robustnessSettings(settings: PathwaySettings, spread: number): PathwaySettings[] {
  const f = spread > 1 ? [1 / spread, 1, spread] : [1];
  const out: PathwaySettings[] = [];
  for (const a of f)
    for (const y of f)
      for (const b of f)
        for (const c of f)
          out.push({
            rollInThreshold: settings.rollInThreshold * a,
            yuanPerPerson: settings.yuanPerPerson * y,
            rollInEvents: Math.max(1, Math.round(settings.rollInEvents * b)),
            leadWeeks: Math.round(settings.leadWeeks * c),
          });
  return out;
}

/** The pathway measurement settings of a run's parameters. */
export function pathwaySettings(p: Parameters): PathwaySettings {
  return {
    rollInThreshold: p.pathway.rollInThreshold,
    yuanPerPerson: p.pathway.yuanPerPerson,
    rollInEvents: p.pathway.rollInEvents,
    leadWeeks: p.pathway.leadWeeks,
  };
}

/**
 * The pathway of a run, read off its record: roll-in weeks under `settings`, the first mover, the
 * order, the mode, and how robust the mode is — the share of the settings within a factor
 * `pathway.robustnessSpread` of these (81 combinations, docs/ODD.md) that give the same mode.
 */
export function analysePathway(input: PathwayInput, p: Parameters): Pathway {
  const produced = produce(input, p);
  const settings = pathwaySettings(p);
  const pathway = pathwayFromWeeks(rollInFrom(produced, input, settings), settings.leadWeeks, input.ticks);
  const grid = robustnessSettings(settings, p.pathway.robustnessSpread);
  const modes = Object.fromEntries(MODES.map((m) => [m, 0])) as Record<ModeId, number>;
  for (const s of grid)
    modes[pathwayFromWeeks(rollInFrom(produced, input, s), s.leadWeeks, input.ticks).mode]++;
  pathway.robustness = { share: round(modes[pathway.mode] / grid.length), settings: grid.length, modes };
  return pathway;
}

/** The mode of a run under other measurement settings (for robustness and for tests). */
export function modeUnder(input: PathwayInput, p: Parameters, settings: PathwaySettings): ModeId {
  return pathwayFromWeeks(rollInWeeks(input, p, settings), settings.leadWeeks, input.ticks).mode;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * First mover, order and mode from the roll-in weeks (−1 = not rolled in). The first mover is the
 * carrier that rolled in first; the order lists the carriers by roll-in week. The mode is the first
 * mover's practice model when it led the next carrier by at least `leadWeeks` weeks (or the next
 * never rolled in within the run); otherwise `mixed`.
 */
export function pathwayFromWeeks(weeks: ArrayLike<number>, leadWeeks: number, ticks: number): Pathway {
  const rollIn = {} as Record<ElementId, number | null>;
  ELEMENTS.forEach((e, i) => {
    rollIn[e] = weeks[i] >= 0 ? weeks[i] : null;
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
