import { describe, expect, it } from 'vitest';
import { IMPACTS, LIKELIHOODS } from '../../../../shared/enums.ts';
import {
  DEFAULT_RISK_MATRIX,
  findRiskLevel,
  isRiskMatrix,
  scoreRisk,
  type TRiskMatrix,
} from './risk-matrix.ts';

describe('findRiskLevel', () => {
  const level = (likelihood: (typeof LIKELIHOODS)[number], impact: (typeof IMPACTS)[number]) =>
    findRiskLevel({ matrix: DEFAULT_RISK_MATRIX, likelihood, impact });

  it('reads the four corners of the default matrix', () => {
    expect(level('almost_certain', 'insignificant')).toBe('high');
    expect(level('almost_certain', 'catastrophic')).toBe('extreme');
    expect(level('rare', 'insignificant')).toBe('low');
    expect(level('rare', 'catastrophic')).toBe('high');
  });

  it('reads the middle rows as DESIGN §5 writes them', () => {
    expect(LIKELIHOODS.map((l) => level(l, 'moderate'))).toEqual([
      'moderate',
      'moderate',
      'high',
      'high',
      'extreme',
    ]);
    expect(IMPACTS.map((i) => level('likely', i))).toEqual([
      'moderate',
      'high',
      'high',
      'extreme',
      'extreme',
    ]);
    expect(IMPACTS.map((i) => level('unlikely', i))).toEqual(['low', 'low', 'moderate', 'high', 'extreme']);
  });

  it("uses the plan's own matrix when it was edited", () => {
    const matrix: TRiskMatrix = DEFAULT_RISK_MATRIX.map((row) => [...row]);
    matrix[4]![0] = 'moderate'; // rare × insignificant
    expect(findRiskLevel({ matrix, likelihood: 'rare', impact: 'insignificant' })).toBe('moderate');
    expect(findRiskLevel({ matrix: DEFAULT_RISK_MATRIX, likelihood: 'rare', impact: 'insignificant' })).toBe(
      'low',
    );
  });

  it('refuses a matrix that is not 5×5', () => {
    expect(() =>
      findRiskLevel({ matrix: DEFAULT_RISK_MATRIX.slice(0, 4), likelihood: 'rare', impact: 'minor' }),
    ).toThrow(/5×5/);
  });
});

describe('scoreRisk and isRiskMatrix', () => {
  it('multiplies the positions on the scales', () => {
    expect(scoreRisk({ likelihood: 'rare', impact: 'insignificant' })).toBe(1);
    expect(scoreRisk({ likelihood: 'possible', impact: 'major' })).toBe(12);
    expect(scoreRisk({ likelihood: 'almost_certain', impact: 'catastrophic' })).toBe(25);
  });

  it('recognises a valid matrix and refuses unknown levels', () => {
    expect(isRiskMatrix(DEFAULT_RISK_MATRIX)).toBe(true);
    expect(isRiskMatrix([...DEFAULT_RISK_MATRIX.slice(0, 4), ['low', 'low', 'low', 'low', 'severe']])).toBe(
      false,
    );
    expect(isRiskMatrix('low')).toBe(false);
  });
});
