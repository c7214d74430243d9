// Email over SMTP with nodemailer: a transport built from the settings for each send (settings may
// change at any time, and a reminder batch is small), multipart text + HTML, UTF-8 headers encoded
// by nodemailer (a Polish subject becomes an RFC 2047 encoded word), and a Message-ID we choose, so
// the delivery log can name the message the recipient's server received.
import { createTransport } from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { SendError, errorText } from './send-error.ts';

export type SmtpSettings = {
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: 'none' | 'starttls' | 'tls';
  smtpUser: string;
  smtpPassword: string;
  fromAddress: string;
  fromName: string;
  replyTo: string;
};

export type OutgoingEmail = { id: string; to: string; subject: string; text: string; html: string | null };

/** Test seam: TLS options for a server with a self-signed certificate (tests only). */
export type SmtpOverrides = { tls?: SMTPTransportOptions['tls'] };

export function transportOptions(s: SmtpSettings, overrides: SmtpOverrides = {}): SMTPTransportOptions {
  return {
    host: s.smtpHost,
    port: s.smtpPort,
    secure: s.smtpSecurity === 'tls',
    requireTLS: s.smtpSecurity === 'starttls',
    ignoreTLS: s.smtpSecurity === 'none',
    ...(s.smtpUser ? { auth: { user: s.smtpUser, pass: s.smtpPassword } } : {}),
    // fail within a job's time rather than nodemailer's two-minute defaults
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    ...(overrides.tls ? { tls: overrides.tls } : {}),
  };
}

const domainOf = (address: string) => address.split('@')[1]?.toLowerCase() || 'serwisownia.local';

/** `<message-id@sender-domain>`: derived from our message id, so every attempt carries the same one. */
export const messageIdFor = (id: string, fromAddress: string) => `<${id}@${domainOf(fromAddress)}>`;

export async function sendEmail(s: SmtpSettings, mail: OutgoingEmail, overrides: SmtpOverrides = {}): Promise<{ providerMessageId: string }> {
  if (!s.smtpHost || !s.fromAddress) throw new SendError('Email is not configured (SMTP server and sender address)', { permanent: true, code: 'not_configured' });
  const transport = createTransport(transportOptions(s, overrides));
  try {
    const info = await transport.sendMail({
      from: s.fromName ? { name: s.fromName, address: s.fromAddress } : s.fromAddress,
      to: mail.to,
      ...(s.replyTo ? { replyTo: s.replyTo } : {}),
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId: messageIdFor(mail.id, s.fromAddress),
    });
    if (info.rejected?.length) throw new SendError(`The server refused the recipient ${info.rejected.join(', ')}: ${info.response}`, { permanent: true });
    return { providerMessageId: info.messageId };
  } catch (e) {
    if (e instanceof SendError) throw e;
    const err = e as { code?: string; permanent?: boolean; responseCode?: number };
    // nodemailer marks SMTP 5xx (but 503) as permanent; wrong credentials or settings are permanent too
    const permanent = typeof err.permanent === 'boolean' ? err.permanent : ['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE'].includes(err.code ?? '');
    throw new SendError(`SMTP: ${errorText(e)}`, { permanent, code: err.code ?? 'smtp' });
  } finally {
    transport.close();
  }
}
