/** Bull queue of the SLA's delayed jobs: a warning or a breach check at the time it falls due. */
export const SLA_TIMERS_QUEUE = 'sla-timers';

export type SlaTimerKind = 'warn' | 'breach';

export interface SlaTimerJob {
  targetId: number;
  kind: SlaTimerKind;
  /** The time the job was planned for (epoch ms); the job id carries it, so a moved due time gets its own job. */
  at: number;
}
