import type { DraftClause, ImportWarning, NumberingStyle, SourceLine } from './draft-types.js';
import { buildMarkerTree, type MarkerNode, type TableNode } from './build-marker-tree.js';
import { detectWrapWidth, endsSentence, joinLines, lineAtOffset, looksLikeSentenceFragment, reachesWrapWidth, type JoinedText } from './broken-lines.js';
import { suggestSecondSentences } from './split-second-sentences.js';

export interface ParsedClauses {
  clauses: DraftClause[];
  title?: string;
  warnings: ImportWarning[];
}

interface ResolvedContent {
  heading?: string;
  joined: JoinedText;
  kind: DraftClause['kind'];
  /** Set when the layout could not tell a title from the start of the text. */
  doubtful?: boolean;
}

// A parent that announces a list (「次に掲げる重要性分類」) makes its children entries of that list,
// even when one looks like a title: 第2 3(1)「重要性分類Ⅰ」 is a class, not a heading.
const announcesList = /次に掲げる|次の各号|次に定める|次のとおり|次の通り|次の表|以下の各号/;
const noText: JoinedText = { text: '', starts: [] };
// A line that opens with a noun and は、 (「情報化戦略本部は、」) starts a sentence; 「…ときは、」 continues one.
const opensWithSubject = /^[\p{Script=Han}\p{Script=Katakana}ー]{2,}は、/u;

/** 「(3) コンピュータウイルス（full-width space）第三者の…」: a short term, a full-width space, then its text. */
const inlineHeading = (rest: string): { heading: string; text: string } | null => {
  const match = /^([^\s\u3000、。，「」（）()]{1,30})(?:\u3000+| {2,})(\S.*)$/.exec(rest);
  return match ? { heading: match[1] ?? '', text: match[2] ?? '' } : null;
};

/** Lines that stop mid-sentence before more running text: the evidence of a PDF's line width. */
const wrapCandidates = (nodes: readonly MarkerNode[]): string[] =>
  nodes.flatMap((node) => {
    const own = node.body.slice(0, -1).flatMap((piece) => (endsSentence(piece.text) ? [] : [piece.text]));
    if (node.body.length > 0 && looksLikeSentenceFragment(node.marker.rest)) own.push(node.source);
    return [...own, ...wrapCandidates(node.children.filter((child): child is MarkerNode => child.kind === 'marker'))];
  });

/** Decides which of a marker line's words are a title and which are the item's text. */
const resolveContent = (node: MarkerNode, parentText: string, wrapWidth: number | undefined): ResolvedContent => {
  const { rest } = node.marker;
  const join = (pieces: SourceLine[]) => joinLines(pieces, wrapWidth);
  const at = (text: string): SourceLine[] => [{ text, line: node.line }];
  const withInlineHeading = (text: string, more: SourceLine[] = []): ResolvedContent => {
    const split = inlineHeading(text);
    return split
      ? { heading: split.heading, joined: join([...at(split.text), ...more]), kind: 'TODO' }
      : { joined: join([...at(text), ...more]), kind: 'TODO' };
  };
  if (rest === '') {
    const joined = join(node.body);
    return { joined, kind: joined.text === '' ? 'heading' : 'TODO' };
  }
  if (node.body.length === 0) {
    const titleLike = !endsSentence(rest) && !looksLikeSentenceFragment(rest);
    if (titleLike && node.children.length > 0) {
      // An entry of its parent's list, or a line that announces a list of its own, is text, not a title.
      if (announcesList.test(parentText) || announcesList.test(rest)) return { joined: join(at(rest)), kind: 'TODO' };
      return { heading: rest, joined: noText, kind: 'heading' };
    }
    return withInlineHeading(rest);
  }
  // A subject (「…は、」) makes a sentence; a title has none, though a wrapped one may end on a particle.
  if (/は、/.test(rest)) return withInlineHeading(rest, node.body);
  if (reachesWrapWidth(node.source, wrapWidth)) {
    // Running text never stops short of the margin without a 。: a short unfinished line right after a full
    // marker line is the end of a title the PDF wrapped (「…ソフトウェアの」/「貸与」), not of a sentence.
    const [first, ...more] = node.body;
    const endsTitle = first !== undefined && !endsSentence(first.text) && !reachesWrapWidth(first.text, wrapWidth) && !looksLikeSentenceFragment(first.text);
    if (endsTitle && more.length > 0) return { heading: rest + first.text.trim(), joined: join(more), kind: 'TODO' };
    if (endsTitle && node.children.some((child) => child.kind === 'marker') && !announcesList.test(parentText)) {
      return { heading: rest + first.text.trim(), joined: noText, kind: 'heading' };
    }
    // A title that exactly fills a PDF line looks like a broken sentence; if the next line opens with a
    // subject (「ネットワーク管理者は、」) it may have been a title after all: say so rather than guess.
    const doubtful = !looksLikeSentenceFragment(rest) && first !== undefined && opensWithSubject.test(first.text.trim());
    return { ...withInlineHeading(rest, node.body), ...(doubtful ? { doubtful } : {}) };
  }
  if (looksLikeSentenceFragment(rest)) return withInlineHeading(rest, node.body);
  // A title on its own line is followed by the text; a line the PDF broke runs on into the next.
  return { heading: rest, joined: join(node.body), kind: 'TODO' };
};

/**
 * Turns a standard's numbered lines into the draft clause tree: ids in the text's own numbering,
 * titles, texts (PDF-broken lines joined), tables as row items, and later sentences with their own duty
 * offered as 後段/ただし書 items.
 */
