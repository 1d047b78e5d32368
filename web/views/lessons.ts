import { ELEMENTS } from '../../src/model/elements.ts';
import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { pick, t } from '../i18n/index.ts';
import { LESSONS, type Lesson, type LessonRun } from '../lessons/catalogue.ts';
import { blankRecord, type LessonRecord, loadRecords, saveRecords } from '../lessons/records.ts';
import type { Player } from '../player.ts';
import { problemSlot } from '../problem.ts';
import { classRecordsView } from './classRecords.ts';
import { panel } from './panel.ts';

const STUDENT_KEY = 'wushe.student';

/**
 * Guided lessons: the student picks a lesson, records a prediction, sets up each run with one click
 * (the simulator tab opens, with a banner saying what to look at and a button that records the
 * run's result), and writes a reflection. Everything is kept in this browser; the teacher exports
 * the records as CSV and merges the CSV files of several students.
 */
export function lessonsView(
  editor: ScenarioEditor,
  player: Player,
  showTab: (id: 'run' | 'lessons') => void,
): { section: HTMLElement; banner: HTMLElement; relabel: () => void } {
  const { section, body } = panel('lessons', 'lessonsTitle', 'lessonsHelp');
  const status = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'lesson-status' });
  const records = loadRecords();
  let current: Lesson = LESSONS[0];
  /** The lesson run on screen in the simulator, and the scenario it was set up with. */
  let active: { lesson: Lesson; run: LessonRun; setup: string } | undefined;

  let remembered = '';
  try {
    remembered = localStorage.getItem(STUDENT_KEY) ?? '';
  } catch {
    // not remembered
  }
  const student = h('input', {
    id: 'lesson-student',
    type: 'text',
    autocomplete: 'name',
    'data-testid': 'lesson-student',
    value: remembered,
  });
  student.addEventListener('change', () => {
    try {
      localStorage.setItem(STUDENT_KEY, student.value.trim());
    } catch {
      // not remembered
    }
    renderCard();
  });
  const picker = h('div', { class: 'lesson-picker', role: 'group' });
  const card = h('div', { class: 'lesson-card', 'data-testid': 'lesson-card' });

  // the teacher's part: this browser's records as CSV, and merging several students' files
  const teacher = classRecordsView(records, (message) => {
    if (message) status.textContent = message;
    renderCard();
  });
  body.append(
    h(
      'label',
      { for: 'lesson-student', class: 'field lesson-student' },
      h('span', { i18n: 'lessonStudent' }),
      student,
    ),
    picker,
    card,
    status,
    teacher.root,
  );

  // the banner over the simulator while a lesson's run is on screen
  const bannerTitle = h('strong', {});
  const bannerLook = h('p', { class: 'lesson-look' });
  const record = h('button', {
    type: 'button',
    class: 'primary',
    'data-testid': 'lesson-record',
    i18n: 'lessonRecord',
  });
  const back = h('button', { type: 'button', i18n: 'lessonBack' });
  const bannerStatus = h('p', {
    class: 'muted',
    'aria-live': 'polite',
    'data-testid': 'lesson-banner-status',
  });
  const banner = h(
    'section',
    { class: 'lesson-banner', 'data-testid': 'lesson-banner', hidden: true, 'aria-label': '' },
    bannerTitle,
    bannerLook,
    h('div', { class: 'button-row lesson-actions' }, record, back),
    bannerStatus,
  );

  const name = () => student.value.trim();
  const now = () => new Date().toISOString();
  function add(r: Partial<LessonRecord>): boolean {
    records.push(blankRecord({ time: now(), student: name(), lesson: current.id, ...r }));
    const ok = saveRecords(records);
    teacher.render();
    return ok;
  }
  const mine = (lesson: string, step: LessonRecord['step'], run = '') =>
    records
      .filter((r) => r.lesson === lesson && r.step === step && r.run === run && r.student === name())
      .at(-1);

  function renderPicker(): void {
    picker.setAttribute('aria-label', t('lessonsTitle'));
    picker.replaceChildren(
      ...LESSONS.map((l, k) => {
        const b = h(
          'button',
          { type: 'button', 'aria-pressed': String(l === current), 'data-testid': `lesson-${l.id}` },
          `${k + 1}. ${pick(l.title)}`,
        );
        b.addEventListener('click', () => {
          current = l;
          renderPicker();
          renderCard();
        });
        return b;
      }),
    );
  }

  function renderCard(): void {
    const l = current;
    const predicted = mine(l.id, 'prediction');
    const reflected = mine(l.id, 'reflection');
    const choices = l.choices.map((c, k) => {
      const id = `lesson-choice-${k + 1}`;
      const input = h('input', {
        type: 'radio',
        name: 'lesson-choice',
        id,
        value: String(k + 1),
        checked: predicted?.choice === String(k + 1),
      });
      return h('label', { for: id, class: 'lesson-choice' }, input, ' ', pick(c));
    });
    const why = h('textarea', { id: 'lesson-why', rows: 2, 'data-testid': 'lesson-why' });
    why.value = predicted?.text ?? '';
    const savePrediction = h('button', {
      type: 'button',
      'data-testid': 'lesson-predict',
      i18n: 'lessonSavePrediction',
    });
    const predictionProblem = problemSlot('lesson-prediction-problem');
    savePrediction.addEventListener('click', () => {
      const chosen = card.querySelector<HTMLInputElement>('input[name=lesson-choice]:checked');
      if (!chosen) {
        predictionProblem.show([t('lessonChooseFirst')]);
        return;
      }
      predictionProblem.show(undefined);
      const ok = add({ step: 'prediction', choice: chosen.value, text: why.value.trim() });
      status.textContent = ok ? t('lessonSaved') : t('lessonNotSaved');
    });
    const runs = l.runs.map((r) => {
      const go = h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': `lesson-run-${r.id}` },
        t('lessonSetUp', { run: pick(r.label) }),
      );
      go.addEventListener('click', () => setUp(l, r));
      const result = mine(l.id, 'result', r.id);
      return h(
        'li',
        {},
        go,
        result
          ? h(
              'span',
              { class: 'lesson-result' },
              ` ${t(`mode.${result.mode}` as 'mode.mixed')} · ${result.allInvolvedWeek ? t('allInvolvedAt', { n: result.allInvolvedWeek }) : t('allInvolvedNever')}`,
            )
          : h('span', { class: 'muted' }, ` ${t('lessonNoResult')}`),
      );
    });
    const reflection = h('textarea', {
      id: 'lesson-reflection',
      rows: 3,
      'data-testid': 'lesson-reflection',
    });
    reflection.value = reflected?.text ?? '';
    const saveReflection = h('button', {
      type: 'button',
      'data-testid': 'lesson-reflect',
      i18n: 'lessonSaveReflection',
    });
    saveReflection.addEventListener('click', () => {
      const ok = add({ step: 'reflection', text: reflection.value.trim() });
      status.textContent = ok ? t('lessonSaved') : t('lessonNotSaved');
    });
    card.replaceChildren(
      h('h3', {}, pick(l.title)),
      h('h4', { i18n: 'lessonQuestion' }),
      h('p', { class: 'lesson-question' }, pick(l.question)),
      h(
        'fieldset',
        { class: 'lesson-prediction' },
        h('legend', { i18n: 'lessonPrediction' }),
        ...choices,
        h('label', { for: 'lesson-why', class: 'field' }, h('span', { i18n: 'lessonWhy' }), why),
        savePrediction,
        predictionProblem.el,
      ),
      h('h4', { i18n: 'lessonRuns' }),
      h('ol', { class: 'lesson-runs' }, ...runs),
      h('h4', { i18n: 'lessonLook' }),
      h('p', {}, pick(l.look)),
      h('h4', {}, h('label', { for: 'lesson-reflection', i18n: 'lessonReflect' })),
      h('p', {}, pick(l.reflect)),
      reflection,
      h('div', { class: 'button-row' }, saveReflection),
    );
  }

  function setUp(l: Lesson, r: LessonRun): void {
    const file = r.setup();
    file.id = `lesson-${l.id}-${r.id}`;
    file.title = { zh: `${l.title.zh}：${r.label.zh}`, en: `${l.title.en}: ${r.label.en}` };
    active = { lesson: l, run: r, setup: JSON.stringify(file) };
    settingUp = true;
    editor.replace(file, 'preset', '');
    settingUp = false;
    renderBanner();
    showTab('run');
    window.scrollTo({ top: 0 });
  }

  function renderBanner(): void {
    banner.hidden = !active;
    if (!active) return;
    banner.setAttribute('aria-label', t('lessonsTitle'));
    bannerTitle.textContent = `${t('lessonsTitle')}: ${pick(active.lesson.title)} — ${pick(active.run.label)}`;
    bannerLook.textContent = pick(active.lesson.look);
    const done = !!player.run?.done && !!player.run.summary;
    record.disabled = !done;
    if (!done) bannerStatus.textContent = t('lessonRunFirst');
  }

  record.addEventListener('click', () => {
    const s = player.run?.summary;
    if (!active || !s) return;
    current = active.lesson;
    const ok = add({
      lesson: active.lesson.id,
      step: 'result',
      run: active.run.id,
      mode: s.pathway.mode,
      firstMover: s.pathway.firstMover ?? '',
      allInvolvedWeek: s.pathway.allInvolvedTick === null ? '' : String(s.pathway.allInvolvedTick),
      strength: Object.fromEntries(ELEMENTS.map((e) => [e, s.final.strength[e].toFixed(3)])),
      edited: JSON.stringify(editor.file) === active.setup ? '' : 'yes',
    });
    bannerStatus.textContent = ok ? t('lessonRecorded') : t('lessonNotSaved');
    renderCard();
  });
  back.addEventListener('click', () => {
    showTab('lessons');
    renderPicker();
    renderCard();
  });
  // another preset, file or link ends the lesson's run (edits keep it, and are marked in the record)
  let settingUp = false;
  editor.onChange((_file, why) => {
    if (settingUp || why === 'edit' || !active) return;
    active = undefined;
    renderBanner();
  });
  player.onStateChange(() => {
    if (!active) return;
    const done = !!player.run?.done && !!player.run.summary;
    if (record.disabled === done) {
      record.disabled = !done;
      bannerStatus.textContent = done ? t('lessonCanRecord') : t('lessonRunFirst');
    }
  });

  renderPicker();
  renderCard();
  teacher.render();
  return {
    section,
    banner,
    relabel: () => {
      renderPicker();
      renderCard();
      teacher.render();
      renderBanner();
    },
  };
}
