import type { JourneyContent, LaneKind } from '@pathlight/core';
import { useState } from 'react';
import { useEditor } from '../hooks';
import * as cmd from '../store/commands/index';

const STARTER_LANES: [LaneKind, string][] = [
  ['actions', 'What the patient does'],
  ['touchpoints', 'Touchpoints'],
  ['emotions', 'How they feel'],
  ['pain-points', 'Pain points'],
  ['opportunities', 'Opportunities'],
];

/** A journey with no stages: say what a stage is and start the map in one step. */
export function EmptyState() {
  const { store, readOnly } = useEditor();
  const [name, setName] = useState('');
  if (readOnly)
    return (
      <div className="pl-empty" data-testid="empty-state">
        <h2>This map is empty</h2>
        <p>No stages have been added yet. Ask an editor of this workspace to start the map.</p>
      </div>
    );
  const start = (e: React.FormEvent) => {
    e.preventDefault();
    const stageName = name.trim() || 'First stage';
    store.transact('start the map', (doc: JourneyContent) => {
      let next = cmd.addStage(doc, {
        id: store.newId(),
        name: stageName,
        firstStep: { id: store.newId(), name: 'First step' },
      });
      if (next.lanes.length === 0)
        for (const [kind, laneName] of STARTER_LANES)
          next = cmd.addLane(next, { id: store.newId(), kind, name: laneName });
      return next;
    });
  };
  return (
    <div className="pl-empty" data-testid="empty-state">
      <h2>Start your journey map</h2>
      <p>
        A map runs left to right through <strong>stages</strong> (phases like “Find a practice” or “First
        visit”), each made of <strong>steps</strong>. Rows are <strong>lanes</strong>: what the patient does,
        how they feel, what goes wrong.
      </p>
      <form onSubmit={start} className="pl-empty__form">
        <label className="pl-field">
          <span>Name the first stage</span>
          <input
            type="text"
            value={name}
            placeholder="e.g. Find a practice"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="pl-btn pl-btn--primary" data-testid="start-map">
          Add first stage
        </button>
      </form>
      <p className="pl-muted">Then click “+ Add card” in any cell, or press N. Everything can be undone.</p>
    </div>
  );
}
