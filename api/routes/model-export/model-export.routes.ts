import { ExportParams } from '../../../contracts/aliases.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error } from '../openapi-responses.js';

export const exportModel = protectedRoute(PERMISSIONS.exportModels, {
  method: 'get',
  path: '/api/v1/models/{train_id}/export',
  tags: ['Model export'],
  summary: "Download a trained version's artifacts",
  description:
    'One `.tar.gz` streamed from S3, in a folder `<predictor>-v<version>/`: `model-card.json` (features and types, target, ' +
    'metrics, data snapshot, library versions, workflow id; format `dataml-model-card/1`), `model.joblib` (the fitted ' +
    'Python pipeline; loading it needs the `dataml_jobs` package), `model.onnx` when the version has an ONNX copy, and ' +
    "the training job's `metadata.json`. `train_id` may be `<predictor_name>@<alias>`.",
  request: { params: ExportParams },
  responses: {
    200: { description: 'The archive', content: { 'application/gzip': { schema: { type: 'string', format: 'binary' } } } },
    404: error('No such model (training) or alias in your tenant'),
    409: error('The version is not Completed, or has no stored artifact'),
  },
});
