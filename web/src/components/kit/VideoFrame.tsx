/**
 * A video of an allowed provider, through its privacy-enhanced player only
 * (youtube-nocookie, Vimeo with do-not-track): the one iframe the site ever
 * renders. Its src is made here by the domain's videoEmbedUrl from the
 * provider and an id checked again against the provider's pattern — never a
 * URL from the API, a document or a member. Sandboxed, lazy, titled. The
 * rich-text renderer (RichText.tsx) and the Materials tab's videos both show
 * videos through it; `missing` is shown instead of a video that fails the check.
 */
import type { ComponentChildren } from 'preact';
import { videoEmbedUrl, videoIdPatterns, type VideoProvider } from '../../../../functions/domain/rich-text-core.ts';

export function VideoFrame({ provider, videoId, title, missing, class: className = '' }: { provider: VideoProvider; videoId: string; title: string; missing: ComponentChildren; class?: string }) {
  if ((provider !== 'youtube' && provider !== 'vimeo') || !videoIdPatterns[provider].test(videoId)) {
    return <figure class={`${className} rich-missing`.trim()}>{missing}</figure>;
  }
  return (
    <figure class={className || undefined}>
      <iframe
        src={videoEmbedUrl(provider, videoId)}
        title={title}
        loading="lazy"
        sandbox="allow-scripts allow-same-origin allow-presentation"
        allow="encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        /* The embeds need the site's origin (YouTube refuses an embed without a referrer); never the full address. */
        referrerpolicy="strict-origin-when-cross-origin"
      />
    </figure>
  );
}
