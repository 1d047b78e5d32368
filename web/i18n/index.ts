import { en } from './en.ts';
import { zh } from './zh.ts';

export type Lang = 'zh' | 'en';
export type Key = keyof typeof en;
export const DICTIONARIES: Record<Lang, Record<Key, string>> = { zh, en };

const STORAGE_KEY = 'wushe.lang';
let current: Lang = 'en';
const listeners: Array<(lang: Lang) => void> = [];

/** The remembered language, else the browser's first preference (Chinese or English). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (private mode, file://); fall back to the browser's language
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    if (/^zh\b/i.test(l)) return 'zh';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

export function lang(): Lang {
  return current;
}

/** A label in the current language; `{name}` placeholders are filled from `vars`. */
export function t(key: Key, vars?: Record<string, string | number>): string {
  let s = DICTIONARIES[current][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** The field of a `{zh, en}` text in the current language. */
export function pick(text: { zh: string; en: string }): string {
  return text[current];
}

export function setLang(next: Lang, remember = true): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }
  relabel(document.body);
  for (const f of listeners) f(next);
}

export function onLangChange(f: (lang: Lang) => void): void {
  listeners.push(f);
}

/** Re-translates every element labelled through `data-i18n` (text) or `data-i18n-title` (title, aria-label). */
export function relabel(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]'))
    el.textContent = t(el.dataset.i18n as Key);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const s = t(el.dataset.i18nTitle as Key);
    el.title = s;
    el.setAttribute('aria-label', s);
  }
}
