// `postcheck policy`: managed-policy files for school IT. Written by the deployment work (issue 4).
import { UsageError } from './errors.js';

export function runPolicy(_args: string[], _out: (s: string) => void): number {
  throw new UsageError('the "policy" command is not available in this build yet');
}
