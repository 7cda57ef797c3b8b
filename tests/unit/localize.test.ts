import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsOf } from '../../functions/lib/errors.ts';
import { languageOf, localizeErrorBody, placeholdersOf, readCatalog, translate, translationOf } from '../../functions/lib/localize.ts';

const spanishMessages = readCatalog('es');

describe('the language of the answer', () => {
  it('is Spanish when the reader asks for it, in any of its forms', () => {
    expect(languageOf('es')).toBe('es');
    expect(languageOf('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(languageOf('fr, es;q=0.5')).toBe('es');
  });

  it('is English when asked, when nothing is asked, or when only languages we do not speak are asked', () => {
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf('es;q=0.5, en')).toBe('en');
  });
});

describe('translate', () => {
  it('answers a known sentence in Spanish and keeps it in English for English readers', () => {
    expect(translate('No such project.', 'es')).toBe('Ese proyecto no existe.');
    expect(translate('No such project.', 'en')).toBe('No such project.');
  });

  it('leaves an unknown sentence in English rather than failing', () => {
    expect(translate('A sentence nobody translated.', 'es')).toBe('A sentence nobody translated.');
    expect(translationOf('A sentence nobody translated.', 'es')).toBeUndefined();
  });

  it('fills the dynamic parts, writing numbers the Spanish way', () => {
    expect(translate('A message is at most 2,000 characters.', 'es')).toBe('Un mensaje tiene como máximo 2000 caracteres.');
    expect(translate('A title is at most 10,000 characters.', 'es')).toBe('Un título tiene como máximo 10.000 caracteres.');
  });

  it('translates the parts it knows: states, types, nested sentences and lists', () => {
    expect(translate('The project is closed: its TwinSpace is not open.', 'es')).toBe('El proyecto está cerrado: su TwinSpace no está abierto.');
    expect(translate('A guest account cannot be a teacher-admin of a TwinSpace.', 'es')).toBe(
      'Una cuenta de invitado no puede ser docente administrador de un TwinSpace.',
    );
    expect(translate('Only an approved project can be closed. This project is pending-approval.', 'es')).toBe(
      'Solo se puede cerrar un proyecto aprobado. Este proyecto está pendiente de aprobación.',
    );
    expect(translate('The password needs at least 10 characters, a capital letter, a digit.', 'es')).toBe(
      'La contraseña necesita al menos 10 caracteres, una mayúscula, un dígito.',
    );
    expect(translate('Your profile was changed elsewhere since you opened it (you sent version 12, it is now version 13). Reload it and make your change again; nothing was saved.', 'es')).toBe(
      'Tu perfil ha cambiado en otro lugar desde que lo abriste (enviaste la versión 12 y ahora es la versión 13). Vuelve a cargarlo y repite el cambio; no se ha guardado nada.',
    );
  });

  it('treats the literal text around a placeholder literally (regex characters included)', () => {
    // '(' '.' and '?' in the key must not act as a pattern: a look-alike sentence does not match.
    expect(translate('The partner must teach in another country than yours (FR).', 'es')).toBe(
      'El socio tiene que dar clase en un país distinto del tuyo (FR).',
    );
    expect(translationOf('The partner must teach in another country than yours FR!', 'es')).toBeUndefined();
    expect(translate('Ana (ES) is already a member of this project.', 'es')).toBe('Ana (ES) ya es miembro de este proyecto.');
  });

  it("translates zod's own default messages, which no schema of ours words", () => {
    const schema = z.object({ title: z.string().min(1).max(5), count: z.number().int().max(100), kind: z.enum(['a', 'b']), note: z.string() });
    const result = schema.safeParse({ title: 'too long', count: 1000, kind: 'c' });
    const problems = problemsOf(result.error!, 'body');
    expect(problems.map((problem) => [problem.field, translate(problem.message, 'es')])).toEqual([
      ['body.title', 'Demasiado largo: como máximo 5 caracteres.'],
      ['body.count', 'Tiene que ser como máximo 100.'],
      ['body.kind', 'Opción no válida: se esperaba una de estas: "a"|"b".'],
      ['body.note', 'Falta este dato.'],
    ]);
    expect(translate(schema.safeParse({ title: '', count: 'x', kind: 'a', note: '' }).error!.issues[0]!.message, 'es')).toBe('No puede estar vacío.');
  });
});

describe('the Spanish catalog', () => {
  it('fills only placeholders its English key captures (a translation may leave one out, never invent one)', () => {
    const broken = Object.entries(spanishMessages).filter(([english, spanish]) => placeholdersOf(spanish).some((name) => !placeholdersOf(english).includes(name)));
    expect(broken).toEqual([]);
  });

  it('never leaves an entry in English', () => {
    expect(Object.entries(spanishMessages).filter(([english, spanish]) => english === spanish)).toEqual([]);
  });
});

describe('an error body', () => {
  it('has its sentences translated while code and fields stay as clients match on them', () => {
    const body = {
      error: { code: 'VALIDATION_FAILED' as const, message: 'The body is not valid.', details: [{ field: 'body.title', message: 'A page needs a title.' }] },
    };
    expect(localizeErrorBody(body, 'es')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Hay datos no válidos en el cuerpo de la solicitud.',
        details: [{ field: 'body.title', message: 'Una página necesita un título.' }],
      },
    });
    expect(localizeErrorBody(body, 'en')).toEqual(body);
  });
});
