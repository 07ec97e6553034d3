import type { ImportWarning, MarkerShape, NumberingStyle, SourceLine } from './draft-types.js';
import { checkNumbering } from './check-numbering.js';
import { readMarker, type Marker } from './markers.js';
import { isTableLine, parseTable, type ParsedTable } from './tables.js';

/** A numbered item as found in the text, before headings, texts and ids are decided. */
export interface MarkerNode {
  kind: 'marker';
  marker: Marker;
  line: number;
  /** The marker line as written, trimmed: its width tells a PDF-broken line from a title. */
  source: string;
  /** An article's 見出し written on its own line above it: 「（目的）」. */
  caption?: SourceLine;
  /** Unnumbered lines that follow the marker line. */
  body: SourceLine[];
  children: (MarkerNode | TableNode)[];
}

/** A table inside an item. */
export interface TableNode {
  kind: 'table';
  line: number;
  table: ParsedTable;
}

export interface MarkerTree {
  roots: MarkerNode[];
  /** Unnumbered lines before the first marker: the standard's name, a preamble. */
  preamble: SourceLine[];
  warnings: ImportWarning[];
}

// Levels that always nest the same way in their style; the enumerations below them (号, ア, (ア) …) nest
// in the order the text opens them, because documents differ: (1) under ア in one, ア under (1) in another.
const structuralRanks: Record<NumberingStyle, Partial<Record<MarkerShape, number>>> = {
  outline: { dai: 1, number: 2 },
  article: { chapter: 1, division: 2, article: 3, number: 4 },
};
// Numbered across the whole text rather than within their parent.
const numberedThroughout = new Set<MarkerShape>(['dai', 'chapter', 'article']);

const pageNumber = /^(?:[-－‐―—–]\s*)?[0-9０-９]{1,4}(?:\s*[/／]\s*[0-9０-９]{1,4})?(?:\s*[-－‐―—–])?$/;
const captionLine = /^[（(][^（）()]{1,40}[）)]$/;

/** Groups a standard's lines (without its 附則) into numbered items nested as the style says. */
export function buildMarkerTree(lines: readonly SourceLine[], style: NumberingStyle): MarkerTree {
  const ranks = structuralRanks[style];
  const rankOf = (node: MarkerNode) => ranks[node.marker.shape];
  const isMarker = (trimmed: string) => readMarker(trimmed, style) !== null;
  const roots: MarkerNode[] = [];
  const preamble: SourceLine[] = [];
  const warnings: ImportWarning[] = [];
  const stack: MarkerNode[] = [];
  const lastThroughout = new Map<MarkerShape, Marker[]>();
  // Once a table has started, blank lines are kept: they separate its rows.
  let tableLines: SourceLine[] = [];
  let caption: SourceLine | undefined;

  const flushTable = () => {
    const block = tableLines;
    tableLines = [];
    const content = block.filter((line) => line.text.trim() !== '');
    const first = content[0];
    if (!first) return;
    const owner = stack.at(-1);
    // A lone tab-indented line is an indented paragraph, not a table.
    if (content.length === 1 && !/\S\t+\S/.test(first.text.trim())) {
      (owner ? owner.body : preamble).push({ text: first.text.trim(), line: first.line });
      return;
    }
    if (!owner) {
      warnings.push({ code: 'table-without-item', line: first.line, message: `line ${first.line}: a table stands before any numbered item and was left out / ${first.line}行目: 項目より前にある表は取り込みませんでした` });
      return;
    }
    owner.children.push({ kind: 'table', line: first.line, table: parseTable(block) });
  };

  const nextNonBlank = (index: number) => lines.slice(index + 1).find((line) => line.text.trim() !== '');

  lines.forEach((source, index) => {
    const trimmed = source.text.trim();
    if (isTableLine(source.text, isMarker)) {
      tableLines.push(source);
      return;
    }
    if (trimmed === '') {
      if (tableLines.length > 0) tableLines.push(source);
      return;
    }
    flushTable();
    if (pageNumber.test(trimmed)) {
      warnings.push({ code: 'page-number-skipped', line: source.line, message: `line ${source.line}: 「${trimmed}」 looks like a page number and was skipped / ${source.line}行目: ページ番号とみなして除きました` });
      return;
    }
    const marker = readMarker(trimmed, style);
    if (!marker) {
      const next = nextNonBlank(index);
      if (style === 'article' && captionLine.test(trimmed) && next && readMarker(next.text.trim(), style)?.shape === 'article') {
        caption = { text: trimmed.slice(1, -1).trim(), line: source.line };
        return;
      }
      const top = stack.at(-1);
      (top ? top.body : preamble).push({ text: trimmed, line: source.line });
      return;
    }
    const rank = ranks[marker.shape];
    if (rank !== undefined) {
      while (stack.length > 0 && (rankOf(stack.at(-1) as MarkerNode) ?? Infinity) >= rank) stack.pop();
    } else {
      // A marker of a shape already open below the last structural level closes it: ア … (ア) (イ) … イ.
      const lastStructural = stack.findLastIndex((node) => rankOf(node) !== undefined);
      const same = stack.findLastIndex((node) => node.marker.shape === marker.shape);
      if (same > lastStructural) stack.length = same;
    }
    const parent = stack.at(-1);
    if (style === 'article' && marker.shape === 'number' && parent?.marker.shape !== 'article') {
      warnings.push({
        code: 'marker-outside-parent',
        line: source.line,
        message: `line ${source.line}: paragraph ${marker.value} stands outside any article (第N条) / ${source.line}行目: 条に属さない項番号 ${marker.value} があります`,
      });
    }
    const siblings = parent ? parent.children : roots;
    const earlier = numberedThroughout.has(marker.shape)
      ? (lastThroughout.get(marker.shape) ?? [])
      : siblings.flatMap((child) => (child.kind === 'marker' && child.marker.shape === marker.shape ? [child.marker] : []));
    const firstOrdinal = style === 'article' && marker.shape === 'number' ? 2 : 1;
    const problem = checkNumbering(earlier, marker, firstOrdinal);
    if (problem) warnings.push({ code: problem.code, line: source.line, message: `line ${source.line}: ${problem.message}` });
    if (numberedThroughout.has(marker.shape)) lastThroughout.set(marker.shape, [...earlier, marker]);
    const node: MarkerNode = { kind: 'marker', marker, line: source.line, source: trimmed, body: [], children: [] };
    if (caption && marker.shape === 'article') node.caption = caption;
    caption = undefined;
    siblings.push(node);
    stack.push(node);
  });
  flushTable();
  return { roots, preamble, warnings };
}
