import type { Command } from 'commander';
import { type DatamlClient, unwrap } from '../../clients/ts/src/index.js';
import { signedIn } from '../context.js';
import { CliError, EXIT, usageError } from '../errors.js';
import { jobBar, printFields, printJson, printTable, uploadBar } from '../output.js';
import { intArg } from './args.js';

/** The dataset (6.2 row) and its files with their validation reports (7.2). */
async function datasetReport(client: DatamlClient, id: number) {
  const list = unwrap(await client.api.GET('/api/v1/dataset/list'));
  const dataset = list.data.find((d) => d.id === id);
  if (!dataset) throw new CliError(`Dataset ${id} not found`, EXIT.failed);
  const files = unwrap(await client.api.GET('/api/v1/files/list', { params: { query: { dataset_id: id } } }));
  return { dataset, files: files.data };
}

function printReport(report: Awaited<ReturnType<typeof datasetReport>>) {
  const d = report.dataset;
  printFields({
    id: d.id,
    name: d.dataset_name,
    usage: d.dataset_usage,
    template: d.template_name ?? d.template_id,
    valid: d.is_valid ?? 'validating',
    usability: d.dataset_usability,
    table: d.iceberg_table_name,
  });
  printTable(
    report.files.map((f) => ({
      file_id: f.id,
      file_name: f.file_name,
      status: f.status,
      rows: f.error_report?.total_rows ?? f.total_records,
      valid_rows: f.error_report?.valid_rows,
      invalid_rows: f.error_report?.invalid_rows,
      failures: f.error_report
        ? Object.entries(f.error_report.counts)
            .map(([rule, n]) => `${rule}: ${n}`)
            .join(', ')
        : '',
    })),
  );
  const examples = report.files.flatMap((f) => (f.error_report?.examples ?? []).slice(0, 5).map((e) => ({ file: f.file_name, ...e })));
  if (examples.length) {
    process.stdout.write('Examples of rejected rows:\n');
    printTable(examples, ['file', 'row', 'column', 'value', 'rule', 'message']);
  }
}

export function datasetsCommand(program: Command) {
  const datasets = program.command('datasets').description('Datasets: upload, validation reports');

  datasets
    .command('upload <files...>')
    .description('Upload CSV files as a new dataset (byte progress), then follow its validation and print the report')
    .requiredOption('-n, --name <name>', 'dataset name')
    .option('--usage <usage>', 't (training) or p (prediction)', 't')
    .option('-t, --template <template_id>', 'template to validate against (inferred from the data when omitted)')
    .option('--table <iceberg_table_name>', 'name of the datalake table')
    .option('--no-wait', 'return once uploaded, without waiting for validation')
    .action(
      async (files: string[], opts: { name: string; usage: string; template?: string; table?: string; wait: boolean }, cmd: Command) => {
        const { client, json } = await signedIn(cmd);
        if (opts.usage !== 't' && opts.usage !== 'p') throw usageError('--usage must be t or p');
        const bar = uploadBar(!json);
        let uploaded;
        try {
          uploaded = await client.uploadDataset(
            {
              dataset_name: opts.name,
              usage: opts.usage,
              template_id: opts.template ? intArg(opts.template, '--template') : undefined,
              iceberg_table_name: opts.table,
            },
            files.map((path) => ({ path })),
            { onProgress: (p) => bar.update(p) },
          );
        } finally {
          bar.stop();
        }
        if (!opts.wait) {
          if (json) return printJson({ upload: uploaded });
          process.stdout.write(`Uploaded dataset ${uploaded.dataset_id}; validation job ${uploaded.workflow_id}\n`);
          return;
        }
        const progress = jobBar(!json, 'validate');
        let job;
        try {
          job = await client.waitForJob(uploaded.workflow_id, { onProgress: (j) => progress.update(j) });
        } finally {
          progress.stop();
        }
        const report = await datasetReport(client, uploaded.dataset_id);
        if (json) printJson({ upload: uploaded, job, ...report });
        else printReport(report);
        if (job.status !== 'Completed') throw new CliError(`Validation ${job.status.toLowerCase()}: ${job.message ?? ''}`, EXIT.failed);
        if (report.dataset.is_valid === false) throw new CliError('The dataset is not valid (see the report)', EXIT.failed);
      },
    );

  datasets
    .command('add <dataset_id> <files...>')
    .description(
      'Add CSV files to a dataset (7.1); one file of 64 MiB or more goes straight to the object store in parallel, ' +
        'resumable parts (an upload session). Then follow its validation and print the report',
    )
    .option('--no-wait', 'return once uploaded, without waiting for validation')
    .action(async (id: string, files: string[], opts: { wait: boolean }, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const datasetId = intArg(id, 'dataset_id');
      const bar = uploadBar(!json);
      let added;
      try {
        added = await client.addFiles(
          datasetId,
          files.map((path) => ({ path })),
          { onProgress: (p) => bar.update(p) },
        );
      } finally {
        bar.stop();
      }
      if (!opts.wait) {
        if (json) return printJson({ upload: added });
        process.stdout.write(`Added to dataset ${datasetId}; validation job ${added.workflow_id}\n`);
        return;
      }
      const progress = jobBar(!json, 'validate');
      let job;
      try {
        job = await client.waitForJob(added.workflow_id, { onProgress: (j) => progress.update(j) });
      } finally {
        progress.stop();
      }
      const report = await datasetReport(client, datasetId);
      if (json) printJson({ upload: added, job, ...report });
      else printReport(report);
      if (job.status !== 'Completed') throw new CliError(`Validation ${job.status.toLowerCase()}: ${job.message ?? ''}`, EXIT.failed);
    });

  datasets
    .command('ls')
    .description("List the tenant's datasets")
    .action(async (_o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const res = unwrap(await client.api.GET('/api/v1/dataset/list'));
      if (json) return printJson(res);
      printTable(res.data, [
        'id',
        'dataset_name',
        'dataset_usage',
        'is_valid',
        'file_count',
        'template_name',
        'dataset_usability',
        'created_at',
      ]);
    });

  datasets
    .command('show <dataset_id>')
    .description('A dataset with the validation report of each file')
    .action(async (id: string, _o, cmd: Command) => {
      const { client, json } = await signedIn(cmd);
      const report = await datasetReport(client, intArg(id, 'dataset_id'));
      if (json) return printJson(report);
      printReport(report);
    });
}
