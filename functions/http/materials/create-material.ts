/**
 * A new album, folder or video link added as one member, shared by the route
 * (handler.ts, once the guard let the title and description through) and the
 * moderation publisher (publish-held.ts, when a teacher releases a pupil's
 * held material): the same checks, the same status at creation (a pupil
 * member's waits for publishing), the same teachers told that it waits.
 */
import { ulid } from 'ulid';
import { createMaterial, type Material, type MaterialWriteOutcome } from '../../data/materials.ts';
import { listTeacherIds } from '../../data/memberships.ts';
import type { Notification } from '../../data/notifications.ts';
import type { TableStore } from '../../data/store.ts';
import { mayReadArea, type Area } from '../../domain/areas.ts';
import { addRefusal, statusAtCreation, videoOf } from '../../domain/material-rules.ts';
import type { MaterialKind } from '../../domain/materials.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import { forbidden, validationFailed } from '../../lib/errors.ts';

/** Who adds the material: their id, their type in the project, and the name it shows (pupils by first name). */
export interface MaterialAuthor {
  userId: string;
  type: TwinspaceType;
  name: string;
}

/** A new material as the request (validated) asks for it. */
export interface MaterialCreation {
  area: Area;
  kind: MaterialKind;
  title: string;
  description: string;
  videoUrl?: string;
}

/** The material `author` adds, nothing written yet: 403 in an area their type does not add to, 400 for a link that is no video. */
export function newMaterial(projectId: string, author: MaterialAuthor, creation: MaterialCreation): Material {
  const refused = addRefusal(author.type, creation.area);
  if (refused) throw forbidden(refused);
  const linked = videoOf(creation.kind, creation.videoUrl);
  if ('problem' in linked) throw validationFailed('The body is not valid.', [{ field: 'body.videoUrl', message: linked.problem }]);
  const status = statusAtCreation(author.type, creation.area);
  const createdAt = new Date().toISOString();
  return {
    materialId: ulid(),
    projectId,
    area: creation.area,
    kind: creation.kind,
    title: creation.title,
    description: creation.description,
    status,
    authorId: author.userId,
    authorName: author.name,
    createdAt,
    ...(status === 'published' ? { publishedAt: createdAt } : {}),
    ...(linked.video ? { video: linked.video } : {}),
    fileCount: 0,
  };
}

/**
 * A pupil member's material waits for a teacher or pupil administrator, as a
 * submitted page does: each of the project's teachers is told
 * ('material-submitted', subjectId = the material). A published one tells nobody.
 */
export async function waitingNotices(store: TableStore, material: Material): Promise<Notification[]> {
  if (material.status !== 'pending') return [];
  const teacherIds = await listTeacherIds(store, material.projectId);
  return teacherIds.map((userId) => ({
    notificationId: ulid(),
    userId,
    topic: 'material-submitted' as const,
    projectId: material.projectId,
    subjectId: material.materialId,
    params: { material: material.title, author: material.authorName, area: material.area, kind: material.kind },
    about: material.authorId,
    title: `${material.authorName} added “${material.title}” to the materials`,
    body: `${material.authorName} asks a teacher to publish “${material.title}” in the materials. Look at it and publish it, or tell them what to change.`,
    createdAt: material.createdAt,
  }));
}

/** Writes the material with its teachers' notifications. `notices`: the route reads them while the guard runs; without, they are read here. */
export async function writeMaterial(store: TableStore, material: Material, author: Pick<MaterialAuthor, 'userId' | 'type'>, notices?: Notification[]): Promise<MaterialWriteOutcome> {
  const told = notices ?? (await waitingNotices(store, material));
  return createMaterial(store, material, { userId: author.userId, type: author.type }, told);
}

/** Pupils read the public and the pupils' areas: a teacher's personal data there is warned about first. */
export const pupilsReadMaterialsOf = (area: Area): boolean => mayReadArea('pupil-member', area);
