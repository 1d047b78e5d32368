import { SOCIAL_WORKERS } from '../../src/model/elements.ts';
import { MECHANISMS } from '../../src/model/mechanisms.ts';
import type { ScenarioFile } from '../../src/model/scenario.ts';
import { presetById } from '../presets.ts';

/** Text in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One run a lesson sets up with one click. */
export interface LessonRun {
  id: string;
  label: Bilingual;
  setup(): ScenarioFile;
}

/**
 * A guided lesson (docs/teaching.md, "Exercises"): a question, a prediction the student records
 * (one of a few choices, and why), runs set up with one click, what to look at, and a reflection.
 */
export interface Lesson {
  id: string;
  title: Bilingual;
  question: Bilingual;
  choices: Bilingual[];
  runs: LessonRun[];
  look: Bilingual;
  reflect: Bilingual;
}

function preset(id: string, change?: (f: ScenarioFile) => void): ScenarioFile {
  const f = presetById(id)!;
  change?.(f);
  return f;
}

/**
 * Social workers taken out of the community, as the pattern battery does (`social-workers-key`):
 * none at the start, and every mechanism that would bring them in (contracts, fund-paid time,
 * training local para-professionals) knocked out, so none arrive during the run either.
 */
export function withoutSocialWorkers(f: ScenarioFile): void {
  f.initial.socialWorkers = 0;
  f.knockouts = [...new Set([...(f.knockouts ?? []), ...BRING_SOCIAL_WORKERS])];
}

const BRING_SOCIAL_WORKERS = MECHANISMS.filter(
  (m) => m.target === SOCIAL_WORKERS && m.source !== SOCIAL_WORKERS,
).map((m) => m.id);

