// natural's stemmers index loads the stemmers of every language it knows (≈0.1 s at each start-up and in every test
// file); the NLU stems English only, so it imports the Porter stemmer's own file, which ships no declaration.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  import type { Stemmer } from 'natural/lib/natural/stemmers';
  const PorterStemmer: Stemmer;
  export = PorterStemmer;
}
