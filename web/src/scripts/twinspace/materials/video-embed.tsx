/**
 * A video of an allowed provider, through its privacy-enhanced player only
 * (youtube-nocookie, Vimeo with do-not-track). The iframe's src is made here
 * by the domain's videoEmbedUrl from the provider and an id that matches the
 * provider's pattern — never a URL from the API or a member — so no other
 * iframe source can be rendered. Sandboxed, lazy, titled.
 *
 * Stand-in until the kit's RichText renderer (web/src/components/kit/
 * RichText.tsx, another part of issue 10) exports its video: same rules, so
 * the two can become one.
 */
import { videoEmbedUrl, videoIdPatterns, videoProviders, type VideoProvider } from '../../../../../functions/domain/rich-text-core.ts';

export function VideoEmbed({ provider, videoId, title }: { provider: VideoProvider; videoId: string; title: string }) {
  if (!videoProviders.includes(provider) || !videoIdPatterns[provider].test(videoId)) return null;
  return (
    <div class="video-frame">
      <iframe
        src={videoEmbedUrl(provider, videoId)}
        title={title}
        loading="lazy"
        sandbox="allow-scripts allow-same-origin allow-presentation"
        allow="encrypted-media; fullscreen; picture-in-picture"
        referrerpolicy="strict-origin-when-cross-origin"
        allowFullScreen
      />
    </div>
  );
}
