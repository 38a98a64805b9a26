// Datasets and their files (6.x, 7.x): what their handlers ask for, with the rows (db/repositories), the raw
// objects (S3) and the workflows (validation, statistics, lake cleanup) each operation touches.
import type { LakeCleanupInput, StatisticsInput } from '../../contracts/data-workflows.js';
import type { ColumnStatistics, GetStatisticsResponse } from '../../contracts/datasets.js';
import { workflowIds } from '../../contracts/workflows.js';
import * as repo from '../../db/repositories/datasets.js';
import { createTemplate, deleteTemplate, findTemplate, findTemplateVersion, templateNameTaken } from '../../db/repositories/templates.js';
import type { AppDeps, Principal } from '../deps.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { type Page, trimPage } from '../paging.js';
import { datasetPrefix, datasetRawPrefix, s3Uri, tenantPrefix } from '../storage/keys.js';
import { deleteKeys, deletePrefix, openObject, type OpenedObject } from '../storage/objects.js';
import { startJob } from '../temporal/start-job.js';
import { inferTemplate } from '../uploads/infer-template.js';
import { SNIFF_BYTES } from '../uploads/storage.js';
import type { UploadRequest } from '../uploads/upload-request.js';
import { previewLines, previewRows, type Cell } from './dataset-previews.js';
import { fileOut, receivedOut, summaryOut } from './dataset-shapes.js';
import { discardFiles, receiveFiles, removeObjects, startValidation } from './dataset-uploads.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const silverTable = (d: { iceberg_table_name: string }) => `${repo.SILVER}.${d.iceberg_table_name}`;

async function ownDataset(deps: AppDeps, tenantId: string, datasetId: number) {
  const d = await repo.findDataset(deps.db, tenantId, datasetId);
  if (!d) throw notFound('Dataset');
  return d;
}

async function ownFile(deps: AppDeps, tenantId: string, fileId: number) {
  const f = await repo.findFile(deps.db, tenantId, fileId);
  if (!f) throw notFound('File');
  return f;
}

export interface NewDataset {
  dataset_name: string;
  usage: 't' | 'p';
  template_id?: number;
  iceberg_table_name?: string;
}

/** 6.1: the dataset row, its files in S3, a template (given or inferred from the first file), the validation. */
export async function uploadDataset(deps: AppDeps, principal: Principal, q: NewDataset, upload: UploadRequest) {
  const { tenantId, username } = principal;
  const { db } = deps;
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
        tenantId,
        name: q.dataset_name,
        usage: q.usage,
        templateId: template?.id ?? null,
        templateVersion: template?.version ?? null,
        icebergTable: q.iceberg_table_name ?? null,
        username,
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('dataset_name or iceberg_table_name is already in use');
    throw err;
  }

  let inferredTemplateId: number | null = null;
  try {
    const files = await receiveFiles(deps, upload, { tenantId, datasetId: dataset.id });
    if (!template) {
      const first = files[0]!;
      const columns = await inferTemplate(first.head, first.size <= SNIFF_BYTES);
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
    return {
      dataset_id: dataset.id,
      dataset_name: dataset.dataset_name,
      data_source: dataset.data_source,
      files: receivedOut(dataset.id, files),
      workflow_id: workflowId,
      template_id: template.id,
    };
  } catch (err) {
    // Nothing of a failed upload stays behind: no dataset or file rows (files go with their dataset), no
    // template inferred for it, no raw objects. Rows first: they do not depend on S3 being up.
    await repo.deleteDatasetRow(db, tenantId, dataset.id);
    if (inferredTemplateId !== null) await deleteTemplate(db, tenantId, inferredTemplateId);
    await removeObjects(deps, () => deletePrefix(deps.s3, deps.config.s3.bucket, datasetPrefix(tenantId, dataset.id)), err);
    throw err;
  }
}

/** 7.1: more files for an existing dataset, validated against its template. */
export async function addFiles(deps: AppDeps, tenantId: string, datasetId: number, upload: UploadRequest) {
  const d = await ownDataset(deps, tenantId, datasetId);
  if (!d.template_id || !d.template_version) throw conflict('The dataset has no template');
  const files = await receiveFiles(deps, upload, { tenantId, datasetId: d.id });
  let workflowId: string;
  try {
    workflowId = await startValidation(
      deps,
      { id: d.id, tenantId, icebergTable: d.iceberg_table_name, templateId: d.template_id, templateVersion: d.template_version },
      files,
    );
  } catch (err) {
    // No file of this request may stay in the dataset without a validation to go with it.
    await discardFiles(deps, files, err);
    throw err;
  } finally {
    await repo.refreshDatasetStatus(deps.db, d.id);
  }
  return {
    dataset_id: d.id,
    dataset_name: d.dataset_name,
    data_source: d.data_source,
    files: receivedOut(d.id, files),
    workflow_id: workflowId,
  };
}

