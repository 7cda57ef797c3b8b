/**
 * The TwinSpace Home's project part, its rules, pure (no DOM; unit-tested in
 * node): the strings its island (twinspace-about.tsx) reads, the badge a
 * project's state wears, and what the page says about the project (which
 * notice, whether a pupil is told what they can do instead of the state,
 * whether the public page exists yet). The feed is its own island
 * (home-island.tsx); the settings panel too (twinspace-settings.tsx).
 */
import type { TwinspaceType } from '../../../../functions/domain/twinspace-types.ts';
import type { BadgeVariant } from '../../components/kit/Badge.tsx';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const aboutStrings = [
  'twinspace.guidance.pupil-admin',
  'twinspace.guidance.pupil-member',
  'twinspace.title',
  'twinspace.missingId',
  'twinspace.notFound',
  'twinspace.closed',
  'twinspace.notOpen',
  'twinspace.description',
  'twinspace.state',
  'twinspace.myType',
  'tsSettings.projectTitle',
  'editProject.rejectedBecause',
  'editProject.link',
  'areas.public',
  'common.loading',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

/** The state's badge: its words say it, the colour repeats it. */
export function stateVariant(state: string): BadgeVariant {
  if (state === 'approved') return 'success';
  if (state === 'rejected') return 'danger';
  if (state === 'closed') return 'neutral';
  return 'info';
}

/** What Home says about a project in this state to a member of this type. */
export function aboutProject(state: string, type: TwinspaceType | null | undefined) {
  const open = state === 'approved';
  const closed = state === 'closed';
  // A pupil is told what they can do here, not the project's administrative state (which says nothing to them while it is open).
  const pupilGuidance = open && (type === 'pupil-admin' || type === 'pupil-member') ? type : undefined;
  return {
    /** The one notice of a closed project on Home (the feed says nothing more about it). */
    notice: closed ? ('twinspace.closed' as const) : open ? undefined : ('twinspace.notOpen' as const),
    pupilGuidance,
    showState: !pupilGuidance,
    publicPage: open || closed,
  };
}
