/** Translated names of the domain's words; an unknown value is shown as it came. */
import type { MessageKey } from '../../i18n/index.ts';
import { t } from './page.ts';

function label(prefix: 'type' | 'kind' | 'state', value: string | undefined): string {
  if (!value) return '';
  const translated = t(`${prefix}.${value}` as MessageKey);
  return translated === `${prefix}.${value}` ? value : translated;
}

export const typeName = (type: string | undefined) => label('type', type);
export const kindName = (kind: string | undefined) => label('kind', kind);
export const stateName = (state: string | undefined) => label('state', state);
