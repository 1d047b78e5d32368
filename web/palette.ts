import type { ElementId, ModeId } from '../src/model/elements.ts';

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

export const ELEMENT_COLOR: Record<ElementId, string> = {
  community: OKABE_ITO.blue,
  organizations: OKABE_ITO.orange,
  socialWorkers: OKABE_ITO.reddishPurple,
  volunteers: OKABE_ITO.bluishGreen,
  charity: OKABE_ITO.vermillion,
};

export const MODE_COLOR: Record<ModeId, string> = {
  'organization-led': OKABE_ITO.orange,
  'volunteer-led': OKABE_ITO.bluishGreen,
  'charity-led': OKABE_ITO.vermillion,
  mixed: '#8c8c8c',
};

/** Resident roles on the canvas (RESIDENT … ORGANISER), then organisation members who hold no other role. */
export const ROLE_COLOR = [
  '#6e7681',
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.yellow,
  OKABE_ITO.orange,
];
/** Members of an organisation who are not volunteers: a dim orange, told apart from organisers by lightness. */
export const MEMBER_COLOR = '#9c6b1f';
export const CANVAS_BACKGROUND = '#1b1f24';
export const BUILDING_BACKGROUND = '#2d333b';
/** Line dash of the two linkage mechanisms: 联中动 solid, 动中联 dashed. */
export const PROJECT_DASH = '7 5';
