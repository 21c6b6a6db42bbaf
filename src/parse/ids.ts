// Deterministic question ids from bank path + number: editing the text never changes them.
// They are XML NCNames (letter first; letters, digits, '-', '_', '.') so QTI can use them as is.

export function slug(s: string): string {
  const base = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z_]/.test(base) ? base : `b-${base}`;
}

// One bank's questions all ask for the same slug: keep the last one.
let lastBank: string | undefined;
let lastSlug = '';

export function questionId(bankId: string, number: number): string {
  if (bankId !== lastBank) {
    lastSlug = slug(bankId);
    lastBank = bankId;
  }
  return `${lastSlug}-q${number}`;
}
