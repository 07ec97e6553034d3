import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from './import-text.js';

// The Shinjuku standard (seeds/000_bacddd8c23653a8f.txt, byte for byte) and the clause tree derived from it by
// hand and checked against design/clauses-report.md: 224 markers = 47 bare headings + 177 numbered items,
// plus 7 後段, 1 ただし書 and 2 table rows = 187 normative rows.
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/standards/${name}`, import.meta.url));
const expected = fixture('shinjuku-expected-clauses.tsv')
  .toString('utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, 'heading' | 'item']);
const standard = importText(fixture('shinjuku.txt'));
const byId = new Map(standard.clauses.map((clause) => [clause.id, clause]));

describe('importing the Shinjuku standard', () => {
  it('reads the outline numbering (第1 / 1 / (1) / ア / (ア)) without warnings', () => {
    expect(standard.style).toBe('outline');
    expect(standard.warnings).toEqual([]);
  });

  it('yields exactly the expected clause ids, in document order, with headings where the list has them', () => {
    expect(standard.clauses.map((clause) => [clause.id, clause.kind === 'heading' ? 'heading' : 'item'])).toEqual(expected);
  });

  it('has the counts the clause report states', () => {
    const markers = standard.clauses.filter((clause) => clause.marker !== undefined);
    const headings = standard.clauses.filter((clause) => clause.kind === 'heading');
    const normative = standard.clauses.filter((clause) => clause.kind !== 'heading');
    expect(markers).toHaveLength(224);
    expect(headings).toHaveLength(47);
    expect(headings.every((clause) => clause.marker !== undefined && clause.text === '')).toBe(true);
    expect(markers.length - headings.length).toBe(177);
    expect(normative.filter((clause) => clause.shape === 'secondSentence').map((clause) => clause.id)).toEqual([
      '2.4.1.後段',
      '2.4.4.後段',
      '3.3.1.後段',
      '4.1.3.後段',
      '5.2.5.後段',
      '5.4.6.ア.後段',
      '5.5.5.ア.後段',
    ]);
    expect(normative.filter((clause) => clause.shape === 'proviso').map((clause) => clause.id)).toEqual(['6.3.2.ウ.ただし書']);
    expect(normative.filter((clause) => clause.shape === 'tableRow').map((clause) => clause.id)).toEqual(['3.2.1.表.Ⅰ', '3.2.1.表.Ⅱ']);
    expect(normative).toHaveLength(187);
    expect(normative.filter((clause) => clause.split === 'suggested')).toHaveLength(8);
  });

  it('nests every clause under the clause its id extends', () => {
    for (const clause of standard.clauses) {
      const parentId = clause.id.includes('.') ? clause.id.slice(0, clause.id.lastIndexOf('.')).replace(/\.表$/, '') : null;
      expect(clause.parentId, clause.id).toBe(parentId);
      expect(clause.depth, clause.id).toBe(parentId === null ? 1 : (byId.get(parentId)?.depth ?? 0) + 1);
    }
  });

  // [id, source line, heading, exact text]
  const samples: [string, number, string | undefined, string][] = [
    ['1.1', 2, '目的', 'この基準は、新宿区情報セキュリティ規則(平成15年新宿区規則第98号)に基づき情報セキュリティ対策を実施するに当たり、統一的に遵守すべき行為、判断等の基準を定めることを目的とする。'],
    ['1.2.1', 6, '課等', '新宿区情報セキュリティ規則第8条第1項に規定する課等をいう。'],
    ['1.3.4', 15, undefined, 'コンピュータウイルス、地震、落雷、火災等による災害、情報セキュリティインシデント等による情報システムの停止'],
    ['2.1.3', 22, '利用者の利用責任', '情報資産を利用する者(以下「利用者」という。)は、当該情報資産を3の情報資産の重要性分類に基づき利用する責任を有する。'],
    ['2.3.1', 28, undefined, '重要性分類Ⅰ'],
    ['2.3.1.ウ', 31, undefined, '漏えいした場合、個人又は法人その他の団体の利益を害する等区に対する信頼を害するおそれのある情報資産'],
    ['2.3.2', 34, '重要性分類Ⅱ', '重要性分類Ⅰに分類される情報資産以外の情報資産'],
    ['2.4.1.後段', 38, undefined, 'この場合において、第三者が重要性分類の識別を容易にすることができないよう留意しなければならない。'],
    ['2.4.2.イ', 41, undefined, '職員は、重要性分類Ⅰに属する情報資産を当該課等の情報資産が所在する場所から外部へ持ち出し、又は送信してはならない。ただし、当該情報資産の内容、使用目的、持出し方法、管理方法等を明確にした上で、当該情報資産を管理する情報セキュリティ責任者の承認を受けたときは、この限りでない。'],
    ['2.4.4', 47, '情報資産の廃棄', '職員は、重要性分類Ⅰに分類される情報資産が不要となった場合は、速やかに廃棄しなければならない。この場合において、当該情報資産を記録した媒体を廃棄するときは、情報セキュリティ責任者の承認を受け、当該情報資産を完全に消去する等復元できないようにした上で、廃棄しなければならない。'],
    ['3.1.1.ウ.ア', 55, undefined, '設置及び利用場所が確定している電子計算機及び通信回線装置については、所定の設置場所から移動できない措置を講ずること。'],
    ['3.2.1.表.Ⅰ', 68, '管理区域Ⅰ', '重要な電子計算機、通信回線装置等を設置するために独立して設けられた部屋又は区画で、関係者以外の侵入や自然災害の発生等を原因とする情報資産に対するセキュリティ侵害(以下「侵害」という。)に対して、施設及び環境面から対策が講じられているもの'],
    ['3.2.2.ア.エ', 80, undefined, 'その他管理区域の情報セキュリティを保つために必要な措置'],
    ['4.1.3.後段', 93, undefined, '職員が退職等により職を離れた場合においても、同様とする。'],
    ['5.2.2.ア.ア', 104, undefined, '庁舎から庁舎以外の場所への持ち出し(ただし、当該情報資産を管理する情報セキュリティ責任者が許可したときは、この限りでない。)'],
    ['5.2.5', 113, '情報システムに関するネットワーク構成図等及びソフトウェアの貸与', '情報セキュリティ責任者は、所管する情報システムに関するネットワーク構成図等又はソフトウェアを他の課等の情報セキュリティ責任者に貸与する場合には、当該貸与が著作権法その他の法令に抵触しないことを確認した上で行わなければならない。この場合において、当該情報セキュリティ責任者は、当該ネットワーク構成図等又はソフトウェアの取扱に関し、当該他の課等の情報セキュリティ責任者と協議の上、必要な事項について定めなければならない。'],
    ['5.4.6.ア.後段', 146, undefined, '賃貸業者に対し、賃貸した構成機器を返却する場合も、同様とする。'],
    ['6.3.2.ウ.ただし書', 215, undefined, 'ただし、ネットワーク、情報システム及び情報資産への危害を防止するため、直ちに離脱させる必要がある場合には、事後において、ネットワーク管理者にその旨を報告するものとする。'],
    ['6.3.3.カ', 223, undefined, 'オの復旧作業後必要と認められる期間内における情報セキュリティ障害の再発に関する監視'],
    ['6.5.12', 246, undefined, '前各号に掲げる事項に違反した場合の措置に関すること。'],
    ['7.4', 266, '情報セキュリティポリシー及び関連規程等の見直し', '情報化戦略本部は、3の評価に基づき、情報セキュリティポリシー及び関連規程等の必要な見直しに関し、審議する。'],
  ];
  it.each(samples)('gives %s (line %i) its heading and exact text', (id, line, heading, text) => {
    const clause = byId.get(id);
    expect(clause?.line).toBe(line);
    expect(clause?.heading).toBe(heading);
    expect(clause?.text).toBe(text);
  });

  it('keeps the table columns of 第3 2(1) on its row items', () => {
    expect(byId.get('3.2.1.表.Ⅱ')).toMatchObject({
      parentId: '3.2.1',
      columns: ['管理区域Ⅱ', '事務室等又はその内部であって、関係者以外の侵入や自然災害の発生等を原因とする侵害に対して施設及び環境面から対策が必要な区域で、管理区域Ⅰ以外のもの'],
      columnHeadings: ['管理区域の区分', '管理区域'],
      line: 71,
    });
  });

  it('does not split 2.4.2.イ: its ただし書 only lifts the ban (この限りでない)', () => {
    expect(standard.clauses.filter((clause) => clause.parentId === '2.4.2.イ')).toEqual([]);
  });

  it('marks the bare headings with their titles and the marker as written', () => {
    expect(byId.get('2.4.2')).toMatchObject({ kind: 'heading', heading: '情報資産の管理', marker: '(2)', text: '' });
    expect(byId.get('7')).toMatchObject({ kind: 'heading', heading: '監査、点検、評価及び見直し', marker: '第7' });
  });

  it('reads the 10 附則 as versions with their dates and numbers', () => {
    expect(standard.versions.map(({ id, issued, number, effective, line }) => ({ id, issued, number, effective, line }))).toEqual([
      { id: '附則.1', issued: undefined, number: undefined, effective: '2003-08-25', line: 268 },
      { id: '附則.2', issued: '2005-03-30', number: '16新企情第1029号', effective: '2005-04-01', line: 270 },
      { id: '附則.3', issued: '2006-03-30', number: '17新総情第2275号', effective: '2006-04-01', line: 272 },
      { id: '附則.4', issued: '2007-03-23', number: '総情第2605号', effective: '2007-04-01', line: 274 },
      { id: '附則.5', issued: '2007-05-24', number: '19新総情第493号', effective: '2007-05-31', line: 276 },
      { id: '附則.6', issued: '2008-02-26', number: '19新総情第2815号', effective: '2008-04-01', line: 278 },
      { id: '附則.7', issued: '2008-06-23', number: '20新総合情第868号', effective: '2008-06-26', line: 280 },
      { id: '附則.8', issued: '2012-04-30', number: '24新総合情第141号', effective: '2012-05-01', line: 282 },
      { id: '附則.9', issued: '2014-03-24', number: '25新総合情第3605号', effective: '2014-03-25', line: 284 },
      { id: '附則.10', issued: '2015-11-20', number: '27新総合情第2678号', effective: '2016-01-01', line: 286 },
    ]);
    expect(standard.versions[0]?.text).toBe('この基準は、平成15年8月25日から施行する。');
  });

  it('lists the role titles the text uses with their counts', () => {
    const counts = Object.fromEntries(standard.roles.map((role) => [role.title, role.count]));
    expect(counts).toMatchObject({
      ネットワーク管理者: 40,
      情報セキュリティ責任者: 38,
      職員: 34,
      情報システム管理者: 31,
      情報化統括管理者: 17,
      情報化戦略本部: 8,
      外部委託事業者: 8,
      利用者: 5,
      統括情報セキュリティ責任者: 4,
      派遣労働者: 4,
    });
    // 統括情報セキュリティ責任者 is its own title, not one more 情報セキュリティ責任者.
    expect(standard.roles.find((role) => role.title === '情報セキュリティ責任者')?.clauseIds).not.toContain('6.2.1');
    expect(standard.roles[0]?.title).toBe('ネットワーク管理者');
  });
});
