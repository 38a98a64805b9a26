// A read-only client of the Iceberg REST catalog (OAuth2 client credentials), for the datalake endpoints (11.x).
// Names reach the catalog only as URL path segments, encoded, after the caller's ownership has been checked.
import type { Config } from '../../config/config.js';

export interface IcebergField {
  id: number;
  name: string;
  type: string | { type: string; [k: string]: unknown };
  required: boolean;
}

export interface IcebergTableMetadata {
  location: string;
  'last-updated-ms': number;
  'current-schema-id': number;
  schemas: Array<{ 'schema-id': number; fields: IcebergField[] }>;
  properties?: Record<string, string>;
  snapshots?: Array<{ 'snapshot-id': number; 'timestamp-ms': number }>;
  'current-snapshot-id'?: number | null;
}

export class CatalogError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The catalog did not answer (down, or slower than CATALOG_TIMEOUT_MS): the API answers 503. */
export class CatalogUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Iceberg catalog unreachable: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

const CATALOG_TIMEOUT_MS = 10_000;

/** fetch with a deadline; a network failure or timeout becomes CatalogUnavailableError. */
async function catalogFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(CATALOG_TIMEOUT_MS) });
  } catch (err) {
    throw new CatalogUnavailableError(err);
  }
}

export class IcebergCatalogClient {
  private token: { value: string; expires: number } | null = null;
  private prefix: Promise<string> | null = null;

  constructor(private readonly config: Config['iceberg']) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expires > Date.now()) return this.token.value;
    const [id, secret] = this.config.credential.split(':');
    const res = await catalogFetch(`${this.config.catalogUri}/v1/oauth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id ?? '', client_secret: secret ?? '', scope: 'catalog' }),
    });
    if (!res.ok) throw new CatalogError(502, `catalog authentication failed: HTTP ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in?: number };
    this.token = { value: body.access_token, expires: Date.now() + Math.max(30, (body.expires_in ?? 3600) - 60) * 1000 };
    return body.access_token;
  }

  private async get<T>(path: string): Promise<T> {
    const res = await catalogFetch(`${this.config.catalogUri}${path}`, {
      headers: { authorization: `Bearer ${await this.accessToken()}` },
    });
    if (res.status === 404) throw new CatalogError(404, 'not found in the catalog');
    if (!res.ok) throw new CatalogError(502, `catalog GET ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }

  private base(): Promise<string> {
    this.prefix ??= this.get<{ overrides?: Record<string, string>; defaults?: Record<string, string> }>(
      `/v1/config?warehouse=${encodeURIComponent(this.config.warehouse)}`,
    )
      .then((cfg) => {
        const p = cfg.overrides?.prefix ?? cfg.defaults?.prefix;
        return p ? `/v1/${encodeURIComponent(p).replace(/%2F/g, '/')}` : '/v1';
      })
      .catch((err) => {
        this.prefix = null;
        throw err;
      });
    return this.prefix;
  }

  async listNamespaces(): Promise<string[]> {
    const body = await this.get<{ namespaces: string[][] }>(`${await this.base()}/namespaces`);
    return body.namespaces.map((ns) => ns.join('.'));
  }

  async listTables(namespace: string): Promise<string[]> {
    const out: string[] = [];
    let pageToken: string | undefined;
    do {
      const q = pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : '';
      const body = await this.get<{ identifiers: Array<{ name: string }>; 'next-page-token'?: string | null }>(
        `${await this.base()}/namespaces/${encodeURIComponent(namespace)}/tables${q}`,
      );
      out.push(...(body.identifiers ?? []).map((i) => i.name));
      pageToken = body['next-page-token'] ?? undefined;
    } while (pageToken);
    return out;
  }

  async loadTable(namespace: string, table: string): Promise<IcebergTableMetadata> {
    const body = await this.get<{ metadata: IcebergTableMetadata }>(
      `${await this.base()}/namespaces/${encodeURIComponent(namespace)}/tables/${encodeURIComponent(table)}`,
    );
    return body.metadata;
  }
}

export function currentFields(meta: IcebergTableMetadata): IcebergField[] {
  const schema = meta.schemas.find((s) => s['schema-id'] === meta['current-schema-id']) ?? meta.schemas.at(-1);
  return schema?.fields ?? [];
}

/** Iceberg types in the SQL spelling of the contract's 11.3 sample (varchar, timestamp, boolean, double). */
export function sqlType(type: IcebergField['type']): string {
  if (typeof type !== 'string') return type.type; // struct, list, map
  const simple: Record<string, string> = {
    string: 'varchar',
    long: 'bigint',
    int: 'integer',
    double: 'double',
    float: 'real',
    boolean: 'boolean',
    date: 'date',
    timestamp: 'timestamp',
    timestamptz: 'timestamp with time zone',
    time: 'time',
    uuid: 'uuid',
    binary: 'varbinary',
  };
  return simple[type] ?? type;
}

export const isNumericType = (type: IcebergField['type']) =>
  typeof type === 'string' && (['int', 'long', 'float', 'double'].includes(type) || type.startsWith('decimal'));
