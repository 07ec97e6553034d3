import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../../domain/services.js';
import { capabilities } from '../../policy/capabilities.js';
import { clauseLabel } from '../../policy/clause-label.js';
import { diffClauses } from '../../policy/diff.js';
import { toOscalCatalog } from '../../policy/oscal.js';
import { requireActor } from '../auth/require-actor.js';
import type { ActivePolicy } from './active-policy.js';
import { complianceLabels, type ComplianceStatus } from './compliance.js';
import { writeComplianceXlsx } from './compliance-xlsx.js';
import { capabilityRef, clauseListItem, complianceItem, roleRef } from './presenters.js';
import {
  childRows, clauseHistory, clauseNotFound, clauseRow, evidenceCounts, listClauseRows, listVersions, policyVersion, resolveVersionId,
} from './queries.js';
import {
  capabilityListSchema, clauseDetailSchema, clauseListSchema, clauseParamsSchema, complianceMapSchema, complianceWorkbookResponse, diffQuerySchema,
  listClausesQuerySchema, oscalCatalogSchema, policyDiffSchema, policyVersionListSchema, versionQuerySchema, type ClauseDetail, type PolicyVersionSummary,
} from './schemas.js';

const tags = ['policy'];
const implemented = capabilities.filter((c) => c.status === 'implemented').map((c) => c.id);

/**
 * The standard as data, read-only for every signed-in user: versions, the clause browser, the compliance map
 * (JSON and xlsx), diffs and the OSCAL export. Loading a version is the CLI's (`bansho policy load`).
 */
