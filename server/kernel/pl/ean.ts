/** EAN-8 / EAN-13 (and GTIN-12/14) check digit: weights 3,1 from the right, excluding the check digit. */
export function isValidEan(input: string): boolean {
  const s = input.trim();
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(s)) return false;
  let sum = 0;
  for (let i = s.length - 2, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) sum += Number(s[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(s[s.length - 1]);
}
