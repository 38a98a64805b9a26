import { createRouter } from '../../openapi-hono.js';
import { createUserHandler, getUserHandler, readUsersHandler } from './users.handlers.js';
import { createUser, getUser, readUsers } from './users.routes.js';

// read-users/ is registered before {user_id} so that the literal path wins.
export const usersRouter = createRouter()
  .openapi(createUser, createUserHandler)
  .openapi(readUsers, readUsersHandler)
  .openapi(getUser, getUserHandler);
