// The Data ML Platform TypeScript SDK. `new DatamlClient({ baseUrl })`, then `login`, the typed `api` for every
// endpoint, and the helpers for uploads and jobs. See docs/clients.md.
export { DatamlClient, type ClientOptions, type JobKind, type Schemas, type UploadDatasetQuery, type UploadOptions } from './client.js';
export type { Tokens } from './auth.js';
export { ApiError, unwrap } from './errors.js';
export { ENDED_STATUSES, JobWaitTimeout, type Job, type JobStatus, type WaitOptions } from './jobs.js';
export type { UploadProgress, UploadSource } from './upload.js';
export { SESSION_THRESHOLD_BYTES } from './session-upload.js';
export type { components, paths } from './schema.js';
