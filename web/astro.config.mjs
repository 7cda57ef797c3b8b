// The Twinspace site: static pages, English and Spanish under /en/ and /es/.
// Settings (API, chat, Cognito) are read at run time from /config.json.
// Interactive parts are Preact islands (src/components/kit/ and the page islands).
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import externalInline from './integrations/external-inline.ts';

// Builds and tests never reach the internet: no usage reports.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // No inline script or style in a page (the Content-Security-Policy allows neither, infra/site-headers.ts):
  // component styles always in files, however small...
  build: { format: 'directory', inlineStylesheets: 'never' },
  // ...and no script, style or image inlined for being small (an image would become a data: address, which img-src refuses).
  vite: { build: { assetsInlineLimit: 0 } },
  redirects: { '/': '/en/' },
  devToolbar: { enabled: false },
  integrations: [
    // compat: false: the islands use Preact itself, not the React compatibility layer (smaller).
    preact({ compat: false, devtools: false }),
    // Last: moves what Astro still writes inline (the island runtime) into /_astro/ files.
    externalInline(),
  ],
});
