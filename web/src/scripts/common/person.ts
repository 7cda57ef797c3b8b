/**
 * A person's name as the site shows it: the marker of an erased person ("Former pupil", "Former teacher": issue 11,
 * functions/domain/former.ts) in the page's language, any other name as it is. `fill` (page.ts) applies it to every
 * value it fills in; renderers that show a name directly call it.
 */
import { formerKindOf } from '../../../../functions/domain/former.ts';
import { formerEn } from '../../i18n/former.en.ts';
import { formerEs } from '../../i18n/former.es.ts';

const formerNames = {
  en: { pupil: formerEn['privacy.formerPupil'], teacher: formerEn['privacy.formerTeacher'] },
  es: { pupil: formerEs['privacy.formerPupil'], teacher: formerEs['privacy.formerTeacher'] },
};

export function personName(name: string, language: 'en' | 'es' = document.documentElement.lang === 'es' ? 'es' : 'en'): string {
  const former = formerKindOf(name);
  return former ? formerNames[language][former] : name;
}
