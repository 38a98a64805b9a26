// Datasets: the tenant's datasets with their validation status (rendered in slices: a tenant may have
// thousands and 6.2 is not paginated), and the upload form with byte progress followed by live validation.
import { useMemo, useState } from 'preact/hooks';
import { api, can, type Schemas, uploadFiles, unwrap } from '../api.js';
import { navigate } from '../state.js';
import {
  Empty,
  ErrorBox,
  Field,
  type FormEvent,
  fmtBytes,
  fmtDate,
  JobPanel,
  Link,
  Loading,
  ProgressBar,
  StatusBadge,
  Table,
  useJob,
  useLoad,
} from '../ui.js';

const SLICE = 100;

export function datasetStatus(d: Schemas['DatasetSummary']): string {
  return d.is_valid === null ? 'validating' : d.is_valid ? 'valid' : 'invalid';
}

export function DatasetsPage() {
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/dataset/list')), []);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(SLICE);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data?.data ?? []).filter((d) => !f || d.dataset_name.toLowerCase().includes(f));
  }, [list.data, filter]);

  return (
    <section>
      <h1>Datasets</h1>
      {can('can_upload_dataset') ? (
        <UploadForm onDone={list.reload} />
      ) : (
        <p class="muted">You may not upload datasets (can_upload_dataset).</p>
      )}
      <h2>All datasets {list.data && <span class="muted">({list.data.total})</span>}</h2>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.data.length ? (
        <Empty>No datasets yet. Upload a CSV, JSON or Parquet file to create one.</Empty>
      ) : (
        <>
          <Field label="Filter by name">
            <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </Field>
          <Table
            caption="Datasets"
            rows={rows.slice(0, shown)}
            rowKey={(d) => d.id}
            columns={[
              { label: 'Name', cell: (d) => <Link href={`/datasets/${d.id}`}>{d.dataset_name}</Link> },
              { label: 'Status', cell: (d) => <StatusBadge status={datasetStatus(d)} /> },
              { label: 'Usage', cell: (d) => d.dataset_usage },
              { label: 'Files', cell: (d) => d.file_count, class: 'num' },
              { label: 'Usable rows', cell: (d) => d.dataset_usability ?? '—', class: 'num' },
              { label: 'Template', cell: (d) => d.template_name ?? '—' },
              { label: 'Created', cell: (d) => fmtDate(d.created_at) },
            ]}
          />
          {rows.length > shown && (
            <button type="button" onClick={() => setShown(shown + SLICE * 5)}>
              Show more ({rows.length - shown} left)
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UploadForm({ onDone }: { onDone: () => void }) {
  const templates = useLoad(async () => (can('can_read_templates') ? unwrap(await api.GET('/api/v1/template/list')).data : []), []);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>();
  const [started, setStarted] = useState<Schemas['UploadDatasetResponse']>();
  const { job } = useJob(started?.workflow_id, onDone);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    setError(undefined);
    setStarted(undefined);
    if (!files.length) return setError(new Error('Choose at least one file.'));
    setProgress({ loaded: 0, total: files.reduce((a, f) => a + f.size, 0) });
    try {
      const res = await uploadFiles<Schemas['UploadDatasetResponse']>(
        '/api/v1/dataset/upload',
        {
          dataset_name: String(form.get('dataset_name')),
          usage: String(form.get('usage')),
          template_id: String(form.get('template_id') ?? ''),
        },
        files,
        setProgress,
      );
      setStarted(res);
      onDone();
    } catch (err) {
      setError(err);
      setProgress(null);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-label="Upload a dataset">
      <h2>Upload a dataset</h2>
      <div class="grid">
        <Field label="Dataset name">
          <input name="dataset_name" required maxLength={255} />
        </Field>
        <Field label="Usage">
          <select name="usage">
            <option value="t">Training</option>
            <option value="p">Prediction</option>
          </select>
        </Field>
        <Field label="Template" hint="Without one, a template is inferred from the file">
          <select name="template_id">
            <option value="">Infer from the file</option>
            {templates.data?.map((t) => (
              <option value={t.id}>
                {t.template_name} (v{t.version})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Files (CSV, JSON, Parquet)">
          <input name="files" type="file" multiple accept=".csv,.json,.parquet" required />
        </Field>
      </div>
      <button type="submit" class="primary" disabled={Boolean(progress && !started && !error)}>
        Upload
      </button>
      {progress && (
        <div data-testid="upload-progress">
          <ProgressBar
            value={progress.loaded}
            max={progress.total || null}
            label={`Uploaded ${fmtBytes(progress.loaded)} of ${fmtBytes(progress.total)}`}
          />
        </div>
      )}
      <ErrorBox error={error} />
      {started && (
        <>
          <p>
            Validating <strong>{started.dataset_name}</strong>…{' '}
            <button type="button" class="link" onClick={() => navigate(`/datasets/${started.dataset_id}`)}>
              Open the dataset
            </button>
          </p>
          <JobPanel
            job={job}
            canCancel={can('can_manage_jobs')}
            onCancel={() => api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: started.workflow_id } } })}
          />
        </>
      )}
    </form>
  );
}
