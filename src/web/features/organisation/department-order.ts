import type { Department } from '../../../features/organisation/schemas.js';

export interface PlacedDepartment {
  department: Department;
  depth: number;
}

/**
 * Puts 課等 in tree order (each 部 followed by its 課, by code) with their depth, for the tree and for
 * indented select options. A 課等 whose parent is not visible to the user is shown at the top level.
 */
export function orderDepartments(items: Department[]): PlacedDepartment[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, Department[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code, 'ja'));

  const placed: PlacedDepartment[] = [];
  const visit = (parent: string | null, depth: number, seen: Set<string>) => {
    for (const department of children.get(parent) ?? []) {
      if (seen.has(department.id)) continue; // a cycle in bad data must not hang the page
      seen.add(department.id);
      placed.push({ department, depth });
      visit(department.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return placed;
}

/** Select options in tree order, children indented with full-width spaces (visible in native pickers). */
export function departmentOptions(items: Department[], options: { activeOnly?: boolean } = {}) {
  return orderDepartments(items)
    .filter(({ department }) => !options.activeOnly || department.status === 'active')
    .map(({ department, depth }) => ({ value: department.id, label: `${'　'.repeat(depth)}${department.name}` }));
}
