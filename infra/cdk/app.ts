/** `npx cdk synth` / `npx cdk deploy` entry point (see cdk.json). */
import { App } from 'aws-cdk-lib';
import { defineTwinspace } from './twinspace-app.ts';

const app = new App();
try {
  defineTwinspace(app);
  app.synth();
} catch (error) {
  // A missing or wrong setting is one sentence saying what to give (twinspace-app.ts): shown alone, not under a stack trace.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
