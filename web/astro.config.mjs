// The Twinspace site: static pages, English and Spanish under /en/ and /es/.
// Settings (API, chat, Cognito) are read at run time from /config.json.
import { defineConfig } from 'astro/config';

// Builds and tests never reach the internet: no usage reports.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  redirects: { '/': '/en/' },
  devToolbar: { enabled: false },
});
