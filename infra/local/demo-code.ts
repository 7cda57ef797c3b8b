/**
 * `npm run demo-code -- nss.es@demo.twinspace`: the current 6-digit code of a
 * demo staff account's authenticator app (issue 11: NSS officers and
 * evaluators sign in with a code after the password), from the keys the local
 * seed keeps in .twinspace/demo-authenticator.json. Without a username, every
 * demo staff account's code. For the local demo only: a real account's key is
 * only ever in its owner's app.
 */
import { join } from 'node:path';
import { currentCode, readDemoAuthenticator } from './demo-authenticator.ts';
import { repositoryRoot } from './site.ts';

/** The data folder of `npm start` (start.ts). */
const dataFolder = join(repositoryRoot, '.twinspace');
const wanted = process.argv.slice(2).filter((argument) => argument !== '--');
const demo = readDemoAuthenticator(dataFolder);
if (!demo) {
  process.stderr.write(
    'No .twinspace/demo-authenticator.json: start Twinspace once with npm start (a data folder seeded before staff had to use a second step has none; delete .twinspace and start again).\n',
  );
  process.exit(1);
}
const usernames = wanted.length > 0 ? wanted : Object.keys(demo.accounts);
let missing = false;
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
for (const username of usernames) {
  const account = demo.accounts[username];
  if (!account) {
    process.stderr.write(`${username} is not a demo staff account with an authenticator (${Object.keys(demo.accounts).join(', ')}).\n`);
    missing = true;
    continue;
  }
  process.stdout.write(`${username}  ${currentCode(account.secret)}  (for ${secondsLeft} more seconds)\n`);
}
process.exit(missing ? 1 : 0);
