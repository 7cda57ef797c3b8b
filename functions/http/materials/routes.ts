/**
 * The Materials routes (issue 10): image albums, file folders and video links
 * of a TwinSpace, each in an area; uploads straight to storage with a
 * presigned POST; reads through short-lived presigned URLs issued only after
 * the gate. Every route passes the one TwinSpace gate with its action; the
 * conditions of the table (pupils' area only, own materials) and the
 * material's own area are checked in the handler once the gate read the
 * material (functions/domain/material-rules.ts). A closed project's materials
 * are read-only (409 on every write).
 */
import { readActionOf, type Area } from '../../domain/areas.ts';
import { area, route } from '../../lib/route.ts';
import { heldResponse } from '../moderation/schemas.ts';
import { projectPathParams } from '../schemas.ts';
import {
  materialCreateBody,
  materialDetailResponse,
  materialFilePathParams,
  materialFileResponse,
  materialPathParams,
  materialResponse,
  materialsPage,
  materialsQuery,
  uploadRequestBody,
  uploadResponse,
} from './schemas.ts';

export const materialsRoutes = area('materials', {
  listMaterials: route({
    name: 'list-materials',
    method: 'GET',
    path: '/projects/{projectId}/materials',
    auth: 'jwt',
    summary:
      "An area's materials, newest first (area required; the area's readers; kind=album|folder|video narrows it). A pending material only to its author and those who may publish materials of its area; albums carry their cover's URLs (minutes-long). A page may be short: follow nextCursor",
    action: ({ query }) => readActionOf[query.area as Area],
    params: projectPathParams,
    query: materialsQuery,
    responses: { 200: materialsPage },
  }),
  createMaterial: route({
    name: 'create-material',
    method: 'POST',
    path: '/projects/{projectId}/materials',
    auth: 'jwt',
    summary:
      "Add an album, a folder or a video link {area, kind, title (1..200), description (≤ 2,000), videoUrl (videos: a YouTube or Vimeo link)}. Teachers in any area, pupils in the pupils' area. Published at once when the author may publish materials there, else pending (a pupil member's). Answers 201. A pupil's title or description with personal data or abuse is held for a teacher: 202 {held}, nothing added. A teacher's in an area pupils read (public, pupils'): 409 PERSONAL_DATA_WARNING unless acknowledgePersonalData",
    action: 'add-material',
    params: projectPathParams,
    body: materialCreateBody,
    responses: { 201: materialResponse, 202: heldResponse },
    errors: ['PERSONAL_DATA_WARNING'],
  }),
  getMaterial: route({
    name: 'get-material',
    method: 'GET',
    path: '/projects/{projectId}/materials/{materialId}',
    auth: 'jwt',
    summary:
      "One material with its files, for the readers of its area (403 otherwise; someone else's pending one: 404): ready files to every reader, with their URLs; pending and rejected ones to their uploader and the project's teachers",
    action: 'read-public-area',
    params: materialPathParams,
    responses: { 200: materialDetailResponse },
  }),
  deleteMaterial: route({
    name: 'delete-material',
    method: 'DELETE',
    path: '/projects/{projectId}/materials/{materialId}',
    auth: 'jwt',
    summary: 'Delete a material with its files and their objects (teacher administrators any; others their own). Answers 204',
    action: 'delete-material',
    params: materialPathParams,
    responses: { 204: null },
  }),
  publishMaterial: route({
    name: 'publish-material',
    method: 'POST',
    path: '/projects/{projectId}/materials/{materialId}/publish',
    auth: 'jwt',
    summary: "Publish a pending material: teachers in any area, a pupil administrator in the pupils' area. Already published: 409",
    action: 'publish-material',
    params: materialPathParams,
    responses: { 200: materialResponse },
  }),
  requestUpload: route({
    name: 'request-material-upload',
    method: 'POST',
    path: '/projects/{projectId}/materials/uploads',
    auth: 'jwt',
    summary:
      "Ask to upload {materialId, kind (image into an album, file into a folder), fileName, size, contentType}: into one's own album or folder, or one of an area one publishes in (a pupil member's published material is frozen for them: 409). Images JPEG/PNG/GIF/WebP ≤ 10 MB, files (PDF, office, OpenDocument, plain text, audio) ≤ 50 MB: 413 beyond; the project's quota full: 409. Records the pending file and answers a presigned POST (the exact key, content-length-range, Content-Type) valid for 10 minutes. Answers 201",
    action: 'add-material',
    params: projectPathParams,
    body: uploadRequestBody,
    responses: { 201: uploadResponse },
    errors: ['TOO_LARGE'],
  }),
  getMaterialFile: route({
    name: 'get-material-file',
    method: 'GET',
    path: '/projects/{projectId}/materials/{materialId}/files/{fileId}',
    auth: 'jwt',
    summary:
      'One file (the site polls it after an upload: pending, then ready with its URLs or rejected with the reason). Ready: every reader of the material; pending or rejected: its uploader and the project\'s teachers (404 for anyone else)',
    action: 'read-public-area',
    params: materialFilePathParams,
    responses: { 200: materialFileResponse },
  }),
  deleteMaterialFile: route({
    name: 'delete-material-file',
    method: 'DELETE',
    path: '/projects/{projectId}/materials/{materialId}/files/{fileId}',
    auth: 'jwt',
    summary: 'Delete one file and its objects (its uploader, or whoever may delete its material); its bytes return to the quota. Answers 204',
    action: 'delete-material',
    params: materialFilePathParams,
    responses: { 204: null },
  }),
});
