// Word lists the normaliser uses: contractions (with and without the apostrophe) and chat shorthand or common typos.
// These describe how people type English, not what the bot says, so they live in code; another language's shorthand
// is data in its language.yaml (LanguageSpec.shorthand).

/** Contractions, keyed by the form after lower-casing and straightening quotes. */
export const CONTRACTIONS: Readonly<Record<string, string>> = {
  "won't": 'will not', wont: 'will not', "can't": 'can not', cant: 'can not', cannot: 'can not',
  "shan't": 'shall not', "ain't": 'is not', aint: 'is not',
  dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not', arent: 'are not',
  wasnt: 'was not', werent: 'were not', havent: 'have not', hasnt: 'has not', hadnt: 'had not',
  couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not', mustnt: 'must not',
  im: 'i am', ive: 'i have', youre: 'you are', youve: 'you have', theyre: 'they are',
  thats: 'that is', whats: 'what is', wheres: 'where is', hows: 'how is', whos: 'who is',
  "let's": 'let us', lets: 'let us', "it's": 'it is', "there's": 'there is', theres: 'there is',
  "y'all": 'you all', gonna: 'going to', wanna: 'want to', gotta: 'got to', dunno: 'do not know',
};

/** Regular suffix contractions, applied after the whole-word table. */
export const CONTRACTION_SUFFIXES: readonly (readonly [RegExp, string])[] = [
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
];

/** English shorthand and frequent misspellings of everyday words (whole words only). */
export const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', yr: 'your', r: 'are', pls: 'please', plz: 'please', pleas: 'please', plse: 'please',
  thx: 'thanks', thnx: 'thanks', thanx: 'thanks', tnx: 'thanks', ty: 'thank you', tysm: 'thank you so much',
  bc: 'because', cuz: 'because', coz: 'because', becuase: 'because', becasue: 'because', b4: 'before',
  teh: 'the', adn: 'and', wat: 'what', wut: 'what', wht: 'what', hw: 'how', whne: 'when',
  abt: 'about', msg: 'message', msgs: 'messages', pic: 'picture', pics: 'pictures', pwd: 'password',
  recieve: 'receive', recieved: 'received', definately: 'definitely', seperate: 'separate',
  tommorow: 'tomorrow', tomorow: 'tomorrow', untill: 'until', alot: 'a lot', sry: 'sorry', srry: 'sorry',
  ok: 'okay', k: 'okay', kk: 'okay', okey: 'okay', okk: 'okay', yep: 'yes', yup: 'yes', ya: 'yes', yeah: 'yes',
  nah: 'no', nope: 'no', idk: 'i do not know', btw: 'by the way', asap: 'as soon as possible',
};

/** Misspelt product names, in any language. */
export const PRODUCT_SHORTHAND: Readonly<Record<string, string>> = {
  ipone: 'iphone', iphne: 'iphone', ihpone: 'iphone', iphon: 'iphone',
  icoud: 'icloud', iclod: 'icloud', icloude: 'icloud', iclould: 'icloud',
};

/** Multi-word spellings folded into one token before tokenising ("wi-fi", "wi fi", "i cloud", "i phone"). */
export const COMPOUNDS: readonly (readonly [RegExp, string])[] = [
  [/\bw[i1][\s\-_.]?f[i1]\b/g, 'wifi'],
  [/\bi[\s\-_.]cloud\b/g, 'icloud'],
  [/\bi[\s\-_.]phone\b/g, 'iphone'],
  [/\bi[\s\-_.]pad\b/g, 'ipad'],
  [/\bi[\s\-_.]tunes\b/g, 'itunes'],
  [/\be[\s\-_.]?mail\b/g, 'email'],
  [/\blog[\s\-_.]?in\b/g, 'login'],
  [/\bback[\s\-_.]up(s?)\b/g, 'backup$1'],
];
