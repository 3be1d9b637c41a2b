import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { createTranslator } from '../../../shared/i18n';
import { ApiError } from '../api/client';
import { errorText } from './errorText';

describe('errorText', () => {
  it.each([
    {
      name: 'a too-long text names the limit',
      err: new ApiError({ code: 'VALIDATION', message: 'x', details: { issues: [{ path: ['body'], code: 'too_big', maximum: 20000 }] } }),
      en: 'That text is too long: at most 20,000 characters. Nothing was saved.',
      es: 'Ese texto es demasiado largo: como máximo 20,000 caracteres. No se guardó nada.',
    },
    {
      name: 'a vanished file is named',
      err: new ApiError({ code: 'IMPORT_INVALID', message: 'x', details: { reason: 'file-unreadable', file: 'SAT.csv' } }),
      en: '“SAT.csv” could not be found or opened. It may have been moved, renamed or still be downloading. Nothing was changed.',
      es: 'No se encontró o no se pudo abrir «SAT.csv». Puede que se haya movido, cambiado de nombre o que aún se esté descargando. No se cambió nada.',
    },
    {
      name: 'a newer vault is not called damaged',
      err: new ApiError({ code: 'VAULT_TOO_NEW', message: 'x', details: { reason: 'newer-key-file' } }),
      en: 'This vault was made by a newer version of Waypoint. Update Waypoint to open it; the vault was not changed.',
      es: 'Esta bóveda se creó con una versión más reciente de Waypoint. Actualice Waypoint para abrirla; la bóveda no se cambió.',
    },
  ])('$name', ({ err, en, es }) => {
    expect(errorText(createTranslator('en') as TFunction, err)).toBe(en);
    expect(errorText(createTranslator('es') as TFunction, err)).toBe(es);
  });
});
