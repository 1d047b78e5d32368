import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from './elements.ts';

/**
 * The linkage mechanisms: who develops whom, and how. 联中动 mechanisms (project: false) are the
 * cultivation channels between elements; 动中联 mechanisms (project: true) happen inside projects,
 * so their source is whichever element did the work for that project.
 */
export interface Mechanism {
  id: string;
  source: number;
  target: number;
  project: boolean;
  zh: string;
  en: string;
}

const M = (
  id: string,
  source: number,
  target: number,
  project: boolean,
  zh: string,
  en: string,
): Mechanism => ({
  id,
  source,
  target,
  project,
  zh,
  en,
});

/** -1 as source or target: decided per event (the project's leading or supplying element). */
export const ANY = -1;

export const MECHANISMS: readonly Mechanism[] = [
  // 联中动: carrier to carrier
  M(
    'capable-members-volunteer',
    ORGANIZATIONS,
    VOLUNTEERS,
    false,
    '组织能人带头做志愿服务',
    'capable members of an organisation start volunteering',
  ),
  M(
    'core-volunteer-founds-organization',
    VOLUNTEERS,
    ORGANIZATIONS,
    false,
    '骨干志愿者创办社会组织',
    'a core volunteer founds an organisation',
  ),
  M(
    'volunteer-network-donor',
    VOLUNTEERS,
    CHARITY,
    false,
    '志愿者人脉带来捐赠者',
    'a volunteer\u2019s network brings a donor',
  ),
  M(
    'organization-sponsor',
    ORGANIZATIONS,
    CHARITY,
    false,
    '社会组织链接企业赞助',
    'an organisation finds a sponsor',
  ),
  M(
    'grant-to-organization',
    CHARITY,
    ORGANIZATIONS,
    false,
    '慈善资金资助社会组织',
    'a grant funds an organisation',
  ),
  M(
    'grant-brings-professional-organization',
    CHARITY,
    ORGANIZATIONS,
    false,
    '资助引入专业社会组织',
    'a grant brings in a professional organisation',
  ),
  M(
    'grant-brings-volunteers',
    CHARITY,
    VOLUNTEERS,
    false,
    '资助带来专业志愿者',
    'a grant brings volunteers with it',
  ),
  M(
    'core-volunteer-joins-council',
    VOLUNTEERS,
    COMMUNITY,
    false,
    '骨干加入居民议事会',
    'a core volunteer joins the residents\u2019 council',
  ),
  // 联中动: the base (committee and social workers)
  M(
    'committee-hosts-organization',
    COMMUNITY,
    ORGANIZATIONS,
    false,
    '社区搭台孵化组织',
    'the committee hosts a new organisation',
  ),
  M(
    'committee-mobilises-volunteer',
    COMMUNITY,
    VOLUNTEERS,
    false,
    '社区动员居民做志愿者',
    'the committee mobilises a volunteer',
  ),
  M(
    'committee-introduces-resources',
    COMMUNITY,
    CHARITY,
    false,
    '社区链接辖区资源',
    'the committee links a local enterprise',
  ),
  M(
    'social-worker-incubates-organization',
    SOCIAL_WORKERS,
    ORGANIZATIONS,
    false,
    '社工孵化社会组织',
    'a social worker incubates an organisation',
  ),
  M(
    'social-worker-recruits-volunteer',
    SOCIAL_WORKERS,
    VOLUNTEERS,
    false,
    '社工招募志愿者',
    'a social worker asks a resident to volunteer',
  ),
  M(
    'social-worker-raises-funds',
    SOCIAL_WORKERS,
    CHARITY,
    false,
    '社工募集资源',
    'a social worker raises funds',
  ),
  // the social-worker element itself: contracts, purchases, para-professionals
  M(
    'committee-renews-contract',
    COMMUNITY,
    SOCIAL_WORKERS,
    false,
    '社区续签政府购买服务合同',
    'the committee renews the purchase-of-service contract',
  ),
  M(
    'fund-buys-social-work',
    CHARITY,
    SOCIAL_WORKERS,
    false,
    '慈善资金购买社工服务',
    'the fund buys social-work time',
  ),
  M(
    'social-worker-trains-para-professional',
    SOCIAL_WORKERS,
    SOCIAL_WORKERS,
    false,
    '社工培养本土社工',
    'social workers train a local para-professional',
  ),
  // money has terms: when a grant or a purchase-of-service contract ends, local money may carry on
  // what it paid for (the community fund, which local donors keep filling, or the committee)
  M(
    'local-takeover',
    ANY,
    ANY,
    false,
    '社区基金、本地捐赠或社区接续到期的项目与合同',
    'local money (the community fund, local donors or the committee) takes over a project or contract whose funding ended',
  ),
  // growth inside an element
  M(
    'peer-asks-volunteer',
    VOLUNTEERS,
    VOLUNTEERS,
    false,
    '志愿者邀请邻居加入',
    'a volunteer asks a neighbour to join',
  ),
  M(
    'volunteer-becomes-core',
    VOLUNTEERS,
    VOLUNTEERS,
    false,
    '志愿者成长为骨干',
    'a volunteer becomes a core volunteer',
  ),
  M(
    'neighbour-joins-organization',
    ORGANIZATIONS,
    ORGANIZATIONS,
    false,
    '邻居加入社会组织',
    'a neighbour joins an organisation',
  ),
  // 动中联: inside projects
  M('project-funding', CHARITY, ANY, true, '慈善资金支持项目', 'charity funds a project'),
  M(
    'project-fundraising',
    ANY,
    CHARITY,
    true,
    '项目负责人为项目筹资',
    'a project\u2019s leader finds a donor for it',
  ),
  M(
    'project-mobilises-organization',
    ANY,
    ORGANIZATIONS,
    true,
    '项目动员社会组织承接',
    'a project mobilises an organisation to carry it',
  ),
  M('project-recruits-volunteer', ANY, VOLUNTEERS, true, '项目招募志愿者', 'a project recruits a volunteer'),
  M(
    'project-legacy-core',
    ANY,
    VOLUNTEERS,
    true,
    '项目结束留下骨干',
    'a finished project leaves a core volunteer',
  ),
  M(
    'project-legacy-partner',
    ANY,
    COMMUNITY,
    true,
    '项目结束留下共建单位',
    'a finished project leaves a partner unit',
  ),
];

