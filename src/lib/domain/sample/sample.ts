// The bilingual sample workspace ("Harbour Tea House"), built as backup tables so it loads through the restore path.
// Each area adds its sample records in its own module (journeys.ts, touchpoints.ts, personas.ts…), listed in AREA_SAMPLES.
import type { BackupTables } from '../backup/backup';
import type { Bilingual, Locale } from '../record';
import { AREA_SAMPLES } from './areas';

export const SAMPLE_WORKSPACE_ID = 'sample-workspace';

const TEXT = {
	name: { en: 'Harbour Tea House (sample)', 'zh-CN': '港湾茶舍（示例）' },
	organisation: { en: 'Harbour Tea House, 3 stores and a mini-program', 'zh-CN': '港湾茶舍：3 家门店 + 小程序' },
	description: {
		en: 'A neighbourhood tea-house chain that wants first-time members to come back. Use this sample to explore: map the first-visit journey before, during and after contact, keep the service standards of the phone hotline and the store counter, and learn who your most valuable customers are.',
		'zh-CN':
			'一家社区连锁茶饮店，希望新会员首次到店后能再次光顾。用这个示例来探索：绘制接触前、接触中、接触后的首次到店旅程，维护客服热线和门店柜台的服务标准，并找出最有价值的客户。'
	}
} satisfies Record<string, Bilingual>;

export function sampleTables(locale: Locale, now = Date.now()): BackupTables {
	const tables: BackupTables = {
		workspaces: [
			{
				id: SAMPLE_WORKSPACE_ID,
				name: TEXT.name[locale],
				organisation: TEXT.organisation[locale],
				description: TEXT.description[locale],
				createdAt: now,
				updatedAt: now,
				deletedAt: null,
				sample: true
			}
		]
	};
	for (const area of AREA_SAMPLES) {
		for (const [table, rows] of Object.entries(area(locale, SAMPLE_WORKSPACE_ID, now))) {
			tables[table] = [...(tables[table] ?? []), ...rows];
		}
	}
	return tables;
}
