/**
 * The site's runtime settings come from /config.json (SiteConfig in
 * infra/local/endpoints.ts): CloudFront serves a generated one in the cloud,
 * the local runtime serves one locally. Fetched once per page.
 */
export interface SiteConfig {
  api: string;
  chat: string;
  region: string;
  cognito: { endpoint: string; userPoolId: string; clientId: string };
}

let pending: Promise<SiteConfig> | undefined;

export function loadConfig(): Promise<SiteConfig> {
  pending ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json answered ${response.status}`);
    return (await response.json()) as SiteConfig;
  });
  return pending;
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
