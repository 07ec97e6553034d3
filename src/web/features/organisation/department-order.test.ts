import { describe, expect, it } from 'vitest';
import type { Department } from '../../../features/organisation/schemas.js';
import { departmentOptions, orderDepartments } from './department-order.js';

function department(id: string, code: string, parentId: string | null, status: Department['status'] = 'active'): Department {
  return { id, code, name: `name-${id}`, kana: '', parentId, level: parentId ? 'ka' : 'bu', status, allowedActions: [] };
}

describe('orderDepartments', () => {
  it('lists each 部 followed by its 課, ordered by code', () => {
    const items = [department('k2', '0102', 'b1'), department('b2', '0200', null), department('k1', '0101', 'b1'), department('b1', '0100', null)];
    expect(orderDepartments(items).map(({ department: d, depth }) => `${d.id}:${depth}`)).toEqual(['b1:0', 'k1:1', 'k2:1', 'b2:0']);
  });

  it('shows a 課 whose 部 is not visible at the top level', () => {
    expect(orderDepartments([department('k1', '0101', 'hidden')]).map(({ depth }) => depth)).toEqual([0]);
  });

  it('indents options and can leave out disabled 課等', () => {
    const items = [department('b1', '0100', null), department('k1', '0101', 'b1'), department('k2', '0102', 'b1', 'disabled')];
    expect(departmentOptions(items, { activeOnly: true })).toEqual([
      { value: 'b1', label: 'name-b1' },
      { value: 'k1', label: '　name-k1' },
    ]);
  });
});
