/**
 * The three areas of a TwinSpace (DOMAIN.md, "What each type may do"): who
 * reads each, and which row of the policy table governs editing pages in it.
 * Pages, the forum and the agenda all belong to an area; this is the one
 * place that maps an area to its actions.
 */
import { mayAtAll, type Action } from './policy.ts';
import type { TwinspaceType } from './twinspace-types.ts';

export const areas = ['public', 'pupils', 'teachers'] as const;
export type Area = (typeof areas)[number];

export const readActionOf: Readonly<Record<Area, Action>> = {
  public: 'read-public-area',
  pupils: 'read-pupils-area',
  teachers: 'read-teachers-area',
};

export const editPagesActionOf: Readonly<Record<Area, Action>> = {
  public: 'edit-public-or-teachers-pages',
  pupils: 'edit-pupils-pages',
  teachers: 'edit-public-or-teachers-pages',
};

export function mayReadArea(type: TwinspaceType, area: Area): boolean {
  return mayAtAll(type, readActionOf[area]);
}

/** The areas this type reads, for lists that span areas (the feed, search). */
export function readableAreas(type: TwinspaceType): Area[] {
  return areas.filter((area) => mayReadArea(type, area));
}
