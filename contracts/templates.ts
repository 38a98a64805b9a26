import { z } from '@hono/zod-openapi';
import { PageFields } from './paging.js';
import { IdParam, IntId, Name, StatusCodeMessageResponse, TenantId, Timestamp } from './common.js';

export const TemplateDataType = z.enum(['String', 'Integer', 'Float', 'Boolean', 'Date', 'DateTime']);
export type TemplateDataType = z.infer<typeof TemplateDataType>;

// default_value also accepts null: 5.4's response echoes `"default_value": null`, so a schema read
// back from the API must be re-submittable. Whether the default fits data_type is checked by the
// server (see checkDefaultValue in template-types.ts).
export const TemplateColumnInput = z.object({
  column_name: z.string().trim().min(1).max(255).openapi({ example: 'CustomerID' }),
  data_type: TemplateDataType,
  default_value: z.string().nullable().optional().openapi({ example: 'CUST-0000' }),
  // Not in the seed: whether an empty cell is accepted (stored as null) when there is no default.
  nullable: z.boolean().optional().openapi({ description: 'Empty cells allowed (null) when no default; default false' }),
});
export type TemplateColumnInput = z.infer<typeof TemplateColumnInput>;

/** Column list whose names are unique case-insensitively; a duplicate is reported at its own path. */
export const TemplateSchemaInput = z.array(TemplateColumnInput).superRefine((columns, ctx) => {
  const seen = new Map<string, number>();
  columns.forEach((col, i) => {
    const key = col.column_name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'column_name'],
        message: `duplicate column name "${col.column_name}" (same as column ${first}, "${columns[first]!.column_name}", ignoring case)`,
      });
  });
});

export const TemplateColumn = z
  .object({
    column_name: z.string(),
    data_type: TemplateDataType,
    default_value: z.string().nullable(),
    nullable: z.boolean().optional().openapi({ description: 'Not in the seed; always present in responses' }),
  })
  .openapi('TemplateColumn');
export type TemplateColumn = z.infer<typeof TemplateColumn>;

const Version = z.number().int().positive().openapi({ description: 'Template version, 1 on creation, +1 per update' });

// 5.1 Create Template (template_schema omitted = a template with no columns)
export const CreateTemplateBody = z
  .object({
    template_name: Name.openapi({ example: 'Telecom Customer Usage' }),
    template_schema: TemplateSchemaInput.optional(),
  })
  .openapi('CreateTemplateBody');
export type CreateTemplateBody = z.infer<typeof CreateTemplateBody>;

// Adds `version` (templates are versioned).
export const CreateTemplateResponse = z
  .object({ status: z.number().int().openapi({ example: 201 }), message: z.string(), id: IntId, version: Version })
  .openapi('CreateTemplateResponse');
export type CreateTemplateResponse = z.infer<typeof CreateTemplateResponse>;

// 5.2 Get All Templates — rows add `version`.
export const TemplateSummary = z
  .object({
    template_name: z.string(),
    id: IntId,
    tenant_id: TenantId,
    no_of_columns: z.number().int().nonnegative(),
    created_by: z.string(),
    created_at: Timestamp,
    modified_at: Timestamp,
    modified_by: z.string(),
    version: Version,
  })
  .openapi('TemplateSummary');
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const GetAllTemplatesResponse = z
  .object({ total: z.number().int().nonnegative(), data: z.array(TemplateSummary), ...PageFields })
  .openapi('GetAllTemplatesResponse');
export type GetAllTemplatesResponse = z.infer<typeof GetAllTemplatesResponse>;

// 5.3 Get Template / 5.4 Update / 5.5 Delete
export const TemplateIdParams = z.object({
  template_id: IdParam.openapi({ param: { name: 'template_id', in: 'path' }, example: 1 }),
});
export type TemplateIdParams = z.infer<typeof TemplateIdParams>;

export const GetTemplateResponse = TemplateSummary.extend({ template_schema: z.array(TemplateColumn) }).openapi('GetTemplateResponse');
export type GetTemplateResponse = z.infer<typeof GetTemplateResponse>;

// 5.4 Update Template (template_schema omitted = columns unchanged, only the name changes)
export const UpdateTemplateBody = z
  .object({
    template_name: Name.openapi({ example: 'Telecom Customer Usage V2' }),
    template_schema: TemplateSchemaInput.optional(),
  })
  .openapi('UpdateTemplateBody');
export type UpdateTemplateBody = z.infer<typeof UpdateTemplateBody>;

// Adds `version` (the new version after the update).
export const UpdateTemplateResponse = z
  .object({ template_name: z.string(), template_schema: z.array(TemplateColumn), version: Version })
  .openapi('UpdateTemplateResponse');
export type UpdateTemplateResponse = z.infer<typeof UpdateTemplateResponse>;

// 5.5 Delete Template
export const DeleteTemplateResponse = StatusCodeMessageResponse.openapi('DeleteTemplateResponse');
export type DeleteTemplateResponse = z.infer<typeof DeleteTemplateResponse>;
