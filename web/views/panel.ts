import { h } from '../dom.ts';
import type { Key } from '../i18n/index.ts';

/** A titled panel: heading, optional help line, body, optional export bar. */
export function panel(id: string, title: Key, help?: Key): { section: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'panel-body' });
  const section = h(
    'section',
    { class: 'panel', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, i18n: title }),
    help ? h('p', { class: 'help', i18n: help }) : null,
    body,
  );
  return { section, body };
}
