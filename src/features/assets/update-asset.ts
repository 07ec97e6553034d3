import type { ActingContext } from '../../domain/context.js';
import type { JournalEvent } from '../../journal/events.js';
import { recordAct, type Events } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { activePolicyVersionId } from '../policy/active-policy.js';
import { requireSoundClassification } from './classification.js';
import { assetErrors } from './errors.js';
import { assetForAction } from './load-asset.js';
import { requireMediumFor } from './medium-checks.js';
import type { UpdateAssetInput } from './schemas.js';

// Input field → column; the classification fields are journaled as a classification, the rest as changes.
const columns = {
  name: 'name', description: 'description', kind: 'kind', confidentialityNote: 'confidentiality_note', integrityNote: 'integrity_note',
  availabilityNote: 'availability_note', location: 'location', mediumId: 'medium_id', retentionUntil: 'retention_until', reviewDue: 'review_due',
} as const;
const classColumns = { classLevel: 'class_level', classCriteria: 'class_criteria', classJustification: 'class_justification' } as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits an asset's record. A change of class, criteria or justification is a (re)classification (第2 3): it is
 * checked against the scheme in force, stamped with that version and journaled as `asset.classified`.
 */
export async function updateAsset(ctx: ActingContext, assetId: string, input: UpdateAssetInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const { asset } = await assetForAction(tx, actor, ctx.policy, assetId, 'update');
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      const value = input[field];
      if (value === undefined || same(value, asset[column])) continue;
      changes[field] = { from: asset[column], to: value };
      set[column] = value;
    }
    const classification = {
      classLevel: input.classLevel ?? asset.class_level,
      classCriteria: input.classCriteria ?? asset.class_criteria,
      classJustification: input.classJustification ?? asset.class_justification,
    };
    const reclassified = (Object.entries(classColumns) as [keyof typeof classColumns, (typeof classColumns)[keyof typeof classColumns]][]).some(
      ([field, column]) => input[field] !== undefined && !same(input[field], asset[column]),
    );
    if (reclassified) {
      await assetForAction(tx, actor, ctx.policy, assetId, 'classify');
      requireSoundClassification(ctx.policy, classification);
      set.class_level = classification.classLevel;
      set.class_criteria = classification.classCriteria;
      set.class_justification = classification.classJustification;
      set.policy_version_id = await activePolicyVersionId(tx);
    }
    const mediumId = input.mediumId !== undefined ? input.mediumId : asset.medium_id;
    if (mediumId && ('medium_id' in set || reclassified)) {
      await requireMediumFor(tx, ctx.policy, { mediumId, departmentId: asset.department_id, classLevel: classification.classLevel });
    }
    const events: JournalEvent[] = [];
    if (Object.keys(changes).length > 0) events.push({ type: 'asset.updated', entityType: 'asset', entityId: asset.id, data: { changes } });
    if (reclassified) {
      events.push({
        type: 'asset.classified', entityType: 'asset', entityId: asset.id,
        data: { from: asset.class_level, to: classification.classLevel, criteria: classification.classCriteria, justification: classification.classJustification },
      });
    }
    const [first, ...rest] = events;
    if (!first) throw assetErrors.E_NOTHING_CHANGED.error();
    await tx.updateTable('assets').set({ ...set, updated_at: ctx.now }).where('id', '=', asset.id).execute();
    return { value: undefined, events: [first, ...rest] satisfies Events };
  });
}
