import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { unwrap } from '../../clients/ts/src/index.js';
import { signedIn } from '../context.js';
import { usageError } from '../errors.js';
import { printFields, printJson, printTable } from '../output.js';
import { intArg } from './args.js';

export function templatesCommand(program: Command) {
  const templates = program.command('templates').description('Templates: the schema datasets are validated against');

  templates
    .command('ls')
    .description("List the tenant's templates")
    .action(async (_o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const res = unwrap(await client.api.GET('/api/v1/template/list'));
      if (json) return printJson(res);
      printTable(res.data, ['id', 'template_name', 'version', 'no_of_columns', 'modified_by', 'modified_at']);
    });

  templates
    .command('show <template_id>')
    .description('A template and its columns')
    .action(async (id: string, _o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const t = unwrap(
        await client.api.GET('/api/v1/template/{template_id}', { params: { path: { template_id: intArg(id, 'template_id') } } }),
      );
      if (json) return printJson(t);
      const { template_schema, ...rest } = t;
      printFields(rest);
      printTable(template_schema as Array<Record<string, unknown>>, ['column_name', 'data_type', 'default_value', 'nullable']);
    });

  templates
    .command('create <file>')
    .description('Create a template from a JSON file: {"template_name", "template_schema": [...]} or just the column list')
    .option('-n, --name <name>', "the template name (overrides the file's)")
    .action(async (file: string, opts: { name?: string }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        throw usageError(`cannot read ${file} as JSON: ${(err as Error).message}`);
      }
      const body = Array.isArray(parsed) ? { template_schema: parsed } : (parsed as Record<string, unknown>);
      const template_name = opts.name ?? (body.template_name as string | undefined);
      if (!template_name) throw usageError('the template needs a name: --name or "template_name" in the file');
      const created = unwrap(await client.api.POST('/api/v1/template/', { body: { ...body, template_name } as never }));
      if (json) return printJson(created);
      process.stdout.write(`Created template ${created.id} "${template_name}" (version ${created.version})\n`);
    });
}
