import { ELEMENTS, STRATEGIES } from '../../src/model/elements.ts';
import { numberSpec } from '../../src/model/parameters.ts';
import type { ScenarioFile } from '../../src/model/scenario.ts';
import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { pick, t } from '../i18n/index.ts';
import { ELEMENT_COLOUR } from '../palette.ts';
import { type Player, SPEEDS } from '../player.ts';
import { PRESETS, presetById } from '../presets.ts';
import { problemSlot } from '../problem.ts';

/** Presets, the five starting-strength sliders, strategy, seed, size, and the transport (play … run to end). */
export function controlsView(
  editor: ScenarioEditor,
  player: Player,
): { root: HTMLElement; sync: () => void; relabel: () => void } {
  const preset = h('select', { id: 'preset', 'data-testid': 'preset' });
  const description = h('p', { class: 'scenario-description' });
  const edited = h('span', { class: 'badge', i18n: 'presetCustom' });
  const sliders = new Map<string, { input: HTMLInputElement; out: HTMLOutputElement }>();
  const sliderRows = ELEMENTS.map((e) => {
    const input = h('input', {
      id: `slider-${e}`,
      type: 'range',
      min: 0,
      max: 1,
      step: 0.01,
      'data-testid': `slider-${e}`,
    });
    const out = h('output', { for: `slider-${e}`, class: 'slider-value' });
    input.addEventListener('input', () => {
      out.value = Number(input.value).toFixed(2);
      editor.set(`initial.${e}`, Number(input.value));
    });
    sliders.set(e, { input, out });
    return h(
      'div',
      { class: 'slider-row' },
      h(
        'label',
        { for: `slider-${e}` },
        h('span', { class: 'swatch', style: `background:${ELEMENT_COLOUR[e]}` }),
        h('span', { i18n: `el.${e}` }),
      ),
      input,
      out,
    );
  });

  const strategy = h('select', { id: 'strategy', 'data-testid': 'strategy' });
  strategy.addEventListener('change', () => editor.set('strategy', strategy.value));

  const numberField = (path: 'seed' | 'residents' | 'ticks', key: 'seed' | 'residents' | 'weeks') => {
    const spec = numberSpec(path)!;
    const input = h('input', {
      id: `field-${path}`,
      type: 'number',
      min: spec.min,
      max: spec.max,
      step: 1,
      'data-testid': path,
      inputmode: 'numeric',
    });
    const problem = problemSlot(`problem-${path}`);
    problem.attach(input);
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) problem.show([t('notANumber')]);
      else problem.show(editor.trySet(path, v));
    });
    return {
      input,
      problem,
      label: h('label', { for: `field-${path}`, class: 'field' }, h('span', { i18n: key }), input),
    };
  };
  const seed = numberField('seed', 'seed');
  const residents = numberField('residents', 'residents');
  const ticks = numberField('ticks', 'weeks');
  const dice = h('button', { type: 'button', class: 'small', i18nTitle: 'newSeed', i18n: 'newSeedShort' });
  dice.addEventListener('click', () => editor.set('seed', (editor.file.seed * 7919 + 104729) % 1000003));

  preset.addEventListener('change', () => {
    const file = presetById(preset.value);
    if (file) editor.replace(file, 'preset', preset.value);
  });

  // transport
  const button = (
    id: string,
    key: 'play' | 'pause' | 'step' | 'reset' | 'finish',
    icon: string,
    act: () => void,
  ) => {
    const b = h(
      'button',
      { type: 'button', 'data-testid': id, id: `btn-${id}`, class: 'transport' },
      h('span', { 'aria-hidden': 'true', class: 'icon' }, icon),
      h('span', { i18n: key }),
    );
    b.addEventListener('click', act);
    return b;
  };
  const play = button('play', 'play', '▶', () => player.play());
  const pause = button('pause', 'pause', '❚❚', () => player.pause());
  const step = button('step', 'step', '▶❙', () => void player.step());
  const reset = button('reset', 'reset', '↺', () => void player.reset());
  const finish = button('finish', 'finish', '▶▶', () => void player.finish());
  const speed = h('select', { id: 'speed', 'data-testid': 'speed' });
  speed.addEventListener('change', () => player.setSpeed(Number(speed.value)));

  const tick = h('span', { 'data-testid': 'tick', class: 'tick' }, '0');
  const total = h('span', { class: 'tick-total' });
  // the practice model's name; its id (a fixed hook for tests and scripts) only as an attribute
  const modeName = h('span', { class: 'mode-name', 'data-testid': 'mode' });
  const status = h(
    'div',
    { class: 'status', 'aria-live': 'off' },
    h(
      'p',
      { class: 'week' },
      h('span', { i18n: 'week' }),
      ' ',
      tick,
      ' ',
      h('span', { i18n: 'of' }),
      ' ',
      total,
    ),
    h('p', { class: 'mode' }, h('span', { i18n: 'pathwayNow' }), ': ', modeName),
  );

  const root = h(
    'div',
    { class: 'controls-inner' },
    h('h2', { class: 'sr-only', i18n: 'scenario' }),
    h(
      'label',
      { for: 'preset', class: 'field' },
      h('span', {}, h('span', { i18n: 'preset' }), ' ', edited),
      preset,
    ),
    h('div', { class: 'transport-bar', role: 'group', i18nTitle: 'run' }, play, pause, step, reset, finish),
    h('label', { for: 'speed', class: 'field inline' }, h('span', { i18n: 'speed' }), speed),
    status,
    description,
    h('fieldset', { class: 'sliders' }, h('legend', { i18n: 'startingStrengths' }), ...sliderRows),
    h('label', { for: 'strategy', class: 'field' }, h('span', { i18n: 'strategy' }), strategy),
    h(
      'div',
      { class: 'field-row' },
      h('div', { class: 'seed-field' }, seed.label, dice),
      residents.label,
      ticks.label,
    ),
    seed.problem.el,
    residents.problem.el,
    ticks.problem.el,
  );

  function fillOptions(): void {
    const keepPreset = editor.presetId;
    // option values are exactly the preset ids (a fixed hook); an edited scenario is marked beside it
    preset.replaceChildren(
      ...PRESETS.map((p) => h('option', { value: p.id }, p.title ? pick(p.title) : p.id)),
      // shown only while the scenario came from a file, a link or a lesson
      h('option', { value: '', disabled: true, hidden: true }, t('presetOther')),
    );
    preset.value = keepPreset;
    strategy.replaceChildren(...STRATEGIES.map((s) => h('option', { value: s }, t(`strategy.${s}`))));
    strategy.value = editor.file.strategy;
    speed.replaceChildren(...SPEEDS.map((s) => h('option', { value: String(s) }, t('speedValue', { n: s }))));
    speed.value = String(player.speed);
  }

  function sync(): void {
    const f: ScenarioFile = editor.file;
    for (const e of ELEMENTS) {
      const s = sliders.get(e)!;
      if (document.activeElement !== s.input) s.input.value = String(f.initial[e]);
      s.out.value = Number(f.initial[e]).toFixed(2);
    }
    strategy.value = f.strategy;
    for (const [field, v] of [
      [seed, f.seed],
      [residents, f.residents],
      [ticks, f.ticks],
    ] as const) {
      field.input.value = String(v);
      field.problem.show(undefined);
    }
    preset.value = editor.presetId;
    edited.hidden = !editor.edited;
    const d = editor.edited ? undefined : f.description;
    description.textContent = d ? pick(d) : '';
  }

  function state(): void {
    const run = player.run;
    tick.textContent = String(run?.tick ?? 0);
    total.textContent = String(run?.ticks ?? editor.file.ticks);
    modeName.dataset.mode = run?.pathway.mode ?? '';
    modeName.textContent = run ? t(`mode.${run.pathway.mode}`) : '';
    speed.value = String(player.speed);
    const done = !run || run.done;
    play.disabled = done || player.playing;
    pause.disabled = !player.playing;
    step.disabled = done;
    finish.disabled = done;
  }
  player.onStateChange(state);

  fillOptions();
  sync();
  state();
  return {
    root,
    sync,
    relabel: () => {
      fillOptions();
      sync();
      state();
    },
  };
}
