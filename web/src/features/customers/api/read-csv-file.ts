// Reads a CSV file as text: UTF-8 when it is valid UTF-8, otherwise Windows-1250 (what Polish
// Excel writes when saving "CSV (rozdzielany średnikami)").
export type DecodedFile = { text: string; encoding: 'UTF-8' | 'Windows-1250' };

export function decodeCsv(buffer: ArrayBuffer): DecodedFile {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(buffer), encoding: 'Windows-1250' };
  }
}

export async function readCsvFile(file: File): Promise<DecodedFile> {
  return decodeCsv(await file.arrayBuffer());
}
