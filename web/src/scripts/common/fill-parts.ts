/**
 * A translated sentence with placeholders filled by parts of a Preact tree
 * (a <time>, a link) as well as text: "Applied by {name}, {date}" with the
 * kit's AbsoluteDate for {date}. Text stays text (JSX escapes it).
 */
import type { ComponentChild } from 'preact';

export function fillParts(template: string, values: Record<string, ComponentChild>): ComponentChild[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && name in values ? values[name] : part;
    });
}
