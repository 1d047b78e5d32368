import { ANY, MECHANISMS } from '../../src/engine/mechanisms.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import { h } from '../dom.ts';
import { ABOUT, ABOUT_COLUMNS, ABOUT_MECHANISMS } from '../i18n/about.ts';
import { lang, t } from '../i18n/index.ts';

/** The "about the model" page, in plain language, with the list of mechanisms from the core. */
export function aboutView(): { section: HTMLElement; relabel: () => void } {
  const section = h('section', { class: 'panel about', id: 'about', 'aria-labelledby': 'about-title' });
  function draw(): void {
    const l = lang();
    const el = (i: number) => (i === ANY ? '—' : t(`short.${ELEMENTS[i]}`));
    section.replaceChildren(
      h('h2', { id: 'about-title', i18n: 'tabAbout' }),
      ...ABOUT[l].map((s) =>
        h(
          'div',
          { class: 'about-section' },
          h('h3', {}, s.heading),
          ...(s.paragraphs ?? []).map((p) => h('p', {}, p)),
          s.items ? h('ul', {}, ...s.items.map((i) => h('li', {}, i))) : null,
        ),
      ),
      h('h3', {}, ABOUT_MECHANISMS[l]),
      h(
        'table',
        { class: 'mechanisms' },
        h('thead', {}, h('tr', {}, ...ABOUT_COLUMNS[l].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...MECHANISMS.map((m) =>
            h(
              'tr',
              {},
              h('td', {}, m[l]),
              h('td', {}, el(m.source)),
              h('td', {}, el(m.target)),
              h('td', {}, m.project ? '动中联' : '联中动'),
            ),
          ),
        ),
      ),
    );
  }
  draw();
  return { section, relabel: draw };
}
