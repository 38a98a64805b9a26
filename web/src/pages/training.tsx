// Training: the tenant's trainings (rendered in slices: 8.3 is not paginated) and the form built from 8.2
// (column roles, problem type, algorithm incl. `auto`, time budget).
import { useMemo, useState } from 'preact/hooks';
import { ALGORITHMS_BY_PROBLEM } from '../../../contracts/train-algorithms.js';
import { api, can, type Schemas, unwrap } from '../api.js';
import { navigate } from '../state.js';
import { Empty, ErrorBox, Field, type FormEvent, fmtDate, Link, Loading, StatusBadge, Table, useLoad } from '../ui.js';

type Problem = Schemas['GetTrainingDetailsBody']['problem_type'];
type Details = Schemas['GetTrainingDetailsResponse'];
const SLICE = 100;

export function TrainingPage() {
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/train/list')), []);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState(SLICE);
  const rows = list.data?.data ?? [];
  return (
    <section>
      <h1>Training</h1>
      {can('can_train_models') &&
        (creating ? (
          <TrainForm onCancel={() => setCreating(false)} />
        ) : (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            Train a model
          </button>
        ))}
      <h2>Trainings {list.data && <span class="muted">({list.data.total})</span>}</h2>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !rows.length ? (
        <Empty>No trainings yet.</Empty>
      ) : (
        <>
          <Table
            caption="Trainings"
            rows={rows.slice(0, shown)}
            rowKey={(t) => t.id}
            columns={[
              { label: 'Predictor', cell: (t) => <Link href={`/training/${t.id}`}>{t.predictor_name}</Link> },
              { label: 'Version', cell: (t) => (t.version ? `v${t.version}` : '—'), class: 'num' },
              { label: 'Status', cell: (t) => <StatusBadge status={t.training_status} /> },
              { label: 'Problem', cell: (t) => t.problem_type },
              { label: 'Algorithm', cell: (t) => t.algorithm ?? '—' },
              { label: 'Headline', cell: (t) => (t.accuracy === null ? '—' : t.accuracy.toFixed(3)), class: 'num' },
              { label: 'Dataset', cell: (t) => t.dataset_name },
              { label: 'Created', cell: (t) => fmtDate(t.created_at) },
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

function TrainForm({ onCancel }: { onCancel: () => void }) {
  const datasets = useLoad(async () => unwrap(await api.GET('/api/v1/dataset/list_validated')), []);
  const [details, setDetails] = useState<Details>();
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();

  const getDetails = async (e: FormEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try {
      const d = unwrap(
        await api.POST('/api/v1/train/get_details', {
          body: {
            dataset_id: Number(f.get('dataset_id')),
            predictor_name: String(f.get('predictor_name')),
            domain: String(f.get('domain')),
            problem_type: String(f.get('problem_type')) as Problem,
          },
        }),
      );
      setDetails(d);
      setRoles(Object.fromEntries(d.dataset_schema.map((c) => [c.column_name, 'Feature'])));
    } catch (err) {
      setError(err);
    }
  };

  const train = async (e: FormEvent) => {
    e.preventDefault();
    if (!details) return;
    const f = new FormData(e.currentTarget);
    const num = (k: string) => (f.get(k) ? Number(f.get(k)) : undefined);
    setError(undefined);
    try {
      const r = unwrap(
        await api.POST('/api/v1/train/', {
          body: {
            dataset_id: details.dataset_id,
            predictor_name: details.predictor_name,
            domain: details.domain,
            problem_type: details.problem_type,
            columns: details.dataset_schema.map((c) => ({
              ...c,
              attribute_name: roles[c.column_name] as Schemas['TrainColumn']['attribute_name'],
            })),
            algorithm: String(f.get('algorithm')) as Schemas['CreateTrainingBody']['algorithm'],
            time_budget_seconds: num('time_budget_seconds'),
            forecast_horizon: num('forecast_horizon'),
            shap_enabled: f.get('shap_enabled') === 'on',
            is_incremental: f.get('is_incremental') === 'on',
          },
        }),
      );
      navigate(`/training/${r.id}`);
    } catch (err) {
      setError(err);
    }
  };

  const algorithms = useMemo(() => (details ? ALGORITHMS_BY_PROBLEM[details.problem_type] : []), [details]);
  return (
    <div class="card">
      <form onSubmit={getDetails} aria-label="Training details">
        <h2>Train a model</h2>
        <div class="grid">
          <Field label="Dataset (validated)">
            <select name="dataset_id" required disabled={Boolean(details)}>
              {datasets.data?.map((d) => (
                <option value={d.id}>{d.dataset_name}</option>
              ))}
            </select>
          </Field>
          <Field label="Predictor name">
            <input name="predictor_name" required disabled={Boolean(details)} />
          </Field>
          <Field label="Domain">
            <input name="domain" required defaultValue="General" disabled={Boolean(details)} />
          </Field>
          <Field label="Problem type">
            <select name="problem_type" disabled={Boolean(details)}>
              <option>Classification</option>
              <option>Regression</option>
              <option>Forecast</option>
            </select>
          </Field>
        </div>
        {!details && (
          <div class="row">
            <button type="submit" class="primary">
              Next: column roles
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        )}
        {datasets.data?.length === 0 && <Empty>No validated dataset yet: upload one first.</Empty>}
      </form>
      {details && (
        <form onSubmit={train} aria-label="Training settings">
          <Table
            caption="Column roles"
            rows={details.dataset_schema}
            rowKey={(c) => c.column_name}
            columns={[
              { label: 'Column', cell: (c) => c.column_name },
              { label: 'Type', cell: (c) => c.data_type },
              {
                label: 'Role',
                cell: (c) => (
                  <select
                    aria-label={`Role of ${c.column_name}`}
                    value={roles[c.column_name]}
                    onChange={(e) => setRoles({ ...roles, [c.column_name]: e.currentTarget.value })}
                  >
                    {details.attributes.map((a) => (
                      <option>{a}</option>
                    ))}
                  </select>
                ),
              },
            ]}
          />
          <div class="grid">
            <Field label="Algorithm">
              <select name="algorithm">
                {algorithms.map((a) => (
                  <option>{a}</option>
                ))}
              </select>
            </Field>
            <Field label="Time budget (seconds)" hint="How long the search may take; empty: the default">
              <input name="time_budget_seconds" type="number" min={1} max={86400} />
            </Field>
            {details.problem_type === 'Forecast' && (
              <Field label="Forecast horizon (steps)">
                <input name="forecast_horizon" type="number" min={1} max={10000} />
              </Field>
            )}
            <label class="check">
              <input type="checkbox" name="shap_enabled" /> Compute SHAP feature importance
            </label>
            <label class="check">
              <input type="checkbox" name="is_incremental" /> Incremental (a new version of an existing predictor)
            </label>
          </div>
          <div class="row">
            <button type="submit" class="primary">
              Start training
            </button>
            <button type="button" onClick={() => setDetails(undefined)}>
              Back
            </button>
          </div>
        </form>
      )}
      <ErrorBox error={error ?? datasets.error} />
    </div>
  );
}
