import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { ApiError, DatamlClient } from '../../clients/ts/src/index.js';
import { credentialsPath, saveSession } from '../credentials.js';
import { type GlobalOptions, resolveUrl } from '../context.js';
import { authError, usageError } from '../errors.js';
import { printJson } from '../output.js';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    out._writeToOutput = (s: string) => {
      if (s.startsWith(question)) out.output.write(question);
    };
  }
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

export function loginCommand(program: Command) {
  program
    .command('login')
    .description('Sign in and store the session for this user (file mode 0600); the token is never printed')
    .option('-u, --username <name>', 'username (asked when missing and on a terminal)')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .addHelpText(
      'after',
      '\nThe password comes from --password-stdin, else $DATAML_PASSWORD, else a prompt.\nSessions are kept in $DATAML_CONFIG_DIR or ~/.config/dataml/credentials.json.',
    )
    .action(async (opts: { username?: string; passwordStdin?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const url = await resolveUrl(g);
      const interactive = Boolean(process.stdin.isTTY);
      const username = opts.username ?? process.env.DATAML_USERNAME ?? (interactive ? await prompt('Username: ', false) : undefined);
      if (!username) throw usageError('--username is required');
      let password = opts.passwordStdin ? await readStdin() : process.env.DATAML_PASSWORD;
      if (password === undefined && interactive) password = await prompt('Password: ', true);
      if (!password) throw usageError('no password: use --password-stdin, $DATAML_PASSWORD or a terminal');
      const client = new DatamlClient({ baseUrl: url });
      try {
        const tokens = await client.login(username, password);
        await saveSession(url, { username, tokens }, true);
      } catch (err) {
        // 422 (e.g. a too-short password) is a wrong password as far as the user is concerned.
        if (err instanceof ApiError && (err.status === 401 || err.status === 422)) throw authError(`Login failed: ${err.message}`);
        if (err instanceof ApiError && err.status === 429) throw authError(`Login refused: ${err.message}`);
        throw err;
      }
      if (g.json) printJson({ url, username, logged_in: true, credentials: credentialsPath() });
      else process.stdout.write(`Logged in to ${url} as ${username}\n`);
    });

  program
    .command('logout')
    .description('End the session on the server and forget it')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const url = await resolveUrl(g);
      const { readCredentials } = await import('../credentials.js');
      const session = (await readCredentials()).sessions[url];
      if (session) {
        const client = new DatamlClient({ baseUrl: url, tokens: session.tokens });
        await client.logout().catch(() => undefined); // an expired session is ended anyway
        await saveSession(url, undefined);
      }
      if (g.json) printJson({ url, logged_in: false });
      else process.stdout.write(`Logged out of ${url}\n`);
    });
}
