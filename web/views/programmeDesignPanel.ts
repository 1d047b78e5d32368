import type { NumberSpec } from '../../src/model/parameters.ts';
import type { ProgrammeSpec } from '../../src/model/programme.ts';
import { programmeNumber } from '../../src/model/programmeParameters.ts';
import { h } from '../dom.ts';
import { downloadJson } from '../export.ts';
import { type Key, lang, pick, t } from '../i18n/index.ts';
import { unitLabel } from '../i18n/units.ts';
import { issuePath } from '../issues.ts';
import { problemSlot } from '../problem.ts';
import {
  BASE_PROGRAMME,
  baseValue,
  checkDesign,
  DETAIL_SPECS,
  type DesignValues,
  designFile,
  SLIDER_PATHS,
  VIEW_RULES,
} from '../programmeDesign.ts';

/** Yuan in the interface language: 万元 in Chinese, thousands or millions in English. */
export function formatYuan(yuan: number): string {
  if (lang() === 'zh') return `${(yuan / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`;
  if (Math.abs(yuan) >= 1e6)
    return `${(yuan / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })} million yuan`;
  return `${Math.round(yuan).toLocaleString('en')} yuan`;
}

interface Row {
  spec: NumberSpec;
  input: HTMLInputElement;
  range?: HTMLInputElement;
  out?: HTMLOutputElement;
  problem: ReturnType<typeof problemSlot>;
}

/**
 * One design's controls: the allocation rule, a slider for the budget, the weeks of funding and each
 * instrument's share (with a number field beside it, so any value can be typed), and the other
 * declared numbers under "more numbers". Every change is checked by the core's validator; a problem
 * shows next to its control.
 */
