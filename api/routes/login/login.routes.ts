import { createRoute } from '@hono/zod-openapi';
import {
  LoginAccessTokenForm,
  LoginAccessTokenResponse,
  LogoutQuery,
  LogoutResponse,
  RefreshTokenQuery,
  RefreshTokenResponse,
  ResetPasswordQuery,
  ResetPasswordResponse,
  TestTokenResponse,
} from '../../../contracts/login.js';
import { authenticatedRoute } from '../../auth/protected-route.js';
import { error } from '../openapi-responses.js';

export const accessToken = createRoute({
  method: 'post',
  path: '/api/v1/login/access-token',
  tags: ['Login'],
  summary: '1.1 Login Access Token',
  description:
    'OAuth2 password grant (form-encoded). Returns a short-lived JWT access token and an opaque refresh token. ' +
    'Failed logins are limited per username and per client address (429 with Retry-After).',
  request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: LoginAccessTokenForm } } } },
  responses: {
    200: { description: 'Tokens', content: { 'application/json': { schema: LoginAccessTokenResponse } } },
    401: error('Incorrect username or password, or inactive user'),
    422: error('Missing username or password'),
    429: error('Too many failed attempts (see Retry-After)'),
  },
});

export const testToken = authenticatedRoute({
  method: 'post',
  path: '/api/v1/login/test-token',
  tags: ['Login'],
  summary: '1.2 Test Token',
  description: 'The user the bearer token belongs to.',
  responses: { 200: { description: 'The current user', content: { 'application/json': { schema: TestTokenResponse } } } },
});

export const refreshToken = createRoute({
  method: 'post',
  path: '/api/v1/refresh',
  tags: ['Login'],
  summary: '1.3 Refresh Token',
  description:
    'Exchanges a refresh token for a new access token and a new refresh token (rotation: the old one is spent). ' +
    'Presenting a spent refresh token revokes the whole session.',
  request: { query: RefreshTokenQuery },
  responses: {
    200: { description: 'New tokens', content: { 'application/json': { schema: RefreshTokenResponse } } },
    401: error('Unknown, spent, expired or revoked refresh token'),
  },
});

export const logout = createRoute({
  method: 'post',
  path: '/api/v1/logout',
  tags: ['Login'],
  summary: '1.4 Logout',
  description: 'Revokes the session of the refresh token: the refresh token and its access tokens stop working.',
  request: { query: LogoutQuery },
  responses: {
    200: { description: 'Logged out', content: { 'application/json': { schema: LogoutResponse } } },
    401: error('Unknown refresh token'),
  },
});

export const resetPassword = authenticatedRoute({
  method: 'post',
  path: '/api/v1/reset-password',
  tags: ['Login'],
  summary: '1.5 Reset Password',
  description:
    'Deviation from the seed: requires a bearer token. Any user may change their own password, giving the current one ' +
    "in `current_password` (wrong attempts count as failed logins); resetting another user's needs `can_manage_users` " +
    'and the same tenant (the platform administrator: any tenant). Other sessions of the user are revoked.',
  request: { query: ResetPasswordQuery },
  responses: {
    200: { description: 'Password reset', content: { 'application/json': { schema: ResetPasswordResponse } } },
    403: error('Missing can_manage_users for another user, or a wrong current password for your own'),
    404: error("No such user in the caller's tenant"),
    422: error('Password policy not met, or current_password missing for your own password'),
    429: error('Too many wrong current passwords (see Retry-After)'),
  },
});
