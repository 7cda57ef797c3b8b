// negotiator ships no types (and @types/negotiator is not installed): the one method localize.ts uses.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    /** The best of `available` for the request's Accept-Language, or undefined when none is acceptable. */
    language(available: string[]): string | undefined;
  }
}
