/**
 * Probes of the home: writing a post, commenting on and liking a post the
 * teacher administrator wrote, and writing on the teachers' board. Each
 * allowed write is taken back, so the walk's home stays small. Reading the
 * home is the 'read-public-area' row; pinning and deleting any post are
 * 'moderate' (both probed elsewhere; the home's own are in api-home.test.ts).
 */
import type { LocalEndpoints } from '../../../infra/local/endpoints.ts';
import type { TestTwinspace } from '../../support/twinspace.ts';
import { callAs, outcome, type Probes } from './kit.ts';

/** A post of the teacher administrator's, made once per walk TwinSpace. */
const posts = new Map<string, Promise<string>>();

function adminPost(endpoints: LocalEndpoints, space: TestTwinspace): Promise<string> {
  let post = posts.get(space.projectId);
  if (!post) {
    post = (async () => {
      const written = await callAs(endpoints, space.members['teacher-admin'], 'POST', `/projects/${space.projectId}/home/posts`, { body: 'Welcome to our river project!' });
      if (written.status !== 201) throw new Error(`write a post for the probes: ${written.status} ${JSON.stringify(written.body)}`);
      return written.body.entryId as string;
    })();
    posts.set(space.projectId, post);
  }
  return post;
}

export const probes: Probes = {
  'home-post': async (caller, { endpoints, space }) => {
    const written = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/home/posts`, { body: `A post of a ${caller.type ?? 'stranger'}` });
    const verdict = outcome(written, `${caller.name} writes a home post`);
    if (verdict === 'allowed') outcome(await callAs(endpoints, caller, 'DELETE', `/projects/${space.projectId}/home/posts/${written.body.entryId}`), `${caller.name} deletes their post`);
    return verdict;
  },
  'home-comment-like': async (caller, { endpoints, space }) => {
    const postPath = `/projects/${space.projectId}/home/posts/${await adminPost(endpoints, space)}`;
    const commented = await callAs(endpoints, caller, 'POST', `${postPath}/comments`, { body: `A comment of a ${caller.type ?? 'stranger'}` });
    const verdict = outcome(commented, `${caller.name} comments on a post`);
    const liked = outcome(await callAs(endpoints, caller, 'PUT', `${postPath}/like`), `${caller.name} likes a post`);
    if (liked !== verdict) throw new Error(`${caller.name}: commenting was ${verdict} but liking ${liked}; the row covers both`);
    if (verdict === 'allowed') {
      outcome(await callAs(endpoints, caller, 'DELETE', `${postPath}/comments/${commented.body.commentId}`), `${caller.name} deletes their comment`);
      outcome(await callAs(endpoints, caller, 'DELETE', `${postPath}/like`), `${caller.name} takes back their like`);
    }
    return verdict;
  },
  'teachers-board': async (caller, { endpoints, space }) => {
    const written = await callAs(endpoints, caller, 'POST', `/projects/${space.projectId}/board`, { body: `A note of ${caller.name}` });
    const verdict = outcome(written, `${caller.name} writes on the teachers' board`);
    const read = outcome(await callAs(endpoints, caller, 'GET', `/projects/${space.projectId}/board`), `${caller.name} reads the teachers' board`);
    if (read !== verdict) throw new Error(`${caller.name}: writing on the board was ${verdict} but reading it ${read}; the row covers both`);
    if (verdict === 'allowed') outcome(await callAs(endpoints, caller, 'DELETE', `/projects/${space.projectId}/board/${written.body.noteId}`), `${caller.name} deletes their note`);
    return verdict;
  },
};
