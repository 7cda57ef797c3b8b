/**
 * Keeps the handlers' log lines in a file instead of the terminal (tests read
 * it to check what a log may carry, and their output stays readable).
 * Locally the handlers run in this process, and Powertools writes each line
 * as JSON to stdout or stderr: every JSON line of this service goes to the
 * file; anything else is written as before.
 */
import { appendFileSync } from 'node:fs';

export function keepHandlerLog(file: string, serviceName = 'twinspace'): () => void {
  const marker = `"service":"${serviceName}"`;
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (text.includes(marker)) {
        appendFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
        const done = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }
      return (originals[index] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  return () => streams.forEach((stream, index) => (stream.write = originals[index] as typeof stream.write));
}
