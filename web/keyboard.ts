import { h } from './dom.ts';
import type { Key } from './i18n/index.ts';

/** One keyboard shortcut: the keys that trigger it, how the help shows them, and what it does. */
export interface Shortcut {
  keys: string[];
  label: Key;
  shown: string;
  act(): void;
}

/** True for elements that take typed text (or, for a list, letters and arrows) themselves: shortcuts stay off. */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'image', 'range'].includes(
      el.type,
    );
  return (el as HTMLElement).isContentEditable === true;
}

/** A slider keeps its arrow keys; the other shortcuts work on it. */
function keyBelongsTo(el: Element | null, key: string): boolean {
  return el instanceof HTMLInputElement && el.type === 'range' && key.startsWith('Arrow');
}

/**
 * Shortcuts that work whatever has the focus (a button, a tab, the page), except in text fields and
 * where a control already used the key (e.g. arrow keys between tabs). Space on a focused button
 * plays or pauses instead of pressing the button. `?` opens the list of shortcuts.
 */
export function installShortcuts(shortcuts: Shortcut[], dialog: HTMLDialogElement): void {
  let swallowedSpace = false;
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (isTextField(e.target as Element) || keyBelongsTo(e.target as Element, e.key)) return;
    if (dialog.open && e.key !== '?') return;
    const s = shortcuts.find((k) => k.keys.includes(e.key));
    if (!s) return;
    e.preventDefault();
    if (e.key === ' ') swallowedSpace = true;
    s.act();
  });
  // a focused button is pressed by Space on key-up: the shortcut has already acted
  document.addEventListener('keyup', (e) => {
    if (e.key === ' ' && swallowedSpace) {
      swallowedSpace = false;
      e.preventDefault();
    }
  });
}

/** The help overlay: a modal dialog listing every shortcut, closed with Escape or its button. */
export function shortcutsDialog(): { dialog: HTMLDialogElement; fill(shortcuts: Shortcut[]): void } {
  const list = h('dl', { class: 'shortcut-list' });
  const close = h('button', { type: 'button', class: 'small', i18n: 'close' });
  const dialog = h(
    'dialog',
    { class: 'shortcuts', 'data-testid': 'shortcuts', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title', i18n: 'shortcutsTitle' }),
    h('p', { class: 'help', i18n: 'shortcutsHelp' }),
    list,
    close,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  return {
    dialog,
    fill(shortcuts) {
      list.replaceChildren(
        ...shortcuts.flatMap((s) => [
          h('dt', {}, s.shown === ' ' ? h('kbd', { i18n: 'keySpace' }) : h('kbd', {}, s.shown)),
          h('dd', { i18n: s.label }),
        ]),
      );
    },
  };
}
