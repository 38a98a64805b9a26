// A template as template/list (5.2) and get-template (5.3) show it, without its schema.
import type { TemplateSummaryRecord } from '../../db/repositories/templates.js';

const iso = (d: Date) => d.toISOString();

export function summary(t: TemplateSummaryRecord) {
  return {
    template_name: t.template_name,
    id: t.id,
    tenant_id: t.tenant_id,
    no_of_columns: t.no_of_columns,
    created_by: t.created_by,
    created_at: iso(t.created_at),
    modified_at: iso(t.modified_at),
    modified_by: t.modified_by,
    version: t.version,
  };
}
