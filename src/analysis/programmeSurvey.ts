/**
 * The Hubei study's virtual survey (src/analysis/survey.ts) on a programme's communities: the
 * district runs to its horizon in this thread, then respondents are sampled from each community's
 * target group as the study did (its 618 respondents shared between the communities). Run it with
 * the horizon at the end of the funded year, when the study surveyed. Pure.
 */

import type { Programme } from '../model/programmeCommunities.ts';
import { runProgrammeReplicate } from './programmeReplicate.ts';
import { allocate, type Respondent, report, type SurveyReport, sampleRespondents } from './survey.ts';

export function surveyProgramme(programme: Programme, seed: number, respondents: number): SurveyReport {
  const n = programme.members.length;
  const quota = allocate(respondents, n);
  const all: Respondent[] = [];
  runProgrammeReplicate(programme, seed, undefined, (shard) => {
    shard.sims.forEach((sim, k) => {
      all.push(...sampleRespondents(sim.world, shard.indices[k] + 1, quota[shard.indices[k]], seed));
    });
  });
  return report(all, seed, n);
}
