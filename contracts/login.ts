import { z } from '@hono/zod-openapi';
import { HttpStatusMessageResponse, Password, SuccessMessageResponse, Username } from './common.js';
import { UserResponse } from './users.js';

// 1.1 Login Access Token (application/x-www-form-urlencoded)
export const LoginAccessTokenForm = z
  .object({
    grant_type: z.string().optional(),
    username: z.string().min(1).max(64),
    password: Password,
    scope: z.string().optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  })
  .openapi('LoginAccessTokenForm');
export type LoginAccessTokenForm = z.infer<typeof LoginAccessTokenForm>;

const AccessToken = z.string().openapi({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' });
const TokenType = z.literal('bearer');
const ExpiresIn = z.number().int().positive().openapi({ description: 'Access-token lifetime in seconds', example: 900 });

// Adds refresh_token and expires_in to the seed's sample (Discrepancy 9: 1.3/1.4 need a refresh token).
export const LoginAccessTokenResponse = z
  .object({ access_token: AccessToken, token_type: TokenType, refresh_token: z.string(), expires_in: ExpiresIn })
  .openapi('LoginAccessTokenResponse');
export type LoginAccessTokenResponse = z.infer<typeof LoginAccessTokenResponse>;

// 1.2 Test Token
export const TestTokenResponse = UserResponse.openapi('TestTokenResponse');
export type TestTokenResponse = z.infer<typeof TestTokenResponse>;

// 1.3 Refresh Token
export const RefreshTokenQuery = z.object({ refresh_token: z.string().min(1) });
export type RefreshTokenQuery = z.infer<typeof RefreshTokenQuery>;

// Adds expires_in as in 1.1; refresh_token is present only when the server rotates it.
export const RefreshTokenResponse = z
  .object({
    access_token: AccessToken,
    token_type: TokenType,
    expires_in: ExpiresIn,
    refresh_token: z.string().optional(),
  })
  .openapi('RefreshTokenResponse');
export type RefreshTokenResponse = z.infer<typeof RefreshTokenResponse>;

// 1.4 Logout
export const LogoutQuery = z.object({ refresh_token: z.string().min(1) });
export type LogoutQuery = z.infer<typeof LogoutQuery>;

export const LogoutResponse = HttpStatusMessageResponse.openapi('LogoutResponse');
export type LogoutResponse = z.infer<typeof LogoutResponse>;

// 1.5 Reset Password (query parameters, as in the seed)
// `current_password` is not in the seed: required when a user changes their own password (a stolen access
// token alone must not be enough to take the account over), ignored for an administrator's reset of another user.
export const ResetPasswordQuery = z.object({
  user_name: Username,
  new_password: Password,
  current_password: z
    .string()
    .min(1)
    .max(256)
    .optional()
    .openapi({ format: 'password', description: 'Your current password; required to change your own password' }),
});
export type ResetPasswordQuery = z.infer<typeof ResetPasswordQuery>;

export const ResetPasswordResponse = HttpStatusMessageResponse.openapi('ResetPasswordResponse');
export type ResetPasswordResponse = z.infer<typeof ResetPasswordResponse>;

// 10.1 Validate Token
export const ValidateTokenResponse = SuccessMessageResponse.openapi('ValidateTokenResponse');
export type ValidateTokenResponse = z.infer<typeof ValidateTokenResponse>;
