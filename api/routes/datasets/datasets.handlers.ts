import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Readable } from 'node:stream';
import type { LakeCleanupInput, StatisticsInput } from '../../../contracts/data-workflows.js';
import type { ColumnStatistics, GetStatisticsResponse } from '../../../contracts/datasets.js';

type ColumnStatus = GetStatisticsResponse['status'];
import { workflowIds } from '../../../contracts/workflows.js';
import * as repo from '../../../db/repositories/datasets.js';
import { createTemplate, deleteTemplate, findTemplate, findTemplateVersion, templateNameTaken } from '../../../db/repositories/templates.js';
import type { AuthedEnv } from '../../auth/protected-route.js';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { startJob } from '../../temporal/start-job.js';
import { csvRecords } from '../../uploads/csv-stream.js';
import { inferTemplate } from '../../uploads/infer-template.js';
import { datasetPrefix, deletePrefix, SNIFF_BYTES } from '../../uploads/storage.js';
import { recordTyper, type Cell } from '../../uploads/typed-rows.js';
import { checkUploadRequest, receivedOut, receiveFiles, removeObjects, s3Uri, startValidation } from './dataset-service.js';
import type {
  deleteDataset,
  generateStatistics,
  getDatasetById,
  getStatistics,
  listDatasets,
  listValidatedDatasets,
  uploadDataset,
  viewDataset,
} from './datasets.routes.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

function usability(d: repo.DatasetRecord): string | null {
  if (d.is_valid === null && Number(d.total_records) === 0) return null;
  const total = Number(d.total_records);
  return total ? `${Math.round((Number(d.valid_rows) / total) * 100)}%` : '0%';
}

function summaryOut(d: repo.DatasetRecord) {
  return {
    tenant_id: d.tenant_id,
    dataset_name: d.dataset_name,
    file_count: Number(d.file_count ?? 0),
    is_valid: d.is_valid,
    created_by: d.created_by,
    template_id: d.template_id,
    data_source: d.data_source,
    iceberg_table_name: d.iceberg_table_name,
    id: d.id,
    template_name: d.template_name,
    created_at: d.created_at.toISOString(),
    modified_at: d.modified_at.toISOString(),
    dataset_usability: usability(d),
    usage: d.usage,
    dataset_usage: d.usage === 't' ? ('Training' as const) : ('Prediction' as const),
  };
}

