/** A sub-command of `meetgrid`. `run` returns the exit code: 0 success, 1 a failure to report, 2 bad usage or input. */
export interface Command {
  readonly summary: string;
  run(args: readonly string[]): Promise<number>;
}
