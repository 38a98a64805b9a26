import { protectedRoute } from '../../auth/protected-route.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { CreateUserBody, CreateUserResponse, GetUserResponse, ReadUsersResponse, UserIdParams } from '../../../contracts/users.js';
import { ListPageQuery } from '../../../contracts/paging.js';
import { error } from '../openapi-responses.js';

export const createUser = protectedRoute(PERMISSIONS.manageUsers, {
  method: 'post',
  path: '/api/v1/users/create-user',
  tags: ['Users'],
  summary: '2.1 Create User',
  description:
    'Creates a user in `tenant_id`. A tenant administrator may only create users in their own tenant; the platform ' +
    'administrator may create users in any tenant, creating the tenant on first use. The first user of a tenant ' +
    'gets the `admin` role, later ones `viewer`.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateUserBody } } } },
  responses: {
    201: { description: 'The created user', content: { 'application/json': { schema: CreateUserResponse } } },
    403: error("Missing can_manage_users, or tenant_id is not the caller's tenant"),
    409: error('Username or email already taken'),
    422: error('Invalid body (e.g. email)'),
  },
});

export const readUsers = protectedRoute(PERMISSIONS.readUsers, {
  method: 'get',
  path: '/api/v1/users/read-users/',
  tags: ['Users'],
  summary: '2.2 Read Users',
  description:
    "The caller's tenant's users, paged by id (`limit`, `offset`, keyset cursor `after`); `count` is how many there are " +
    'in all. Without parameters the first 1000 users, as the seed.',
  request: { query: ListPageQuery },
  responses: { 200: { description: 'Users', content: { 'application/json': { schema: ReadUsersResponse } } } },
});

export const getUser = protectedRoute(PERMISSIONS.readUsers, {
  method: 'get',
  path: '/api/v1/users/{user_id}',
  tags: ['Users'],
  summary: '2.3 Retrieve User by ID',
  request: { params: UserIdParams },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: GetUserResponse } } },
    404: error("No such user in the caller's tenant"),
  },
});