export async function listDatasets(deps: AppDeps, tenantId: string, page: Page) {
  const { total, rows } = await repo.listDatasets(deps.db, tenantId, page);
  const { data, paging } = trimPage(rows, page);
  return { total, data: data.map(summaryOut), ...paging };
}

/** 6.3's seed shape is a bare array: the paging fields go in headers (see the handler). */
export async function listValidatedDatasets(deps: AppDeps, tenantId: string, page: Page) {
  const { total, rows } = await repo.listDatasets(deps.db, tenantId, page, true);
  const { data, paging } = trimPage(rows, page);
  const list = data.map((d) => ({
    tenant_id: d.tenant_id,
    dataset_name: d.dataset_name,
    file_count: Number(d.file_count ?? 0),
    is_valid: true as const,
    created_by: d.created_by,
    template_id: d.template_id,
    id: d.id,
  }));
  return { total, list, paging };
}

/** Cancels the validation workflows still running for these files and waits (bounded) for them to stop. */
async function cancelValidations(deps: AppDeps, files: Array<{ workflow_id: string | null; status: string }>) {
  const ids = [
    ...new Set(files.filter((f) => f.workflow_id && (f.status === 'uploaded' || f.status === 'validating')).map((f) => f.workflow_id!)),
  ];
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
async function startLakeCleanup(deps: AppDeps, input: LakeCleanupInput, resourceId: number): Promise<string> {
  const workflowId = `lake-cleanup-${resourceId}-${input.nonce}`;
  await startJob(deps.temporal, deps.config, {
    workflow: 'lakeCleanupWorkflow',
    workflowId,
    args: [input],
    kind: 'lake_cleanup',
    tenantId: input.tenantId,
    resourceId,
  });
  return workflowId;
}

/** 6.4: validations stopped, raw objects removed, the Iceberg table dropped (in the background), the rows deleted. */
export async function deleteDataset(deps: AppDeps, tenantId: string, datasetId: number): Promise<void> {
  const d = await ownDataset(deps, tenantId, datasetId);
  if (await repo.isDatasetUsedByPredictor(deps.db, tenantId, datasetId)) {
    throw conflict('A predictor was trained on this dataset; delete the predictor first');
  }
  await cancelValidations(deps, await repo.listFiles(deps.db, tenantId, datasetId));
  await deletePrefix(deps.s3, deps.config.s3.bucket, datasetPrefix(tenantId, datasetId));
  const workflowId = await startLakeCleanup(deps, { tenantId, table: silverTable(d), nonce: Date.now().toString(36) }, datasetId);
  deps.log.info({ workflowId, datasetId }, 'dataset deleted; lake cleanup started');
  await repo.deleteDatasetRow(deps.db, tenantId, datasetId);
}

export async function datasetDetails(deps: AppDeps, tenantId: string, datasetId: number) {
  const d = await ownDataset(deps, tenantId, datasetId);
  return {
    dataset_name: d.dataset_name,
    dataset_path: s3Uri(deps.config.s3.bucket, datasetRawPrefix(tenantId, d.id)),
    validated_path: Number(d.valid_rows) > 0 ? silverTable(d) : null,
    iceberg_table_name: d.iceberg_table_name,
    data_source: d.data_source,
  };
}

/** 6.6: the rows the validator accepted, typed by the dataset's template. */
export async function previewDataset(deps: AppDeps, tenantId: string, datasetId: number, window: { limit: number; offset: number }) {
  const d = await ownDataset(deps, tenantId, datasetId);
  const version =
    d.template_id && d.template_version ? await findTemplateVersion(deps.db, tenantId, d.template_id, d.template_version) : undefined;
  if (!version) return { preview: [] as Record<string, Cell>[] };
  const files = (await repo.listFiles(deps.db, tenantId, datasetId)).filter((f) => f.status === 'valid' || f.status === 'invalid');
  return { preview: await previewRows(deps, files, version.template_schema, window) };
}

export async function startStatistics(deps: AppDeps, tenantId: string, datasetId: number): Promise<string> {
  const d = await ownDataset(deps, tenantId, datasetId);
  if (Number(d.valid_rows) === 0) throw conflict('The dataset has no validated rows yet; wait for validation to finish');
  const workflowId = workflowIds.statistics(datasetId, Date.now().toString(36));
  await repo.insertStatisticsRun(deps.db, { datasetId, tenantId, workflowId });
  const input: StatisticsInput = { tenantId, datasetId, table: silverTable(d) };
  await startJob(deps.temporal, deps.config, {
    workflow: 'statisticsWorkflow',
    workflowId,
    args: [input],
    kind: 'statistics',
    tenantId,
    resourceId: datasetId,
  });
  deps.log.info({ workflowId, datasetId }, 'statistics workflow started');
  return workflowId;
}

export async function statistics(deps: AppDeps, tenantId: string, datasetId: number) {
  const run = await repo.latestStatistics(deps.db, tenantId, datasetId);
  if (!run) throw notFound('Statistics for this dataset');
  return {
    dataset_id: datasetId,
    status: run.status as GetStatisticsResponse['status'],
    workflow_id: run.workflow_id,
    computed_at: run.computed_at ? run.computed_at.toISOString() : null,
    columns: (run.columns ?? []) as ColumnStatistics[],
    message: run.message,
    snapshot_id: run.snapshot_id,
  };
}

export async function listFiles(deps: AppDeps, tenantId: string, datasetId: number, page: Page) {
  await ownDataset(deps, tenantId, datasetId);
  const { total, rows } = await repo.listFilesPage(deps.db, tenantId, datasetId, page);
  const { data, paging } = trimPage(rows, page);
  return { total, data: data.map(fileOut), ...paging };
}

export async function fileDetails(deps: AppDeps, tenantId: string, fileId: number) {
  const f = await ownFile(deps, tenantId, fileId);
  return { ...fileOut(f), csv_file_path: s3Uri(deps.config.s3.bucket, f.s3_key), hdf_file_path: null };
}

/** 7.3: the file's header and lines as they are stored. */
export async function previewFile(deps: AppDeps, tenantId: string, fileId: number, window: { limit: number; offset: number }) {
  const f = await ownFile(deps, tenantId, fileId);
  return previewLines(deps, f.s3_key, window);
}

/** 7.4: its validation stopped, its object removed, its rows dropped from the datalake table (in the background). */
export async function deleteFile(deps: AppDeps, tenantId: string, fileId: number): Promise<void> {
  const f = await ownFile(deps, tenantId, fileId);
  if (await repo.isDatasetUsedByPredictor(deps.db, tenantId, f.dataset_id)) {
    throw conflict('A predictor was trained on this dataset; its files cannot be deleted');
  }
  const d = await repo.findDataset(deps.db, tenantId, f.dataset_id);
  await cancelValidations(deps, [f]);
  await deleteKeys(deps.s3, deps.config.s3.bucket, [f.s3_key]);
  if (d && f.snapshot_id) {
    await startLakeCleanup(deps, { tenantId, table: silverTable(d), fileIds: [f.id], nonce: Date.now().toString(36) }, f.dataset_id);
  }
  await repo.deleteFileRows(deps.db, [f.id]);
  await repo.refreshDatasetStatus(deps.db, f.dataset_id);
}

/** Resolves `file_path` to an object key of the caller's tenant, or fails with 400/404. */
export function resolveFilePath(filePath: string, bucket: string, tenantId: string): string {
  let key = filePath.trim();
  const uriPrefix = `s3://${bucket}/`;
  if (key.startsWith('s3://')) {
    if (!key.startsWith(uriPrefix)) throw notFound('File');
    key = key.slice(uriPrefix.length);
  }
  key = key.replace(/^\/+/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    throw badRequest('file_path is not a valid path');
  }
  if (
    decoded.split('/').some((seg) => seg === '..' || seg === '.') ||
    decoded.includes('\\') ||
    decoded.includes('//') ||
    decoded.includes('\0')
  ) {
    throw badRequest('file_path may not contain "..", ".", "\\" or empty segments');
  }
  if (!key.startsWith(tenantPrefix(tenantId))) throw notFound('File');
  return key;
}

/** 7.5: the stored file named by `file_path` (a key or an s3:// URI of the caller's tenant), opened for streaming. */
export async function openFile(deps: AppDeps, tenantId: string, filePath: string): Promise<OpenedObject & { fileName: string }> {
  const key = resolveFilePath(filePath, deps.config.s3.bucket, tenantId);
  const f = await repo.findFileByKey(deps.db, tenantId, key);
  if (!f) throw notFound('File');
  return { ...(await openObject(deps.s3, deps.config.s3.bucket, key)), fileName: f.file_name };
}
