// What the catalogue's export routes share (products, services, resources, service paths): the query
// fields and the download headers. The streaming itself is kernel/http/table-export.ts.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { businessDate } from '../../kernel/time/business-date.ts';

export type ExportLang = 'pl' | 'en';
export type ExportFormat = 'csv' | 'xlsx';

export const exportQueryFields = {
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['pl', 'en']).default('pl').describe('Language of the header row and of yes/no values'),
};

export const exportProduces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export const yesNo = (v: boolean, lang: ExportLang) => (v ? (lang === 'pl' ? 'tak' : 'yes') : '');

/** Sets the download headers: `<name>-<business date>.<format>`, the name in the export's language. */
export function sendExport(reply: FastifyReply, now: Date, fileName: { pl: string; en: string }, format: ExportFormat, lang: ExportLang, body: Readable) {
  reply
    .header('content-disposition', `attachment; filename="${fileName[lang]}-${businessDate(now)}.${format}"`)
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return reply.send(body);
}
