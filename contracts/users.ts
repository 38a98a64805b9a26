import { z } from '@hono/zod-openapi';
import { PageFields } from './paging.js';
import { IdParam, IntId, Password, TenantId, Username } from './common.js';

// 2.1 Create User
export const CreateUserBody = z
  .object({
    tenant_id: TenantId,
    first_name: z.string().max(100).optional(),
    last_name: z.string().max(100).optional(),
    email: z.email().max(254).openapi({ example: 'jane.doe@example.com' }),
    username: Username,
    password: Password,
  })
  .openapi('CreateUserBody');
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** A user as returned by the API. Never carries the password: parsing a row with this schema strips it. */
export const UserResponse = z
  .object({
    id: IntId,
    tenant_id: TenantId,
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string(),
    username: z.string(),
    is_active: z.boolean(),
  })
  .openapi('UserResponse');
export type UserResponse = z.infer<typeof UserResponse>;

// The seed gives no 2.1 response; the created user is returned (201).
export const CreateUserResponse = UserResponse.openapi('CreateUserResponse');
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;

// 2.2 Read Users
export const ReadUsersResponse = z
  .object({ data: z.array(UserResponse), count: z.number().int().nonnegative(), ...PageFields })
  .openapi('ReadUsersResponse');
export type ReadUsersResponse = z.infer<typeof ReadUsersResponse>;

// 2.3 Retrieve User by ID
export const UserIdParams = z.object({
  user_id: IdParam.openapi({ param: { name: 'user_id', in: 'path' }, example: 1 }),
});
export type UserIdParams = z.infer<typeof UserIdParams>;

export const GetUserResponse = UserResponse.openapi('GetUserResponse');
export type GetUserResponse = z.infer<typeof GetUserResponse>;
