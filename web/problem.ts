import { h } from './dom.ts';
import { t } from './i18n/index.ts';

/**
 * A message slot placed right next to the control it is about: announced to screen readers
 * (role=alert), linked to the control (aria-describedby, aria-invalid), and empty when all is well.
 */
export function problemSlot(id: string): {
  el: HTMLElement;
  show(lines: string[] | undefined, title?: string): void;
  attach(control: HTMLElement): void;
} {
  const el = h('div', { id, class: 'problem', role: 'alert', 'data-testid': id, hidden: true });
  const controls: HTMLElement[] = [];
  return {
    el,
    attach(control) {
      controls.push(control);
    },
    show(lines, title) {
      const bad = !!lines && lines.length > 0;
      for (const c of controls) {
        c.setAttribute('aria-invalid', String(bad));
        if (bad) c.setAttribute('aria-describedby', id);
        else c.removeAttribute('aria-describedby');
      }
      el.hidden = !bad;
      if (!bad) {
        el.replaceChildren();
        return;
      }
      const dismiss = h('button', { type: 'button', class: 'small', i18n: 'dismiss' });
      dismiss.addEventListener('click', () => this.show(undefined));
      el.replaceChildren(
        title ? h('strong', {}, title) : '',
        h('ul', {}, ...lines.slice(0, 20).map((l) => h('li', {}, l))),
        lines.length > 20 ? h('p', {}, t('moreProblems', { n: lines.length - 20 })) : '',
        dismiss,
      );
    },
  };
}
