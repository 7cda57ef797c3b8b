import { formerEs } from './former.es.ts';
import type { privacyEn } from './privacy.en.ts';

export const privacyEs: Record<keyof typeof privacyEn, string> = {
  ...formerEs,
  'action.erase-pupil': 'borrar la cuenta y los datos de un alumno',
  'privacy.erasePupil': 'Borrar los datos de este alumno',
  'privacy.eraseTeacher': 'Borrar los datos de este docente',
  'privacy.eraseTitle': 'Borrar la cuenta y los datos de {name}',
  'privacy.eraseChoice': '¿Qué pasa con lo que escribió {name}?',
  'privacy.modeDelete': 'Borrar todo lo que escribió {name}',
  'privacy.modeKeepPupil': 'Conservarlo, como escrito por «Antiguo alumno»',
  'privacy.modeKeepTeacher': 'Conservarlo, como escrito por «Antiguo docente»',
  'privacy.eraseWarning':
    'Esto no se puede deshacer. Se borran la cuenta, las membresías y el perfil de {name}, {name} ya no podrá iniciar sesión y nada de lo que escribió lo nombrará.',
  'privacy.confirmDelete': 'Borrar a {name} y lo que escribió',
  'privacy.confirmKeepPupil': 'Borrar a {name} y conservar su trabajo como «Antiguo alumno»',
  'privacy.confirmKeepTeacher': 'Borrar a {name} y conservar su trabajo como «Antiguo docente»',
  'privacy.cancel': 'Cancelar',
  'privacy.erased': 'Se ha borrado a {name}.',
  'privacy.exportTitle': 'Mis datos',
  'privacy.exportIntro': 'Descarga todo lo que Twinspace guarda sobre ti y todo lo que has escrito, en un único archivo JSON.',
  'privacy.exportButton': 'Descargar mis datos',
  'privacy.exportDone': 'Se han descargado tus datos.',
};
