import type { ScenarioFile } from '../src/model/scenario.ts';
import { h } from './dom.ts';
import { ScenarioEditor } from './editor.ts';
import { initialLang, lang, onLangChange, pick, relabel, setLang, t } from './i18n/index.ts';
import { checkScenario, localiseIssue } from './issues.ts';
import { installShortcuts, type Shortcut, shortcutsDialog } from './keyboard.ts';
import { Player, SPEEDS, strengthColumns } from './player.ts';
import { presetById } from './presets.ts';
import { decodeScenario, sharedCode } from './share.ts';
import { aboutView } from './views/about.ts';
import { advancedView } from './views/advanced.ts';
import { communityView } from './views/community.ts';
import { compareView } from './views/compare.ts';
import { controlsView } from './views/controls.ts';
import { eventLogView } from './views/eventlog.ts';
import { interventionsView } from './views/interventions.ts';
import { landscapeView } from './views/landscape.ts';
import { lessonsView } from './views/lessons.ts';
import { linkageView } from './views/linkage.ts';
import { outcomesView } from './views/outcomes.ts';
import { pathwayView } from './views/pathway.ts';
import { programmeView } from './views/programme.ts';
import { scenarioFileView } from './views/scenariofile.ts';
import { strengthView } from './views/strength.ts';
import { tabs } from './views/tabs.ts';
import { RunPool } from './worker/pool.ts';

const $ = (id: string) => document.getElementById(id)!;

// errors: shown as text in data-testid="error"; the app keeps the last good scenario and keeps running
const errorBox = $('error');
function showError(title: string, lines: string[]): void {
  const dismiss = h('button', { type: 'button', class: 'small', i18n: 'dismiss' });
  dismiss.addEventListener('click', clearError);
  errorBox.replaceChildren(
    h('strong', {}, title),
    h('ul', {}, ...lines.slice(0, 20).map((l) => h('li', {}, localiseIssue(l, lang())))),
    dismiss,
  );
  errorBox.hidden = false;
}
function clearError(): void {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

setLang(initialLang(), false);

// the starting scenario: a share link's, else the organisation-led preset
let start: ScenarioFile = presetById('organization-led')!;
let startPreset = 'organization-led';
let shareProblem: string[] | undefined;
const code = sharedCode();
if (code) {
  try {
    const value = decodeScenario(code);
    const v = checkScenario(value, lang());
    if (v.ok) {
      start = value as ScenarioFile;
      startPreset = '';
    } else shareProblem = v.errors;
  } catch (e) {
    shareProblem = [String((e as Error).message)];
  }
}

const editor = new ScenarioEditor(structuredClone(start));
editor.presetId = startPreset;
const player = new Player((title, lines) => showError(t(title), lines));
const pool = new RunPool();

const controls = controlsView(editor, player);
const fileView = scenarioFileView(editor);
const advanced = advancedView(editor);
const interventions = interventionsView(editor);
$('controls').append(controls.root, fileView.root, interventions.root, advanced.root);

const linkage = linkageView();
const community = communityView();
const strength = strengthView();
const pathway = pathwayView();
const outcomes = outcomesView();
const events = eventLogView();
$('tab-run').append(
  linkage.section,
  community.section,
  strength.section,
  pathway.section,
  outcomes.section,
  events.section,
);
for (const [name, v] of Object.entries({ linkage, community, strength, pathway, outcomes, events }))
  player.addView(name, v.view, v.section);

const compare = compareView(pool, () => ({ file: editor.file, run: player.run }));
$('tab-compare').append(compare.section);
const landscape = landscapeView(pool, () => editor.file);
$('tab-landscape').append(landscape.section);
const programme = programmeView(pool);
$('tab-programme').append(programme.section);
const about = aboutView();
$('tab-about').append(about.section);
const lessons = lessonsView(editor, player, (id) => showTab(id));
$('tab-lessons').append(lessons.section);
$('tab-run').prepend(lessons.banner);
const showTab = tabs($('tabs'), [
  { id: 'run', label: 'tabRun', panel: $('tab-run') },
  { id: 'lessons', label: 'tabLessons', panel: $('tab-lessons') },
  { id: 'compare', label: 'tabCompare', panel: $('tab-compare') },
  { id: 'landscape', label: 'tabLandscape', panel: $('tab-landscape') },
  { id: 'programme', label: 'tabProgramme', panel: $('tab-programme') },
  { id: 'about', label: 'tabAbout', panel: $('tab-about') },
]);

function showTitle(): void {
  const f = editor.file;
  $('scenario-title').textContent = f.title ? pick(f.title) : f.id;
}

// every change of the scenario restarts the run; slider drags are gathered into one restart
let pendingLoad: ReturnType<typeof setTimeout> | undefined;
async function load(file: ScenarioFile): Promise<void> {
  const problems = await player.load(file);
  if (problems) showError(t('errorScenario'), problems);
  else if (!errorBox.hidden && !shareProblem) clearError();
}
editor.onChange((file, why) => {
  controls.sync();
  fileView.sync();
  advanced.sync();
  interventions.sync();
  showTitle();
  shareProblem = undefined;
  clearTimeout(pendingLoad);
  if (why === 'edit') pendingLoad = setTimeout(() => void load(file), 120);
  else void load(file);
});

onLangChange(() => {
  controls.relabel();
  advanced.relabel();
  interventions.relabel();
  compare.relabel();
  landscape.relabel();
  programme.relabel();
  about.relabel();
  lessons.relabel();
  player.relabel();
  showTitle();
  langButton.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh');
});

const langButton = $('lang');
langButton.setAttribute('lang', lang() === 'zh' ? 'en' : 'zh');
langButton.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));

