import type { securityEn } from './security.en.ts';

/** Spanish of security.en.ts. */
export const securityEs: Record<keyof typeof securityEn, string> = {
  'security.title': 'Seguridad del inicio de sesión',
  'security.link': 'Seguridad del inicio de sesión',
  'security.intro':
    'Un segundo paso al iniciar sesión protege tu cuenta aunque alguien conozca tu contraseña: después de la contraseña, Twinspace pide un código de 6 cifras de una aplicación de autenticación en tu móvil (como Aegis, FreeOTP, Google Authenticator o Microsoft Authenticator).',
  'security.required':
    'Las oficinas nacionales (NSS) y los evaluadores deben usar un segundo paso al iniciar sesión. Configura aquí una aplicación de autenticación y vuelve a iniciar sesión para continuar.',
  'security.optional': 'El profesorado también puede usarlo: tú eliges.',
  'security.pupil': 'El alumnado entra solo con su contraseña: aquí no hay nada que configurar.',
  'security.on': 'Tienes una aplicación de autenticación configurada: cada inicio de sesión pide su código.',
  'security.off': 'Todavía no tienes ninguna aplicación de autenticación configurada.',
  'security.start': 'Configurar una aplicación de autenticación',
  'security.startAgain': 'Configurar otra aplicación de autenticación',
  'security.busyStart': 'Preparando…',
  'security.stepScan': 'Paso 1: en tu aplicación de autenticación, añade una cuenta. Escanea este código QR o escribe la clave que aparece debajo.',
  'security.qrLabel': 'Código QR para escanear con tu aplicación de autenticación',
  'security.secretLabel': 'Clave para escribir en lugar de escanear',
  'security.copy': 'Copiar la clave',
  'security.copied': 'Clave copiada.',
  'security.stepCode': 'Paso 2: escribe el código de 6 cifras que la aplicación muestra ahora para Twinspace.',
  'security.code': 'Código de 6 cifras',
  'security.codeHint': 'El código cambia cada 30 segundos.',
  'security.confirm': 'Comprobar el código y activarlo',
  'security.busyConfirm': 'Comprobando…',
  'security.codeFormat': 'Escribe las 6 cifras que muestra la aplicación, sin espacios.',
  'security.wrongCode': 'Ese no es el código que muestra ahora la aplicación. Los códigos cambian cada 30 segundos: escribe el actual.',
  'security.done': 'Tu aplicación de autenticación está configurada. Vuelve a iniciar sesión: después de la contraseña, escribe el código que muestra la aplicación.',
  'security.signInAgain': 'Volver a iniciar sesión',
  'security.signedOut': 'Tu sesión ha terminado. Vuelve a iniciar sesión y regresa a esta página.',
  'security.failed': 'No se ha podido configurar la aplicación de autenticación. Inténtalo de nuevo en un momento.',

  'signInCode.title': 'Código de tu aplicación de autenticación',
  'signInCode.intro': 'Tu cuenta usa un segundo paso al iniciar sesión. Abre tu aplicación de autenticación y escribe el código de 6 cifras que muestra para Twinspace.',
  'signInCode.code': 'Código de 6 cifras',
  'signInCode.submit': 'Entrar',
  'signInCode.busy': 'Comprobando…',
  'signInCode.wrong': 'Ese código no es correcto. Los códigos cambian cada 30 segundos: escribe el que muestra ahora la aplicación.',
  'signInCode.format': 'Escribe las 6 cifras que muestra la aplicación, sin espacios.',
  'signInCode.expired': 'El inicio de sesión ha tardado demasiado. Vuelve a escribir tu contraseña y después un código nuevo.',
};
