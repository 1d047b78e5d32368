import { h } from '../dom.ts';
import type { Key } from '../i18n/index.ts';

/** Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, Enter/Space or click selects. */
export function tabs(
  bar: HTMLElement,
  items: Array<{ id: string; label: Key; panel: HTMLElement }>,
): (id: string) => void {
  const buttons = items.map((item, k) => {
    const b = h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-button-${item.id}`,
      'aria-controls': item.panel.id,
      'data-testid': `tab-${item.id}`,
      i18n: item.label,
    });
    item.panel.setAttribute('aria-labelledby', b.id);
    b.addEventListener('click', () => select(k));
    b.addEventListener('keydown', (e) => {
      const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      e.preventDefault();
      const next = (k + d + items.length) % items.length;
      select(next);
      buttons[next].focus();
    });
    return b;
  });
  function select(k: number): void {
    items.forEach((item, j) => {
      buttons[j].setAttribute('aria-selected', String(j === k));
      buttons[j].tabIndex = j === k ? 0 : -1;
      item.panel.hidden = j !== k;
    });
  }
  bar.append(...buttons);
  select(0);
  return (id) => {
    const k = items.findIndex((item) => item.id === id);
    if (k >= 0) select(k);
  };
}
