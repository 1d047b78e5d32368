import { MECHANISMS } from '../src/engine/mechanisms.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { lang, t } from './i18n/index.ts';
import { NARRATION } from './i18n/narration.ts';
import type { EventRow } from './worker/protocol.ts';

const SURNAMES = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['高', 'Gao'],
  ['林', 'Lin'],
  ['罗', 'Luo'],
] as const;

/** A stable made-up surname for a resident id ("王某" / "W."), so students can follow a person. */
export function residentName(id: number): string {
  const [zh, en] = SURNAMES[(Math.imul(id + 1, 2654435761) >>> 0) % SURNAMES.length];
  return lang() === 'zh' ? `${zh}某` : `${en[0]}.`;
}

/** One linkage event as a sentence: "第12周：组织能人带头做志愿服务——王某（195号居民）（社会组织→志愿者）". */
export function narrate(e: EventRow): string {
  const m = MECHANISMS[e.mechanism];
  const what = NARRATION[m.id]?.(e) ?? m;
  const by = e.actor >= 0 ? t('narrBy', { name: residentName(e.actor), id: e.actor }) : '';
  const flow = t('narrFlow', {
    from: t(`short.${ELEMENTS[e.source]}`),
    to: t(`short.${ELEMENTS[e.target]}`),
  });
  return `${t('narrWeek', { n: e.tick })}${what[lang()]}${by}${flow}`;
}
