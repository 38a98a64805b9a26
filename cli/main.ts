// `dataml`: the Data ML Platform from the command line, on the TypeScript SDK (clients/ts).
// Exit codes: 0 ok, 1 a job failed (or any other error), 2 usage, 3 authentication.
import { Command, CommanderError } from 'commander';
import { datasetsCommand } from './commands/datasets.js';
import { jobsCommand } from './commands/jobs.js';
import { loginCommand } from './commands/login.js';
import { predictCommand } from './commands/predict.js';
import { templatesCommand } from './commands/templates.js';
import { trainCommand } from './commands/train.js';
import { describeError } from './context.js';
import { EXIT } from './errors.js';
import { jsonAlreadyWritten } from './output.js';

const program = new Command('dataml')
  .description('Data ML Platform: templates, datasets, training, predictions and jobs')
  .option('--url <url>', 'API URL (default: $DATAML_URL, else that of the last login, else http://127.0.0.1:8000)')
  .option('--json', 'machine-readable output: one JSON document on stdout, no progress bars')
  .showHelpAfterError('(add --help for usage)')
  .addHelpText('after', '\nExit codes: 0 ok, 1 job failed or other error, 2 usage, 3 not logged in / wrong password / forbidden.');

loginCommand(program);
templatesCommand(program);
datasetsCommand(program);
trainCommand(program);
predictCommand(program);
jobsCommand(program);

// Every (sub)command: usage errors become exit 2 instead of commander's process.exit(1).
const exitOverride = (cmd: Command) => {
  cmd.exitOverride();
  cmd.commands.forEach(exitOverride);
};
exitOverride(program);

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT.ok;
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; everything else commander reports is a usage error.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    const { code, message, details } = describeError(err);
    const json = process.argv.includes('--json');
    if (json && !jsonAlreadyWritten())
      process.stdout.write(
        `${JSON.stringify({ error: { message, exit_code: code, ...(details !== undefined ? { details } : {}) } }, null, 2)}\n`,
      );
    process.stderr.write(`dataml: ${message}\n`);
    if (process.env.DATAML_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  }
}
