import { lang } from '../i18n/index.ts';

/** Yuan in the interface language: 万元 in Chinese, thousands or millions in English. */
export function formatYuan(yuan: number): string {
  if (lang() === 'zh') return `${(yuan / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`;
  if (Math.abs(yuan) >= 1e6)
    return `${(yuan / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })} million yuan`;
  return `${Math.round(yuan).toLocaleString('en')} yuan`;
}
