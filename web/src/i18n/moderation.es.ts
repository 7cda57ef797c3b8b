/** Spanish strings of the guard on what pupils share (same keys as moderation.en.ts). */
import type { moderationEn } from './moderation.en.ts';

export const moderationEs: Record<keyof typeof moderationEn, string> = {
  'held.reason.email': 'Las direcciones de correo electrónico son privadas.',
  'held.reason.phone': 'Los números de teléfono son privados.',
  'held.reason.account': 'Las cuentas y los enlaces de aplicaciones y redes sociales son privados.',
  'held.reason.address': 'Las direcciones de casa son privadas.',
  'held.reason.surname': 'Los apellidos de otros alumnos son privados.',
  'held.reason.abuse': 'Algunas palabras hacen daño a los demás, así que aquí no las usamos.',
  'held.waiting': 'Un profesor revisará tu mensaje.',
  'held.badge': 'Esperando a un profesor',
  'held.outcome.released': 'Un profesor ha revisado tu mensaje y lo ha publicado.',
  'held.outcome.edited': 'Un profesor ha cambiado un poco tu mensaje y lo ha publicado.',
  'held.outcome.deleted': 'Un profesor ha revisado tu mensaje y ha decidido no publicarlo.',

  'held.warning.title': 'El alumnado leerá esto',
  'held.warning.intro': 'Lo que has escrito parece contener:',
  'held.warning.kind.email': 'una dirección de correo electrónico',
  'held.warning.kind.phone': 'un número de teléfono',
  'held.warning.kind.account': 'una cuenta o un enlace de redes sociales',
  'held.warning.kind.address': 'una dirección postal',
  'held.warning.kind.surname': 'el apellido de un alumno (el alumnado solo ve nombres de pila)',
  'held.warning.kind.abuse': 'palabras que pueden hacer daño',
  'held.warning.question': '¿Quieres publicarlo de todos modos?',
  'held.warning.confirm': 'Publicar de todos modos',
  'held.warning.cancel': 'Volver y cambiarlo',
};