export function designPanel(
  id: 'a' | 'b',
  title: Key,
  onChange: () => void,
): {
  root: HTMLElement;
  values: () => DesignValues;
  check: () => { ok: true; spec: ProgrammeSpec } | { ok: false; errors: string[] };
  copyFrom: (values: DesignValues) => void;
  relabel: () => void;
} {
  let values: DesignValues = {};
  const rows = new Map<string, Row>();
  const rule = h('select', { id: `pm-${id}-rule`, 'data-testid': `pm-${id}-rule` });
  const ruleProblem = problemSlot(`pm-${id}-problem-rule`);
  ruleProblem.attach(rule);
  const general = problemSlot(`pm-${id}-problem`);
  rule.addEventListener('change', () => {
    values['allocation.rule'] = rule.value;
    validate();
    onChange();
  });

  function numberRow(spec: NumberSpec, slider: boolean): HTMLElement {
    const key = spec.path.replaceAll('.', '-');
    const input = h('input', {
      id: `pm-${id}-${key}`,
      type: 'number',
      min: spec.min,
      max: spec.max,
      step: spec.integer ? 1 : 'any',
      'data-testid': `pm-${id}-${key}`,
    });
    const problem = problemSlot(`pm-${id}-problem-${key}`);
    problem.attach(input);
    const row: Row = { spec, input, problem };
    if (slider) {
      const max =
        spec.path === 'budget'
          ? Number(baseValue('budget')) * 3
          : spec.path === 'fundingWeeks'
            ? 260
            : spec.max;
      row.range = h('input', {
        type: 'range',
        min: spec.min,
        max,
        step: spec.integer ? 1 : spec.path === 'budget' ? max / 300 : 0.01,
        'aria-label': pick(spec.label),
        'data-testid': `pm-${id}-slider-${key}`,
      });
      row.out = h('output', { for: input.id, class: 'pm-yuan' });
      row.range.addEventListener('input', () => {
        input.value = String(Number(row.range!.value));
        set(spec.path, Number(row.range!.value));
      });
    }
    input.addEventListener('change', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) {
        values[spec.path] = Number.NaN;
        problem.show([t('notANumber')]);
        onChange();
        return;
      }
      if (row.range) row.range.value = String(v);
      set(spec.path, v);
    });
    rows.set(spec.path, row);
    return h(
      'div',
      { class: slider ? 'pm-row pm-slider' : 'pm-row' },
      h(
        'label',
        { for: input.id, class: 'pm-name' },
        h('span', { class: 'pm-label', 'data-label': spec.path }),
      ),
      row.range ?? null,
      input,
      row.out ?? h('span', { class: 'pm-unit', 'data-unit': spec.unit }),
      problem.el,
    );
  }

  function set(path: string, v: number): void {
    values[path] = v;
    validate();
    onChange();
  }

  const sliders = SLIDER_PATHS.map((p) => numberRow(programmeNumber(p), true));
  const details = h(
    'details',
    { class: 'pm-details' },
    h('summary', { i18n: 'pmMoreNumbers' }),
    ...DETAIL_SPECS.map((s) => numberRow(s, false)),
  );
  // the design as a programme file the command line runs (saved next to programmes/hubei-2020.json)
  const save = h('button', {
    type: 'button',
    class: 'small',
    i18n: 'pmSaveFile',
    'data-testid': `pm-${id}-save`,
  });
  save.addEventListener('click', () => {
    const v = validate();
    if (!v.ok) return;
    downloadJson(`${BASE_PROGRAMME.id}-design-${id}.json`, {
      $schema: './schema.json',
      ...designFile(values),
      id: `${BASE_PROGRAMME.id}-design-${id}`,
    });
  });
  const root = h(
    'fieldset',
    { class: `pm-design pm-design-${id}`, 'data-testid': `pm-design-${id}` },
    h('legend', { i18n: title }),
    h('label', { for: rule.id, class: 'field' }, h('span', { i18n: 'pmRule' }), rule),
    ruleProblem.el,
    ...sliders,
    general.el,
    details,
    h('div', { class: 'button-row' }, save),
  );

  /** Shows the validator's problems next to their controls; the rest under the sliders. */
  function validate(): ReturnType<typeof checkDesign> {
    const v = checkDesign(values, lang());
    const left: string[] = [];
    const byRow = new Map<string, string[]>();
    if (!v.ok)
      for (const line of v.errors) {
        const path = issuePath(line) || line.slice(0, Math.max(0, line.indexOf('：')));
        if (rows.has(path)) byRow.set(path, [...(byRow.get(path) ?? []), line]);
        else if (path === 'allocation.rule') ruleProblem.show([line]);
        else left.push(line);
      }
    for (const [path, row] of rows) {
      if (Number.isNaN(values[path])) row.problem.show([t('notANumber')]);
      else row.problem.show(byRow.get(path));
    }
    if (v.ok || !v.errors.some((l) => l.startsWith('allocation.rule'))) ruleProblem.show(undefined);
    general.show(left.length ? left : undefined);
    sync(v.ok ? v.spec : undefined);
    return v;
  }

  /** Puts the values into the controls (the yuan beside each share from the budget as checked). */
  function sync(spec?: ProgrammeSpec): void {
    rule.value = String(values['allocation.rule'] ?? baseValue('allocation.rule'));
    const budget = Number(values.budget ?? baseValue('budget'));
    for (const [path, row] of rows) {
      const v = values[path] ?? baseValue(path);
      if (document.activeElement !== row.input && !Number.isNaN(v)) row.input.value = String(v);
      if (row.range && !Number.isNaN(v)) row.range.value = String(v);
      if (row.out) {
        const n = Number(v);
        row.out.value = path.endsWith('.share')
          ? Number.isFinite(n * budget)
            ? formatYuan(n * budget)
            : ''
          : path === 'budget'
            ? formatYuan(n)
            : t('pmWeeks', { n });
      }
    }
    root.dataset.valid = String(!!spec);
  }

  function relabel(): void {
    rule.replaceChildren(...VIEW_RULES.map((r) => h('option', { value: r }, t(`pmRule.${r}` as Key))));
    for (const row of rows.values()) {
      const label = row.input.closest('.pm-row')!.querySelector('.pm-label')!;
      label.textContent = pick(row.spec.label);
      const unit = row.input.closest('.pm-row')!.querySelector('.pm-unit');
      if (unit) unit.textContent = unitLabel(row.spec.unit, lang());
      if (row.range) row.range.setAttribute('aria-label', pick(row.spec.label));
    }
    validate();
  }

  relabel();
  return {
    root,
    values: () => ({ ...values }),
    check: () => validate(),
    copyFrom: (next) => {
      values = { ...next };
      validate();
    },
    relabel,
  };
}
