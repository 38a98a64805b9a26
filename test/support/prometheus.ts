// Reading Prometheus text in tests: the sum of a metric's samples whose labels include the given ones.
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const open = line.indexOf('{');
    const close = line.lastIndexOf('}');
    const own = new Map<string, string>();
    if (open === name.length) {
      for (const m of line.slice(open + 1, close).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) own.set(m[1]!, m[2]!);
    }
    if (Object.entries(labels).every(([k, v]) => own.get(k) === v)) sum += Number(line.slice((close > 0 ? close : name.length) + 1).trim());
  }
  return sum;
}
