import { PARAMETERS, type ParameterSpec } from '../../src/model/parameters.ts';
import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { type Key, lang, t } from '../i18n/index.ts';
import { unitLabel } from '../i18n/units.ts';
import { problemSlot } from '../problem.ts';

/** A sensible step for a number input from its range (whole numbers step by 1). */
function stepFor(spec: ParameterSpec): string {
  if (spec.integer) return '1';
  const span = spec.max - spec.min;
  const mag = 10 ** Math.floor(Math.log10(Math.max(Math.abs(spec.default), span / 1000) || 1));
  return String(Number((mag / 100).toPrecision(1)));
}

/** Every model parameter as a number input, generated from the declarations: label, unit, range, source. */
export function advancedView(editor: ScenarioEditor): {
  root: HTMLElement;
  sync: () => void;
  relabel: () => void;
} {
  const root = h('details', { class: 'advanced', id: 'advanced' });
  const inputs = new Map<
    string,
    { input: HTMLInputElement; spec: ParameterSpec; problem: ReturnType<typeof problemSlot> }
  >();

  function build(): void {
    const groups = new Map<string, ParameterSpec[]>();
    for (const spec of PARAMETERS) {
      if (!groups.has(spec.group)) groups.set(spec.group, []);
      groups.get(spec.group)!.push(spec);
    }
    const open = root.open;
    inputs.clear();
    const reset = h('button', { type: 'button', class: 'small', i18n: 'resetDefaults' });
    reset.addEventListener('click', () =>
      editor.edit((f) => {
        delete f.parameters;
      }),
    );
    root.replaceChildren(
      h('summary', { i18n: 'advanced' }),
      h('p', { class: 'help', i18n: 'advancedHint' }),
      reset,
      ...[...groups].map(([group, specs]) =>
        h(
          'fieldset',
          { class: 'param-group' },
          h('legend', { i18n: `group.${group}` as Key }),
          ...specs.map((spec) => {
            const id = `param-${spec.group}-${spec.key}`;
            const input = h('input', {
              id,
              type: 'number',
              min: spec.min,
              max: spec.max,
              step: stepFor(spec),
              'data-path': spec.path,
            });
            const problem = problemSlot(`problem-${id}`);
            problem.attach(input);
            input.addEventListener('change', () => {
              const v = Number(input.value);
              if (input.value.trim() === '' || !Number.isFinite(v)) problem.show([t('notANumber')]);
              else problem.show(editor.trySet(spec.path, v === spec.default ? undefined : v));
            });
            inputs.set(spec.path, { input, spec, problem });
            const unit = unitLabel(spec.unit, lang());
            return h(
              'div',
              { class: 'param', title: `${t('source')}: ${spec.source}` },
              h('label', { for: id }, spec.label[lang()]),
              input,
              h('span', { class: 'unit' }, `${unit} · ${t('range')} ${spec.min}–${spec.max}`),
              problem.el,
            );
          }),
        ),
      ),
    );
    root.open = open;
    sync();
  }

  function sync(): void {
    for (const [path, { input, spec, problem }] of inputs) {
      if (document.activeElement === input && input.getAttribute('aria-invalid') === 'true') continue;
      problem.show(undefined);
      const v = editor.get(path);
      input.value = String(typeof v === 'number' ? v : spec.default);
      input.classList.toggle('changed', typeof v === 'number' && v !== spec.default);
    }
  }

  build();
  return { root, sync, relabel: build };
}
