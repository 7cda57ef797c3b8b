/**
 * The country picker as an island's control (sign-up, partner search),
 * listing the countries the same way components/CountrySelect.astro does:
 * the platform's eTwinning countries (functions/domain/registration.ts),
 * named in the page's language by Intl.DisplayNames and sorted by that name;
 * the value is the two-letter code the API takes. The first option ("Choose
 * your country", "Any country"…) has the value "". The FormField's control
 * props (id, aria wiring) are spread onto it.
 */
import type { ControlProps } from '../../components/kit/FormField.tsx';
import { etwinningCountries } from '../../../../functions/domain/registration.ts';

export interface CountryChoice {
  code: string;
  name: string;
}

/** The countries by their name in `language`, sorted by it. */
export function countries(language: string): CountryChoice[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return etwinningCountries.map((code) => ({ code, name: names.of(code) ?? code })).sort((one, other) => one.name.localeCompare(other.name, language));
}

/** A country code as the picker names it, else the code itself. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

interface Props extends ControlProps {
  name: string;
  /** The choices (countries(language), or the same list made at build time). */
  countries: readonly CountryChoice[];
  /** The first option's words (value ""). */
  emptyLabel: string;
  value: string;
  onChange: (code: string) => void;
  required?: boolean;
}

export function CountrySelect({ countries: choices, emptyLabel, value, onChange, required = false, ...control }: Props) {
  return (
    <select {...control} required={required} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{emptyLabel}</option>
      {choices.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </select>
  );
}