/** The Hubei programme's whole money per resident (≈286,000 yuan a year for ≈8,000 residents, social workers' pay included) as one grant for this community, paid over two years. */
function grant(f: ScenarioFile): void {
  const perResidentYear = 286_000 / 8_000;
  const amount = Math.round((perResidentYear * f.residents * 2) / 1000) * 1000;
  f.interventions = [...(f.interventions ?? []), { type: 'grant', tick: 0, amount, weeks: 104 }];
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'practice-models',
    title: { zh: '三种实践模式', en: 'The three practice models' },
    question: {
      zh: '一个社区的社会组织、志愿者或慈善资源起点较强时，哪个要素会最先把其他要素卷进来？卷入的顺序会怎样？',
      en: 'When a community starts with strong organisations, volunteers or charity, which element pulls the others in first, and in what order do the rest follow?',
    },
    choices: [
      {
        zh: '起点最强的要素最先行动，其余按强弱依次卷入',
        en: 'The element that starts strongest moves first; the others follow from strong to weak',
      },
      {
        zh: '顺序由社区和社工决定，与起点强弱无关',
        en: 'The committee and social workers decide the order, whatever the starting strengths',
      },
      { zh: '顺序大体是偶然的', en: 'The order is mostly chance' },
    ],
    runs: [
      {
        id: 'organization-led',
        label: { zh: '社会组织卷联型', en: 'Organisation-led' },
        setup: () => preset('organization-led'),
      },
      {
        id: 'volunteer-led',
        label: { zh: '社区志愿者卷联型', en: 'Volunteer-led' },
        setup: () => preset('volunteer-led'),
      },
      {
        id: 'charity-led',
        label: { zh: '社会慈善资源卷联型', en: 'Charity-led' },
        setup: () => preset('charity-led'),
      },
    ],
    look: {
      zh: '按“运行到结束”，然后看“联动路径与实践模式”：先行要素、卷入顺序、五社全部卷入的周次。对照五社联动图中圆圈的大小。',
      en: 'Press Run to end, then read “Pathway and practice model”: the first mover, the roll-in order and the week all five were involved. Compare the circle sizes in the linkage diagram.',
    },
    reflect: {
      zh: '为什么最弱的要素最后才卷入，甚至两年内没有卷入？在你熟悉的社区里是这样吗？',
      en: 'Why does the weakest element come last, or not at all within two years? Is that what you see in communities you know?',
    },
  },
  {
    id: 'social-workers',
    title: { zh: '社工带来了什么？', en: 'What do social workers add?' },
    question: {
      zh: '如果社区里没有社工，只有居委会在推动，五社联动会怎样？',
      en: 'If the community has no social workers and only the committee drives the work, what happens to the linkage?',
    },
    choices: [
      { zh: '照样卷入，速度差不多', en: 'The elements roll in anyway, about as fast' },
      { zh: '卷入变慢，但最终都会卷入', en: 'Roll-in is slower, but all elements get there' },
      { zh: '有些要素始终没有卷入', en: 'Some elements never roll in' },
    ],
    runs: [
      {
        id: 'with',
        label: { zh: '有社工（社会组织卷联型）', en: 'With social workers (organisation-led)' },
        setup: () => preset('organization-led'),
      },
      {
        id: 'without',
        label: { zh: '没有社工（同一社区）', en: 'Without social workers (same community)' },
        setup: () => preset('organization-led', withoutSocialWorkers),
      },
    ],
    look: {
      zh: '比较两次运行：五社全部卷入的周次、社会组织和志愿者的强度曲线、事件记录里社工发起的事件（按“社会工作者”筛选）。',
      en: 'Compare the two runs: the week all five were involved, the strength lines of organisations and volunteers, and the events social workers started (filter the event log by “Social workers”).',
    },
    reflect: {
      zh: '社工做的哪些事是居委会难以替代的？报告为什么把“社区＋社工”称为联动的基础？',
      en: 'Which of the social workers’ tasks can the committee not easily take over? Why does the report call committee + social workers the base of the linkage?',
    },
  },
  {
    id: 'strategy',
    title: { zh: '扬长还是补短？', en: 'Strengths first or weakest first?' },
    question: {
      zh: '社工和社区把时间先投向最强的要素（扬长），还是先补最弱的要素（补短），哪种更快实现五社联动？',
      en: 'Should social workers and the committee spend their time on the strongest element first (扬长) or on the weakest (补短) to get all five working together sooner?',
    },
    choices: [
      {
        zh: '扬长：先行要素更清楚，联动更快',
        en: 'Strengths first: a clearer first mover and faster linkage',
      },
      { zh: '补短：五个要素更早全部卷入', en: 'Weakest first: all five get involved sooner' },
      { zh: '两种策略差别不大', en: 'There is little difference' },
    ],
    runs: [
      {
        id: 'strengths-first',
        label: { zh: '扬长（志愿者卷联型社区）', en: 'Strengths first (volunteer-led community)' },
        setup: () => preset('volunteer-led', (f) => Object.assign(f, { strategy: 'strengths-first' })),
      },
      {
        id: 'weakest-first',
        label: { zh: '补短（同一社区）', en: 'Weakest first (same community)' },
        setup: () => preset('volunteer-led', (f) => Object.assign(f, { strategy: 'weakest-first' })),
      },
    ],
    look: {
      zh: '比较实践模式与判断依据、卷入顺序和五社全部卷入的周次。也可以在“对比运行”里看三种策略并排。',
      en: 'Compare the practice model and its reason, the roll-in order and the week all five were involved. “Compare runs” shows all three strategies side by side.',
    },
    reflect: {
      zh: '报告主张从优势出发（扬长）。在什么情况下补短反而更合适？',
      en: 'The report recommends starting from strengths. When could starting from the weakest element make more sense?',
    },
  },
  {
    id: 'grant-ends',
    title: { zh: '项目资金结束之后', en: 'When the grant ends' },
    question: {
      zh: '一笔外部资金在一年后停止拨付，社区里的联动会随之停下吗？',
      en: 'An outside grant stops being paid after one year. Does the linkage in the community stop with it?',
    },
    choices: [
      { zh: '资金一停，联动基本停止', en: 'When the money stops, the linkage mostly stops' },
      {
        zh: '先前卷入的志愿者和社会组织会让联动继续下去',
        en: 'Volunteers and organisations pulled in earlier keep the linkage going',
      },
      { zh: '慈善资源照样增长，没有影响', en: 'Charity keeps growing anyway; no effect' },
    ],
    runs: [
      {
        id: 'grant-two-years',
        label: { zh: '两年期资金（慈善资源卷联型）', en: 'A two-year grant (charity-led)' },
        setup: () => preset('charity-led', grant),
      },
      {
        id: 'grant-ends-week-52',
        label: { zh: '同一笔资金在第52周停止', en: 'The same grant stops at week 52' },
        setup: () =>
          preset('charity-led', (f) => {
            grant(f);
            f.interventions = [...(f.interventions ?? []), { type: 'funding-end', tick: 52 }];
          }),
      },
    ],
    look: {
      zh: '播放并观察社区全景顶部的慈善基金条和强度图中的慈善资源曲线；第52周之后哪些要素仍在增长？',
      en: 'Play and watch the charity fund bar at the top of the community view and the charity line in the strength chart. Which elements still grow after week 52?',
    },
    reflect: {
      zh: '资金停止后，哪些要素让联动继续下去，为什么？这对申请项目资金有什么启示？',
      en: 'After the money stops, which elements keep the linkage alive, and why? What does that suggest for planning a funded project?',
    },
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
