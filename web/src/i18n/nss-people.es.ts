/** Issue 11: el SNA busca a un alumno o docente de su país por su nombre de usuario y lo borra (pages/[lang]/nss/people.astro). */
export const nssPeopleEs = {
  'nssPeople.link': 'Borrar los datos de una persona',
  'nssPeople.title': 'Borrar los datos de una persona',
  'nssPeople.intro':
    'Busca a un alumno o a un docente de tu país por su nombre de usuario, comprueba quién es y borra su cuenta y sus datos. El docente administrador de un alumno también puede hacerlo desde la pestaña Miembros del proyecto.',
  'nssPeople.username': 'Nombre de usuario',
  'nssPeople.usernameHint': 'El nombre de usuario de un alumno es como pupil.marta0427; el de un docente es su dirección de correo electrónico.',
  'nssPeople.find': 'Buscar',
  'nssPeople.usernameMissing': 'Escribe el nombre de usuario de la persona que quieres borrar.',
  'nssPeople.notFound': 'Ninguna cuenta de tu país tiene este nombre de usuario.',
  'nssPeople.found': 'Quién es',
  'nssPeople.name': 'Nombre',
  'nssPeople.kind': 'Cuenta',
  'nssPeople.country': 'País',
  'nssPeople.notErasable': 'Aquí solo se borran alumnos y docentes.',
} as const;