// projection: large type and high contrast, remembered
function toggle(id: string, cls: string): void {
  const b = $(id);
  const apply = (on: boolean) => {
    document.documentElement.classList.toggle(cls, on);
    b.setAttribute('aria-pressed', String(on));
  };
  let on = false;
  try {
    on = localStorage.getItem(`wushe.${cls}`) === '1';
  } catch {
    // not remembered
  }
  apply(on);
  b.addEventListener('click', () => {
    on = !on;
    apply(on);
    try {
      localStorage.setItem(`wushe.${cls}`, on ? '1' : '0');
    } catch {
      // not remembered
    }
  });
}
toggle('large', 'large-type');
toggle('contrast', 'high-contrast');

// keyboard: works whatever has the focus except text fields; `?` lists the keys
const help = shortcutsDialog();
document.body.append(help.dialog);
const faster = (d: number) => {
  const k = SPEEDS.indexOf(player.speed as (typeof SPEEDS)[number]);
  player.setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (k < 0 ? 2 : k) + d))]);
};
const SHORTCUTS: Shortcut[] = [
  { keys: [' '], shown: ' ', label: 'keyPlay', act: () => (player.playing ? player.pause() : player.play()) },
  { keys: ['ArrowRight'], shown: '→', label: 'keyStep', act: () => void player.step() },
  { keys: ['r', 'R'], shown: 'R', label: 'keyReset', act: () => void player.reset() },
  { keys: ['e', 'E'], shown: 'E', label: 'keyFinish', act: () => void player.finish() },
  { keys: ['+', '='], shown: '+', label: 'keyFaster', act: () => faster(1) },
  { keys: ['-', '_'], shown: '−', label: 'keySlower', act: () => faster(-1) },
  { keys: ['l', 'L'], shown: 'L', label: 'keyLang', act: () => setLang(lang() === 'zh' ? 'en' : 'zh') },
  {
    keys: ['?'],
    shown: '?',
    label: 'keyHelp',
    act: () => (help.dialog.open ? help.dialog.close() : help.dialog.showModal()),
  },
];
help.fill(SHORTCUTS);
installShortcuts(SHORTCUTS, help.dialog);
$('keys').addEventListener('click', () => help.dialog.showModal());

relabel(document.body);
showTitle();
void load(editor.file).then(() => {
  if (shareProblem) showError(t('errorShare'), shareProblem);
});

/** For the console and the tests: read-only access to the run on screen. */
(window as unknown as { wushe: unknown }).wushe = {
  summary: () => player.run?.summary,
  strength: () => player.run && strengthColumns(player.run).map((c) => c[player.run!.tick]),
  file: () => editor.file,
  /** Milliseconds spent in each view since the last reset, and frames drawn (bench/web-fps.ts). */
  timings: () => ({ frames: player.frames, ms: { ...player.timings } }),
  resetTimings: () => player.resetTimings(),
};
