import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DraftClause } from './draft-types.js';
import { importText } from './import-text.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/standards/${name}`, import.meta.url));
const tree = (clauses: DraftClause[]) =>
  clauses.map((clause) => [clause.line, clause.id, clause.parentId, clause.kind, clause.heading ?? null, clause.text]);

describe('a 例規 in 条 style (第N条 / 項 / 号 / ア)', () => {
  const standard = importText(fixture('jo-style.txt'));

  it('detects the style and takes the ○-marked title', () => {
    expect(standard.style).toBe('article');
    expect(standard.title).toBe('架空市情報セキュリティ管理規程');
    expect(standard.warnings).toEqual([]);
  });

  it('parses to the expected tree', () => {
    expect(tree(standard.clauses)).toEqual([
      [4, '第1章', null, 'heading', '総則', ''],
      // 見出し on its own line above the article.
      [6, '1', '第1章', 'TODO', '目的', 'この規程は、架空市情報セキュリティ基本方針に基づき、本市が保有する情報資産の管理について必要な事項を定めることを目的とする。'],
      [8, '2', '第1章', 'TODO', '定義', 'この規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。'],
      // 号 of a one-paragraph article: 第2条第1号 → 2.1; the defined term becomes the heading.
      [9, '2.1', '2', 'TODO', '情報資産', 'ネットワーク、情報システム及びこれらで取り扱う情報をいう。'],
      [10, '2.2', '2', 'TODO', '情報セキュリティ管理者', '各課の長をいう。'],
      [11, '2.3', '2', 'TODO', '職員', '本市の事務に従事する者をいう。'],
      [12, '第2章', null, 'heading', '組織', ''],
      // 見出し inline; with a 第2項 the first paragraph gets its own id, as one cites 第3条第1項.
      [13, '3', '第2章', 'heading', '最高情報セキュリティ責任者', ''],
      [13, '3.1', '3', 'TODO', null, '副市長をもって最高情報セキュリティ責任者とする。'],
      [14, '3.2', '3', 'TODO', null, '最高情報セキュリティ責任者は、本市における情報セキュリティ対策を統括する。'],
      // 見出し alone on the article line, text on the next; 号 written 一 二 三.
      [15, '4', '第2章', 'heading', '情報セキュリティ管理者', ''],
      [16, '4.1', '4', 'TODO', null, '情報セキュリティ管理者は、所管する課の情報資産について、次に掲げる事務を行わなければならない。'],
      [17, '4.1.1', '4.1', 'TODO', null, '情報資産の分類及び管理'],
      [18, '4.1.2', '4.1', 'TODO', null, '職員に対する情報セキュリティ教育の実施'],
      [19, '4.1.3', '4.1', 'TODO', null, '情報セキュリティインシデントの報告'],
      // A ただし書 that only says この限りでない stays in its paragraph.
      [20, '4.2', '4', 'TODO', null, '情報セキュリティ管理者は、前項第3号の報告を受けたときは、速やかに最高情報セキュリティ責任者に報告しなければならない。ただし、軽微なものについては、この限りでない。'],
      [21, '第3章', null, 'heading', '情報資産の管理', ''],
      [23, '5', '第3章', 'heading', '持出しの制限', ''],
      [23, '5.1', '5', 'TODO', null, '職員は、機密性の高い情報資産を庁舎外に持ち出してはならない。ただし、情報セキュリティ管理者の承認を受けたときは、この限りでない。'],
      [24, '5.2', '5', 'TODO', null, '前項ただし書の承認を受けた職員は、次に掲げる措置を講じなければならない。'],
      [25, '5.2.1', '5.2', 'TODO', null, '持ち出す情報資産の暗号化'],
      [26, '5.2.2', '5.2', 'TODO', null, '持出し記録簿への次に掲げる事項の記載'],
      [27, '5.2.2.ア', '5.2.2', 'TODO', null, '持出しの日時'],
      [28, '5.2.2.イ', '5.2.2', 'TODO', null, '持出しの目的'],
      [29, '5.2.3', '5.2', 'TODO', null, '返却時の確認'],
      [31, '5の2', '第3章', 'TODO', '外部記録媒体', '職員は、支給された記録媒体以外の記録媒体を使用してはならない。'],
      [32, '6', '第3章', 'TODO', '廃棄', '職員は、情報資産を廃棄する場合は、復元できないよう消去しなければならない。この場合において、情報セキュリティ管理者は、廃棄の記録を作成しなければならない。'],
      [32, '6.後段', '6', 'TODO', null, 'この場合において、情報セキュリティ管理者は、廃棄の記録を作成しなければならない。'],
      [33, '第4章', null, 'heading', '外部委託', ''],
      // Full-width （１） read as (1).
      [34, '7', '第4章', 'TODO', '委託先の管理', '情報セキュリティ管理者は、業務を外部委託事業者に委託する場合には、次に掲げる事項を契約書に定めなければならない。'],
      [35, '7.1', '7', 'TODO', null, '守秘義務'],
      [36, '7.2', '7', 'TODO', null, '再委託の禁止'],
      [37, '7.3', '7', 'TODO', null, '情報セキュリティインシデント発生時の報告'],
      [39, '8', '第4章', 'TODO', '委任', 'この規程に定めるもののほか、必要な事項は、最高情報セキュリティ責任者が別に定める。'],
    ]);
  });

  it('records the shapes and markers as written', () => {
    const shapes = Object.fromEntries(standard.clauses.map((clause) => [clause.id, [clause.shape, clause.marker]]));
    expect(shapes['3.1']).toEqual(['firstParagraph', undefined]);
    expect(shapes['3.2']).toEqual(['number', '2']);
    expect(shapes['4.1.2']).toEqual(['kanjiNumber', '二']);
    expect(shapes['5の2']).toEqual(['article', '第5条の2']);
    expect(shapes['7.1']).toEqual(['parenNumber', '（１）']);
    expect(standard.clauses.find((clause) => clause.id === '6.後段')).toMatchObject({ shape: 'secondSentence', split: 'suggested', depth: 3 });
  });

  it('reads 附則 with 令和元年, 公布の日 and kanji numerals', () => {
    expect(standard.versions.map(({ id, issued, number, effective }) => ({ id, issued, number, effective }))).toEqual([
      { id: '附則.1', issued: undefined, number: undefined, effective: '2019-05-01' },
      { id: '附則.2', issued: '2021-03-31', number: '訓令第4号', effective: '2021-04-01' },
      // 「公布の日から施行する」: in force on the day it was issued (令和五年三月二十日).
      { id: '附則.3', issued: '2023-03-20', number: '訓令第二号', effective: '2023-03-20' },
    ]);
    // The numbered paragraphs of a 附則 are its text, not clauses.
    expect(standard.versions[2]?.text).toBe('1　この規程は、公布の日から施行する。\n2　改正後の第5条の2の規定は、令和5年4月1日以後に使用する記録媒体について適用する。');
    expect(standard.clauses.some((clause) => clause.line >= 40)).toBe(false);
  });

  it('lists its role titles', () => {
    expect(standard.roles.map((role) => [role.title, role.count])).toEqual([
      ['情報セキュリティ管理者', 7],
      ['職員', 6],
      ['最高情報セキュリティ責任者', 5],
      ['外部委託事業者', 1],
    ]);
  });
});

