import {
  AliasParams,
  DeleteAliasResponse,
  ListAliasEventsResponse,
  ListAliasesResponse,
  PredictorParams,
  SetAliasBody,
  SetAliasResponse,
} from '../../../contracts/aliases.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { protectedRoute } from '../../auth/protected-route.js';
import { error, json } from '../openapi-responses.js';

const tags = ['Model aliases'];
const base = '/api/v1/predictors/{predictor_name}';

export const listAliases = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: `${base}/aliases`,
  tags,
  summary: 'List the aliases of a predictor',
  description:
    'Each alias names one version (train_id) of the predictor. 9.1, 9.2, 9.3 and 9.4 accept `ref` (`<predictor_name>@<alias>`) ' +
    'wherever they take a train_id.',
  request: { params: PredictorParams },
  responses: {
    200: { description: 'The aliases', content: json(ListAliasesResponse) },
    404: error('No such predictor in your tenant'),
  },
});

export const setAlias = protectedRoute(PERMISSIONS.manageAliases, {
  method: 'put',
  path: `${base}/aliases/{alias}`,
  tags,
  summary: 'Set or move an alias',
  description:
    'Points the alias at a Completed version of the same predictor (creates it, or moves it). Recorded with who, when and ' +
    "from → to (GET …/alias-history). Every API process serves the new version within the change feed's delivery time; each " +
    'loads the new model before switching, so requests in flight keep being answered.',
  request: { params: AliasParams, body: { required: true, content: json(SetAliasBody) } },
  responses: {
    200: { description: 'The alias now points at train_id', content: json(SetAliasResponse) },
    404: error('No such predictor or training in your tenant'),
    409: error('The training is not Completed'),
    422: error('Invalid alias name, or the training is a version of another predictor'),
  },
});

export const deleteAlias = protectedRoute(PERMISSIONS.manageAliases, {
  method: 'delete',
  path: `${base}/aliases/{alias}`,
  tags,
  summary: 'Delete an alias',
  description: 'Requests naming it answer 404 afterwards. Recorded in the alias history.',
  request: { params: AliasParams },
  responses: {
    200: { description: 'Deleted', content: json(DeleteAliasResponse) },
    404: error('No such predictor or alias in your tenant'),
  },
});

export const aliasHistory = protectedRoute(PERMISSIONS.readModels, {
  method: 'get',
  path: `${base}/alias-history`,
  tags,
  summary: 'History of the aliases of a predictor',
  description: 'Every set, move and delete, newest first (at most 1000): who, when, from which version to which, and why.',
  request: { params: PredictorParams },
  responses: {
    200: { description: 'The changes', content: json(ListAliasEventsResponse) },
    404: error('No such predictor in your tenant'),
  },
});
