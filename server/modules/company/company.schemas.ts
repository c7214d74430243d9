import { z } from 'zod';

export const companyInput = z.object({
  name: z.string().trim().min(1).max(300),
  nip: z.string().trim().min(1).max(20).describe('Polish tax id; checked by checksum'),
  street: z.string().trim().max(200).default(''),
  postalCode: z.string().trim().max(20).default(''),
  city: z.string().trim().max(100).default(''),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).default('PL'),
  bankAccount: z.string().trim().max(40).default('').describe('NRB (26 digits) or PL IBAN; checked by checksum'),
  email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email())]).default(''),
  phone: z.string().trim().max(50).default(''),
  defaultLanguage: z.enum(['pl', 'en']).default('pl'),
});
export type CompanyInput = z.infer<typeof companyInput>;

/** What a company does; several may apply. The setup guide shows the steps these need. */
export const COMPANY_PROFILES = ['repair_shop', 'field_service', 'contracts_helpdesk', 'telecom'] as const;
export type CompanyProfile = (typeof COMPANY_PROFILES)[number];
export const profilesInput = z.object({ profiles: z.array(z.enum(COMPANY_PROFILES)).max(COMPANY_PROFILES.length) });

export const companySchema = companyInput
  .extend({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string(), bankAccount: z.string(), email: z.string(), phone: z.string(), profiles: z.array(z.enum(COMPANY_PROFILES)), updatedAt: z.iso.datetime() })
  .meta({ id: 'Company' });
