/**
 * What a request signed by hand with AWS Signature Version 4 needs beside
 * @smithy/signature-v4 (the SDK's own signer, already in every bundle for the
 * DynamoDB client): node:crypto's SHA-256 and HMAC in the shape the signer
 * wants, and the function role's credentials as Lambda hands them over (the
 * environment). Used where an SDK client would cost a function more than the
 * 400 KB bundle budget allows (connections-api.ts, storage-signed.ts).
 */
import { createHash, createHmac } from 'node:crypto';

/** What the signer hashes: text, or bytes in any of their forms. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

export const bytesOf = (data: SourceData) =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer wants. */
export class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The function's role, as the SDK's environment provider reads it inside Lambda (locally: the stack's handler env). */
export async function environmentCredentials(): Promise<Credentials> {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw new Error('No AWS credentials in the environment to sign a request with');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
