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
  baseTable,
  baseValue,
  type ChosenFile,
  checkDesign,
  communityCount,
  DETAIL_SPECS,
  type DesignBase,
  type DesignValues,
  exportFile,
  importProgramme,
  SHIPPED_BASE,
  SLIDER_PATHS,
  VIEW_RULES,
} from '../programmeDesign.ts';
import { tableEditor } from './programmeTable.ts';
import { formatYuan } from './programmeYuan.ts';

export { formatYuan };

interface Row {
  spec: NumberSpec;
  input: HTMLInputElement;
  range?: HTMLInputElement;
  out?: HTMLOutputElement;
  problem: ReturnType<typeof problemSlot>;
}

/** A design as the view keeps it: the programme file it starts from and the values set on top. */
export interface Design {
  base: DesignBase;
  values: DesignValues;
}

function cloneValues(values: DesignValues): DesignValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}

/**
 * One design's controls: the programme file it starts from (the shipped one, or one the user
 * imports: chosen or dropped, with the scenario files it names), the allocation rule (with a table
 * of weights for the rule `table`), a slider for the budget, the weeks of funding and each
 * instrument's share (with a number field beside it, so any value can be typed), and the other
 * declared numbers under "more numbers". Every change is checked by the core's validator; a problem
 * shows next to its control. An import that fails leaves the design as it was.
 */
