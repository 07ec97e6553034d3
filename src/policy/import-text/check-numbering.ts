import type { ImportWarningCode } from './draft-types.js';
import { gojuonOrder, irohaOrder } from './japanese-numerals.js';
import { formatMarker, type Marker } from './markers.js';

export interface NumberingProblem {
  code: Extract<ImportWarningCode, 'numbering-jump' | 'numbering-repeat'>;
  message: string;
}

const isKatakana = (marker: Marker) => marker.shape === 'katakana' || marker.shape === 'parenKatakana';

/**
 * Checks that `current` follows its earlier siblings of the same shape (ア then イ, (1) then (2), 第3条 then
 * 第3条の2 or 第4条); `firstOrdinal` is where a series starts (1, or 2 for 項 whose first paragraph has no number).
 * A series of katakana that starts with イ is read in いろは order (イ ロ ハ), as older 例規 letter items.
 */
export function checkNumbering(earlier: readonly Marker[], current: Marker, firstOrdinal: number): NumberingProblem | null {
  const previous = earlier.at(-1);
  const iroha = isKatakana(current) && (earlier[0] ?? current).value === 'イ';
  const ordinalOf = (marker: Marker) => (iroha ? irohaOrder.indexOf(marker.value) + 1 : marker.ordinal);
  const show = (ordinal: number) => {
    const value = isKatakana(current) ? ((iroha ? irohaOrder : gojuonOrder)[ordinal - 1] ?? '?') : String(ordinal);
    return formatMarker(current.shape, value);
  };
  const got = formatMarker(current.shape, current.value);
  if (!previous) {
    if (ordinalOf(current) === firstOrdinal || (isKatakana(current) && iroha)) return null;
    return {
      code: 'numbering-jump',
      message: `${got} is the first of its series; ${show(firstOrdinal)} was expected / 最初の番号が ${got} です（${show(firstOrdinal)} が必要です）`,
    };
  }
  const before = formatMarker(previous.shape, previous.value);
  const previousOrdinal = ordinalOf(previous);
  const jump = (missing: string): NumberingProblem => ({
    code: 'numbering-jump',
    message: `${got} follows ${before}: ${missing} is missing / 番号が飛んでいます: ${before} の次が ${got} です（${missing} がありません）`,
  });
  if (current.branch !== undefined) {
    // 第3条の2 follows 第3条, 第3条の3 follows 第3条の2.
    const nextBranch = (previous.branch ?? 1) + 1;
    if (current.ordinal === previous.ordinal && current.branch === nextBranch) return null;
    if (current.ordinal === previous.ordinal && current.branch > nextBranch) return jump(formatMarker(current.shape, `${current.ordinal}の${nextBranch}`));
    if (current.ordinal > previous.ordinal) return jump(show(previousOrdinal + 1));
  } else if (ordinalOf(current) === previousOrdinal + 1) return null;
  else if (ordinalOf(current) > previousOrdinal + 1) return jump(show(previousOrdinal + 1));
  return {
    code: 'numbering-repeat',
    message: `${got} follows ${before}: the numbering repeats or goes back / 番号が重複しているか戻っています: ${before} の次が ${got} です`,
  };
}
