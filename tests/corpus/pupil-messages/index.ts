/** Every language file of the corpus, in one list (issue 12, point 4). */
import { german } from './de.ts';
import { english } from './en.ts';
import { spanish } from './es.ts';
import { french } from './fr.ts';
import { italian } from './it.ts';
import type { CorpusFile } from './types.ts';

export const pupilMessageCorpus: readonly CorpusFile[] = [english, spanish, french, italian, german];
export * from './types.ts';
