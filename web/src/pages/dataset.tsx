// One dataset: its files with the per-file validation report, a paged preview of the validated rows, and the
// per-column statistics (bars of the most frequent values or the quantiles, missing counts).
import { useState } from 'preact/hooks';
import { ApiError, api, can, type Schemas, unwrap } from '../api.js';
import { BarChart } from '../charts/charts.js';
import { Empty, ErrorBox, JobPanel, Loading, StatusBadge, Table, useJob, useLoad } from '../ui.js';

const PAGE = 20;

export function DatasetPage({ id }: { id: number }) {
  const files = useLoad(async () => unwrap(await api.GET('/api/v1/files/list', { params: { query: { dataset_id: id } } })), [id]);
  const info = useLoad(
    async () => unwrap(await api.GET('/api/v1/dataset/get_dataset_by_id', { params: { query: { dataset_id: id } } })),
    [id],
  );
  return (
    <section>
      <h1>Dataset {info.data?.dataset_name ?? `#${id}`}</h1>
      <ErrorBox error={info.error} />
      <h2>Files and validation</h2>
      <ErrorBox error={files.error} />
      {files.loading && !files.data ? (
        <Loading />
      ) : files.data?.data.length ? (
        files.data.data.map((f) => <FileReport file={f} />)
      ) : (
        <Empty>No files.</Empty>
      )}
      <Preview id={id} />
      <Statistics id={id} />
    </section>
  );
}

function FileReport({ file }: { file: Schemas['DatasetFile'] }) {
  const r = file.error_report;
  return (
    <article class="card" data-testid="file-report">
      <div class="row">
        <strong>{file.file_name}</strong> <StatusBadge status={file.status ?? (r ? (r.valid ? 'valid' : 'invalid') : 'validating')} />
        <span class="muted">
          {file.total_records ?? '?'} rows · {file.total_fields ?? '?'} columns
        </span>
      </div>
      {!r ? (
        <p class="muted">No validation report yet.</p>
      ) : (
        <>
          <p>
            {r.valid_rows} of {r.total_rows} rows valid, {r.invalid_rows} invalid.
          </p>
          {Object.keys(r.counts).length > 0 && (
            <ul>
              {Object.entries(r.counts).map(([rule, n]) => (
                <li>
                  {rule}: {n}
                </li>
              ))}
            </ul>
          )}
          {r.examples.length > 0 && (
            <Table
              caption="Examples of invalid rows"
              rows={r.examples}
              rowKey={(_, i) => i}
              columns={[
                { label: 'Row', cell: (e) => e.row, class: 'num' },
                { label: 'Column', cell: (e) => e.column ?? '—' },
                { label: 'Value', cell: (e) => e.value ?? '∅' },
                { label: 'Rule', cell: (e) => e.rule },
                { label: 'Message', cell: (e) => e.message },
              ]}
            />
          )}
        </>
      )}
    </article>
  );
}

function Preview({ id }: { id: number }) {
  const [offset, setOffset] = useState(0);
  const page = useLoad(
    async () => unwrap(await api.GET('/api/v1/dataset/view', { params: { query: { dataset_id: id, limit: PAGE, offset } } })),
    [id, offset],
  );
  const rows = page.data?.preview ?? [];
  const cols = rows[0] ? Object.keys(rows[0]) : [];
  return (
    <section aria-label="Preview">
      <h2>Preview of the validated data</h2>
      <ErrorBox error={page.error} />
      {page.loading && !page.data ? (
        <Loading />
      ) : !rows.length ? (
        <Empty>{offset ? 'No more rows.' : 'No validated rows to show yet.'}</Empty>
      ) : (
        <Table
          caption={`Rows ${offset + 1}–${offset + rows.length}`}
          rows={rows}
          rowKey={(_, i) => offset + i}
          columns={cols.map((c) => ({ label: c, cell: (r: (typeof rows)[number]) => String(r[c] ?? '∅') }))}
        />
      )}
      <div class="row">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous page
        </button>
        <button type="button" disabled={rows.length < PAGE} onClick={() => setOffset(offset + PAGE)}>
          Next page
        </button>
      </div>
    </section>
  );
}

function Statistics({ id }: { id: number }) {
  const stats = useLoad(async () => {
    try {
      return unwrap(await api.GET('/api/v1/dataset/statistics', { params: { query: { dataset_id: id } } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, [id]);
  const [workflow, setWorkflow] = useState<string>();
  const [error, setError] = useState<unknown>();
  const running = stats.data && (stats.data.status === 'Running' || stats.data.status === 'Submitted') ? stats.data.workflow_id : undefined;
  const { job } = useJob(workflow ?? running, stats.reload);
  const generate = async () => {
    setError(undefined);
    try {
      const r = unwrap(await api.POST('/api/v1/dataset/generate_statistics', { params: { query: { dataset_id: id } } }));
      setWorkflow(r.workflow_id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-label="Statistics">
      <h2>Statistics</h2>
      <ErrorBox error={stats.error ?? error} />
      {can('can_compute_statistics') && (
        <button type="button" onClick={generate}>
          {stats.data ? 'Compute again' : 'Compute statistics'}
        </button>
      )}
      {(workflow || running) && (
        <JobPanel
          job={job}
          canCancel={can('can_manage_jobs')}
          onCancel={() => api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: (workflow ?? running)! } } })}
        />
      )}
      {stats.loading && !stats.data ? (
        <Loading />
      ) : !stats.data?.columns.length ? (
        <Empty>{stats.data?.message ?? 'No statistics yet.'}</Empty>
      ) : (
        <div class="charts">
          {stats.data.columns.map((c) => (
            <ColumnStats col={c} />
          ))}
        </div>
      )}
    </section>
  );
}

function ColumnStats({ col }: { col: Schemas['ColumnStatistics'] }) {
  const numeric = col.min !== null && col.max !== null;
  const missing = `${col.nulls} missing of ${col.count + col.nulls}`;
  // A histogram when the API gives one (`histogram: {bins, counts}`), else the most frequent values, else the quantiles.
  const hist = (col as { histogram?: { bins?: number[]; counts?: number[] } }).histogram;
  if (hist?.bins && hist.counts && hist.bins.length === hist.counts.length + 1)
    return (
      <BarChart
        title={`${col.column_name} (${col.data_type}) · ${missing}`}
        labels={hist.counts.map((_, i) => `${fmt(hist.bins![i]!)}–${fmt(hist.bins![i + 1]!)}`)}
        values={hist.counts}
        xLabel="value range"
        yLabel="rows (count)"
      />
    );
  if (col.top_values.length && !numeric)
    return (
      <BarChart
        title={`${col.column_name} (${col.data_type}) · ${missing}`}
        labels={col.top_values.map((t) => t.value)}
        values={col.top_values.map((t) => t.count)}
        xLabel="value"
        yLabel="rows (count)"
      />
    );
  const q = [col.min, col.quantiles.p25, col.quantiles.p50, col.quantiles.p75, col.max];
  return (
    <BarChart
      title={`${col.column_name} (${col.data_type}) · ${missing} · mean ${fmt(col.mean)}`}
      labels={numeric ? ['min', 'p25', 'median', 'p75', 'max'] : []}
      values={q.map((v) => v ?? 0)}
      xLabel="quantile"
      yLabel={`${col.column_name} (column units)`}
    />
  );
}

const fmt = (v: number | null) =>
  v === null ? '—' : Math.abs(v) >= 1000 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);
