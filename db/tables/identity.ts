import type { ColumnType, Generated } from 'kysely';

// Identity: tenants, users, RBAC, sessions (refresh-token families), login attempts, platform secrets.

export interface TenantsTable {
  id: string; // uuid
  name: string;
  created_at: ColumnType<Date, never, never>;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: string;
  username: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  /** argon2id PHC string; never leaves the repository layer except for verification. */
  password_hash: string;
  is_active: Generated<boolean>;
  is_platform_admin: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface PermissionsTable {
  id: Generated<number>;
  tenant_id: string;
  name: string;
  builtin: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
}

export interface RolesTable {
  id: Generated<number>;
  tenant_id: string;
  name: string;
  builtin: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
}

export interface RolePermissionsTable {
  role_id: number;
  permission_id: number;
}

export interface UserRolesTable {
  user_id: number;
  role_id: number;
}

/** A login session: every refresh token rotated from one login shares its family; access tokens carry its id (`sid`). */
export interface TokenFamiliesTable {
  id: string; // uuid
  user_id: number;
  tenant_id: string;
  created_at: ColumnType<Date, never, never>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  id: Generated<number>;
  family_id: string;
  /** SHA-256 (hex) of the opaque token; the token itself is never stored. */
  token_hash: string;
  expires_at: Date;
  rotated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, never, never>;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string; // lower-cased
  client_ip: string | null;
  attempted_at: ColumnType<Date, Date | undefined, never>;
}

/** An address where an account logged in successfully: the address limits spare that account there. */
export interface LoginKnownAddressesTable {
  username: string; // lower-cased
  client_ip: string;
  last_success_at: ColumnType<Date, Date | undefined, Date>;
}

export interface PlatformSecretsTable {
  name: string;
  value: string;
  created_at: ColumnType<Date, never, never>;
}

export interface IdentityTables {
  tenants: TenantsTable;
  users: UsersTable;
  permissions: PermissionsTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  user_roles: UserRolesTable;
  token_families: TokenFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  login_attempts: LoginAttemptsTable;
  login_known_addresses: LoginKnownAddressesTable;
  platform_secrets: PlatformSecretsTable;
}
