// The console's shell: who is signed in (name, tenant, roles), the navigation the user's permissions allow,
// and the page for the current path.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { can, loadMe, me, refreshNow, signOut } from './api.js';
import { AdminPage } from './pages/admin.js';
import { DatasetPage } from './pages/dataset.js';
import { DatasetsPage } from './pages/datasets.js';
import { JobsPage } from './pages/jobs.js';
import { ModelPage } from './pages/model.js';
import { SignInPage } from './pages/signin.js';
import { TemplatesPage } from './pages/templates.js';
import { TrainingPage } from './pages/training.js';
import { navigate, useLocation, useSignal } from './state.js';
import { ErrorBox, Link, Loading } from './ui.js';

const NAV = [
  { href: '/datasets', label: 'Datasets', permission: 'can_read_datasets' },
  { href: '/templates', label: 'Templates', permission: 'can_read_templates' },
  { href: '/training', label: 'Training', permission: 'can_read_models' },
  { href: '/jobs', label: 'Jobs', permission: 'can_read_jobs' },
  { href: '/admin', label: 'Admin', permission: 'can_manage_roles' },
];

const ROUTES: [RegExp, (m: RegExpMatchArray) => JSX.Element][] = [
  [/^\/datasets$/, () => <DatasetsPage />],
  [/^\/datasets\/(\d+)$/, (m) => <DatasetPage id={Number(m[1])} />],
  [/^\/templates$/, () => <TemplatesPage />],
  [/^\/training$/, () => <TrainingPage />],
  [/^\/training\/(\d+)$/, (m) => <ModelPage id={Number(m[1])} />],
  [/^\/jobs$/, () => <JobsPage />],
  [/^\/admin$/, () => <AdminPage />],
];

function Page({ path }: { path: string }) {
  for (const [re, page] of ROUTES) {
    const m = path.match(re);
    if (m) return page(m);
  }
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link href="/datasets">Go to datasets</Link>.
      </p>
    </section>
  );
}

export function App() {
  const user = useSignal(me);
  const { path } = useLocation();
  const [error, setError] = useState<unknown>();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    loadMe().catch(setError);
  }, []);
  useEffect(() => {
    if (user && path === '/') navigate(NAV.find((n) => can(n.permission))?.href ?? '/datasets');
    setMenuOpen(false);
  }, [user, path]);

  if (error) return <ErrorBox error={error} />;
  if (user === undefined) return <Loading />;
  if (user === null) return <SignInPage />;

  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username;
  return (
    <div class="shell">
      <header class="top">
        <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <strong class="brand">Data ML Platform</strong>
        <nav id="nav" class={menuOpen ? 'open' : ''} aria-label="Main">
          {NAV.filter((n) => user.permissions.includes(n.permission)).map((n) => (
            <Link href={n.href} class={path.startsWith(n.href) ? 'active' : ''}>
              {n.label}
            </Link>
          ))}
        </nav>
        <div class="who" data-testid="who">
          <span>{name}</span>
          <span class="muted">tenant {user.tenant_id}</span>
          <span class="muted">{user.roles.join(', ') || 'no role'}</span>
          <button type="button" onClick={() => refreshNow().then(loadMe).catch(setError)} title="Refresh the session token">
            Refresh
          </button>
          <button type="button" onClick={() => signOut().then(() => navigate('/'))}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        <Page path={path} />
      </main>
    </div>
  );
}
