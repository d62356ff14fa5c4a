// Stratified splits: every label in every fold, a held-out slice that leaves small labels alone, reproducible.
import { stratifiedFolds, stratifiedSplit } from '../../dialogs';

const labels = [...Array(10).fill('a'), ...Array(5).fill('b'), ...Array(2).fill('c')] as string[];

describe('stratifiedFolds', () => {
  it('spreads each label over the folds evenly and reproducibly', () => {
    const folds = stratifiedFolds(labels, 5, 1);
    const count = (label: string, fold: number) => labels.filter((l, i) => l === label && folds[i] === fold).length;
    for (let f = 0; f < 5; f++) {
      expect(count('a', f)).toBe(2);
      expect(count('b', f)).toBe(1);
    }
    expect(stratifiedFolds(labels, 5, 1)).toEqual(folds);
  });
});

describe('stratifiedSplit', () => {
  it('holds out a share of each label but never from a label with under three examples', () => {
    const { fit, heldOut } = stratifiedSplit(labels, 0.2, 1);
    expect(heldOut.map((i) => labels[i]).sort()).toEqual(['a', 'a', 'b']);
    expect([...fit, ...heldOut].sort((x, y) => x - y)).toEqual(labels.map((_, i) => i));
  });
});
