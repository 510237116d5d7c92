/**
 * What the benchmarks read about the machine they run on: a process's CPU time (this process, or
 * the DynamoDB Local child whose pid local-cloud reports) and the load average, so each figure is
 * printed with what else was using the two cores.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ: the unit of utime/stime in /proc/<pid>/stat

/** utime + stime of a process, ms, from /proc; undefined when it cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the whole machine (all cores, every process; idle and iowait excluded), ms. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] as string;
  const [user = 0, nice = 0, system = 0, _idle, _iowait, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND) * 1000;
}

/** The 1, 5 and 15 minute load averages, e.g. "1.92 / 1.40 / 0.88". */
export function loadAverage(digits = 2, separator = ' / '): string {
  return loadavg()
    .map((value) => value.toFixed(digits))
    .join(separator);
}
