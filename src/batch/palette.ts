/**
 * The one palette of wushe's charts, in the web app and in the SVG files the command line writes:
 * Okabe & Ito (2008), colour-blind safe, one colour per element and per practice model.
 */
import type { ElementId, ModeId } from '../model/elements.ts';

/** Okabe & Ito (2008) colour-blind-safe palette. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const ELEMENT_COLOUR: Record<ElementId, string> = {
  community: OKABE_ITO.blue,
  organizations: OKABE_ITO.orange,
  socialWorkers: OKABE_ITO.reddishPurple,
  volunteers: OKABE_ITO.bluishGreen,
  charity: OKABE_ITO.vermillion,
};

export const MODE_COLOUR: Record<ModeId, string> = {
  'organization-led': OKABE_ITO.orange,
  'volunteer-led': OKABE_ITO.bluishGreen,
  'charity-led': OKABE_ITO.vermillion,
  mixed: '#8c8c8c',
};
