// The rule registry: one module per RULES.md rule id, in the order they run. Rules that read other
// rules' hits (disclaimer-missing, pupil-image) run last.
import { withBackstop } from '../learned.js';
import type { RuleModule } from '../rule.js';
import confidential from './confidential.js';
import derogatory from './derogatory.js';
import disclaimerMissing from './disclaimer-missing.js';
import discriminatory from './discriminatory.js';
import gossip from './gossip.js';
import personalInfo from './personal-info.js';
import profanity from './profanity.js';
import pupilContact from './pupil-contact.js';
import pupilImage from './pupil-image.js';
import pupilName from './pupil-name.js';
import pupilReference from './pupil-reference.js';
import representsSchool from './represents-school.js';
import schoolIdentity from './school-identity.js';
import staffName from './staff-name.js';
import supplier from './supplier.js';
import threat from './threat.js';
import workGrievance from './work-grievance.js';
import workHours from './work-hours.js';

// each rule with the learned backstop behind it where a model exists (src/engine/learned.ts)
export const RULES: ReadonlyArray<RuleModule<any>> = ([
  pupilName,
  staffName,
  schoolIdentity,
  pupilReference,
  confidential,
  profanity,
  discriminatory,
  derogatory,
  threat,
  workGrievance,
  gossip,
  representsSchool,
  personalInfo,
  supplier,
  pupilContact,
  workHours,
  pupilImage,
  disclaimerMissing,
] as Array<RuleModule<any>>).map(withBackstop);
