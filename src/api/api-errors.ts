import { AgendaValidationError } from '../app/agenda/save-agenda';
import { RecapValidationError } from '../app/recap/recap-errors';
import { isStoreConflict } from '../app/store-conflict';
import { CareerError } from '../core/errors';
import { HttpError } from '../server/http/http-error';
import { statusForCareerError } from '../server/http/http-server';
import type { ApiProblem } from './contract/api-types';

export function problemOf(error: CareerError): ApiProblem {
  return { field: error.field ?? null, code: error.code, message: error.message };
}

/** Product refusals as HTTP errors, with every field problem listed in `details.problems`. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof AgendaValidationError || error instanceof RecapValidationError) {
    const problems = error.problems.map(problemOf);
    return new HttpError(400, 'validation_failed', summarise(problems), { problems });
  }
  if (error instanceof CareerError) {
    const problem = problemOf(error);
    const details = problem.field === null ? undefined : { field: problem.field, problems: [problem] };
    return new HttpError(statusForCareerError(error.code), error.code, error.message, details);
  }
  if (isStoreConflict(error)) {
    return new HttpError(
      409,
      'conflict',
      'Someone else changed this at the same moment. Reload and try again.',
    );
  }
  return error;
}

function summarise(problems: readonly ApiProblem[]): string {
  if (problems.length === 1 && problems[0]) return problems[0].message;
  return `${problems.length} things need fixing: ${problems.map((p) => p.message).join(' ')}`;
}
