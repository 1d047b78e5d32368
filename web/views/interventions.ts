import { INTERVENTION_TYPES, type Intervention, NEEDS } from '../../src/model/interventions.ts';
import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { type Key, t } from '../i18n/index.ts';
import { problemSlot } from '../problem.ts';

type IvType = (typeof INTERVENTION_TYPES)[number];
type Raw = Record<string, unknown> & { type: IvType; tick: number };

/** A new intervention of a type with reasonable values (the same fields the scenario schema checks). */
function fresh(type: IvType, tick: number): Raw {
  switch (type) {
    case 'shock':
      return { type, tick, need: 'psychological', size: 0.3, share: 1 };
    case 'grant':
      return { type, tick, amount: 100000, weeks: 52 };
    case 'hire':
    case 'withdraw':
      return { type, tick, socialWorkers: 2 };
    case 'incentive':
      return { type, tick, on: true };
    default:
      return { type, tick };
  }
}

/** Fields shown for each intervention type: [field, label, kind, min, max, step]. */
const FIELDS: Record<IvType, Array<[string, Key, 'number' | 'need' | 'bool', number?, number?, number?]>> = {
  shock: [
    ['need', 'ivNeed', 'need'],
    ['size', 'ivSize', 'number', 0, 1, 0.05],
    ['share', 'ivShare', 'number', 0, 1, 0.05],
  ],
  grant: [
    ['amount', 'ivAmount', 'number', 0, 1e10, 1000],
    ['weeks', 'ivWeeks', 'number', 1, 5200, 1],
  ],
  hire: [['socialWorkers', 'ivSocialWorkers', 'number', 0, 100000, 0.5]],
  withdraw: [['socialWorkers', 'ivSocialWorkers', 'number', 0, 100000, 0.5]],
  incentive: [['on', 'ivOn', 'bool']],
  'funding-end': [],
};

/** The intervention timeline: add, edit and remove scheduled events. */
export function interventionsView(editor: ScenarioEditor): {
  root: HTMLElement;
  sync: () => void;
  relabel: () => void;
} {
  const root = h('details', { class: 'interventions', id: 'interventions' });
  const list = h('ol', { class: 'iv-list' });
  const addType = h('select', { id: 'iv-add-type', 'aria-label': '' });
  const add = h('button', {
    type: 'button',
    class: 'small',
    'data-testid': 'add-intervention',
    i18n: 'addIntervention',
  });
  add.addEventListener('click', () =>
    editor.edit((f) => {
      const tick = Math.min(f.ticks - 1, 12);
      f.interventions = [...(f.interventions ?? []), fresh(addType.value as IvType, tick) as Intervention];
    }),
  );

  const update = (k: number, change: (iv: Raw) => Raw | undefined) =>
    editor.tryEdit((f) => {
      const all = [...(f.interventions ?? [])] as unknown as Raw[];
      const next = change({ ...all[k] });
      if (next) all[k] = next;
      else all.splice(k, 1);
      if (all.length) f.interventions = all as unknown as Intervention[];
      else delete f.interventions;
    });

  function row(iv: Raw, k: number): HTMLLIElement {
    const id = (s: string) => `iv-${k}-${s}`;
    // a problem with this row's values is shown under the row, and the value is not taken
    const problem = problemSlot(`problem-iv-${k}`);
    const numberChange = (input: HTMLInputElement, name: string) => () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v)) problem.show([t('notANumber')]);
      else problem.show(update(k, (old) => ({ ...old, [name]: v })));
    };
    const type = h(
      'select',
      { id: id('type') },
      ...INTERVENTION_TYPES.map((ty) => h('option', { value: ty }, t(`iv.${ty}`))),
    );
    type.value = iv.type;
    type.addEventListener('change', () => update(k, (old) => fresh(type.value as IvType, old.tick)));
    const week = h('input', {
      id: id('tick'),
      type: 'number',
      min: 0,
      max: editor.file.ticks - 1,
      step: 1,
      value: iv.tick,
    });
    week.addEventListener('change', numberChange(week, 'tick'));
    problem.attach(week);
    const fields = (FIELDS[iv.type] ?? []).map(([name, label, kind, min, max, step]) => {
      let input: HTMLInputElement | HTMLSelectElement;
      if (kind === 'need') {
        input = h(
          'select',
          { id: id(name) },
          ...[...NEEDS, 'all' as const].map((n) => h('option', { value: n }, t(`need.${n}`))),
        );
        input.value = String(iv[name]);
        input.addEventListener('change', () => update(k, (old) => ({ ...old, [name]: input.value })));
      } else if (kind === 'bool') {
        input = h('input', { id: id(name), type: 'checkbox', checked: iv[name] === true });
        input.addEventListener('change', () =>
          update(k, (old) => ({ ...old, [name]: (input as HTMLInputElement).checked })),
        );
      } else {
        input = h('input', { id: id(name), type: 'number', min, max, step, value: String(iv[name]) });
        input.addEventListener('change', numberChange(input as HTMLInputElement, name));
        problem.attach(input);
      }
      return h('label', { for: id(name), class: 'iv-field' }, h('span', { i18n: label }), input);
    });
    const remove = h('button', { type: 'button', class: 'small danger', i18n: 'remove' });
    remove.addEventListener('click', () => update(k, () => undefined));
    return h(
      'li',
      { class: 'iv-row' },
      h('label', { for: id('type'), class: 'sr-only', i18n: 'interventions' }),
      type,
      h('label', { for: id('tick'), class: 'iv-field' }, h('span', { i18n: 'ivWeek' }), week),
      ...fields,
      remove,
      problem.el,
    );
  }

  function sync(): void {
    const all = (editor.file.interventions ?? []) as unknown as Raw[];
    list.replaceChildren(
      ...(all.length ? all.map(row) : [h('li', { class: 'muted' }, t('noInterventions'))]),
    );
  }

  function build(): void {
    const open = root.open;
    const keep = addType.value || 'shock';
    addType.replaceChildren(...INTERVENTION_TYPES.map((ty) => h('option', { value: ty }, t(`iv.${ty}`))));
    addType.value = keep;
    addType.setAttribute('aria-label', t('addIntervention'));
    root.replaceChildren(
      h('summary', { i18n: 'interventions' }),
      list,
      h('div', { class: 'iv-add' }, addType, add),
    );
    root.open = open;
    sync();
  }

  build();
  return { root, sync, relabel: build };
}
