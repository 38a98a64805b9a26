// Templates: the list with versions, and one editor for creating a template or editing its columns (each
// update makes a new version, 5.4).
import { useState } from 'preact/hooks';
import { api, can, type Schemas, unwrap } from '../api.js';
import { Empty, ErrorBox, Field, type FormEvent, fmtDate, Loading, Table, useLoad } from '../ui.js';

type Column = Schemas['TemplateColumn'];
const TYPES: Column['data_type'][] = ['String', 'Integer', 'Float', 'Boolean', 'Date', 'DateTime'];

export function TemplatesPage() {
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/template/list')), []);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const canManage = can('can_manage_templates');
  return (
    <section>
      <h1>Templates</h1>
      {canManage && editing === null && (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          New template
        </button>
      )}
      {editing !== null && (
        <TemplateEditor
          id={editing === 'new' ? undefined : editing}
          onClose={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.data.length ? (
        <Empty>No templates yet. Create one, or upload a dataset and let a template be inferred.</Empty>
      ) : (
        <Table
          caption="Templates"
          rows={list.data.data}
          rowKey={(t) => t.id}
          columns={[
            { label: 'Name', cell: (t) => t.template_name },
            { label: 'Version', cell: (t) => `v${t.version}`, class: 'num' },
            { label: 'Columns', cell: (t) => t.no_of_columns, class: 'num' },
            { label: 'Modified', cell: (t) => `${fmtDate(t.modified_at)} by ${t.modified_by}` },
            {
              label: 'Actions',
              cell: (t) =>
                canManage ? (
                  <button type="button" onClick={() => setEditing(t.id)}>
                    Edit columns
                  </button>
                ) : (
                  <span class="muted">read only</span>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

function TemplateEditor({ id, onClose }: { id?: number; onClose: () => void }) {
  const existing = useLoad(
    async () => (id ? unwrap(await api.GET('/api/v1/template/{template_id}', { params: { path: { template_id: id } } })) : undefined),
    [id],
  );
  const [cols, setCols] = useState<Column[] | null>(null);
  const [error, setError] = useState<unknown>();
  const columns = cols ?? existing.data?.template_schema ?? [{ column_name: '', data_type: 'String', default_value: null }];
  const update = (i: number, patch: Partial<Column>) => setCols(columns.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get('template_name'));
    const template_schema = columns.map((c) => ({ ...c, default_value: c.default_value || null }));
    setError(undefined);
    try {
      if (id)
        unwrap(
          await api.PUT('/api/v1/template/update/{template_id}', {
            params: { path: { template_id: id } },
            body: { template_name: name, template_schema },
          }),
        );
      else unwrap(await api.POST('/api/v1/template/', { body: { template_name: name, template_schema } }));
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  if (id && existing.loading) return <Loading />;
  return (
    <form class="card" onSubmit={save} aria-label={id ? 'Edit template' : 'New template'}>
      <h2>
        {id
          ? `Edit ${existing.data?.template_name} (v${existing.data?.version}; saving makes v${(existing.data?.version ?? 0) + 1})`
          : 'New template'}
      </h2>
      <Field label="Template name">
        <input name="template_name" required defaultValue={existing.data?.template_name} />
      </Field>
      <div class="table-wrap">
        <table>
          <caption>Columns</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Default</th>
              <th scope="col">Nullable</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              <tr>
                <td>
                  <input
                    aria-label={`Column ${i + 1} name`}
                    value={c.column_name}
                    required
                    onInput={(e) => update(i, { column_name: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Column ${i + 1} type`}
                    value={c.data_type}
                    onChange={(e) => update(i, { data_type: e.currentTarget.value as Column['data_type'] })}
                  >
                    {TYPES.map((t) => (
                      <option>{t}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Column ${i + 1} default`}
                    value={c.default_value ?? ''}
                    onInput={(e) => update(i, { default_value: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Column ${i + 1} nullable`}
                    checked={Boolean(c.nullable)}
                    onChange={(e) => update(i, { nullable: e.currentTarget.checked })}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setCols(columns.filter((_, j) => j !== i))} aria-label={`Remove column ${i + 1}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="row">
        <button type="button" onClick={() => setCols([...columns, { column_name: '', data_type: 'String', default_value: null }])}>
          Add column
        </button>
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ErrorBox error={error ?? existing.error} />
    </form>
  );
}
