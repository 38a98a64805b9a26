// The one workflowsPath: every workflow the worker registers.
export { lakeProbeWorkflow } from './lake-probe.js';
