// The built-in permissions, named in the contract's style. Every route declares exactly one. A route that starts
// a workflow or Ray work declares one that is not a `can_read_*` permission (route-permissions test).
export const PERMISSIONS = {
  // identity
  manageUsers: 'can_manage_users',
  readUsers: 'can_read_users',
  manageRoles: 'can_manage_roles',
  // data
  readTemplates: 'can_read_templates',
  manageTemplates: 'can_manage_templates',
  deleteTemplate: 'can_delete_template',
  readDatasets: 'can_read_datasets',
  uploadDataset: 'can_upload_dataset',
  deleteDataset: 'can_delete_dataset',
  readDatalake: 'can_read_datalake',
  /** Starting statistics jobs on Ray (6.7, 11.5, 11.6): compute, so never part of a read-only role. */
  computeStatistics: 'can_compute_statistics',
  // training
  readModels: 'can_read_models',
  trainModels: 'can_train_models',
  deleteModel: 'can_delete_model',
  manageJobs: 'can_manage_jobs',
  /** Seeing the tenant's job workflows and their progress (GET /api/v1/jobs…); cancelling needs can_manage_jobs. */
  readJobs: 'can_read_jobs',
  // inference
  predict: 'can_predict',
  // model lifecycle (issue 15)
  /** Setting, moving and deleting a predictor's aliases: changes what every caller of an alias is served. */
  manageAliases: 'can_manage_aliases',
  /** Downloading a version's artifacts (the fitted pipeline leaves the platform with them). */
  exportModels: 'can_export_models',
  /** Creating, pausing, resuming, triggering and deleting retraining schedules: they start trainings on their own. */
  scheduleTraining: 'can_schedule_training',
  /** Starting drift runs and creating or deleting drift schedules: each run is a Ray job over the tenant's data. */
  monitorDrift: 'can_monitor_drift',
  /** Registering, changing and deleting webhooks, and reading their deliveries: they send the tenant's events out. */
  manageWebhooks: 'can_manage_webhooks',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

/** Built-in roles and what they may do; tenants add their own with 3.1 / 3.2. */
export const BUILTIN_ROLES: Record<'admin' | 'data_scientist' | 'viewer', readonly Permission[]> = {
  admin: ALL_PERMISSIONS,
  // Webhooks send the tenant's events to outside URLs: an administrator's decision, like users and roles.
  data_scientist: ALL_PERMISSIONS.filter((p) => p !== 'can_manage_users' && p !== 'can_manage_roles' && p !== 'can_manage_webhooks'),
  viewer: ['can_read_users', 'can_read_templates', 'can_read_datasets', 'can_read_datalake', 'can_read_models', 'can_read_jobs'],
};
