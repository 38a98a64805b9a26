// A minimal observable value and the console's router (History API: the API serves index.html for every
// console path, so a reload or a shared link opens the same page).
import { useEffect, useState } from 'preact/hooks';

export interface Signal<T> {
  get(): T;
  set(v: T): void;
  subscribe(fn: (v: T) => void): () => void;
}

export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const subs = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(v) {
      value = v;
      for (const fn of subs) fn(v);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

export function useSignal<T>(s: Signal<T>): T {
  const [v, setV] = useState(s.get());
  useEffect(() => {
    setV(s.get());
    return s.subscribe(setV);
  }, [s]);
  return v;
}

const location$ = signal(location.pathname + location.search);
addEventListener('popstate', () => location$.set(location.pathname + location.search));

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  location$.set(to);
  scrollTo(0, 0);
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const loc = useSignal(location$);
  const [path, qs = ''] = loc.split('?');
  return { path: path || '/', query: new URLSearchParams(qs) };
}
