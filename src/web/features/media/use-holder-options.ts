import { useQuery } from '@tanstack/react-query';
import type { SelectOption } from '../../components/select-field.js';
import { departmentMembersQuery } from './media-api.js';

/** Who may hold a medium of this 課等 (its active staff), as select options; none until a 課等 is chosen. */
export function useHolderOptions(departmentId: string, current?: { id: string; name: string } | null): SelectOption[] {
  const members = useQuery(departmentMembersQuery(departmentId));
  const options = (members.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }));
  // A holder who has since left stays selectable, so that opening the form does not change the record.
  if (current && !options.some((option) => option.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return options;
}
