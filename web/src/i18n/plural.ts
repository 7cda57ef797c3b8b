/**
 * Counted words in the page's language through Intl.PluralRules ("1 teacher",
 * "2 teachers"; "1 miembro", "2 miembros"). The forms come from the dictionary
 * with a {count} placeholder; a category a language has but the forms lack
 * (Spanish "many") falls back to `other`. Its own module, so a page's script
 * can import it without the dictionaries.
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export function plural(count: number, forms: PluralForms, language: string): string {
  const category = new Intl.PluralRules(language).select(count) as keyof PluralForms;
  const form = forms[category] ?? forms.other;
  return form.replace(/\{count\}/g, new Intl.NumberFormat(language).format(count));
}
