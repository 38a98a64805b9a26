// The pieces every route declaration repeats: a JSON body with its schema, and an error response (the one error
// shape of api/errors.ts) with its description.
import { ErrorResponse } from '../../contracts/common.js';

export const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const error = (description: string) => ({ description, content: json(ErrorResponse) });
