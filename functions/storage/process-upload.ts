/**
 * Processing of an upload (issue 10): a stand-in until the processing lands
 * (see /work/brief/ISSUE10-DESIGN.md). It accepts nothing: every upload stays pending.
 */
import type { S3Event } from 'aws-lambda';

export async function handler(event: S3Event): Promise<void> {
  throw new Error(`Upload processing is not built yet (${event.Records.length} records).`);
}
