// What a process has used so far, read from /proc (Linux): the benches' CPU and memory figures per process.
import { readFileSync } from 'node:fs';

/** User + system CPU seconds a process has used so far (clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