export function designPanel(
  id: 'a' | 'b',
  title: Key,
  onChange: () => void,
  hooks: {
    /** The run's seed, written into a saved file (undefined while the seed field is wrong). */
    seed: () => number | undefined;
    /** Called after a programme file is imported into this design. */
    onImport: (base: DesignBase) => void;
  },
): {
  root: HTMLElement;
  design: () => Design;
  check: () => { ok: true; spec: ProgrammeSpec } | { ok: false; errors: string[] };
  copyFrom: (design: Design) => void;
  setRunCount: (n: number) => void;
  relabel: () => void;
} {
  let base: DesignBase = SHIPPED_BASE;
  let values: DesignValues = {};
  let runCount = Number.POSITIVE_INFINITY;
  const rows = new Map<string, Row>();
  const rule = h('select', { id: `pm-${id}-rule`, 'data-testid': `pm-${id}-rule` });
  const ruleProblem = problemSlot(`pm-${id}-problem-rule`);
  ruleProblem.attach(rule);
  const general = problemSlot(`pm-${id}-problem`);
  rule.addEventListener('change', () => {
    values['allocation.rule'] = rule.value;
    if (rule.value === 'table' && !values['allocation.table']) values['allocation.table'] = currentTable();
    validate();
    onChange();
  });

  const table = tableEditor(id, (weights) => {
    values['allocation.table'] = weights;
    validate();
    onChange();
  });

  /** The weights the table shows: the ones set, else the file's (or 1 each). */
  function currentTable(): number[] {
    const set = values['allocation.table'];
    return Array.isArray(set) ? set : baseTable(base.file);
  }
  const currentRule = () => String(values['allocation.rule'] ?? baseValue('allocation.rule', base.file));

  // the programme file the design starts from, and the import of another
  const source = h('p', { class: 'pm-source', 'data-testid': `pm-${id}-source` });
  const file = h('input', {
    id: `pm-${id}-import`,
    type: 'file',
    multiple: true,
    accept: '.json,application/json',
    class: 'file-input',
    'data-testid': `pm-${id}-import`,
  });
  const importProblem = problemSlot(`pm-${id}-import-problem`);
  importProblem.attach(file);
  const importStatus = h('p', {
    class: 'muted pm-import-status',
    'aria-live': 'polite',
    'data-testid': `pm-${id}-import-status`,
  });
  /** The last files that failed to import, so their problems can be shown again in the other language. */
  let failed: ChosenFile[] | undefined;
  let imported: { name: string; n: number; seed: number } | undefined;

  async function readFiles(list: FileList | null | undefined): Promise<void> {
    if (!list?.length) return;
    const chosen = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    take(chosen);
  }

  function take(chosen: ChosenFile[]): void {
    const r = importProgramme(chosen, lang());
    if (!r.ok) {
      failed = chosen;
      imported = undefined;
      importStatus.textContent = '';
      importProblem.show(r.errors, t('errorImport', { name: r.name }));
      return;
    }
    failed = undefined;
    importProblem.show(undefined);
    base = r.base;
    values = {};
    imported = { name: r.base.source ?? '', n: communityCount(r.base.file), seed: r.base.file.seed };
    hooks.onImport(base);
    showImported();
    validate();
    onChange();
  }

  function showImported(): void {
    importStatus.textContent = imported ? t('pmImported', imported) : '';
  }

  file.addEventListener('change', async () => {
    const list = file.files;
    await readFiles(list);
    file.value = '';
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
  // the design as a programme file the command line runs, and the web app imports as the same design
  const save = h('button', {
    type: 'button',
    class: 'small',
    i18n: 'pmSaveFile',
    'data-testid': `pm-${id}-save`,
  });
  save.addEventListener('click', () => {
    const v = validate();
    if (!v.ok) return;
    const out = exportFile(values, base.file, id, hooks.seed());
    downloadJson(`${out.id}.json`, out);
  });
  const root = h(
    'fieldset',
    { class: `pm-design pm-design-${id}`, 'data-testid': `pm-design-${id}` },
    h('legend', { i18n: title }),
    source,
    h(
      'div',
      { class: 'pm-import' },
      file,
      h('label', { for: file.id, class: 'button small', i18n: 'pmImport' }),
      h('span', { class: 'muted pm-drop-hint', i18n: 'pmDrop' }),
    ),
    importProblem.el,
    importStatus,
    h('label', { for: rule.id, class: 'field' }, h('span', { i18n: 'pmRule' }), rule),
    ruleProblem.el,
    table.root,
    ...sliders,
    general.el,
    details,
    h('div', { class: 'button-row' }, save),
  );

  // a programme file dropped anywhere on the design (with the scenario files it names)
  let depth = 0;
  root.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    root.classList.add('pm-drop');
  });
  root.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  root.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) root.classList.remove('pm-drop');
  });
  root.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    depth = 0;
    root.classList.remove('pm-drop');
    void readFiles(e.dataTransfer.files);
  });

  /** Shows the validator's problems next to their controls; the rest under the sliders. */
  function validate(): ReturnType<typeof checkDesign> {
    const v = checkDesign(values, lang(), base.file);
    const left: string[] = [];
    const tableLines: string[] = [];
    const tableCells = new Set<number>();
    let wholeTable = false;
    const byRow = new Map<string, string[]>();
    const weights = currentTable();
    const bad = weights.flatMap((w, k) => (Number.isNaN(w) ? [k] : []));
    if (!v.ok)
      for (const line of v.errors) {
        const path = issuePath(line) || line.slice(0, Math.max(0, line.indexOf('：')));
        if (rows.has(path)) byRow.set(path, [...(byRow.get(path) ?? []), line]);
        else if (path === 'allocation.rule') ruleProblem.show([line]);
        else if (path.startsWith('allocation.table')) {
          const cell = /^allocation\.table\[(\d+)\]$/.exec(path);
          if (cell) tableCells.add(Number(cell[1]));
          else wholeTable = true;
          // a cell that is not a number is said so below, not as the validator's type error
          if (!cell || !bad.includes(Number(cell[1]))) tableLines.push(line);
        } else left.push(line);
      }
    for (const [path, row] of rows) {
      if (Number.isNaN(values[path])) row.problem.show([t('notANumber')]);
      else row.problem.show(byRow.get(path));
    }
    if (v.ok || !v.errors.some((l) => l.startsWith('allocation.rule'))) ruleProblem.show(undefined);
    const isTable = currentRule() === 'table';
    if (isTable) tableLines.unshift(...bad.map((k) => t('pmTableNotANumber', { n: k + 1 })));
    for (const k of bad) tableCells.add(k);
    general.show(left.length ? left : undefined);
    sync(v.ok ? v.spec : undefined);
    // after sync, which builds the table's rows for the design's communities
    table.show(isTable && tableLines.length ? tableLines : undefined, wholeTable ? 'all' : tableCells);
    return v;
  }

  /** Puts the values into the controls (the yuan beside each share from the budget as checked). */
  function sync(spec?: ProgrammeSpec): void {
    rule.value = currentRule();
    const budget = Number(values.budget ?? baseValue('budget', base.file));
    // the budget's slider reaches three times the shipped budget, or the file's when that is more
    const budgetRange = rows.get('budget')?.range;
    if (budgetRange) {
      const max = 3 * Math.max(Number(baseValue('budget')), Number(baseValue('budget', base.file)));
      if (Number(budgetRange.max) !== max) {
        budgetRange.max = String(max);
        budgetRange.step = String(max / 300);
      }
    }
    for (const [path, row] of rows) {
      const v = values[path] ?? baseValue(path, base.file);
      if (Array.isArray(v)) continue;
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
    const isTable = rule.value === 'table';
    table.root.hidden = !isTable;
    if (isTable) table.update(currentTable(), budget, Math.min(runCount, communityCount(base.file)));
    source.textContent = base.file.title ? pick(base.file.title) : base.file.id;
    source.title = base.source ? t('pmSourceFile', { name: base.source }) : t('pmSourceShipped');
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
    table.relabel();
    showImported();
    if (failed && !importProblem.el.hidden) {
      const r = importProgramme(failed, lang());
      if (!r.ok) importProblem.show(r.errors, t('errorImport', { name: r.name }));
    }
    validate();
  }

  relabel();
  return {
    root,
    design: () => ({ base, values: cloneValues(values) }),
    check: () => validate(),
    copyFrom: (next) => {
      base = next.base;
      values = cloneValues(next.values);
      imported = undefined;
      failed = undefined;
      importProblem.show(undefined);
      showImported();
      validate();
    },
    setRunCount: (n) => {
      runCount = n;
      if (currentRule() === 'table')
        table.update(
          currentTable(),
          Number(values.budget ?? baseValue('budget', base.file)),
          Math.min(n, communityCount(base.file)),
        );
    },
    relabel,
  };
}
