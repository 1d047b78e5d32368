import { OKABE_ITO } from '../src/batch/palette.ts';

export { ELEMENT_COLOUR, MODE_COLOUR, OKABE_ITO } from '../src/batch/palette.ts';

/** Resident roles on the canvas (RESIDENT … ORGANISER), then organisation members who hold no other role. */
export const ROLE_COLOUR = [
  '#6e7681',
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.yellow,
  OKABE_ITO.orange,
];
/** Members of an organisation who are not volunteers: a dim orange, told apart from organisers by lightness. */
export const MEMBER_COLOUR = '#9c6b1f';
export const CANVAS_BACKGROUND = '#1b1f24';
export const BUILDING_BACKGROUND = '#2d333b';
/** Line dash of the two linkage mechanisms: 联中动 solid, 动中联 dashed. */
export const PROJECT_DASH = '7 5';
