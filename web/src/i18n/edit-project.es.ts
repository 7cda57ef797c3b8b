import type { editProjectEn } from './edit-project.en.ts';

export const editProjectEs: Record<keyof typeof editProjectEn, string> = {
  'editProject.link': 'Editar el proyecto',
  'editProject.rejectedBecause': 'No aprobado. Motivo indicado:',
  'editProject.title': 'Editar el proyecto',
  'editProject.intro': 'Cambia lo que preguntó el Servicio Nacional de Apoyo. Un proyecto rechazado vuelve a cada SNA para su aprobación cuando lo reenvías.',
  'editProject.save': 'Guardar los cambios',
  'editProject.saveAndResubmit': 'Guardar y reenviar para su aprobación',
  'editProject.busy': 'Guardando…',
  'editProject.saved': 'Cambios guardados.',
  'editProject.notEditable': 'Este proyecto ya no se puede editar: solo lo editan sus fundadores, mientras está propuesto o rechazado.',
  'editProject.stale': 'Este proyecto se ha cambiado en otro lugar (¿en otra pestaña?). Recarga para ver la última versión; tus cambios no se han guardado.',
};
