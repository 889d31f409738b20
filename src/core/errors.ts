// Typed errors with stable codes for infrastructure faults and usage mistakes (not for bad articles).

export const ErrorCodes = {
  PX100: 'usage',
  PX101: 'input-not-found',
  PX102: 'input-unreadable',
  PX200: 'store-open-failed',
  PX201: 'store-migration-failed',
  PX202: 'store-locked',
  PX300: 'pipeline-invalid',
  PX400: 'report-invalid',
  PX404: 'not-found',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'ParallaxError';
    this.code = code;
  }
}
