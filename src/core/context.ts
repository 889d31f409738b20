// What every stage receives: a logger and the clock, so output is deterministic.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string): void;
}

export const silentLogger: Logger = { log: () => undefined };

export interface Context {
  readonly logger: Logger;
  /** Injected clock; stages never call Date.now() themselves. */
  readonly now: () => Date;
}

export function createContext(options: Partial<Context> = {}): Context {
  return {
    logger: options.logger ?? silentLogger,
    now: options.now ?? (() => new Date(0)),
  };
}
