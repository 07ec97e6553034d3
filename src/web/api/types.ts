/**
 * Names the whole web UI shares for shapes of the Bansho HTTP API. Each is the type of the server's response schema
 * (the same schemas serialise the replies and describe them at /api/docs/json), never a copy: a feature's own
 * shapes are imported from its server schemas where they are used.
 */
import type { Bilingual } from '../../domain/errors.js';
import type { Preferences } from '../../features/auth/schemas.js';
import type { Department, RoleAssignment } from '../../features/organisation/schemas.js';
import type { PolicySummary } from '../../features/system/schemas.js';

export type { Me, Preferences } from '../../features/auth/schemas.js';
export type { Department, DepartmentList, UserList } from '../../features/organisation/schemas.js';

export type Locale = Preferences['locale'];
export type Calendar = Preferences['calendar'];

/** A text the server gives in both languages. */
export type LocalizedText = Bilingual;

/** How far a role reaches: everything, a 課等, an information system or a network. */
export type ScopeType = RoleAssignment['scopeType'];

/** A 課等's or a user's status. */
export type RecordStatus = Department['status'];

/** GET /api/policy: the package in force (the server's response schema). */
export type Policy = PolicySummary;
export type PolicyRole = Policy['roles'][number];
