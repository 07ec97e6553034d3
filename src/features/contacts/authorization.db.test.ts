import { runAuthorizationMatrix } from '../../../test/authz/run-matrix.js';
import { authorizationCases } from './authorization-cases.js';

runAuthorizationMatrix('contacts', authorizationCases);
