/**
 * The article-extraction metric of shared/media-dev/README.md: Unicode word tokens, 4-token
 * shingles as multisets, per-page precision and recall, averaged over pages, then F1.
 */

const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  // a text shorter than one shingle counts as a single shingle of all its tokens
  const last = tokens.length < SHINGLE ? Math.min(tokens.length, 1) : tokens.length - SHINGLE + 1;
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/**
 * Precision and recall of one page's predicted text against its gold text.
 * An empty prediction has precision 0 (1 when the gold is empty too).
 */
export function scorePage({ predicted, gold }: { predicted: string; gold: string }): {
  precision: number;
  recall: number;
} {
  const p = shingles(predicted);
  const g = shingles(gold);
  let matched = 0;
  for (const [key, n] of p) matched += Math.min(n, g.get(key) ?? 0);
  const predictedTotal = total(p);
  const goldTotal = total(g);
  return {
    precision: predictedTotal === 0 ? (goldTotal === 0 ? 1 : 0) : matched / predictedTotal,
    recall: goldTotal === 0 ? 1 : matched / goldTotal,
  };
}

/** Averages per-page precision and recall, and their harmonic mean. */
export function averageScores({ scores }: { scores: { precision: number; recall: number }[] }): {
  precision: number;
  recall: number;
  f1: number;
} {
  const n = Math.max(scores.length, 1);
  const precision = scores.reduce((sum, s) => sum + s.precision, 0) / n;
  const recall = scores.reduce((sum, s) => sum + s.recall, 0) / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
