// The response shapes of datasets and files (6.x, 7.x) from their rows.
import type { ErrorReport } from '../../contracts/files.js';
import type * as repo from '../../db/repositories/datasets.js';
import type { ReceivedFile } from './dataset-uploads.js';

type FileRow = Awaited<ReturnType<typeof repo.listFiles>>[number];

function usability(d: repo.DatasetRecord): string | null {
  if (d.is_valid === null && Number(d.total_records) === 0) return null;
  const total = Number(d.total_records);
  return total ? `${Math.round((Number(d.valid_rows) / total) * 100)}%` : '0%';
}

export function summaryOut(d: repo.DatasetRecord) {
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

export function fileOut(f: FileRow) {
  return {
    dataset_id: f.dataset_id,
    id: f.id,
    file_name: f.file_name,
    created_at: f.created_at.toISOString(),
    modified_at: f.modified_at.toISOString(),
    total_fields: f.total_fields,
    total_records: f.total_records,
    error_report: (f.error_report ?? null) as ErrorReport | null,
    status: f.status,
    snapshot_id: f.snapshot_id,
  };
}

export function receivedOut(datasetId: number, files: ReceivedFile[]) {
  return files.map((f) => ({
    dataset_id: datasetId,
    id: f.id,
    file_name: f.fileName,
    created_at: f.createdAt.toISOString(),
    modified_at: f.createdAt.toISOString(),
    total_fields: null,
    total_records: null,
    error_report: null,
    status: 'uploaded' as const,
    snapshot_id: null,
  }));
}
