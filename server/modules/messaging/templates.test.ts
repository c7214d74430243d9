import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoneyFor, renderEmail, renderTemplate, renderTemplateHtml, validateTemplate, type Lang, type TemplateParams } from './templates.ts';

const params: TemplateParams = {
  customer: 'Zofia Wójcik',
  number: 'ZS/2027/0042',
  dueOn: { date: '2027-01-15' },
  total: { money: 123456 },
  small: { money: 5 },
  negative: { money: -99 },
  count: 1234.5,
  empty: null,
};

const renderCases: [string, string, Lang, string][] = [
  ['a Polish date is written out with the month in the genitive', 'Termin: {{dueOn}}', 'pl', 'Termin: 15 stycznia 2027'],
  ['an English date is day month year', 'Due: {{dueOn}}', 'en', 'Due: 15 January 2027'],
  ['Polish money has a space between thousands and a comma before grosze', 'Do zapłaty {{total}}', 'pl', 'Do zapłaty 1 234,56 zł'],
  ['English money has the currency first', 'Total {{total}}', 'en', 'Total PLN 1,234.56'],
  ['5 grosze are 0,05 zł', '{{small}}', 'pl', '0,05 zł'],
  ['a negative amount keeps its sign', '{{negative}}', 'pl', '-0,99 zł'],
  ['numbers use the language separators', '{{count}}', 'pl', '1 234,5'],
  ['spaces inside the braces are allowed', 'Dzień dobry, {{ customer }}!', 'pl', 'Dzień dobry, Zofia Wójcik!'],
  ['a placeholder used twice is filled twice', '{{number}} / {{number}}', 'pl', 'ZS/2027/0042 / ZS/2027/0042'],
  ['a missing or null value renders empty', '[{{empty}}][{{nothing}}]', 'pl', '[][]'],
  ['text is not escaped in the plain part', '{{customer}} <b>', 'pl', 'Zofia Wójcik <b>'],
];
for (const [name, template, lang, expected] of renderCases) test(`render: ${name}`, () => assert.equal(renderTemplate(template, params, lang), expected));

test('money is exact for large amounts (no floating point)', () => assert.equal(formatMoneyFor(900719925474099, 'pl'), '9 007 199 254 740,99 zł'));

test('the HTML part escapes values and the text, and keeps line breaks and paragraphs', () => {
  const html = renderTemplateHtml('Dzień dobry {{customer}},\nzlecenie {{number}} & więcej.\n\nPozdrawiamy', { customer: '<script>alert("x")</script>', number: "O'Neil" }, 'pl');
  assert.equal(html, '<p>Dzień dobry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,<br>zlecenie O&#39;Neil &amp; więcej.</p>\n<p>Pozdrawiamy</p>');
});

test('an email has a one-line subject, a text part and an escaped HTML part', () => {
  const mail = renderEmail({ subject: 'Zlecenie {{number}}', body: 'Klient: {{customer}}' }, { number: 'A\r\nBcc: x@y.pl', customer: 'Ł&Ż' }, 'pl');
  assert.equal(mail.subject, 'Zlecenie A Bcc: x@y.pl');
  assert.equal(mail.text, 'Klient: Ł&Ż');
  assert.match(mail.html, /<p>Klient: Ł&amp;Ż<\/p>/);
  assert.match(mail.html, /<html lang="pl">/);
});

const validateCases: [string, string, string[], { code: string; name?: string }[]][] = [
  ['a template using offered placeholders is valid', 'Zlecenie {{number}} dla {{customer}}', ['number', 'customer'], []],
  ['an unknown placeholder is reported by name', 'Zlecenie {{numer}}', ['number'], [{ code: 'messaging.template_unknown_placeholder', name: 'numer' }]],
  ['each unknown placeholder is reported once', '{{a}} {{a}} {{b}}', [], [{ code: 'messaging.template_unknown_placeholder', name: 'a' }, { code: 'messaging.template_unknown_placeholder', name: 'b' }]],
  ['an unclosed placeholder is malformed', 'Zlecenie {{ number }', ['number'], [{ code: 'messaging.template_malformed' }]],
  ['a placeholder with a space in its name is malformed', '{{numer zlecenia}}', ['number'], [{ code: 'messaging.template_malformed' }]],
  ['text without placeholders is valid', 'Dziękujemy.', [], []],
];
for (const [name, template, allowed, expected] of validateCases)
  test(`validate: ${name}`, () => {
    const errors = validateTemplate(template, allowed, 'body');
    assert.deepEqual(
      errors.map((e) => ({ code: e.code, ...(e.params?.name ? { name: e.params.name } : {}) })),
      expected,
    );
    for (const e of errors) assert.equal(e.path, 'body');
  });
