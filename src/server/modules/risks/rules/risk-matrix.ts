/**
 * The risk matrix (IEC 31010): a risk's level is read from a 5×5 grid of likelihood × impact
 * that each plan can edit. Rows run from `almost_certain` (first) down to `rare` (last), columns
 * from `insignificant` to `catastrophic`, as a heat map is drawn. Pure functions, no I/O.
 */
import {
  IMPACTS,
  LIKELIHOODS,
  RISK_LEVELS,
  type TImpact,
  type TLikelihood,
  type TRiskLevel,
} from '../../../../shared/enums.ts';

/** Five rows (almost_certain → rare) of five levels (insignificant → catastrophic). */
export type TRiskMatrix = TRiskLevel[][];

const L = 'low';
const M = 'moderate';
const H = 'high';
const E = 'extreme';

/** DESIGN §5's default: `H H E E E / M H H E E / L M H E E / L L M H E / L L M H H`. */
export const DEFAULT_RISK_MATRIX: TRiskMatrix = [
  [H, H, E, E, E],
  [M, H, H, E, E],
  [L, M, H, E, E],
  [L, L, M, H, E],
  [L, L, M, H, H],
];

/** The matrix row of a likelihood (0 = almost_certain, 4 = rare). */
export const matrixRowOf = (likelihood: TLikelihood) =>
  LIKELIHOODS.length - 1 - LIKELIHOODS.indexOf(likelihood);

/** The matrix column of an impact (0 = insignificant, 4 = catastrophic). */
export const matrixColumnOf = (impact: TImpact) => IMPACTS.indexOf(impact);

/**
 * The level of a likelihood × impact pair in a plan's matrix.
 * @throws when the matrix is not 5×5 or a value is off the scales.
 * @example findRiskLevel({ matrix: DEFAULT_RISK_MATRIX, likelihood: 'likely', impact: 'major' }) // 'extreme'
 */
export function findRiskLevel(options: {
  matrix: TRiskMatrix;
  likelihood: TLikelihood;
  impact: TImpact;
}): TRiskLevel {
  const row = matrixRowOf(options.likelihood);
  const column = matrixColumnOf(options.impact);
  if (row > LIKELIHOODS.length - 1 || column < 0) throw new Error('Likelihood or impact is off the scale.');
  const level = options.matrix[row]?.[column];
  if (!level || !RISK_LEVELS.includes(level)) throw new Error('The risk matrix must be 5×5 levels.');
  return level;
}

/**
 * Likelihood × impact on 1–25, for sorting only (the level is the matrix's).
 * @example scoreRisk({ likelihood: 'possible', impact: 'major' }) // 12
 */
export function scoreRisk(options: { likelihood: TLikelihood; impact: TImpact }): number {
  return (LIKELIHOODS.indexOf(options.likelihood) + 1) * (IMPACTS.indexOf(options.impact) + 1);
}

/** True when the matrix is 5 rows of 5 known levels. */
export function isRiskMatrix(value: unknown): value is TRiskMatrix {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    value.every(
      (row) =>
        Array.isArray(row) &&
        row.length === 5 &&
        row.every((cell) => RISK_LEVELS.includes(cell as TRiskLevel)),
    )
  );
}
