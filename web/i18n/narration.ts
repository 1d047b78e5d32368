import { COMMUNITY, VOLUNTEERS } from '../../src/model/elements.ts';

/** What a recorded event carries that a sentence can use (a subset of the worker's EventRow). */
export interface NarratedEvent {
  value: number;
  subject: number;
}

/**
 * Sentences for events whose meaning depends on what the event carries, beyond the mechanism's
 * name (the social-worker element of Model 2, src/engine/systems/socialWork.ts, and local money
 * taking over a project or contract, src/engine/systems/takeover.ts). Every other
 * mechanism is narrated by its name in src/model/mechanisms.ts. Returning undefined falls back to
 * the name.
 */
export const NARRATION: Record<string, (e: NarratedEvent) => { zh: string; en: string } | undefined> = {
  'committee-renews-contract': () => ({
    zh: '购买服务合同到期，社区续签，驻点社工再留一个合同期',
    en: 'the purchase-of-service contract ran out and the committee renewed it; the stationed social workers stay another term',
  }),
  'fund-buys-social-work': () => ({
    zh: '慈善基金有储备，再购买一名社工的服务时间',
    en: 'the charity fund, holding a reserve, bought one more social worker’s time',
  }),
  'local-takeover': (e) =>
    e.subject < 0
      ? {
          zh: '购买服务合同到期未续签，社区基金接手驻点社工，此后按周支付',
          en: 'the purchase-of-service contract ran out without renewal; the community fund took the stationed social workers over and pays them week by week',
        }
      : {
          zh: '资助到期，本地资金（社区基金与本地捐赠，或社区购买）接续这个项目直到期满',
          en: 'the grant ended and local money (the community fund and local donors, or the committee buying it on) took this project over until its term ends',
        },
  'social-worker-trains-para-professional': (e) =>
    e.subject === COMMUNITY
      ? {
          zh: '一名社区工作人员经社工培养，成为本土社工上岗',
          en: 'a committee staff member trained by social workers starts as a local para-professional',
        }
      : e.subject === VOLUNTEERS
        ? {
            zh: '一名骨干志愿者经社工培养，成为本土社工上岗',
            en: 'a core volunteer trained by social workers starts as a local para-professional',
          }
        : undefined,
};
