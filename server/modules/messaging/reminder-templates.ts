// The default PL/EN email for a service-date reminder (recorded by the asset due check in
// `pending_reminders`). Plain-text templates with placeholders; the params come from the reminder row,
// with a few derived values (dates typed as dates, the serial number only when there is one).
import type { EmailTemplate, Lang, TemplateParams } from './templates.ts';

export const REMINDER_PLACEHOLDERS = ['kindName', 'assetName', 'assetLabel', 'serialNumber', 'customerName', 'dueOn', 'meterDueAt', 'meterUnit', 'companyName', 'companyContact'] as const;

export const REMINDER_TEMPLATES: Record<Lang, Record<'date' | 'meter', EmailTemplate>> = {
  pl: {
    date: {
      subject: 'Przypomnienie: {{kindName}} — {{assetName}}',
      body: 'Dzień dobry,\n\nprzypominamy, że {{dueOn}} przypada termin „{{kindName}}” dla urządzenia {{assetLabel}} ({{customerName}}).\n\nAby umówić wizytę lub zapytać o szczegóły, prosimy o kontakt{{companyContact}}.\n\nPozdrawiamy\n{{companyName}}',
    },
    meter: {
      subject: 'Przypomnienie: {{kindName}} — {{assetName}}',
      body: 'Dzień dobry,\n\nlicznik urządzenia {{assetLabel}} ({{customerName}}) osiągnął {{meterDueAt}} {{meterUnit}} — to czas na „{{kindName}}”.\n\nAby umówić wizytę lub zapytać o szczegóły, prosimy o kontakt{{companyContact}}.\n\nPozdrawiamy\n{{companyName}}',
    },
  },
  en: {
    date: {
      subject: 'Reminder: {{kindName}} — {{assetName}}',
      body: 'Hello,\n\nthis is a reminder that “{{kindName}}” for {{assetLabel}} ({{customerName}}) is due on {{dueOn}}.\n\nTo book a visit or ask about the details, please contact us{{companyContact}}.\n\nKind regards\n{{companyName}}',
    },
    meter: {
      subject: 'Reminder: {{kindName}} — {{assetName}}',
      body: 'Hello,\n\nthe meter of {{assetLabel}} ({{customerName}}) has reached {{meterDueAt}} {{meterUnit}}: it is time for “{{kindName}}”.\n\nTo book a visit or ask about the details, please contact us{{companyContact}}.\n\nKind regards\n{{companyName}}',
    },
  },
};

type ReminderParams = Record<string, string | number | null>;
type Company = { name: string; phone: string; email: string } | undefined;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The template and its values for one reminder, in the contact's language. */
export function reminderEmail(params: ReminderParams, lang: Lang, company: Company): { template: EmailTemplate; values: TemplateParams } {
  const serial = str(params.serialNumber);
  const contact = [company?.phone, company?.email].filter(Boolean).join(lang === 'pl' ? ', ' : ', ');
  const values: TemplateParams = {
    kindName: str(params.kindName),
    assetName: str(params.assetName),
    assetLabel: serial ? `${str(params.assetName)} (${lang === 'pl' ? 'nr seryjny' : 'serial number'} ${serial})` : str(params.assetName),
    serialNumber: serial,
    customerName: str(params.customerName),
    dueOn: typeof params.dueOn === 'string' ? { date: params.dueOn } : '',
    meterDueAt: str(params.meterDueAt),
    meterUnit: str(params.meterUnit),
    companyName: company?.name ?? '',
    companyContact: contact ? `: ${contact}` : '',
  };
  return { template: REMINDER_TEMPLATES[lang][params.reason === 'meter' ? 'meter' : 'date'], values };
}