export function parseClauses(lines: readonly SourceLine[], style: NumberingStyle): ParsedClauses {
  const tree = buildMarkerTree(lines, style);
  const wrapWidth = detectWrapWidth(wrapCandidates(tree.roots));
  const clauses: DraftClause[] = [];
  const warnings = [...tree.warnings];
  const seen = new Map<string, number>();
  const unique = (id: string) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    // The repeated number was already reported; the suffix only keeps ids apart for the reviewer.
    return count === 1 ? id : `${id}~${count}`;
  };

  const pushWithSentences = (clause: DraftClause, joined: JoinedText) => {
    clauses.push(clause);
    if (clause.kind !== 'TODO') return;
    for (const sentence of suggestSecondSentences(joined.text)) {
      clauses.push({
        id: unique(`${clause.id}.${sentence.label}`),
        parentId: clause.id,
        shape: sentence.kind,
        depth: clause.depth + 1,
        text: sentence.text,
        line: lineAtOffset(joined, sentence.offset),
        kind: 'TODO',
        split: 'suggested',
      });
    }
  };

  const emitTable = (table: TableNode, owner: DraftClause, ordinal: number) => {
    const prefix = ordinal === 1 ? '表' : `表${ordinal}`;
    table.table.rows.forEach((row, index) => {
      clauses.push({
        id: unique(`${owner.id}.${prefix}.${row.key ?? index + 1}`),
        parentId: owner.id,
        shape: 'tableRow',
        depth: owner.depth + 1,
        ...(row.cells[0] === undefined ? {} : { heading: row.cells[0] }),
        text: row.cells.length > 1 ? row.cells.slice(1).join('\u3000') : (row.cells[0] ?? ''),
        line: row.line,
        kind: 'TODO',
        columns: row.cells,
        ...(table.table.header ? { columnHeadings: [...table.table.header] } : {}),
      });
    });
  };

  const emitChildren = (children: MarkerNode['children'], owner: DraftClause) => {
    let tables = 0;
    for (const child of children) {
      if (child.kind === 'table') emitTable(child, owner, ++tables);
      else emitNode(child, owner);
    }
  };

  const emitArticle = (node: MarkerNode, parent: DraftClause | undefined) => {
    const id = unique(node.marker.value);
    const depth = (parent?.depth ?? 0) + 1;
    const heading = node.caption?.text ?? node.marker.caption;
    const joined = joinLines([{ text: node.marker.rest, line: node.line }, ...node.body], wrapWidth);
    const article: DraftClause = {
      id,
      parentId: parent?.id ?? null,
      shape: 'article',
      depth,
      marker: node.marker.written,
      ...(heading ? { heading } : {}),
      text: joined.text,
      line: node.line,
      kind: joined.text === '' ? 'heading' : 'TODO',
    };
    const paragraphs = node.children.filter((child) => child.kind === 'marker' && child.marker.shape === 'number');
    if (paragraphs.length === 0) {
      pushWithSentences(article, joined);
      emitChildren(node.children, article);
      return;
    }
    // With a 第2項, the unnumbered first paragraph becomes 「N.1」, as one cites 第N条第1項第3号.
    const container: DraftClause = { ...article, text: '', kind: 'heading' };
    clauses.push(container);
    const first: DraftClause = { id: unique(`${id}.1`), parentId: id, shape: 'firstParagraph', depth: depth + 1, text: joined.text, line: joined.starts[0]?.line ?? node.line, kind: 'TODO' };
    pushWithSentences(first, joined);
    const firstParagraphItems = node.children.filter((child) => !paragraphs.includes(child) && child.line < (paragraphs[0]?.line ?? Infinity));
    emitChildren(firstParagraphItems, first);
    emitChildren(
      node.children.filter((child) => !firstParagraphItems.includes(child)),
      container,
    );
  };

  const emitNode = (node: MarkerNode, parent: DraftClause | undefined) => {
    const { marker } = node;
    if (marker.shape === 'article') return emitArticle(node, parent);
    const ownId = marker.shape === 'chapter' || (marker.shape === 'division' && !parent) ? marker.value : `${parent ? `${parent.id}.` : ''}${marker.value}`;
    const base = { id: unique(ownId), parentId: parent?.id ?? null, shape: marker.shape, depth: (parent?.depth ?? 0) + 1, marker: marker.written, line: node.line };
    let content: ResolvedContent;
    if (marker.shape === 'chapter' || marker.shape === 'division') content = { heading: marker.rest, joined: noText, kind: 'heading' };
    // A 項 has no title: all its words are text.
    else if (style === 'article' && marker.shape === 'number') content = { joined: joinLines([{ text: marker.rest, line: node.line }, ...node.body], wrapWidth), kind: 'TODO' };
    else content = resolveContent(node, parent?.text ?? '', wrapWidth);
    if (content.doubtful) {
      warnings.push({
        code: 'title-or-text',
        line: node.line,
        message: `line ${node.line}: 「${marker.rest}」 fills the line and was read as the start of the text; if it is a title, move it to heading / ${node.line}行目: 行末まで達しているため本文の一部とみなしました。見出しであれば heading に移してください`,
      });
    }
    const clause: DraftClause = {
      ...base,
      ...(content.heading ? { heading: content.heading } : {}),
      text: content.joined.text,
      kind: content.kind,
    };
    pushWithSentences(clause, content.joined);
    emitChildren(node.children, clause);
  };

  for (const root of tree.roots) emitNode(root, undefined);
  // 例規集 pages mark a title with ○: 「○架空市情報セキュリティ管理規程」.
  const title = tree.preamble[0]?.text.replace(/^[○◯〇]/, '').trim();
  return { clauses, ...(title ? { title } : {}), warnings };
}
