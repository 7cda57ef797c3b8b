/**
 * The two notifications of held texts (issue 12): `pupil-text-held` to each of the project's teachers, and
 * `pupil-text-decided` to the pupil. `params` are what the site's own sentence needs (`kinds` comma-separated:
 * params hold strings and numbers only); title and body are the English fallback.
 */
import { ulid } from 'ulid';
import type { HeldOutcome } from '../../domain/moderation.ts';
import type { HeldText } from '../../data/moderation.ts';
import type { Notification } from '../../data/notifications.ts';

const kindWords: Record<string, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  account: 'a social account',
  address: 'a street address',
  surname: "another pupil's surname",
  abuse: 'an insult',
};
const kindsInWords = (kinds: readonly string[]) => kinds.map((kind) => kindWords[kind] ?? kind).join(', ');

export function heldNotice(held: HeldText, projectTitle: string, teacherId: string): Notification {
  return {
    notificationId: ulid(),
    userId: teacherId,
    topic: 'pupil-text-held',
    projectId: held.projectId,
    subjectId: held.heldId,
    params: { projectId: held.projectId, projectTitle, heldId: held.heldId, surface: held.surface, kinds: held.kinds.join(','), name: held.authorName },
    // Indexed under the pupil: their erasure deletes it.
    about: held.authorId,
    title: `A text by ${held.authorName} waits for a teacher in "${projectTitle}"`,
    body: `The pupil guard held it: ${kindsInWords(held.kinds)}. Release it, edit it or delete it in the TwinSpace's Moderation tab.`,
    createdAt: held.heldAt,
  };
}

export function decidedNotice(held: HeldText, outcome: HeldOutcome, projectTitle: string, decidedAt: string): Notification {
  return {
    notificationId: ulid(),
    userId: held.authorId,
    topic: 'pupil-text-decided',
    projectId: held.projectId,
    subjectId: held.heldId,
    params: { projectId: held.projectId, projectTitle, heldId: held.heldId, surface: held.surface, outcome },
    title: `A teacher looked at your text in "${projectTitle}"`,
    body:
      outcome === 'released'
        ? 'A teacher published your text as you wrote it.'
        : outcome === 'edited'
          ? 'A teacher changed your text a little and published it.'
          : 'A teacher decided not to publish your text.',
    createdAt: decidedAt,
  };
}
