import { num, object, optional, str, type Check } from './check.js';

/** Check for an ErrorJson `{code, message, status?, field?}`. */
export const errorCheck: Check = object({
  // Unknown codes are accepted (a newer peer may add some); errorFromJSON maps them to INTERNAL_ERROR.
  code: str(1, 100),
  message: str(0, 10_000),
  status: optional(num(0, 999, true)),
  field: optional(str(0, 200)),
});
