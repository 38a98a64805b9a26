// What a process has used so far, read from /proc (Linux): the benches' CPU and memory figures per process.
import { readFileSync } from 'node:fs';

/** User + system CPU seconds a process has used so far (clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The same for a process and its living descendants (the API's processes under API_PROCESSES > 1). */
export function treeCpuSeconds(pid: number): number {
  let total = 0;
  const pending = [pid];
  for (let p = pending.pop(); p !== undefined; p = pending.pop()) {
    try {
      total += cpuSeconds(p);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (children) pending.push(...children.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  return total;
}
