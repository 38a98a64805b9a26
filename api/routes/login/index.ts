import { createRouter } from '../../openapi-hono.js';
import { accessTokenHandler, logoutHandler, refreshHandler, resetPasswordHandler, testTokenHandler } from './login.handlers.js';
import { accessToken, logout, refreshToken, resetPassword, testToken } from './login.routes.js';

export const loginRouter = createRouter()
  .openapi(accessToken, accessTokenHandler)
  .openapi(testToken, testTokenHandler)
  .openapi(refreshToken, refreshHandler)
  .openapi(logout, logoutHandler)
  .openapi(resetPassword, resetPasswordHandler);
