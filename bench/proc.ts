// What a process has used so far, read from /proc (Linux): the benches' CPU and memory figures per process.
import { readFileSync } from 'node:fs';

/** User + system CPU seconds a process has used so far (clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A process and its living descendants (the API's processes under API_PROCESSES > 1). */
export function processTree(pid: number): number[] {
  const found: number[] = [];
  const pending = [pid];
  for (let p = pending.pop(); p !== undefined; p = pending.pop()) {
    try {
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      found.push(p);
      if (children) pending.push(...children.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  return found;
}

const sumOver = (pids: number[], f: (pid: number) => number) =>
  pids.reduce((total, p) => {
    try {
      return total + f(p);
    } catch {
      return total; // gone meanwhile
    }
  }, 0);

/** CPU seconds of a process and its living descendants. */
export const treeCpuSeconds = (pid: number): number => sumOver(processTree(pid), cpuSeconds);

/** Resident memory (KiB) of a process and its living descendants. */
export const treeRssKb = (pid: number): number =>
  sumOver(processTree(pid), (p) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0));
