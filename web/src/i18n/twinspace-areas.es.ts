import type { twinspaceAreasEn } from './twinspace-areas.en.ts';

export const twinspaceAreasEs: Record<keyof typeof twinspaceAreasEn, string> = {
  'areas.heading': 'En este TwinSpace',
  'areas.pages': 'Páginas',
  'areas.forum': 'Foro',
  'areas.agenda': 'Agenda',
  'areas.mailbox': 'Buzón',
  'areas.diary': 'Diario del proyecto',
  'areas.labels': 'Sellos de Calidad',
  'areas.public': 'Página pública del proyecto',
};
