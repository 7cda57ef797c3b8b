/**
 * The site's security headers and caching, in ONE place: CloudFront's
 * response headers policies (infra/cdk/site.ts) and the local site server
 * (infra/local/site.ts) both send what these functions return, so the local
 * site and its browser tests run under the policy that ships.
 *
 * Pure: no I/O. The origins may be CDK tokens (`https://${Token[…]}.execute-api…`):
 * nothing here parses them as URLs, it only cuts what follows the host.
 */

/** Where the pages connect to, as full addresses (config.json's values, plus the materials storage). */
export interface SiteOrigins {
  /** The HTTP API, e.g. `https://abc.execute-api.eu-west-1.amazonaws.com` (any path is cut). */
  api: string;
  /** The chat WebSocket, e.g. `wss://def.execute-api.eu-west-1.amazonaws.com/prod`. */
  chat: string;
  /** Cognito's user-pool endpoint the sign-in form calls. */
  cognito: string;
  /** The materials storage the presigned POSTs and GETs point at (uploads, images). */
  storage: string;
}

/**
 * The only iframes the site renders: the privacy-enhanced players of
 * functions/domain/rich-text-core.ts videoEmbedUrl (a unit test checks that
 * every provider's embed address falls under one of these).
 */
export const videoFrameOrigins = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

/** `scheme://host[:port]` of an address: everything after the host (path, query) is cut. Works on CDK token strings too. */
export function originOf(address: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)/i.exec(address.trim());
  if (!match) throw new Error(`Not an absolute address: ${address}`);
  return match[1];
}

/**
 * The Content-Security-Policy. Scripts and styles come from the site itself
 * only, with no inline script or style at all (the build moves Astro's into
 * files: web/integrations/external-inline.ts); connections go to the site
 * (config.json), the API, the chat, Cognito and the storage; images to the
 * site and the storage; frames to the two video players; nothing may frame
 * the site, post a form elsewhere or change the base address.
 */
export function contentSecurityPolicy(origins: SiteOrigins): string {
  const storage = originOf(origins.storage);
  const connect = [...new Set([originOf(origins.api), originOf(origins.chat), originOf(origins.cognito), storage])];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", storage],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connect],
    ['frame-src', ...videoFrameOrigins],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/**
 * Powerful features the site never uses, off for it and every frame in it.
 * Fullscreen, picture-in-picture, encrypted-media and autoplay stay as the
 * browser has them: the video players (VideoFrame.tsx) ask for them.
 */
export const permissionsPolicy = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The full address never leaves the site (pages carry ?id=); other sites see the origin only (YouTube needs it). */
export const referrerPolicy = 'strict-origin-when-cross-origin';

/** HTTPS only for two years, subdomains included. Browsers ignore it over plain http (RFC 6797 §8.1), so locally it is inert. */
export const strictTransportSecurity = { maxAgeSeconds: 2 * 365 * 24 * 60 * 60, includeSubdomains: true } as const;

/** Every header of the policy, as an HTTP response carries it (the local server sends exactly these). */
export function securityHeaders(origins: SiteOrigins): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${strictTransportSecurity.maxAgeSeconds}${strictTransportSecurity.includeSubdomains ? '; includeSubDomains' : ''}`,
    'referrer-policy': referrerPolicy,
    'permissions-policy': permissionsPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}

/** Astro's hashed bundles: a new build gives new names, so a copy never goes stale. */
export const immutableAssetsPattern = '/_astro/*';
export const cacheControl = {
  /** `/_astro/*`: a year, never revalidated. */
  immutable: 'public, max-age=31536000, immutable',
  /** HTML, config.json and anything else: stored, but asked for again every time (a deploy shows at once). */
  revalidate: 'no-cache',
} as const;

/** The Cache-Control of a path on the site. */
export function cacheControlOf(pathname: string): string {
  return pathname.startsWith(immutableAssetsPattern.slice(0, -1)) ? cacheControl.immutable : cacheControl.revalidate;
}
