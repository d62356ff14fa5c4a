// The languages the bot speaks, named in the language of a reply ({languages}: "English, Spanish and German",
// "inglés, español y alemán"), by Intl: a language added to knowledge is named everywhere without new words.
const cache = new Map<string, string>();

export function languageList(codes: readonly string[], inLanguage: string): string {
  const key = `${inLanguage}\n${codes.join(',')}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    const names = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' });
    const list = new Intl.ListFormat([inLanguage, 'en'], { style: 'long', type: 'conjunction' });
    text = list.format(codes.map((c) => names.of(c) ?? c));
  } catch {
    text = codes.join(', ');
  }
  cache.set(key, text);
  return text;
}