export const uploadDatasetHandler: RouteHandler<typeof uploadDataset, AuthedEnv> = async (c) => {
  const q = c.req.valid('query');
  const { tenantId, username } = c.var.principal;
  const deps = c.var.deps;
  const { db } = deps;
  const contentType = checkUploadRequest(c);

  let template: { id: number; version: number } | null = null;
  if (q.template_id !== undefined) {
    const t = await findTemplate(db, tenantId, q.template_id);
    if (!t) throw notFound('Template');
    template = { id: t.id, version: t.version };
  }
  if (await repo.datasetNameTaken(db, tenantId, q.dataset_name)) throw conflict(`A dataset named "${q.dataset_name}" already exists`);
  if (q.iceberg_table_name && (await repo.datalakeTableTaken(db, repo.SILVER, q.iceberg_table_name))) {
    throw conflict(`The Iceberg table "${q.iceberg_table_name}" already exists`);
  }
  let dataset;
  try {
    dataset = await db.transaction().execute((trx) =>
      repo.insertDataset(trx, {
        tenantId, name: q.dataset_name, usage: q.usage, templateId: template?.id ?? null, templateVersion: template?.version ?? null,
        icebergTable: q.iceberg_table_name ?? null, username,
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('dataset_name or iceberg_table_name is already in use');
    throw err;
  }

  let inferredTemplateId: number | null = null;
  try {
    const files = await receiveFiles(c, contentType, { tenantId, datasetId: dataset.id });
    if (!template) {
      const first = files[0]!;
      const columns = inferTemplate(first.head, first.size <= SNIFF_BYTES);
      let name = `${q.dataset_name} (inferred)`;
      if (await templateNameTaken(db, tenantId, name)) name = `${q.dataset_name} (inferred for dataset ${dataset.id})`;
      template = await db.transaction().execute(async (trx) => {
        const t = await createTemplate(trx, { tenantId, name, schema: columns, username });
        await repo.setDatasetTemplate(trx, dataset.id, t.id, t.version);
        return t;
      });
      inferredTemplateId = template.id;
    }
    const workflowId = await startValidation(
      deps,
      { id: dataset.id, tenantId, icebergTable: dataset.iceberg_table_name, templateId: template.id, templateVersion: template.version },
      files,
    );
    return c.json(
      {
        dataset_id: dataset.id,
        dataset_name: dataset.dataset_name,
        data_source: dataset.data_source,
        files: receivedOut(dataset.id, files),
        workflow_id: workflowId,
        template_id: template.id,
      },
      201,
    );
  } catch (err) {
    // Nothing of a failed upload stays behind: no dataset or file rows (files go with their dataset), no
    // template inferred for it, no raw objects. Rows first: they do not depend on S3 being up.
    await repo.deleteDatasetRow(db, tenantId, dataset.id);
    if (inferredTemplateId !== null) await deleteTemplate(db, tenantId, inferredTemplateId);
    await removeObjects(deps, () => deletePrefix(deps.s3, deps.config.s3.bucket, datasetPrefix(tenantId, dataset.id)), err);
    throw err;
  }
};

export const listDatasetsHandler: RouteHandler<typeof listDatasets, AuthedEnv> = async (c) => {
  const rows = await repo.listDatasets(c.var.deps.db, c.var.principal.tenantId);
  return c.json({ total: rows.length, data: rows.map(summaryOut) }, 200);
};

export const listValidatedDatasetsHandler: RouteHandler<typeof listValidatedDatasets, AuthedEnv> = async (c) => {
  const rows = await repo.listDatasets(c.var.deps.db, c.var.principal.tenantId, true);
  return c.json(
    rows.map((d) => ({
      tenant_id: d.tenant_id, dataset_name: d.dataset_name, file_count: Number(d.file_count ?? 0), is_valid: true,
      created_by: d.created_by, template_id: d.template_id, id: d.id,
    })),
    200,
  );
};

/** Cancels the validation workflows still running for these files and waits (bounded) for them to stop. */
export async function cancelValidations(deps: AppDeps, files: Array<{ workflow_id: string | null; status: string }>) {
  const ids = [...new Set(files.filter((f) => f.workflow_id && (f.status === 'uploaded' || f.status === 'validating')).map((f) => f.workflow_id!))];
  await Promise.all(
    ids.map(async (id) => {
      const handle = deps.temporal.workflow.getHandle(id);
      try {
        await handle.cancel();
        await Promise.race([handle.result().catch(() => undefined), new Promise((r) => setTimeout(r, 30_000))]);
      } catch {
        // already finished, or unknown: nothing to cancel
      }
    }),
  );
}

/** Starts the workflow that removes rows (or a whole table) from the datalake. */
export async function startLakeCleanup(deps: AppDeps, input: LakeCleanupInput, resourceId: number): Promise<string> {
  const workflowId = `lake-cleanup-${resourceId}-${input.nonce}`;
  await startJob(deps.temporal, deps.config, {
    workflow: 'lakeCleanupWorkflow', workflowId, args: [input], kind: 'lake_cleanup', tenantId: input.tenantId, resourceId,
  });
  return workflowId;
}

export const deleteDatasetHandler: RouteHandler<typeof deleteDataset, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('param');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const d = await repo.findDataset(deps.db, tenantId, dataset_id);
  if (!d) throw notFound('Dataset');
  if (await repo.isDatasetUsedByPredictor(deps.db, tenantId, dataset_id)) {
    throw conflict('A predictor was trained on this dataset; delete the predictor first');
  }
  await cancelValidations(deps, await repo.listFiles(deps.db, tenantId, dataset_id));
  await deletePrefix(deps.s3, deps.config.s3.bucket, datasetPrefix(tenantId, dataset_id));
  const workflowId = await startLakeCleanup(
    deps,
    { tenantId, table: `${repo.SILVER}.${d.iceberg_table_name}`, nonce: Date.now().toString(36) },
    dataset_id,
  );
  c.var.log.info({ workflowId, datasetId: dataset_id }, 'dataset deleted; lake cleanup started');
  await repo.deleteDatasetRow(deps.db, tenantId, dataset_id);
  return c.json({ status_code: 200, message: 'Dataset deleted successfully' }, 200);
};

export const getDatasetByIdHandler: RouteHandler<typeof getDatasetById, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const d = await repo.findDataset(deps.db, tenantId, dataset_id);
  if (!d) throw notFound('Dataset');
  return c.json(
    {
      dataset_name: d.dataset_name,
      dataset_path: s3Uri(deps.config.s3.bucket, `${datasetPrefix(tenantId, d.id)}raw/`),
      validated_path: Number(d.valid_rows) > 0 ? `${repo.SILVER}.${d.iceberg_table_name}` : null,
      iceberg_table_name: d.iceberg_table_name,
      data_source: d.data_source,
    },
    200,
  );
};

export async function openRaw(deps: AppDeps, key: string): Promise<Readable> {
  const obj = await deps.s3.send(new GetObjectCommand({ Bucket: deps.config.s3.bucket, Key: key }));
  return obj.Body as Readable;
}

export const viewDatasetHandler: RouteHandler<typeof viewDataset, AuthedEnv> = async (c) => {
  const { dataset_id, limit, offset } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const d = await repo.findDataset(deps.db, tenantId, dataset_id);
  if (!d) throw notFound('Dataset');
  const preview: Record<string, Cell>[] = [];
  const version = d.template_id && d.template_version ? await findTemplateVersion(deps.db, tenantId, d.template_id, d.template_version) : undefined;
  if (!version) return c.json({ preview }, 200);
  let skip = offset;
  const files = (await repo.listFiles(deps.db, tenantId, dataset_id)).filter((f) => f.status === 'valid' || f.status === 'invalid');
  for (const f of files) {
    if (preview.length >= limit) break;
    if (f.valid_rows !== null && skip >= Number(f.valid_rows)) {
      skip -= Number(f.valid_rows); // skip a whole file without reading it
      continue;
    }
    const body = await openRaw(deps, f.s3_key);
    try {
      let typer: ((fields: string[]) => Record<string, Cell> | null) | null = null;
      for await (const rec of csvRecords(body)) {
        if (!typer) {
          typer = recordTyper(rec.fields, version.template_schema);
          continue;
        }
        const row = typer(rec.fields);
        if (!row) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        preview.push(row);
        if (preview.length >= limit) break;
      }
    } finally {
      body.destroy();
    }
  }
  return c.json({ preview }, 200);
};

export const generateStatisticsHandler: RouteHandler<typeof generateStatistics, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const deps = c.var.deps;
  const d = await repo.findDataset(deps.db, tenantId, dataset_id);
  if (!d) throw notFound('Dataset');
  if (Number(d.valid_rows) === 0) throw conflict('The dataset has no validated rows yet; wait for validation to finish');
  const workflowId = workflowIds.statistics(dataset_id, Date.now().toString(36));
  await repo.insertStatisticsRun(deps.db, { datasetId: dataset_id, tenantId, workflowId });
  const input: StatisticsInput = { tenantId, datasetId: dataset_id, table: `${repo.SILVER}.${d.iceberg_table_name}` };
  await startJob(deps.temporal, deps.config, {
    workflow: 'statisticsWorkflow', workflowId, args: [input], kind: 'statistics', tenantId, resourceId: dataset_id,
  });
  c.var.log.info({ workflowId, datasetId: dataset_id }, 'statistics workflow started');
  return c.json(
    { status: 'success' as const, message: 'Statistics generation job submitted successfully.', job_id: workflowId, workflow_id: workflowId },
    200,
  );
};

export const getStatisticsHandler: RouteHandler<typeof getStatistics, AuthedEnv> = async (c) => {
  const { dataset_id } = c.req.valid('query');
  const { tenantId } = c.var.principal;
  const run = await repo.latestStatistics(c.var.deps.db, tenantId, dataset_id);
  if (!run) throw notFound('Statistics for this dataset');
  return c.json(
    {
      dataset_id,
      status: run.status as ColumnStatus,
      workflow_id: run.workflow_id,
      computed_at: run.computed_at ? run.computed_at.toISOString() : null,
      columns: (run.columns ?? []) as ColumnStatistics[],
      message: run.message,
      snapshot_id: run.snapshot_id,
    },
    200,
  );
};
