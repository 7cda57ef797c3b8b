/** getStaticPaths for every page under /[lang]/: one copy per language. */
import { languages } from './index.ts';

export function languagePaths() {
  return languages.map((lang) => ({ params: { lang } }));
}
