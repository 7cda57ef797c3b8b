/**
 * A translated sentence with placeholders filled by parts of a Preact tree
 * (a <time>, a link) as well as text: "Applied by {name}, {date}" with the
 * kit's AbsoluteDate for {date}. Text stays text (JSX escapes it); an erased
 * person's marker is shown translated.
 */
import type { ComponentChild } from 'preact';
import { personName } from './person.ts';

export function fillParts(template: string, values: Record<string, ComponentChild>): ComponentChild[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined || !(name in values)) return part;
      const value = values[name];
      // The marker of an erased person, translated (person.ts), as fill() does.
      return typeof value === 'string' ? personName(value) : value;
    });
}
