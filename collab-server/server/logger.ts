/** One structured log entry: `event` names what happened; never tokens, codes or note text. */
export type LogEntry = Record<string, unknown> & { event: string };
export type LogSink = (entry: Record<string, unknown>) => void;

/** JSON lines on stdout, the shape log collectors expect. */
export const stdoutSink: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export class Logger {
  constructor(private readonly sink: LogSink) {}

  info(event: string, fields: Record<string, unknown> = {}): void {
    this.sink({ at: new Date().toISOString(), level: 'info', event, ...fields });
  }

  warn(event: string, fields: Record<string, unknown> = {}): void {
    this.sink({ at: new Date().toISOString(), level: 'warn', event, ...fields });
  }

  error(event: string, fields: Record<string, unknown> = {}): void {
    this.sink({ at: new Date().toISOString(), level: 'error', event, ...fields });
  }
}
