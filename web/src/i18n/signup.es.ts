/** Alta de docentes, sus textos en la página de acceso y la página del SNA con los docentes por validar. */
import type { signupEn } from './signup.en.ts';

export const signupEs: Record<keyof typeof signupEn, string> = {
  'signIn.signupLink': '¿Eres docente y no tienes cuenta? Crea una cuenta de docente',
  'signIn.unconfirmed':
    'Tu cuenta está pendiente de validación por tu Servicio Nacional de Apoyo. Recibirás un correo cuando puedas entrar.',

  'signup.title': 'Crear una cuenta de docente',
  'signup.intro':
    'Los docentes de los países eTwinning pueden unirse a Twinspace. El Servicio Nacional de Apoyo (SNA) de tu país revisa tus datos antes de que puedas entrar.',
  'signup.email': 'Correo electrónico',
  'signup.emailHint': 'Entrarás con esta dirección.',
  'signup.password': 'Contraseña',
  'signup.passwordRules': 'Al menos {min} caracteres. Unas palabras que recuerdes son una buena contraseña, p. ej. «olivo junto al río». Sin espacios al principio ni al final.',
  'signup.passwordAgain': 'Repite la contraseña',
  'signup.displayName': 'Tu nombre',
  'signup.displayNameHint': 'Como lo verán tus socios, p. ej. Ana García.',
  'signup.country': 'País',
  'signup.chooseCountry': 'Elige tu país',
  'signup.schoolName': 'Nombre del centro',
  'signup.city': 'Localidad del centro',
  'signup.submit': 'Crear mi cuenta',
  'signup.busy': 'Creando tu cuenta…',
  'signup.required': 'Rellena este campo.',
  'signup.emailInvalid': 'Escribe un correo como nombre@centro.eu.',
  'signup.passwordWeak': 'La contraseña no cumple las reglas indicadas arriba.',
  'signup.passwordMismatch': 'Las dos contraseñas no coinciden.',
  'signup.countryMissing': 'Elige tu país.',
  'signup.checkFields': 'Algunos campos necesitan tu atención; mira los mensajes junto a ellos.',
  'signup.doneTitle': 'Gracias: hemos recibido tu registro',
  'signup.done':
    'Tu Servicio Nacional de Apoyo revisará ahora tu cuenta. Recibirás un correo en {email} cuando puedas entrar. Si esta dirección ya tiene una cuenta de Twinspace, no se ha creado nada: te hemos enviado un correo sobre ello.',
  'signup.tryAgainSoon': 'Un registro anterior con esta dirección no ha terminado. Vuelve a intentarlo dentro de un minuto.',
  'signup.backToSignIn': 'Volver a la página de acceso',

  'nssTeachers.title': 'Docentes pendientes de validación',
  'nssTeachers.intro':
    'Docentes de tu país que han creado una cuenta. Valida a quienes reconozcas; rechaza a los demás con un motivo, que recibirán por correo. Una cuenta rechazada se elimina.',
  'nssTeachers.link': 'Docentes pendientes de validación',
  'nssTeachers.none': 'No hay docentes pendientes de validación.',
  'nssTeachers.school': 'Centro',
  'nssTeachers.email': 'Correo',
  'nssTeachers.registered': 'Alta',
  'nssTeachers.validate': 'Validar',
  'nssTeachers.reject': 'Rechazar',
  'nssTeachers.reason': 'Motivo del rechazo',
  'nssTeachers.confirmReject': 'Rechazar y eliminar la cuenta',
  'nssTeachers.confirmQuestion': '¿Rechazar a {name} y eliminar su cuenta? No se puede deshacer.',
  'nssTeachers.cancel': 'Cancelar',
  'nssTeachers.reasonMissing': 'Escribe el motivo, para que el docente sepa qué corregir.',
  'nssTeachers.validated': 'Has validado a {name}. Ya puede entrar.',
  'nssTeachers.rejected': 'Has rechazado a {name}; su cuenta se ha eliminado.',
  'nssTeachers.more': 'Mostrar más',
};
