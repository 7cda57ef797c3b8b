/**
 * A video link as a member pastes it → the provider and the video's id
 * (issue 10). Its own module, beside rich-text-core.ts, because only the
 * editor's dialog and the API read pasted links: the site's pages that only
 * show texts do not bundle it. functions/domain/rich-text.ts re-exports it.
 *
 * Pure: no I/O.
 */
import { videoIdPatterns, type VideoProvider } from './rich-text-core.ts';

/** A video link as a member pastes it (watch, share, embed or shorts URLs) → provider and id; undefined for anything else. */
export function parseVideoUrl(url: string): { provider: VideoProvider; videoId: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\.|^m\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  let found: { provider: VideoProvider; videoId: string } | undefined;
  if (host === 'youtu.be') found = { provider: 'youtube', videoId: segments[0] ?? '' };
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = segments[0] === 'watch' ? parsed.searchParams.get('v') : ['embed', 'shorts', 'live'].includes(segments[0] ?? '') ? segments[1] : undefined;
    found = { provider: 'youtube', videoId: id ?? '' };
  } else if (host === 'vimeo.com') found = { provider: 'vimeo', videoId: segments[0] ?? '' };
  else if (host === 'player.vimeo.com' && segments[0] === 'video') found = { provider: 'vimeo', videoId: segments[1] ?? '' };
  return found && videoIdPatterns[found.provider].test(found.videoId) ? found : undefined;
}
