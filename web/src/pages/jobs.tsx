// Jobs: every workflow of the tenant (paged by the API) with kind, status, duration, and deep links to the
// job's workflow in the Temporal UI and its Ray job in the Ray dashboard (addresses from GET /api/v1/me).
import { useEffect, useState } from 'preact/hooks';
import { api, can, me, type Schemas, unwrap } from '../api.js';
import { useSignal } from '../state.js';
import { Empty, ErrorBox, fmtDate, fmtDuration, Loading, StatusBadge, Table, useLoad } from '../ui.js';

const PAGE = 50;

export function JobsPage() {
  const user = useSignal(me);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>();
  const page = useLoad(async () => unwrap(await api.GET('/api/v1/jobs', { params: { query: { limit: PAGE, offset } } })), [offset]);
  const links = user?.links;
  // The list is a live view: a job started elsewhere shows up (and its status moves) without a reload.
  const reload = page.reload;
  useEffect(() => {
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [reload]);
  const cancel = async (j: Schemas['JobSummary']) => {
    setError(undefined);
    try {
      unwrap(await api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: j.workflow_id } } }));
      page.reload();
    } catch (err) {
      setError(err);
    }
  };
  const rows = page.data?.data ?? [];
  return (
    <section>
      <h1>Jobs {page.data && <span class="muted">({page.data.total})</span>}</h1>
      <ErrorBox error={error ?? page.error} />
      <button type="button" onClick={page.reload}>
        Refresh
      </button>
      {page.loading && !page.data ? (
        <Loading />
      ) : !rows.length ? (
        <Empty>No jobs yet: uploads, statistics, trainings and batch predictions appear here.</Empty>
      ) : (
        <Table
          caption="Jobs, newest first"
          rows={rows}
          rowKey={(j) => j.workflow_id}
          columns={[
            { label: 'Kind', cell: (j) => j.kind },
            { label: 'Status', cell: (j) => <StatusBadge status={j.status} /> },
            { label: 'Workflow', cell: (j) => <code>{j.workflow_id}</code> },
            { label: 'Started', cell: (j) => fmtDate(j.started_at) },
            { label: 'Duration', cell: (j) => fmtDuration(j.duration_seconds), class: 'num' },
            { label: 'Message', cell: (j) => j.message ?? '' },
            {
              label: 'Links',
              cell: (j) =>
                links && (
                  <span class="links">
                    <a
                      href={`${links.temporal_ui}/namespaces/${encodeURIComponent(links.temporal_namespace)}/workflows/${encodeURIComponent(j.workflow_id)}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      Temporal
                    </a>
                    {j.ray_submission_id && (
                      <a href={`${links.ray_dashboard}/#/jobs/${encodeURIComponent(j.ray_submission_id)}`} target="_blank" rel="noreferrer">
                        Ray
                      </a>
                    )}
                  </span>
                ),
            },
            {
              label: '',
              cell: (j) =>
                (j.status === 'Running' || j.status === 'Submitted') &&
                can('can_manage_jobs') && (
                  <button type="button" class="danger" onClick={() => cancel(j)}>
                    Cancel
                  </button>
                ),
            },
          ]}
        />
      )}
      <div class="row">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Newer
        </button>
        <button type="button" disabled={!page.data || offset + PAGE >= page.data.total} onClick={() => setOffset(offset + PAGE)}>
          Older
        </button>
      </div>
    </section>
  );
}
