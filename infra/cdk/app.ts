/** `npx cdk synth` / `npx cdk deploy` entry point (see cdk.json). */
import { App } from 'aws-cdk-lib';
import { defineTwinspace } from './twinspace-app.ts';

const app = new App();
defineTwinspace(app);
app.synth();
