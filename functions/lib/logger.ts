/**
 * One Powertools logger per container (service name from
 * POWERTOOLS_SERVICE_NAME). Pupils are children: a log line carries ids,
 * never a person's name or e-mail address. Handlers log ids only; as a second
 * line of defence every line passes through `redactPersonalData`, which
 * blanks the attributes that name people and any e-mail address inside a
 * text (an SDK error message may quote one).
 */
import { Logger } from '@aws-lambda-powertools/logger';

/** Attributes that hold a person's name, address or sign-in name. */
const personalKeys = /^(displayName|firstName|lastName|authorName|email|username|toUsername|userName|partnerUsername|recipientName|senderName)$/i;
const emailAddress = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

export function redactPersonalData(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (personalKeys.test(key)) return '[redacted]';
    return value.replace(emailAddress, '[e-mail]');
  }
  return value;
}

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'twinspace',
  jsonReplacerFn: redactPersonalData,
});
