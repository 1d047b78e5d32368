import { h } from '../dom.ts';
import { t } from '../i18n/index.ts';
import { problemSlot } from '../problem.ts';
import { formatYuan } from './programmeYuan.ts';

/** A weight as typed: full-width digits and points accepted (Chinese input), empty is not a number. */
export function parseWeight(text: string): number {
  const s = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.');
  return s === '' ? Number.NaN : Number(s);
}

/**
 * The editor of the allocation rule `table`: one row per community, in community order, with its
 * weight (what the core's rule reads: the community's share is its weight over the sum of the
 * weights), the share and the money that follow. Tab, ↑/↓ and Enter move between the communities;
 * every keystroke is checked by the design's validator (the core's), and problems show right under
 * the table. Rows past the browser's run are dimmed (the browser runs the first communities only).
 */
export function tableEditor(
  id: 'a' | 'b',
  onEdit: (weights: number[]) => void,
): {
  root: HTMLElement;
  update: (weights: readonly number[], budget: number, runCount: number) => void;
  /** Shows the problems under the table and marks the cells they are about (`all` for the table as a whole). */
  show: (lines: string[] | undefined, cells: ReadonlySet<number> | 'all') => void;
  relabel: () => void;
} {
  // the table's caption above its scrolling box, so it stays in view
  const caption = h('p', { id: `pm-${id}-table-caption`, class: 'pm-table-caption', i18n: 'pmTableCaption' });
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'pm-table', 'aria-labelledby': caption.id, 'data-testid': `pm-${id}-table` },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', i18n: 'pmTableCommunity' }),
        h('th', { scope: 'col', i18n: 'pmTableWeight' }),
        h('th', { scope: 'col', i18n: 'pmTableShare' }),
        h('th', { scope: 'col', i18n: 'pmTableYuan' }),
      ),
    ),
    body,
  );
  const problem = problemSlot(`pm-${id}-problem-table`);
  const note = h('p', { class: 'muted pm-table-note', 'data-testid': `pm-${id}-table-note` });
  const equal = h('button', {
    type: 'button',
    class: 'small',
    i18n: 'pmTableEqual',
    'data-testid': `pm-${id}-table-equal`,
  });
  const root = h(
    'div',
    { class: 'pm-table-editor', 'data-testid': `pm-${id}-table-editor` },
    h('p', { class: 'help', id: `pm-${id}-table-keys`, i18n: 'pmTableKeys' }),
    caption,
    h('div', { class: 'pm-table-scroll' }, table),
    problem.el,
    h('div', { class: 'button-row' }, equal, note),
  );
  let inputs: HTMLInputElement[] = [];
  let shown = { budget: 0, runCount: 0 };

  const read = () => inputs.map((i) => parseWeight(i.value));
  equal.addEventListener('click', () => {
    for (const i of inputs) i.value = '1';
    onEdit(read());
  });

  function rows(n: number): void {
    inputs = Array.from({ length: n }, (_, k) => {
      const input = h('input', {
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        class: 'pm-weight',
        'aria-describedby': `pm-${id}-table-keys`,
        'data-testid': `pm-${id}-table-${k + 1}`,
      });
      input.addEventListener('input', () => onEdit(read()));
      input.addEventListener('keydown', (e) => {
        const step =
          e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)
            ? 1
            : e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)
              ? -1
              : 0;
        if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
        const next = inputs[k + step];
        e.preventDefault();
        if (next) {
          next.focus();
          next.select();
        }
      });
      return input;
    });
    body.replaceChildren(
      ...inputs.map((input, k) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(k + 1)),
          h('td', {}, input),
          h('td', { class: 'pm-num pm-share' }),
          h('td', { class: 'pm-num' }),
        ),
      ),
    );
    labelRows();
  }

  function labelRows(): void {
    inputs.forEach((input, k) => {
      input.setAttribute('aria-label', t('pmTableRowLabel', { n: k + 1 }));
    });
  }

  function update(weights: readonly number[], budget: number, runCount: number): void {
    if (weights.length !== inputs.length) rows(weights.length);
    shown = { budget, runCount };
    const total = weights.reduce((s, w) => s + (Number.isFinite(w) && w > 0 ? w : 0), 0);
    weights.forEach((w, k) => {
      const input = inputs[k];
      if (document.activeElement !== input && Number.isFinite(w) && parseWeight(input.value) !== w)
        input.value = String(w);
      const row = input.closest('tr')!;
      const [share, yuan] = row.querySelectorAll<HTMLElement>('.pm-num');
      const ok = Number.isFinite(w) && w >= 0 && total > 0;
      share.textContent = ok
        ? `${((100 * w) / total).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`
        : '–';
      yuan.textContent = ok ? formatYuan((budget * w) / total) : '–';
      row.classList.toggle('pm-not-run', k >= runCount);
      row.title = k >= runCount ? t('pmTableNotRun') : '';
    });
    note.textContent =
      runCount < weights.length ? t('pmTableBrowser', { n: runCount, of: weights.length }) : '';
  }

  function relabel(): void {
    labelRows();
    const weights = read();
    if (inputs.length) update(weights, shown.budget, shown.runCount);
  }

  function show(lines: string[] | undefined, cells: ReadonlySet<number> | 'all'): void {
    problem.show(lines);
    const keys = `pm-${id}-table-keys`;
    inputs.forEach((input, k) => {
      const bad = !!lines?.length && (cells === 'all' || cells.has(k));
      input.setAttribute('aria-invalid', String(bad));
      input.setAttribute('aria-describedby', bad ? `${keys} ${problem.el.id}` : keys);
    });
  }

  return { root, update, show, relabel };
}
