/**
 * Bansho's one rule of its own: data changes only inside `recordAct`, where a change and its journal entry commit
 * together (docs/ARCHITECTURE.md). Use cases receive a read-only handle by type (`ReadOnlyDb`); this rule closes
 * the ways around the type:
 * - a write (`insertInto`, `updateTable`, `deleteFrom`, `replaceInto`, `mergeInto`) on anything but a Kysely
 *   `Transaction` — and the only transaction application code can hold is the one `recordAct` hands to its work;
 * - opening a transaction or taking a connection of one's own (`transaction()`, `startTransaction()`,
 *   `connection()`);
 * - raw SQL that writes (a `sql` template starting with INSERT, UPDATE, DELETE, MERGE or TRUNCATE).
 * The files that may do these (the journal's append, migrations, the server's wiring) are left out in
 * eslint.config.js; the session touch is the one exception inside, marked where it is.
 */
const writeMethods = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const ownTransaction = new Set(['transaction', 'startTransaction', 'connection']);
const rawWrite = /^\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b/i;

/** Is the type (or every member of a union) Kysely's Transaction? */
function isTransaction(type) {
  if (type.isUnion()) return type.types.every(isTransaction);
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  return symbol?.getName() === 'Transaction';
}

export const writesThroughJournal = {
  meta: {
    type: 'problem',
    docs: { description: 'Data changes only inside recordAct, on the transaction it opens' },
    messages: {
      write: '`{{method}}` on something that is not the transaction recordAct opens: change data inside recordAct(ctx, async (tx) => …) so that its journal entry commits with it.',
      transaction: '`{{method}}()` opens a way to write outside recordAct: use recordAct(ctx, async (tx) => …).',
      rawWrite: 'Raw SQL that changes data: write it inside recordAct, with the query builder on its transaction.',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services?.program?.getTypeChecker();
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (ownTransaction.has(method) && node.arguments.length === 0) {
          context.report({ node, messageId: 'transaction', data: { method } });
          return;
        }
        if (!writeMethods.has(method) || !checker) return;
        const receiver = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(callee.object));
        if (!isTransaction(receiver)) context.report({ node, messageId: 'write', data: { method } });
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        if (rawWrite.test(node.quasi.quasis[0]?.value.cooked ?? '')) context.report({ node, messageId: 'rawWrite' });
      },
    };
  },
};

export default { rules: { 'writes-through-journal': writesThroughJournal } };
