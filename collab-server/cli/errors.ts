import { ZodError } from 'zod';
import { DocVersionError, ProgrammeFileError, formatIssues } from '../../core/index.ts';
import {
  DataFolderError,
  ProgrammeExistsError,
  StoreVersionError,
  UnknownProgrammeError,
} from '../store/index.ts';

/** A mistake in what the user asked for: exit code 2, a message, nothing changed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;

const USER_ERRORS = [
  UsageError,
  ProgrammeFileError,
  StoreVersionError,
  DocVersionError,
  DataFolderError,
  ProgrammeExistsError,
  UnknownProgrammeError,
];

/**
 * Turns an error into the message and exit code the user sees. Anything we raised on purpose
 * about their input is exit 2 without a stack trace; anything else is a bug, exit 1 with one.
 */
export function describeError(e: unknown): { message: string; code: number } {
  if (e instanceof ZodError) {
    return {
      message: `Invalid input:\n${formatIssues(e)
        .map((l) => `  ${l}`)
        .join('\n')}`,
      code: EXIT_BAD_INPUT,
    };
  }
  if (
    e instanceof Error &&
    (USER_ERRORS.some((k) => e instanceof k) || (e as { userFacing?: boolean }).userFacing)
  ) {
    return { message: e.message, code: EXIT_BAD_INPUT };
  }
  if (e instanceof Error && e.name.endsWith('ExistsError'))
    return { message: e.message, code: EXIT_BAD_INPUT };
  return { message: e instanceof Error ? (e.stack ?? e.message) : String(e), code: EXIT_FAILURE };
}
