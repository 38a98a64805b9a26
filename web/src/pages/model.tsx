// One training: live workflow progress (phase, elapsed, cancel), then its metrics, leaderboard and charts, the
// predictor's versions as a lineage, and the prediction forms.
import { useState } from 'preact/hooks';
import { ApiError, api, can, type Schemas, unwrap } from '../api.js';
import { ConfusionMatrix, CurveChart, HBars, ScatterChart } from '../charts/charts.js';
import * as insights from '../insights.js';
import { Empty, ErrorBox, fmtDate, JobPanel, Link, Loading, StatusBadge, Table, useJob, useLoad } from '../ui.js';
import { BatchPrediction, ForecastPanel, FormPrediction } from './predict.js';

const ACTIVE = new Set(['Submitted', 'Running']);

export function ModelPage({ id }: { id: number }) {
  // 8.3 is the only read of a training's row (no get-by-id in the contract).
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/train/list')).data, [id]);
  const t = list.data?.find((x) => x.id === id);
  const running = t && ACTIVE.has(t.training_status) ? t.workflow_id : undefined;
  const { job } = useJob(running, list.reload);
  if (list.loading && !list.data) return <Loading />;
  if (list.error) return <ErrorBox error={list.error} />;
  if (!t) return <Empty>No training #{id} in your tenant.</Empty>;
  return (
    <section>
      <h1>
        {t.predictor_name} {t.version && <span class="muted">v{t.version}</span>} <StatusBadge status={t.training_status} />
      </h1>
      <p class="muted">
        {t.problem_type} · {t.algorithm ?? 'auto'} · dataset {t.dataset_name} · {fmtDate(t.created_at)} by {t.created_by}
      </p>
      {t.error && <div class="error">{t.error}</div>}
      {running && (
        <JobPanel
          job={job}
          canCancel={can('can_manage_jobs')}
          onCancel={() => api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: running } } }).then(list.reload)}
        />
      )}
      <Lineage all={list.data!} current={t} />
      {t.training_status === 'Completed' && <Insights t={t} />}
      {t.training_status === 'Completed' && can('can_predict') && (
        <section aria-label="Predictions">
          <h2>Predictions</h2>
          {t.problem_type === 'Forecast' ? (
            <ForecastPanel t={t} />
          ) : (
            <>
              <FormPrediction t={t} />
              <BatchPrediction t={t} />
            </>
          )}
        </section>
      )}
    </section>
  );
}

