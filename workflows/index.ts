// The one workflowsPath: every workflow the worker registers.
export { lakeProbeWorkflow } from './lake-probe.js';
export { uploadValidateWorkflow } from './upload-validate.js';
export { statisticsWorkflow } from './statistics.js';
export { lakeCleanupWorkflow } from './lake-cleanup.js';
export { datalakeColumnStatsWorkflow } from './datalake-column-stats.js';
export { trainWorkflow } from './train.js';
export { shapWorkflow } from './shap.js';
export { batchPredictWorkflow } from './batch-predict.js';
export { noopStepWorkflow } from './noop-step.js';
export { uploadSessionExpiryWorkflow } from './upload-session-expiry.js';
export { scheduledRetrainWorkflow } from './scheduled-retrain.js';
export { driftWorkflow, scheduledDriftWorkflow } from './drift.js';
export { webhookDeliveryWorkflow } from './webhook-delivery.js';
