/**
 * Every sentence the API may answer with has a Spanish translation. Reads
 * functions/ with the TypeScript compiler and collects each string or template
 * literal that reads as a sentence (a letter or placeholder first, a space,
 * ending in . ? or !), wherever it sits: thrown, returned by a domain rule,
 * kept in a refusals map, given to zod. Left out, because they never reach an
 * error body: OpenAPI texts, scheduled jobs (mail), the chat WebSocket (its
 * frames carry codes the site translates), logs, internal `new Error`s, and
 * notification/mail fields (body, subject, summary...). A template counts
 * with sample values in its placeholders, so the catalog entry must match it
 * the way the real message will.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { translationOf } from '../../functions/lib/localize.ts';

const root = join(import.meta.dirname, '../..');
const skippedFiles = [/^functions\/domain\/digest\.ts$/, /^functions\/http\/openapi\//, /^functions\/scheduled\//, /^functions\/chat\//, /\.d\.ts$/];
const skippedProperties = /^(summary|description|subject|body|text|title|html)$|Expression$/;
const skippedCallees = /^(logger|console)\.|^Error$/;

interface Sentence {
  where: string;
  /** The message as it would be thrown: a template's placeholders filled with sample values. */
  message: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The node's meaningful context: through parentheses, conditionals, `??`/`+`, arrays and spans. */
function contextOf(node: ts.Node): ts.Node {
  let parent = node.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isConditionalExpression(parent) ||
    ts.isBinaryExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    ts.isTemplateExpression(parent) ||
    ts.isAsExpression(parent)
  )
    parent = parent.parent;
  return parent;
}

function skipped(node: ts.Node): boolean {
  const context = contextOf(node);
  if (ts.isPropertyAssignment(context)) return skippedProperties.test(context.name.getText());
  if (ts.isCallExpression(context) || ts.isNewExpression(context)) return skippedCallees.test(context.expression.getText());
  return false;
}

const sentenceLike = (text: string) => /^([A-Za-z]|X\d).* .*[.?!]$/s.test(text) && !text.includes('\n');

function sentencesIn(path: string): Sentence[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Sentence[] = [];
  const visit = (node: ts.Node): void => {
    let message: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) message = node.text;
    else if (ts.isTemplateExpression(node))
      message = node.head.text + node.templateSpans.map((span, index) => `X${index + 1}${span.literal.text}`).join('');
    if (message !== undefined && sentenceLike(message) && !skipped(node)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push({ where: `${relative(root, path)}:${line + 1}`, message });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const sentences = sourceFiles(join(root, 'functions'))
  .filter((path) => !skippedFiles.some((skip) => skip.test(relative(root, path))))
  .flatMap(sentencesIn);

describe('the Spanish catalog of API messages', () => {
  it('finds the messages handlers throw (the scan itself works)', () => {
    const messages = sentences.map((sentence) => sentence.message);
    expect(messages).toContain('Only members of this project may see it.');
    expect(messages).toContain('The project is closed: its TwinSpace is read-only.');
    expect(messages).toContain('The X1 is not valid.');
  });

  it('translates every message found in functions/', () => {
    const missing = sentences.filter((sentence) => translationOf(sentence.message, 'es') === undefined).map((s) => `${s.where}  ${s.message}`);
    expect(missing).toEqual([]);
  });
});
