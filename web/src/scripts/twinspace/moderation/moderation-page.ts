/**
 * The Moderation tab's rules, pure (no DOM; unit-tested in node): the strings its island (moderation-island.tsx)
 * reads, who sees what (teachers the queue, the teacher administrator also the settings, pupils their own waiting
 * texts, visitors nothing), a held text cut into slices around its findings (the site highlights them), the words
 * of a surface and a field, and the API's paths.
 */
import type * as z from 'zod';
// The domain's list itself: a pure module, only this constant reaches the page.
import { heldSurfaces, type HeldField, type HeldSurface } from '../../../../../functions/domain/moderation.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { mineResponse, moderationResponse, pupilGuardSettings } from '../../../../../functions/http/moderation/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { labelKeys } from '../../../i18n/labels.ts';
import { findingKinds, heldNoticeStrings, heldOutcomes, type FindingKind, type HeldOutcome } from '../../common/held-words.ts';

// ---- the API's answers (functions/http/moderation/schemas.ts, types only: no schema code reaches the page)

export { heldSurfaces };

export type QueueAnswer = z.output<typeof moderationResponse>;
export type MineAnswer = z.output<typeof mineResponse>;
export type GuardSettings = z.output<typeof pupilGuardSettings>;
/** A held text of the queue, a decision, or a pupil's own: what the tab shows of each (fields while it waits). */
export type HeldItem = Omit<QueueAnswer['held'][number], 'fields'> & { fields?: HeldField[] };
export type { HeldField, HeldSurface };

const base = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/moderation`;
export const queuePath = (projectId: string, cursor?: string | null) => `${base(projectId)}${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`;
export const minePath = (projectId: string, cursor?: string | null) => `${base(projectId)}/mine${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`;
export const releasePath = (projectId: string, heldId: string) => `${base(projectId)}/${encodeURIComponent(heldId)}/release`;
export const deletePath = (projectId: string, heldId: string) => `${base(projectId)}/${encodeURIComponent(heldId)}/delete`;
export const settingsPath = (projectId: string) => `${base(projectId)}/settings`;

/** The body of an edited release: only the fields the teacher changed (none changed: released as written). */
export function releaseBody(fields: readonly HeldField[], edited: Record<string, string>): { fields?: { field: string; text: string }[] } {
  const changed = fields.filter((field) => edited[field.field] !== undefined && edited[field.field] !== field.text).map((field) => ({ field: field.field, text: edited[field.field]! }));
  return changed.length > 0 ? { fields: changed } : {};
}

/** The fields a teacher's edit leaves without any visible text. */
export const emptyFields = (fields: readonly HeldField[], edited: Record<string, string>): string[] =>
  fields.filter((field) => (edited[field.field] ?? field.text).trim() === '').map((field) => field.field);

// ---- who sees what

const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];
const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];

/** The tab's view for this member: the teachers' queue, the pupils' own waiting texts, or none (visitors). */
export type ModerationView = { view: 'queue'; settings: 'edit' | 'read' } | { view: 'mine' } | { view: 'none' };

export function moderationView(type: TwinspaceType | null | undefined): ModerationView {
  if (type && teacherTypes.includes(type)) return { view: 'queue', settings: type === 'teacher-admin' ? 'edit' : 'read' };
  if (type && pupilTypes.includes(type)) return { view: 'mine' };
  return { view: 'none' };
}

// ---- a held text with its findings highlighted

/** A slice of a held text: found (with its kind: highlighted) or not. */
export interface Slice {
  text: string;
  kind?: FindingKind;
}

/**
 * The text cut at its findings, in order; every character once. Findings out of the text's range, or overlapping
 * one already taken, are left out (the guard gives none; a text edited since must not break the page).
 */
export function slicesOf(text: string, findings: HeldField['findings']): Slice[] {
  const slices: Slice[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end <= finding.start || finding.end > text.length) continue;
    if (finding.start > at) slices.push({ text: text.slice(at, finding.start) });
    slices.push({ text: text.slice(finding.start, finding.end), kind: finding.kind });
    at = finding.end;
  }
  if (at < text.length) slices.push({ text: text.slice(at) });
  return slices;
}

// ---- words

export const surfaceKey = (surface: string): MessageKey =>
  (heldSurfaces as readonly string[]).includes(surface) ? (`moderation.surface.${surface as HeldSurface}` as const) : 'moderation.surface.other';

const fieldNames = ['text', 'body', 'title', 'subject', 'description', 'content'] as const;
/** A field's name in words (the surfaces name their texts text/body/content, title, subject, description). */
export const fieldKey = (field: string): MessageKey =>
  (fieldNames as readonly string[]).includes(field) ? (`moderation.field.${field as (typeof fieldNames)[number]}` as const) : 'moderation.field.text';

export const kindKey = (kind: FindingKind) => `moderation.kind.${kind}` as const satisfies MessageKey;
export const decisionKey = (outcome: HeldOutcome) => `moderation.decision.${outcome}` as const satisfies MessageKey;

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const moderationStrings = [
  ...labelKeys,
  ...heldNoticeStrings,
  ...heldSurfaces.map((surface) => `moderation.surface.${surface}` as const),
  'moderation.surface.other',
  ...fieldNames.map((field) => `moderation.field.${field}` as const),
  ...findingKinds.map(kindKey),
  ...heldOutcomes.map(decisionKey),
  'site.name',
  'twinspace.missingId',
  'twinspace.notFound',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'moderation.titleOf',
  'moderation.back',
  'moderation.intro',
  'moderation.visitor',
  'moderation.waiting',
  'moderation.waitingCount.one',
  'moderation.waitingCount.other',
  'moderation.empty',
  'moderation.by',
  'moderation.found',
  'moderation.release',
  'moderation.edit',
  'moderation.editOf',
  'moderation.editHint',
  'moderation.editEmpty',
  'moderation.saveRelease',
  'moderation.cancel',
  'moderation.delete',
  'moderation.deleteQuestion',
  'moderation.released',
  'moderation.edited',
  'moderation.deleted',
  'moderation.decisions',
  'moderation.decisionsEmpty',
  'moderation.decidedBy',
  'moderation.more',
  'moderation.settings',
  'moderation.settingsIntro',
  'moderation.alwaysHeld',
  'moderation.allowAccountLinks',
  'moderation.allowAccountLinksHint',
  'moderation.allowHandles',
  'moderation.allowHandlesHint',
  'moderation.saveSettings',
  'moderation.settingsSaved',
  'moderation.settingsReadOnly',
  'moderation.allowed',
  'moderation.notAllowed',
  'moderation.mine',
  'moderation.mineIntro',
  'moderation.mineEmpty',
  'moderation.yourText',
] as const satisfies readonly MessageKey[];
