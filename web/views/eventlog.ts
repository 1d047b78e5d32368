import { MECHANISMS } from '../../src/engine/mechanisms.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import { h } from '../dom.ts';
import { downloadJson, downloadText, toCsv } from '../export.ts';
import { lang, t } from '../i18n/index.ts';
import { narrate } from '../narrate.ts';
import { ELEMENT_COLOUR } from '../palette.ts';
import type { RunState, View } from '../player.ts';
import type { EventRow } from '../worker/protocol.ts';
import { panel } from './panel.ts';

const SHOWN = 200;

/** The narrated event log, newest first, filterable by element, mechanism and kind (联中动 / 动中联). */
export function eventLogView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('events', 'eventLogTitle');
  const element = h('select', { id: 'log-element' });
  const mechanism = h('select', { id: 'log-mechanism' });
  const kind = h('select', { id: 'log-kind' });
  const filters = h(
    'div',
    { class: 'filters' },
    h('label', { for: 'log-element' }, h('span', { i18n: 'filterElement' }), element),
    h('label', { for: 'log-kind' }, h('span', { i18n: 'filterKind' }), kind),
    h('label', { for: 'log-mechanism' }, h('span', { i18n: 'filterMechanism' }), mechanism),
  );
  const count = h('p', { class: 'muted log-count' });
  const list = h('ol', { class: 'log', reversed: true });
  const log = h('div', { 'data-testid': 'event-log', class: 'log-box', tabindex: 0 }, list);
  body.append(filters, count, log);
  let run: RunState | undefined;
  let shown = 0;

  function fillFilters(): void {
    const keep = [element.value, mechanism.value, kind.value];
    element.replaceChildren(
      h('option', { value: '' }, t('all')),
      ...ELEMENTS.map((e, i) => h('option', { value: String(i) }, t(`el.${e}`))),
    );
    mechanism.replaceChildren(
      h('option', { value: '' }, t('all')),
      ...MECHANISMS.map((m, i) => h('option', { value: String(i) }, m[lang()])),
    );
    kind.replaceChildren(
      h('option', { value: '' }, t('all')),
      h('option', { value: 'cultivation' }, t('kindCultivation')),
      h('option', { value: 'project' }, t('kindProject')),
    );
    [element.value, mechanism.value, kind.value] = keep;
  }

  function matches(e: EventRow): boolean {
    if (element.value !== '' && e.source !== Number(element.value) && e.target !== Number(element.value))
      return false;
    if (mechanism.value !== '' && e.mechanism !== Number(mechanism.value)) return false;
    if (kind.value !== '' && MECHANISMS[e.mechanism].project !== (kind.value === 'project')) return false;
    return true;
  }

  function item(e: EventRow): HTMLLIElement {
    const project = MECHANISMS[e.mechanism].project;
    return h(
      'li',
      {
        class: project ? 'project' : 'cultivation',
        style: `border-color:${ELEMENT_COLOUR[ELEMENTS[e.source]]}`,
      },
      h('span', { class: 'tag' }, project ? '动中联' : '联中动'),
      ' ',
      narrate(e),
    );
  }

  function total(): number {
    return run ? run.events.filter(matches).length : 0;
  }

  function render(): void {
    if (!run) return;
    const picked: EventRow[] = [];
    for (let k = run.events.length - 1; k >= 0 && picked.length < SHOWN; k--)
      if (matches(run.events[k])) picked.push(run.events[k]);
    list.replaceChildren(...picked.map(item));
    shown = picked.length;
    renderCount();
  }

  function renderCount(): void {
    if (!run) return;
    const n = total();
    count.textContent = n === 0 ? t('logEmpty') : t('logCount', { shown: Math.min(shown, n), total: n });
  }

  function append(events: EventRow[]): void {
    const fresh = events.filter(matches);
    if (!fresh.length) return;
    const frag = document.createDocumentFragment();
    for (let k = fresh.length - 1; k >= 0 && k >= fresh.length - SHOWN; k--) frag.append(item(fresh[k]));
    list.prepend(frag);
    while (list.childElementCount > SHOWN) list.lastElementChild!.remove();
    shown = list.childElementCount;
    renderCount();
  }

  let waiting: EventRow[] = [];
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  function flush(now: number): void {
    last = now;
    const events = waiting;
    waiting = [];
    append(events);
  }

  for (const s of [element, mechanism, kind]) s.addEventListener('change', render);
  fillFilters();

  const bar = h('div', { class: 'export-bar' }, h('span', { class: 'muted', i18n: 'download' }));
  const csv = h('button', { type: 'button', class: 'small', i18n: 'exportCsv' });
  const json = h('button', { type: 'button', class: 'small', i18n: 'exportJson' });
  const rows = () => (run ? run.events.filter(matches) : []);
  csv.addEventListener('click', () =>
    downloadText(
      `events-${run?.file.id ?? 'run'}.csv`,
      toCsv(
        ['tick', 'mechanism', 'kind', 'source', 'target', 'actor', 'subject', 'value', 'text'],
        rows().map((e) => [
          e.tick,
          MECHANISMS[e.mechanism].id,
          MECHANISMS[e.mechanism].project ? 'project' : 'cultivation',
          ELEMENTS[e.source],
          ELEMENTS[e.target],
          e.actor,
          e.subject,
          e.value,
          narrate(e),
        ]),
      ),
      'text/csv',
    ),
  );
  json.addEventListener('click', () =>
    downloadJson(
      `events-${run?.file.id ?? 'run'}.json`,
      rows().map((e) => ({
        tick: e.tick,
        mechanism: MECHANISMS[e.mechanism].id,
        source: ELEMENTS[e.source],
        target: ELEMENTS[e.target],
        actor: e.actor,
        subject: e.subject,
        value: e.value,
        project: MECHANISMS[e.mechanism].project,
      })),
    ),
  );
  bar.append(csv, json);
  section.append(bar);

  return {
    section,
    view: {
      reset(r) {
        run = r;
        clearTimeout(trailing);
        waiting = [];
        render();
      },
      update(r, snap) {
        run = r;
        // while playing, new lines are added at most five times a second
        for (const e of snap.events) waiting.push(e);
        const now = performance.now();
        clearTimeout(trailing);
        if (r.done || now - last > 200) flush(now);
        else trailing = setTimeout(() => flush(performance.now()), 200);
      },
      refresh(r) {
        run = r;
        clearTimeout(trailing);
        waiting = [];
        render();
      },
      relabel(r) {
        run = r;
        fillFilters();
        render();
      },
    },
  };
}
