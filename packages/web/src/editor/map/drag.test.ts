import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../fixtures/sample-journey';
import * as cmd from '../store/commands/index';
import {
  arrowTarget,
  cardDropIndex,
  laneDrop,
  laneMoveBy,
  slotAt,
  stageDrop,
  stageMoveBy,
  stepDrop,
  stepMoveBy,
} from './drag';

// The sample map: stage s1 [t1, t2], stage s2 [t3, t4]; lanes l-touch, l-act, l-emo, …
const doc = sampleJourney();
const stepsOf = (d: typeof doc) => d.stages.map((s) => `${s.id}:${s.steps.map((t) => t.id).join(',')}`);

describe('drag and keyboard moves', () => {
  it('slotAt: before the first card whose middle is below the pointer, else at the end', () => {
    expect(slotAt([10, 30, 50], 5)).toBe(0);
    expect(slotAt([10, 30, 50], 29)).toBe(1);
    expect(slotAt([10, 30, 50], 60)).toBe(3);
    expect(slotAt([], 60)).toBe(0);
  });

  it('cardDropIndex: a card moved down its own cell lands after the card it was dropped below', () => {
    // a, b, c; drag a to slot 2 (between b and c): it leaves slot 0 first, so it goes before c.
    expect(cardDropIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'a', 2)).toBe(1);
    expect(cardDropIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'c', 0)).toBe(0);
    expect(cardDropIndex(['a', 'b', 'c'], ['a', 'b', 'c'], 'a', 3)).toBe(2);
    // from another cell: the slot is the index
    expect(cardDropIndex(['a', 'b'], ['a', 'b'], 'x', 1)).toBe(1);
  });

  it('cardDropIndex: cards hidden by a persona filter keep their place among all cards', () => {
    // all: a, h (hidden), b; visible: a, b. Dropping x before b puts it after h.
    expect(cardDropIndex(['a', 'b'], ['a', 'h', 'b'], 'x', 1)).toBe(2);
    expect(cardDropIndex(['a', 'b'], ['a', 'h', 'b'], 'x', 2)).toBe(3);
  });

  it('stageDrop and laneDrop: the dragged item takes the target place; onto itself nothing', () => {
    expect(stageDrop(doc.stages, 's2', 's1')).toEqual({ stageId: 's2', toIndex: 0 });
    expect(stageDrop(doc.stages, 's1', 's1')).toBeNull();
    expect(stageDrop(doc.stages, '', 's1')).toBeNull(); // something else was dragged
    expect(laneDrop(doc.lanes, 'l-emo', 'l-touch')).toEqual({ laneId: 'l-emo', toIndex: 0 });
    expect(laneDrop(doc.lanes, 'l-touch', 'l-touch')).toBeNull();
  });

  it('stepDrop: onto a step it takes that place (also in another stage); onto an empty stage it goes first', () => {
    const right = stepDrop(doc.stages, 't1', 's1', 't2')!;
    expect(right).toEqual({ stepId: 't1', toStageId: 's1', toIndex: 1 });
    expect(stepsOf(cmd.moveStep(doc, right))).toEqual(['s1:t2,t1', 's2:t3,t4']);
    const across = stepDrop(doc.stages, 't1', 's2', 't4')!;
    expect(stepsOf(cmd.moveStep(doc, across))).toEqual(['s1:t2', 's2:t3,t1,t4']);
    expect(stepDrop(doc.stages, 't1', 's2', null)).toEqual({ stepId: 't1', toStageId: 's2', toIndex: 0 });
    expect(stepDrop(doc.stages, 't1', 's1', 't1')).toBeNull();
    expect(stepDrop(doc.stages, 't1', 'nope', 't4')).toBeNull();
  });

  it('stepMoveBy: within the stage, then across the stage border, and not past the ends', () => {
    const move = (stepId: string, d: number) => {
      const m = stepMoveBy(doc.stages, stepId, d);
      return m && stepsOf(cmd.moveStep(doc, m));
    };
    expect(move('t1', 1)).toEqual(['s1:t2,t1', 's2:t3,t4']);
    expect(move('t2', 1)).toEqual(['s1:t1', 's2:t2,t3,t4']);
    expect(move('t3', -1)).toEqual(['s1:t1,t2,t3', 's2:t4']);
    expect(move('t1', -1)).toBeNull();
    expect(move('t4', 1)).toBeNull();
    expect(stepMoveBy(doc.stages, 'missing', 1)).toBeNull();
  });

  it('stageMoveBy and laneMoveBy name the index one along', () => {
    expect(stageMoveBy(doc.stages, 's1', 1)).toEqual({ stageId: 's1', toIndex: 1 });
    expect(laneMoveBy(doc.lanes, 'l-act', -1)).toEqual({ laneId: 'l-act', toIndex: 0 });
  });

  it('arrowTarget: the next cell, "edge" off the map, null for other keys', () => {
    const lanes = ['a', 'b'];
    const steps = ['1', '2', '3'];
    expect(arrowTarget(lanes, steps, { laneId: 'a', stepId: '1' }, 'ArrowRight')).toEqual({
      laneId: 'a',
      stepId: '2',
    });
    expect(arrowTarget(lanes, steps, { laneId: 'a', stepId: '2' }, 'ArrowDown')).toEqual({
      laneId: 'b',
      stepId: '2',
    });
    expect(arrowTarget(lanes, steps, { laneId: 'b', stepId: '3' }, 'ArrowRight')).toBe('edge');
    expect(arrowTarget(lanes, steps, { laneId: 'a', stepId: '1' }, 'ArrowUp')).toBe('edge');
    expect(arrowTarget(lanes, steps, { laneId: 'a', stepId: '1' }, 'Enter')).toBeNull();
  });
});
