// Options whose meaning depends on their position ("Todas as anteriores", "A e B", "None of
// the above"). Shuffling breaks them, so the parser pins such an option (fixed) and marks its
// question not to be shuffled; every emitter honours both. The all-of-the-above lint rule
// reports them. Matched on the whole option, accents and case ignored.
const patterns: RegExp[] = [
  // pt-BR
  /^(todas|todas as (anteriores|alternativas|opcoes|respostas)( (acima|estao corretas))?|todas (estao corretas|acima)|nenhuma|nenhuma das (anteriores|alternativas|opcoes|respostas)( acima)?|nenhuma (delas|acima)|ambas|ambas (estao corretas|as anteriores|as alternativas)|[a-e] e [a-e]|apenas [a-e] e [a-e]|somente [a-e] e [a-e]|as alternativas [a-e] e [a-e](.*)?)$/,
  // pt-BR, more wordings seen in banks (issue 4)
  /^(todas as (alternativas|opcoes|respostas|afirmativas|afirmacoes) (anteriores|acima)( estao corretas)?|todas as (afirmativas|afirmacoes)( estao corretas)?|nenhuma das (alternativas|opcoes|respostas|afirmativas|afirmacoes) (anteriores|acima)|nenhuma das (afirmativas|afirmacoes)|nenhuma (esta correta|das anteriores esta correta)|[a-e](, [a-e])+,? e [a-e])$/,
  // es
  /^(todas las (anteriores|opciones|respuestas)( (anteriores|son correctas))?|todas|ninguna|ninguna de las (anteriores|opciones)( (anteriores|es correcta))?|ambas|[a-e] y [a-e]( son correctas)?|solo [a-e] y [a-e]|todas son correctas|ninguna es correcta)$/,
  // en
  /^(all of the above( are correct)?|all the above|none of the above( are correct)?|none|both|both [a-e] and [a-e]|both of the above|neither|neither of the above|[a-e] and [a-e]( are correct)?|only [a-e] and [a-e]|[a-e](, [a-e])+,? and [a-e]|all of these|none of these|all are correct|none are correct)$/,
];

export function normalizeOption(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[.!,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The definition: the whole option, normalised, matches a pattern. */
export function isPositionalReference(option: string): boolean {
  if (option.length > 60) return false;
  const n = normalizeOption(option);
  return patterns.some((p) => p.test(n));
}

// Every pattern starts with one of these words. The parser asks about every option, and most
// options' first word rules them out, so only those few are normalised (NFKD and four regex
// passes per option were a parse hot spot at 100k questions).
const firstWords = new Set(['todas', 'nenhuma', 'ambas', 'apenas', 'somente', 'as', 'ninguna', 'solo', 'all', 'none', 'both', 'neither', 'only', 'a', 'b', 'c', 'd', 'e']);
const firstToken = /^[\s*_`]*(\S+)/;

const longestFirstWord = Math.max(...[...firstWords].map((w) => w.length));
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function mayBePositional(option: string): boolean {
  // Most options open with a plain ASCII word followed by a space: that word is what the
  // regexes below would find, so it is looked up without them (400k options at 100k questions).
  let end = 0;
  while (end < option.length && isAsciiLetter(option.charCodeAt(end))) end++;
  if (end > 0 && (end === option.length || option.charCodeAt(end) === 32 || option.charCodeAt(end) === 9)) {
    return end <= longestFirstWord && firstWords.has(option.slice(0, end).toLowerCase());
  }
  const m = firstToken.exec(option);
  if (!m) return true;
  let w = m[1]!.replace(/[*_`]/g, '').replace(/[.!,;:]+$/, '');
  if (/[^\x00-\x7f]/.test(w)) {
    w = w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (/\s/.test(w)) return true; // a compatibility character became a space: let the definition decide
  }
  return firstWords.has(w.toLowerCase());
}

export function isPositional(option: string): boolean {
  return option.length <= 60 && mayBePositional(option) && isPositionalReference(option);
}
