import { z } from 'zod';

/** The roles Bansho's code knows; a policy package maps its own titles onto them (DESIGN §6.2). */
export const canonicalRoles = [
  'staff',
  'security_officer',
  'chief_security_officer',
  'network_admin',
  'system_admin',
  'cio',
  'strategy_board',
  'contractor',
  'auditor',
  'app_admin',
] as const;
export type CanonicalRole = (typeof canonicalRoles)[number];

export const scopeTypes = ['global', 'department', 'system', 'network'] as const;

const bilingualSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

const roleSchema = z.strictObject({
  role: z.enum(canonicalRoles),
  title: bilingualSchema,
  /** What one assignment of the role covers: a 課等, an information system, a network, or everything. */
  scope: z.enum(scopeTypes),
  /** Roles whose holders must use a second factor at sign-in. */
  mfaRequired: z.boolean().default(false),
  description: z.string().optional(),
  clauses: z.array(z.string()).default([]),
});

const departmentLevelSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: bilingualSchema,
  /** Levels whose units are 課等: the unit a 情報セキュリティ責任者 is responsible for. */
  isUnit: z.boolean().default(false),
});

/** A policy package: the standard as data. Later issues add classes, areas, request types and clauses. */
export const policySchema = z
  .strictObject({
    packageId: z.string().regex(/^[a-z0-9-]+$/),
    municipality: bilingualSchema,
    title: z.string().min(1),
    version: z.string().min(1),
    roles: z.array(roleSchema).min(1),
    departmentLevels: z.array(departmentLevelSchema).min(1),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.roles.forEach((role, index) => {
      if (seen.has(role.role)) ctx.addIssue({ code: 'custom', path: ['roles', index, 'role'], message: `role ${role.role} is mapped twice` });
      seen.add(role.role);
    });
    for (const required of ['staff', 'app_admin'] as const) {
      if (!seen.has(required)) ctx.addIssue({ code: 'custom', path: ['roles'], message: `the canonical role ${required} has no title` });
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyRole = Policy['roles'][number];
