import { addContact } from '../features/contacts/add-contact.js';
import { addContactSchema } from '../features/contacts/schemas.js';
import type { DemoDirectory } from './demo-assets.js';

/**
 * The demo's emergency contact directory, added by its ネットワーク管理者 through the same use case (fictional
 * names; numbers of the 555 kind that reach nobody).
 */
export async function seedDemoContacts(directory: DemoDirectory): Promise<void> {
  const netadmin = await directory.actingAs('netadmin');
  const contacts = [
    { name: '鈴木 網', organisation: '総務部 情報政策課', kind: 'internal', purpose: '情報セキュリティ障害の第一報', phone: '03-5555-0101', email: 'joho@demo.bansho.invalid', priority: 1 },
    { name: '高橋 統括', organisation: '総務部', kind: 'internal', purpose: '情報セキュリティ障害の第一報', phone: '03-5555-0102', priority: 2 },
    { name: 'サイバー犯罪相談窓口', organisation: '警察署', kind: 'authority', purpose: '不正アクセス・侵害の届出', phone: '03-5555-0110', priority: 1 },
    { name: '外部セキュリティ相談窓口', organisation: 'デモ情報セキュリティ株式会社', kind: 'expert', purpose: '不正アクセス対策が不十分な事態の支援', phone: '03-5555-0200', email: 'support@demo-security.invalid', notes: '年間支援契約あり（24時間受付）', priority: 1 },
    { name: 'データセンター運用窓口', organisation: 'デモシステム保守株式会社', kind: 'vendor', purpose: 'サーバ・ネットワーク機器の障害', phone: '03-5555-0300', priority: 1 },
  ];
  for (const contact of contacts) await addContact(netadmin, addContactSchema.parse(contact));
}