function Lineage({ all, current }: { all: Schemas['TrainingJob'][]; current: Schemas['TrainingJob'] }) {
  const versions = all.filter((x) => x.predictor_name === current.predictor_name).sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  if (versions.length < 2) return null;
  return (
    <nav class="lineage" aria-label="Versions of this predictor">
      <h2>Versions</h2>
      <ol>
        {versions.map((v) => (
          <li class={v.id === current.id ? 'current' : ''}>
            <Link href={`/training/${v.id}`}>v{v.version ?? '?'}</Link> <StatusBadge status={v.training_status} />
            {v.parent_id && <span class="muted"> from #{v.parent_id}</span>}
            {v.accuracy !== null && <span class="muted"> · {v.accuracy.toFixed(3)}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Insights({ t }: { t: Schemas['TrainingJob'] }) {
  const summary = useLoad(
    async () => unwrap(await api.GET('/api/v1/train/model-summary', { params: { query: { train_id: t.id } } })),
    [t.id],
  );
  const s = summary.data?.model_summary as Record<string, unknown> | undefined;
  if (summary.loading && !summary.data) return <Loading />;
  if (summary.error) return <ErrorBox error={summary.error} />;
  const metrics = Object.entries(s ?? {}).filter(([, v]) => typeof v === 'number') as [string, number][];
  const board = insights.leaderboard(s);
  const back = insights.backtest(s);
  return (
    <section aria-label="Model insights">
      <h2>Metrics</h2>
      <p>
        Model <strong>{String(s?.model ?? '—')}</strong>
        {s?.headline_metric ? ` · headline metric ${s.headline_metric}` : ''}
      </p>
      <dl class="metrics">
        {metrics.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{insights.cellText(v)}</dd>
          </div>
        ))}
      </dl>
      <h2>Leaderboard</h2>
      {board?.length ? (
        <ObjTable rows={board} caption="Candidates tried on the validation split" />
      ) : (
        <Empty>Leaderboard: not available for this model (trained with a fixed algorithm).</Empty>
      )}
      <div class="charts">
        {t.problem_type === 'Classification' && (
          <>
            <ConfusionMatrix matrix={summary.data?.confusion_matrix} labels={insights.classLabels(s)} />
            <CurveChart
              title="ROC curve"
              curve={insights.rocCurve(s)}
              xLabel="false positive rate (fraction)"
              yLabel="true positive rate (fraction)"
              diagonal
            />
            <CurveChart
              title="Precision–recall curve"
              curve={insights.prCurve(s)}
              xLabel="recall (fraction)"
              yLabel="precision (fraction)"
            />
            <CurveChart
              title="Calibration"
              curve={insights.calibration(s)}
              xLabel="mean predicted probability"
              yLabel="observed frequency"
              diagonal
            />
          </>
        )}
        {t.problem_type === 'Regression' && (
          <ScatterChart
            title="Residuals"
            points={insights.residuals(s)}
            xLabel="predicted (target units)"
            yLabel="actual − predicted (target units)"
          />
        )}
        <FeatureImportance t={t} />
      </div>
      {t.problem_type === 'Forecast' && (
        <>
          <h2>Backtest</h2>
          {back?.length ? <ObjTable rows={back} caption="Backtest folds" /> : <Empty>Backtest: not available for this model.</Empty>}
        </>
      )}
    </section>
  );
}

// A search leaderboard can hold hundreds of trials: the selected row first, then the first rows, the rest on request.
const FIRST_ROWS = 25;

function ObjTable({ rows, caption }: { rows: Record<string, unknown>[]; caption: string }) {
  const [all, setAll] = useState(false);
  // Settings (a trial's `config`) last: they are long, the scores are what a reader compares.
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cols = [...keys.filter((k) => k !== 'config'), ...keys.filter((k) => k === 'config')];
  const ordered = [...rows.filter((r) => r.selected === true), ...rows.filter((r) => r.selected !== true)];
  const shown = all ? ordered : ordered.slice(0, FIRST_ROWS);
  return (
    <>
      <Table
        caption={caption}
        rows={shown}
        rowKey={(_, i) => i}
        columns={cols.map((c) => ({ label: c.replace(/_/g, ' '), cell: (r: Record<string, unknown>) => insights.cellText(r[c]) }))}
      />
      {ordered.length > shown.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {ordered.length} rows
        </button>
      )}
    </>
  );
}

function FeatureImportance({ t }: { t: Schemas['TrainingJob'] }) {
  const fi = useLoad(async () => {
    try {
      return unwrap(await api.GET('/api/v1/train/view-feature-importance', { params: { query: { train_id: t.id } } }));
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) return null;
      throw err;
    }
  }, [t.id]);
  const [error, setError] = useState<unknown>();
  const entries = fi.data?.feature_importance
    ? Object.entries(fi.data.feature_importance)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
        .slice(0, 20)
    : undefined;
  const status = fi.data?.status;
  const pending = status === 'submitted' || status === 'running';
  return (
    <div>
      <HBars
        title="Feature importance (mean |SHAP value|)"
        entries={entries}
        unit="mean absolute SHAP value, in target units (log-odds for classification)"
      />
      <ErrorBox error={error ?? fi.error} />
      {pending && (
        <p class="muted">
          SHAP is {status}…{' '}
          <button type="button" onClick={fi.reload}>
            Check again
          </button>
        </p>
      )}
      {!entries && !pending && can('can_train_models') && (
        <button
          type="button"
          onClick={() =>
            api
              .GET('/api/v1/train/generate-feature-importance', { params: { query: { train_id: t.id } } })
              .then(unwrap)
              .then(fi.reload, setError)
          }
        >
          Compute SHAP feature importance
        </button>
      )}
    </div>
  );
}
