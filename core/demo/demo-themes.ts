import { THEME_PALETTE, type Theme } from '../model/index.ts';
import { MSK_FOCUS_GROUP_THEMES, themesFromPlans } from '../templates/index.ts';

const SUBTOPICS: Record<string, string[]> = {
  'theme-access': [
    'Waiting times',
    'Self-referral',
    'Appointment times',
    'Travel and parking',
    'Phone booking',
  ],
  'theme-information': [
    'Texts and apps',
    'Letters',
    'Languages and easy read',
    'A named contact',
    'Exercise videos',
  ],
  'theme-self-care': [
    'Exercise at home',
    'Group classes',
    'Cost of staying active',
    'Work and recovery',
    'Flare-ups',
  ],
  'theme-joined-up': [
    'Shared records',
    'Mental health',
    'Carers in the team',
    'Discharge',
    'Schools and families',
  ],
};
const AUDIENCES = [
  'for workers',
  'for parents',
  'for older people',
  'for carers',
  'in rural areas',
];

/**
 * The four template themes plus sub-themes, up to `count` in all: named sub-topics first, then
 * a third level by audience, so a benchmark can ask for 40 themes that still read sensibly.
 */
export function demoCodebook(count: number): Theme[] {
  const top = themesFromPlans(MSK_FOCUS_GROUP_THEMES);
  const out: Theme[] = top.slice(0, Math.max(1, Math.min(count, top.length)));
  const second: Theme[] = [];
  let round = 0;
  while (out.length < count && round < 5) {
    for (const parent of top) {
      if (out.length >= count) break;
      const name = SUBTOPICS[parent.id]?.[round];
      if (!name) continue;
      const t: Theme = {
        id: `${parent.id}-${round + 1}`,
        name,
        description: `${name}, within ${parent.name.toLowerCase()}.`,
        colour: parent.colour,
        parentId: parent.id,
        order: out.length,
      };
      out.push(t);
      second.push(t);
    }
    round++;
  }
  let i = 0;
  while (out.length < count && second.length > 0) {
    const parent = second[i % second.length] as Theme;
    const audience = AUDIENCES[Math.floor(i / second.length) % AUDIENCES.length] as string;
    const level = Math.floor(i / (second.length * AUDIENCES.length));
    out.push({
      id: `${parent.id}-a${i + 1}`,
      name: `${parent.name} ${audience}${level > 0 ? ` (${level + 1})` : ''}`,
      description: `${parent.name} as it affects people ${audience.replace(/^for /, '')}.`,
      colour: THEME_PALETTE[(i + 3) % THEME_PALETTE.length] as string,
      parentId: parent.id,
      order: out.length,
    });
    i++;
  }
  return out;
}

/** The top-level template theme a theme belongs to. */
export function rootThemeId(themes: readonly Theme[], id: string): string {
  let t = themes.find((x) => x.id === id);
  while (t && t.parentId !== null) {
    const parentId: string = t.parentId;
    t = themes.find((x) => x.id === parentId);
  }
  return t?.id ?? id;
}
