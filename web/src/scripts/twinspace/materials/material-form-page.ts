/**
 * The new-material form's rule, pure (unit-tested in node): the typed form
 * as the API's body, or its fields' problems — a title, a description within
 * the limits, and for a video a link the server's own parseVideoUrl accepts
 * (YouTube or Vimeo). Its own module because the form's code is loaded only
 * when a member opens the form (the page's 30 KB budget).
 */
import type { Area } from '../../../../../functions/domain/areas.ts';
import { materialLimits, type MaterialKind } from '../../../../../functions/domain/materials.ts';
import { parseVideoUrl } from '../../../../../functions/domain/video-url.ts';
import type { MaterialCreateBodyInput } from '../../../../../functions/http/materials/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** The new-material form, as typed. */
export interface NewMaterialValues {
  area: Area;
  kind: MaterialKind;
  title: string;
  description: string;
  videoUrl: string;
}

export type NewMaterialField = 'title' | 'description' | 'videoUrl';

const codePoints = (text: string) => [...text].length;

/** The form as the API's body, or its fields' problems (dictionary keys). Only a video carries a link. */
export function newMaterialBody(typed: NewMaterialValues): { body: MaterialCreateBodyInput } | { problems: Partial<Record<NewMaterialField, MessageKey>> } {
  const problems: Partial<Record<NewMaterialField, MessageKey>> = {};
  const title = typed.title.trim();
  if (!title) problems.title = 'materials.titleMissing';
  else if (codePoints(title) > materialLimits.title) problems.title = 'materials.titleTooLong';
  if (codePoints(typed.description.trim()) > materialLimits.description) problems.description = 'materials.descriptionTooLong';
  if (typed.kind === 'video') {
    if (!typed.videoUrl.trim()) problems.videoUrl = 'materials.videoUrlMissing';
    else if (!parseVideoUrl(typed.videoUrl)) problems.videoUrl = 'materials.videoUrlInvalid';
  }
  if (Object.keys(problems).length > 0) return { problems };
  const body: MaterialCreateBodyInput = { area: typed.area, kind: typed.kind, title, description: typed.description.trim() };
  return { body: typed.kind === 'video' ? { ...body, videoUrl: typed.videoUrl.trim() } : body };
}
