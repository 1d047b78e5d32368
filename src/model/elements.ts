/**
 * The five elements of 五社联动 (湖北省民政厅课题组 2021, 《中国民政》; docs/sources.md). The ids are a fixed
 * interface: scenario files, JSON output and outside tools rely on them.
 */
export const ELEMENTS = ['community', 'organizations', 'socialWorkers', 'volunteers', 'charity'] as const;
export type ElementId = (typeof ELEMENTS)[number];

export const COMMUNITY = 0;
export const ORGANIZATIONS = 1;
export const SOCIAL_WORKERS = 2;
export const VOLUNTEERS = 3;
export const CHARITY = 4;

/** The base (社工—社区联合行动) acts from week 0 in every practice model. */
export const BASE_ELEMENTS: readonly ElementId[] = ['community', 'socialWorkers'];
/** The carriers whose roll-in order defines the practice model. */
export const CARRIER_ELEMENTS: readonly ElementId[] = ['organizations', 'volunteers', 'charity'];

export const ELEMENT_NAMES: Record<ElementId, { zh: string; en: string }> = {
  community: { zh: '社区', en: 'Community committee' },
  organizations: { zh: '社会组织', en: 'Social organisations' },
  socialWorkers: { zh: '社会工作者', en: 'Social workers' },
  volunteers: { zh: '社区志愿者', en: 'Community volunteers' },
  charity: { zh: '社会慈善资源', en: 'Charity resources' },
};

/** Practice-model (mode) ids, a fixed interface. */
export const MODES = ['organization-led', 'volunteer-led', 'charity-led', 'mixed'] as const;
export type ModeId = (typeof MODES)[number];

/** Residents' needs, in the order the engine stores them. */
export const NEEDS = ['psychological', 'material', 'social'] as const;
export type NeedId = (typeof NEEDS)[number];

export const STRATEGIES = ['strengths-first', 'weakest-first', 'balanced'] as const;
export type StrategyId = (typeof STRATEGIES)[number];
