/** The catalogue of product errors: every refusal has a stable code and a sentence a person can act on. */
export type CareerErrorCode =
  | 'agenda.empty'
  | 'agenda.too_long'
  | 'agenda.too_many'
  | 'agenda.unknown_person'
  | 'agenda.unknown_action'
  | 'agenda.not_author'
  | 'recap.empty'
  | 'recap.too_long'
  | 'recap.too_many'
  | 'recap.bad_due_date'
  | 'recap.bad_owner'
  | 'recap.not_author'
  | 'recap.not_recipient'
  | 'recap.stale_version'
  | 'recap.wrong_state'
  | 'recap.comment_required'
  | 'action.not_found'
  | 'action.not_owner'
  | 'action.wrong_state'
  | 'settings.invalid'
  | 'event.invalid'
  | 'not_found'
  | 'forbidden'
  | 'conflict';

export interface CareerErrorInit {
  code: CareerErrorCode;
  message: string;
  /** Which field of the input was wrong, e.g. `asks[1].wanted`. */
  field?: string;
}

export class CareerError extends Error {
  readonly code: CareerErrorCode;
  readonly field: string | undefined;

  constructor(init: CareerErrorInit) {
    super(init.message);
    this.name = 'CareerError';
    this.code = init.code;
    this.field = init.field;
  }
}

export function careerError(code: CareerErrorCode, message: string, field?: string): CareerError {
  return new CareerError(field === undefined ? { code, message } : { code, message, field });
}
