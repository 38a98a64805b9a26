// Predictions from a completed model: the one-row form of 9.3 (with the explanation when the model gives one),
// batch prediction with its job's progress and the CSV download, and forecasts drawn as a chart.
import { useEffect, useState } from 'preact/hooks';
import { api, can, download, type Schemas, unwrap } from '../api.js';
import { ForecastChart, HBars } from '../charts/charts.js';
import * as insights from '../insights.js';
import { ErrorBox, Field, type FormEvent, JobPanel, Loading, StatusBadge, Table, useJob, useLoad } from '../ui.js';

type Training = Schemas['TrainingJob'];

function typed(value: string, type: string): string | number | boolean | null {
  if (value === '') return null;
  if (type === 'Integer' || type === 'Float') return Number(value);
  if (type === 'Boolean') return /^(true|1)$/i.test(value);
  return value;
}

export function FormPrediction({ t }: { t: Training }) {
  const form = useLoad(
    async () => unwrap(await api.GET('/api/v1/inference/form-based-prediction', { params: { query: { id: t.id } } })),
    [t.id],
  );
  const [result, setResult] = useState<Schemas['RealtimePredictionResponse']>();
  const [error, setError] = useState<unknown>();
  if (form.loading && !form.data) return <Loading />;
  if (!form.data) return <ErrorBox error={form.error} />;
  const f = form.data;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(undefined);
    setResult(undefined);
    try {
      const features = Object.fromEntries(f.headers.map((h) => [h.column_name, typed(String(data.get(h.column_name) ?? ''), h.data_type)]));
      setResult(
        unwrap(
          await api.POST('/api/v1/inference/', {
            body: { train_id: t.id, preprocess_id: f.preprocess_id, features, target: f.target, explain: data.get('explain') === 'on' },
          }),
        ),
      );
    } catch (err) {
      setError(err);
    }
  };
  const probs = result?.probabilities ? (Object.entries(result.probabilities) as [string, number][]) : undefined;
  const why = result && insights.explanation(result);
  return (
    <form class="card" onSubmit={submit} aria-label="One-row prediction">
      <h3>Predict one row ({f.target})</h3>
      <div class="grid">
        {f.headers.map((h) => (
          <Field label={`${h.column_name} (${h.data_type})`}>
            <input
              name={h.column_name}
              defaultValue={h.default_value ?? ''}
              inputMode={h.data_type === 'Integer' || h.data_type === 'Float' ? 'decimal' : undefined}
            />
          </Field>
        ))}
      </div>
      <label class="check">
        <input type="checkbox" name="explain" defaultChecked /> Explain (feature contributions)
      </label>
      <button type="submit" class="primary">
        Predict
      </button>
      <ErrorBox error={error} />
      {result && (
        <div data-testid="prediction-result" aria-live="polite">
          <p>
            Prediction: <strong>{String(result.prediction)}</strong>
          </p>
          {probs && <HBars title="Class probabilities" entries={probs} unit="probability (0–1)" />}
          {why ? (
            <HBars
              title={`Why: feature contributions to ${why.output === 'prediction' ? 'the prediction' : `"${why.output}"`}`}
              entries={why.entries}
              unit={`contribution (SHAP, ${why.unit})`}
            />
          ) : (
            <p class="muted">No explanation offered by this model.</p>
          )}
        </div>
      )}
    </form>
  );
}

