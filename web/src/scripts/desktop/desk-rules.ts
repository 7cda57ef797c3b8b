/**
 * Rules the desktop's forms share (profile, school, partner search), pure:
 * no DOM, unit-tested in node. What is typed is read as the API takes it.
 */

/** A pupil's age as typed: a whole number from 3 to 19 (school age). */
export const isAgeText = (text: string) => /^\d+$/.test(text) && Number(text) >= 3 && Number(text) <= 19;

/** A comma-separated field as a list, empty entries dropped. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Both ages or neither; each 3..19, min ≤ max. Undefined means "not given"; null means "wrong". */
export function ageRange(minText: string, maxText: string): { min: number; max: number } | undefined | null {
  const min = minText.trim();
  const max = maxText.trim();
  if (!min && !max) return undefined;
  if (!isAgeText(min) || !isAgeText(max) || Number(min) > Number(max)) return null;
  return { min: Number(min), max: Number(max) };
}

/** A two-letter country code as the API takes it (upper case), or null when it is not one. */
export function countryCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