export const MECHANISM_INDEX: Record<string, number> = Object.fromEntries(
  MECHANISMS.map((m, i) => [m.id, i]),
);

/**
 * Processes that are not linkage events between elements (limits, decay, terms, the committee's
 * platform, social workers' support of other channels) but can be switched off like them.
 */
export interface Process {
  id: string;
  zh: string;
  en: string;
}

export const PROCESSES: readonly Process[] = [
  {
    id: 'social-worker-support',
    zh: '社工专业支撑（催化各渠道）',
    en: 'social workers multiply the channels they support',
  },
  {
    id: 'social-worker-project-design',
    zh: '社工需求评估与项目设计',
    en: 'social workers assess needs and design projects',
  },
  { id: 'incubation-lag', zh: '孵化与培训需要时间', en: 'incubation and training take time' },
  { id: 'contract-end', zh: '购买服务合同到期', en: 'purchase-of-service contracts end' },
  { id: 'skill-learning', zh: '社工在实践中成长', en: 'social workers learn from practice' },
  { id: 'para-professional-turnover', zh: '本土社工流失', en: 'local para-professionals leave' },
  { id: 'committee-turnover', zh: '社区工作人员流动', en: 'committee staff turn over' },
  {
    id: 'administrative-burden',
    zh: '行政事务负担',
    en: 'administrative work eats the committee\u2019s time',
  },
  { id: 'committee-venues', zh: '社区提供场地', en: 'the committee provides venues' },
  { id: 'committee-contacts', zh: '社区提供居民联系', en: 'the committee opens its contacts with residents' },
  {
    id: 'actors-deliver-aid',
    zh: '慈善资源经由行动主体送达居民',
    en: 'charity aid reaches residents through an actor (committee, social workers, volunteers, organisations)',
  },
  {
    id: 'partner-link-lapse',
    zh: '共建关系缺少共同行动而失效',
    en: 'partner links lapse without joint work',
  },
  {
    id: 'member-pool-limit',
    zh: '组织争夺有限的参与者',
    en: 'organisations compete for a finite pool of willing residents',
  },
  { id: 'volunteer-lapse', zh: '志愿者流失', en: 'volunteers lapse' },
  { id: 'core-burnout', zh: '骨干倦怠退回普通志愿者', en: 'core volunteers burn out and step back' },
  { id: 'leader-exit', zh: '组织带头人离开', en: 'organisation leaders leave' },
  { id: 'organization-closure', zh: '组织关闭', en: 'organisations close' },
  { id: 'donor-lapse', zh: '捐赠者停止捐赠', en: 'donors stop giving' },
  { id: 'resident-turnover', zh: '居民迁入迁出', en: 'residents move in and out' },
  {
    id: 'project-budget-terms',
    zh: '项目按预算取资金、资金断则提前结束',
    en: 'projects draw what their budget needs and stop when money runs out',
  },
];

/** Every id that a scenario's `knockouts` may name: the linkage mechanisms, then the processes. */
export const KNOCKOUT_IDS: readonly string[] = [
  ...MECHANISMS.map((m) => m.id),
  ...PROCESSES.map((p) => p.id),
];

/** Index of a process in the knock-out table (after the mechanisms). */
export const PROCESS_INDEX: Record<string, number> = Object.fromEntries(
  PROCESSES.map((p, i) => [p.id, MECHANISMS.length + i]),
);
