// An HTTP error a handler throws: the app turns it into `{error:{code,message}}` with its status.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ErrorCode } from './guards.js';

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Validates query or path parameters; the 400 names the parameter and what it must be. */
export function parseParams<S extends z.ZodType>(schema: S, input: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => {
      const name = issue.path.join('.') || 'parameter';
      return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    })
    .join('; ');
  throw new ApiError(400, 'bad-request', message);
}
