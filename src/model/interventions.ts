import { z } from 'zod';

/** Events on a scenario's timeline (epidemic shock, grants, hiring or withdrawing social workers, incentives, end of funding). */
const tick = z.number().int().min(0).max(5200).describe('Week at which the intervention happens');

import { NEEDS } from './elements.ts';

export { NEEDS, type NeedId } from './elements.ts';

export const interventionSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('shock'),
      tick,
      need: z.enum([...NEEDS, 'all']).describe('Which need rises'),
      size: z.number().min(0).max(1).describe('How much the need rises (index 0–1)'),
      share: z.number().min(0).max(1).default(1).describe('Share of residents affected'),
      targets: z
        .boolean()
        .default(false)
        .describe(
          'Register the residents hit as the target group of the programme (targeted outreach, surveys)',
        ),
    })
    .describe('A shock to residents\u2019 needs, e.g. the 2020 epidemic'),
  z
    .strictObject({
      type: z.literal('grant'),
      tick,
      amount: z.number().min(0).max(1e10).describe('Yuan paid into the charity fund'),
      weeks: z.number().int().min(1).max(5200).default(1).describe('Weeks over which it is paid'),
    })
    .describe('External funding, e.g. a foundation programme'),
  z
    .strictObject({
      type: z.literal('hire'),
      tick,
      socialWorkers: z.number().min(0).max(100000).describe('Full-time social workers added'),
      weeks: z
        .number()
        .int()
        .min(1)
        .max(5200)
        .optional()
        .describe(
          'Term of their purchase-of-service contract in weeks (default parameters.socialWorkers.contractWeeks); they leave at its end unless it is renewed or the fund takes them over',
        ),
    })
    .describe('Social workers stationed in the community under a purchase-of-service contract'),
  z
    .strictObject({
      type: z.literal('withdraw'),
      tick,
      socialWorkers: z.number().min(0).max(100000).describe('Full-time social workers withdrawn'),
    })
    .describe(
      'Social workers withdrawn (stationed first, then fund-paid, then local); their skill leaves with them',
    ),
  z
    .strictObject({
      type: z.literal('incentive'),
      tick,
      on: z.boolean().describe('Start (true) or stop (false) the volunteer incentive scheme'),
    })
    .describe('Points or time-bank incentive scheme for volunteers'),
  z
    .strictObject({ type: z.literal('funding-end'), tick })
    .describe('All external funding still being paid in stops'),
]);

export type Intervention = z.output<typeof interventionSchema>;
/** An intervention as written in a file (fields with defaults may be left out). */
export type InterventionInput = z.input<typeof interventionSchema>;
export const INTERVENTION_TYPES = ['shock', 'grant', 'hire', 'withdraw', 'incentive', 'funding-end'] as const;