export const policyRoutes = (services: AppServices): FastifyPluginAsyncZod => async (app) => {
  const { db } = services;

  async function versionContext(version: string | undefined): Promise<{ versionId: string; stored: ActivePolicy; summary: PolicyVersionSummary }> {
    const versionId = await resolveVersionId(db, version);
    const stored = await policyVersion(db, versionId);
    const active = await db.selectFrom('policy_active').select('version_id').executeTakeFirst();
    const p = stored.policy;
    return {
      versionId,
      stored,
      summary: { id: versionId, packageId: p.packageId, version: p.version, title: p.title, municipality: p.municipality, active: active?.version_id === versionId, loadedAt: stored.loadedAt.toISOString() },
    };
  }

  app.get('/api/policy/versions', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listPolicyVersions', summary: 'Loaded policy versions, newest first', response: { 200: policyVersionListSchema } },
  }, async (request) => {
    requireActor(request.acting());
    const items = await listVersions(db);
    return { items, activeId: items.find((v) => v.active)?.id ?? null };
  });

  app.get('/api/policy/capabilities', {
    config: { access: 'user' },
    schema: { tags, operationId: 'listCapabilities', summary: "Bansho's capabilities, their status in this build and live evidence", response: { 200: capabilityListSchema } },
  }, async (request) => {
    requireActor(request.acting());
    const evidence = await evidenceCounts(db, implemented);
    return { items: capabilities.map((c) => capabilityRef(c.id, evidence)) };
  });

  app.get('/api/policy/clauses', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'listClauses', summary: 'Clauses of a version in document order (flat, with parentId), filtered', querystring: listClausesQuerySchema,
      response: { 200: clauseListSchema },
    },
  }, async (request) => {
    requireActor(request.acting());
    const { summary, versionId } = await versionContext(request.query.version);
    const [rows, evidence] = await Promise.all([listClauseRows(db, versionId, request.query), evidenceCounts(db, implemented)]);
    return { version: summary, items: rows.map((row) => clauseListItem(row, evidence)), total: rows.length };
  });

  app.get('/api/policy/clauses/:clauseId', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'getClause', summary: 'One clause: text, roles, capabilities with evidence, interpretations, history', params: clauseParamsSchema,
      querystring: versionQuerySchema, response: { 200: clauseDetailSchema },
    },
  }, async (request) => {
    requireActor(request.acting());
    const { clauseId } = request.params;
    const { summary, versionId, stored } = await versionContext(request.query.version);
    const policy = stored.policy;
    const row = await clauseRow(db, versionId, clauseId);
    if (!row) throw clauseNotFound();
    const [children, history, evidence] = await Promise.all([childRows(db, versionId, clauseId), clauseHistory(db, versionId, clauseId), evidenceCounts(db, implemented)]);
    const item = clauseListItem(row, evidence);
    const breadcrumbs: ClauseDetail['breadcrumbs'] = [];
    for (let parent = row.parent_id; parent !== null; ) {
      const clause = policy.clauses.find((c) => c.id === parent);
      if (!clause) break;
      breadcrumbs.unshift({ id: clause.id, label: clauseLabel(clause.id), heading: clause.heading ?? null });
      parent = clause.parentId;
    }
    const own = policy.clauses.find((c) => c.id === clauseId);
    return {
      version: summary,
      clause: {
        ...item,
        actorRoles: row.actor_roles.map((r) => roleRef(policy, r)),
        approverRoles: row.approver_roles.map((r) => roleRef(policy, r)),
        otherActors: row.other_actors,
        capabilities: row.capabilities.map((c) => capabilityRef(c, evidence)),
        interpretation: own?.interpretation ?? null,
        statusLabel: item.status ? complianceLabels[item.status] : null,
      },
      breadcrumbs,
      children: children.map((c) => ({ id: c.clause_id, label: clauseLabel(c.clause_id), heading: c.heading || null, kind: c.kind, text: c.text })),
      interpretations: policy.interpretations.filter((i) => i.clauses.includes(clauseId)),
      usedBy: {
        roles: policy.roles.filter((r) => r.clauses.includes(clauseId)).map((r) => roleRef(policy, r.role)),
        requestTypes: policy.requestTypes.filter((t) => t.clauses.includes(clauseId) || t.emergency.clause === clauseId).map((t) => ({ id: t.id, title: t.title, enabled: t.enabled })),
        duties: (policy.duties?.items ?? []).filter((d) => d.clauses.includes(clauseId)).map((d) => ({ id: d.id, title: d.title, wording: d.wording, interval: d.interval ?? null, role: roleRef(policy, d.role) })),
        lists: Object.entries(policy.lists).filter(([, l]) => l && (l.clause === clauseId || l.items.some((i) => i.clause === clauseId))).map(([id, l]) => ({ id, title: l?.title })),
      },
      history,
    };
  });

  app.get('/api/policy/compliance', {
    config: { access: 'user' },
    schema: { tags, operationId: 'getCompliance', summary: 'Every normative clause, its capabilities and status', querystring: versionQuerySchema, response: { 200: complianceMapSchema } },
  }, async (request) => {
    requireActor(request.acting());
    const { summary, versionId, stored } = await versionContext(request.query.version);
    const [rows, evidence] = await Promise.all([listClauseRows(db, versionId, {}), evidenceCounts(db, implemented)]);
    const items = rows.filter((r) => r.kind !== 'heading').map((r) => complianceItem(r, stored.policy, evidence));
    const byStatus: Record<ComplianceStatus, number> = { 'evidence-recorded': 0, implemented: 0, planned: 0, 'policy-text-only': 0 };
    const byKind: Record<string, number> = {};
    for (const item of items) {
      byStatus[item.status] += 1;
      byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
    }
    return {
      version: summary,
      summary: { total: items.length, byStatus, byKind },
      capabilities: capabilities.map((c) => ({ ...capabilityRef(c.id, evidence), clauseCount: items.filter((i) => i.capabilities.some((x) => x.id === c.id)).length })),
      items,
    };
  });

  app.get('/api/policy/compliance.xlsx', {
    config: { access: 'user' },
    schema: {
      tags, operationId: 'downloadComplianceWorkbook', summary: 'The compliance map as an xlsx workbook (streamed)', querystring: versionQuerySchema,
      response: { 200: complianceWorkbookResponse },
    },
  }, async (request, reply) => {
    requireActor(request.acting());
    const { versionId, stored } = await versionContext(request.query.version);
    const [rows, evidence] = await Promise.all([listClauseRows(db, versionId, {}), evidenceCounts(db, implemented)]);
    const items = rows.filter((r) => r.kind !== 'heading').map((r) => complianceItem(r, stored.policy, evidence));
    const p = stored.policy;
    const name = `bansho-compliance-${p.packageId}-${p.version}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
    const body = new PassThrough();
    writeComplianceXlsx(body, `${p.municipality.ja} ${p.title}（${p.version}）`, items).catch((error: unknown) => body.destroy(error as Error));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(body);
  });

  app.get('/api/policy/oscal', {
    config: { access: 'user' },
    schema: { tags, operationId: 'exportOscalCatalog', summary: 'The version as an OSCAL 1.1 catalog (JSON)', querystring: versionQuerySchema, response: { 200: oscalCatalogSchema } },
  }, async (request, reply) => {
    requireActor(request.acting());
    const { stored } = await versionContext(request.query.version);
    const p = stored.policy;
    const name = `${p.packageId}-${p.version}.oscal.json`.replace(/[^A-Za-z0-9._-]/g, '_');
    return reply.header('content-disposition', `inline; filename="${name}"`).send(toOscalCatalog(p, { contentHash: stored.contentHash, loadedAt: stored.loadedAt }));
  });

  app.get('/api/policy/diff', {
    config: { access: 'user' },
    schema: { tags, operationId: 'diffPolicyVersions', summary: 'Clauses added, removed and changed between two versions', querystring: diffQuerySchema, response: { 200: policyDiffSchema } },
  }, async (request) => {
    requireActor(request.acting());
    const from = await versionContext(request.query.from);
    const to = await versionContext(request.query.to);
    const diff = diffClauses(from.stored.policy.clauses, to.stored.policy.clauses);
    const brief = (c: { id: string; heading?: string; kind: string; text: string }) => ({ id: c.id, label: clauseLabel(c.id), heading: c.heading ?? null, kind: c.kind, text: c.text });
    return { from: from.summary, to: to.summary, added: diff.added.map(brief), removed: diff.removed.map(brief), changed: diff.changed, unchanged: diff.unchanged };
  });
};