describe('a PDF copy with lines broken at a fixed width', () => {
  const standard = importText(fixture('pdf-broken.txt'));

  it('joins broken lines, tells titles from broken lines, and skips the page footer', () => {
    expect(standard.style).toBe('outline');
    expect(standard.title).toBe('架空市情報セキュリティ対策基準');
    expect(tree(standard.clauses)).toEqual([
      [3, '1', null, 'heading', '情報資産の管理', ''],
      [4, '1.1', '1', 'TODO', '情報資産の分類', '情報セキュリティ責任者は、所管する情報資産を、その機密性、完全性及び可用性に応じて次に掲げる分類に基づき分類し、台帳に記録しなければならない。'],
      // Broken after 「情」 with no particle to show it: only the line's full width tells.
      [8, '1.1.1', '1.1', 'TODO', '機密性２', '個人情報その他の秘密を要する情報を含む情報資産'],
      [10, '1.1.2', '1.1', 'TODO', '機密性１', '機密性２以外の情報資産'],
      [11, '1.2', '1', 'heading', '情報資産の持出し', ''],
      [12, '1.2.1', '1.2', 'TODO', null, '職員は、機密性２の情報資産を庁舎外に持ち出してはならない。ただし、情報セキュリティ責任者の承認を受けたときは、この限りでない。'],
      [15, '1.2.2', '1.2', 'TODO', null, '職員は、前号ただし書の承認を受けて情報資産を持ち出す場合は、暗号化その他の情報の漏えいを防止するために必要な措置を講じなければならない。この場合において、職員は、持出しの記録を作成しなければならない。'],
      // The 後段 starts on line 18, after the page footer of line 17.
      [18, '1.2.2.後段', '1.2.2', 'TODO', null, 'この場合において、職員は、持出しの記録を作成しなければならない。'],
      [20, '1.3', '1', 'TODO', '記録媒体の廃棄', '職員は、記録媒体を廃棄する場合は、記録されている情報を復元できないように消去しなければならない。'],
      [23, '2', null, 'heading', '技術的な対策', ''],
      [24, '2.1', '2', 'heading', 'アクセス制御', ''],
      [25, '2.1.1', '2.1', 'TODO', null, '情報システム管理者は、利用者ごとに付与するアクセス権限を業務上必要な最小限のものとし、その付与及び変更の記録を保存しなければならない。'],
      [28, '2.1.2', '2.1', 'TODO', null, '情報システム管理者は、次に掲げる場合には、速やかに当該利用者のアクセス権限を停止しなければならない。'],
      [30, '2.1.2.ア', '2.1.2', 'TODO', null, '利用者が異動し、又は退職したとき。'],
      [31, '2.1.2.イ', '2.1.2', 'TODO', null, '利用者のパスワードが第三者に知られたおそれがあるとき。'],
      [32, '2.2', '2', 'TODO', '不正プログラム対策', '職員は、外部から入手したファイルを使用する場合は、事前に不正プログラムの検査を行わなければならない。'],
    ]);
  });

  it('warns about the page number it skipped, with its line', () => {
    expect(standard.warnings).toEqual([expect.objectContaining({ code: 'page-number-skipped', line: 17 })]);
  });

  it('reads a 附則 date written in full-width digits', () => {
    expect(standard.versions).toEqual([{ id: '附則.1', version: 1, effective: '2020-04-01', line: 35, text: 'この基準は、令和２年４月１日から施行する。' }]);
  });

  it('reads the same clauses from the unbroken text', () => {
    // Undo the PDF's layout by hand: the tree must not depend on where the lines were broken.
    const unbroken = [
      '架空市情報セキュリティ対策基準',
      '第１　情報資産の管理',
      '１　情報資産の分類',
      standard.clauses.find((clause) => clause.id === '1.1')?.text ?? '',
      '(1)　機密性２　個人情報その他の秘密を要する情報を含む情報資産',
      '(2)　機密性１　機密性２以外の情報資産',
    ].join('\n');
    const direct = importText(unbroken);
    expect(direct.clauses.map((clause) => [clause.id, clause.heading, clause.text])).toEqual(
      standard.clauses.slice(0, 4).map((clause) => [clause.id, clause.heading, clause.text]),
    );
  });
});
