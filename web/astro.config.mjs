// The Twinspace site: static pages, English and Spanish under /en/ and /es/.
// Settings (API, chat, Cognito) are read at run time from /config.json.
// Interactive parts are Preact islands (src/components/kit/ and the page islands).
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';

// Builds and tests never reach the internet: no usage reports.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  redirects: { '/': '/en/' },
  devToolbar: { enabled: false },
  // compat: false: the islands use Preact itself, not the React compatibility layer (smaller).
  integrations: [preact({ compat: false, devtools: false })],
});