export function BatchPrediction({ t }: { t: Training }) {
  const datasets = useLoad(async () => unwrap(await api.GET('/api/v1/dataset/list_validated')), []);
  const [predictionId, setPredictionId] = useState<number>();
  const [workflowId, setWorkflowId] = useState<string>();
  const [result, setResult] = useState<Schemas['PredictionResultResponse']>();
  const [error, setError] = useState<unknown>();
  const { job } = useJob(workflowId, async () => {
    try {
      setResult(unwrap(await api.GET('/api/v1/inference/result', { params: { query: { prediction_id: predictionId! } } })));
    } catch (err) {
      setError(err);
    }
  });
  // 9.2 answers with the prediction's id: its job is found by that resource id once recorded.
  useEffect(() => {
    if (!predictionId || workflowId) return;
    let live = true;
    const find = async () => {
      const page = unwrap(
        await api.GET('/api/v1/jobs', { params: { query: { kind: 'batch_predict', resource: String(predictionId), limit: 1 } } }),
      );
      if (!live) return;
      if (page.data[0]) setWorkflowId(page.data[0].workflow_id);
      else setTimeout(find, 500);
    };
    find().catch(setError);
    return () => {
      live = false;
    };
  }, [predictionId, workflowId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setResult(undefined);
    setWorkflowId(undefined);
    try {
      const r = unwrap(
        await api.POST('/api/v1/inference/batchPrediction', {
          body: { train_id: t.id, dataset_id: Number(new FormData(e.currentTarget).get('dataset_id')) },
        }),
      );
      setPredictionId(r.prediction_id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-label="Batch prediction">
      <h3>Batch prediction</h3>
      <Field label="Dataset to score">
        <select name="dataset_id" required>
          {datasets.data?.map((d) => (
            <option value={d.id}>{d.dataset_name}</option>
          ))}
        </select>
      </Field>
      <button type="submit" class="primary">
        Start batch prediction
      </button>
      <ErrorBox error={error ?? datasets.error} />
      {workflowId && (
        <JobPanel
          job={job}
          canCancel={can('can_manage_jobs')}
          onCancel={() => api.POST('/api/v1/jobs/{workflow_id}/cancel', { params: { path: { workflow_id: workflowId } } })}
        />
      )}
      {result && (
        <>
          <Table
            caption="Batch prediction result"
            rows={[result]}
            rowKey={() => predictionId!}
            columns={[
              { label: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
              { label: 'Rows scored', cell: (r) => r.no_of_records ?? '—', class: 'num' },
              { label: 'Output table', cell: (r) => r.output_table ?? '—' },
              { label: 'Error', cell: (r) => r.error ?? '—' },
            ]}
          />
          {result.status === 'completed' && (
            <button
              type="button"
              onClick={() =>
                download('/api/v1/inference/result/download', { prediction_id: predictionId! }, `prediction-${predictionId}.csv`).catch(
                  setError,
                )
              }
            >
              Download CSV
            </button>
          )}
        </>
      )}
    </form>
  );
}

export function ForecastPanel({ t }: { t: Training }) {
  const form = useLoad(
    async () => unwrap(await api.GET('/api/v1/inference/form-based-prediction', { params: { query: { id: t.id } } })),
    [t.id],
  );
  const [res, setRes] = useState<Schemas['ForecastResponse']>();
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setError(undefined);
    try {
      setRes(
        unwrap(
          await api.POST('/api/v1/inference/forecast', {
            body: {
              train_id: t.id,
              preprocess_id: form.data!.preprocess_id,
              steps: Number(d.get('steps')),
              frequency: String(d.get('frequency')),
              unique_id: String(d.get('unique_id')),
            },
          }),
        ),
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-label="Forecast">
      <h3>Forecast</h3>
      <div class="grid">
        <Field label="Steps">
          <input name="steps" type="number" min={1} max={10000} defaultValue="8" required />
        </Field>
        <Field label="Frequency" hint="e.g. Day, Week, Month">
          <input name="frequency" defaultValue="Day" required />
        </Field>
        <Field label="Series id (unique_id)">
          <input name="unique_id" required />
        </Field>
      </div>
      <button type="submit" class="primary" disabled={!form.data}>
        Forecast
      </button>
      <ErrorBox error={error ?? form.error} />
      {res && (
        <ForecastChart
          title="History and forecast"
          history={insights.forecastHistory(res)}
          forecast={res.forecast}
          yLabel={`${form.data?.target ?? 'value'} (target units)`}
        />
      )}
    </form>
  );
}
