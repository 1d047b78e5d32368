import type { ElementId, ModeId, StrategyId } from '../model/elements.ts';
import { MECHANISMS } from './mechanisms.ts';

/** One linkage event: in week `tick`, `source` developed `target` through `mechanism`. */
export interface LinkageEvent {
  tick: number;
  mechanism: string;
  source: ElementId;
  target: ElementId;
  /** Strength the target gained from this event (strength units). */
  value: number;
  /**
   * Yuan the source put in through this event: a grant (`grant-to-organization`,
   * `grant-brings-professional-organization`) or a project's draw on the charity fund
   * (`project-funding`); 0 for every event that moved no money of the source's own.
   */
  amount: number;
  /** Resident who acted (−1 when the actor is not a resident, e.g. a fund). */
  actor: number;
  /** Resident, organisation, donor or project affected, by `subjectKind`. */
  subject: number;
  subjectKind: 'resident' | 'organization' | 'donor' | 'project' | 'partner';
  /** True for 动中联 (inside a project), false for 联中动 (cultivation between elements). */
  project: boolean;
}

export interface Flow {
  from: ElementId;
  to: ElementId;
  mechanism: string;
  count: number;
  /** Total strength the target gained through this flow. */
  strength: number;
}

export interface Pathway {
  /** The first carrier (organizations, volunteers or charity) to roll in; null if none did. */
  firstMover: ElementId | null;
  /** Carriers in the order they rolled in. */
  order: ElementId[];
  mode: ModeId;
  /** Week each element rolled in (null if it never did); the base rolls in when it first acts. */
  rollIn: Record<ElementId, number | null>;
  /** Week by which all five elements had rolled in, or null. */
  allInvolvedTick: number | null;
  /** Why the mode was chosen, in words (English and Chinese). */
  reason: { en: string; zh: string };
  /**
   * How robust the mode is to the measurement settings: over `settings` combinations of roll-in
   * threshold, events and lead around the run's own (analysis/pathway.ts), the share giving this
   * mode, and the count giving each mode.
   */
  robustness?: { share: number; settings: number; modes: Record<ModeId, number> };
}

export interface Outcomes {
  /** Share of residents ever served, per element. */
  coverage: Record<ElementId, number>;
  /** Share of residents served by any element. */
  servedAny: number;
  /** Mean need at the end, per need. */
  meanNeed: { psychological: number; material: number; social: number };
  /** Share of residents whose need fell below their value at the start of the run (after week-0 shocks). */
  improved: { psychological: number; material: number; social: number };
  meanBelonging: number;
  meanTrust: number;
  projects: { started: number; completed: number; failed: number };
  serviceContacts: Record<ElementId, number>;
}

/** The summary of a run (the JSON of `wushe run --json`); the field order is the output order. */
export interface RunSummary {
  scenario: string;
  seed: number;
  ticks: number;
  residents: number;
  strategy: StrategyId;
  pathway: Pathway;
  initial: { strength: Record<ElementId, number> };
  /** The final values of the reporters (reporters.ts) with `final` set. */
  final: { strength: Record<ElementId, number>; counts: Record<string, number> };
  /** The series reporters (reporters.ts), each an array of ticks + 1 values (week 0 = the initial state). */
  series: Record<string, number[]>;
  flows: Flow[];
  outcomes: Outcomes;
}

/** Entries per week of `RunRecording.produced`: one per mechanism and source element. */
export const PRODUCED_WIDTH = MECHANISMS.length * 5;

/** What the engine records of a run: the summary without the pathway, and what the pathway is read from. */
export type RunRecording = Omit<RunSummary, 'pathway'> & {
  /**
   * Linkage events with a positive value through which an element developed another element
   * without putting money in, cumulative up to the end of each week: index
   * `t * PRODUCED_WIDTH + mechanism * 5 + source` for week t (week 0 = before the first week).
   */
  produced: Float64Array;
  /**
   * Linkage events through which an element put money into another (`LinkageEvent.amount` > 0),
   * cumulative up to the end of each week: index `t * 5 + source`.
   */
  funded: Float64Array;
  /**
   * The yuan those events moved, net of what came back unused (a failed project returns its draws
   * to the fund), cumulative up to the end of each week: index `t * 5 + source`.
   */
  moved: Float64Array;
};
