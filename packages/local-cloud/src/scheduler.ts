import { systemClock } from '@jingzhun/platform/clock';
import { type CronSchedule, cronMatches, parseCron } from '@jingzhun/platform/cron';
import type { JobInvocation } from '@jingzhun/platform/jobs';
import { lambdaContext, loadHandler } from './lambda-context.js';

export interface ScheduledJob {
  service: string;
  name: string;
  schedule: string;
  path: string;
  exportName: string;
  functionName: string;
  onlyOn?: 'first-working-day';
}

export interface JobRun {
  service: string;
  job: string;
  scheduledTime: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * The local adapter for EventBridge Scheduler: checks every job's cron (Asia/Shanghai) once a
 * minute and invokes its handler with the payload the cloud schedule sends.
 */
export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private readonly parsed: { job: ScheduledJob; cron: CronSchedule }[];
  readonly history: JobRun[] = [];
  private lastMinute = -1;

  constructor(private readonly jobs: ScheduledJob[]) {
    this.parsed = jobs.map((job) => ({ job, cron: parseCron(job.schedule) }));
  }

  start(): void {
    const tick = () => {
      const now = systemClock.now();
      const minute = Math.floor(now.getTime() / 60_000);
      if (minute !== this.lastMinute) {
        this.lastMinute = minute;
        for (const { job, cron } of this.parsed) {
          if (!cronMatches(cron, now)) continue;
          // As the cloud schedule does: a WD1 job is told so and skips the other days itself.
          void this.run(job.service, job.name, { scheduledTime: new Date(minute * 60_000).toISOString(), ...(job.onlyOn ? { onlyOn: job.onlyOn } : {}) });
        }
      }
      this.timer = setTimeout(tick, 1000);
    };
    this.timer = setTimeout(tick, 1000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  find(service: string, name: string): ScheduledJob | undefined {
    return this.jobs.find((job) => job.service === service && job.name === name);
  }

  async run(service: string, name: string, input: Omit<JobInvocation, 'job'> = {}): Promise<JobRun> {
    const job = this.find(service, name);
    if (!job) throw new Error(`no job ${service}/${name}`);
    const scheduledTime = input.scheduledTime ?? systemClock.now().toISOString();
    const run: JobRun = { service, job: name, scheduledTime, ok: false };
    try {
      const handler = await loadHandler(job.path, job.exportName);
      run.result = await handler({ ...input, job: name, scheduledTime }, lambdaContext(job.functionName, `${name}-${scheduledTime}`));
      run.ok = true;
    } catch (error) {
      run.error = String(error);
      console.error(`[scheduler] ${service}/${name} failed:`, error);
    }
    this.history.push(run);
    if (this.history.length > 500) this.history.shift();
    return run;
  }
}
