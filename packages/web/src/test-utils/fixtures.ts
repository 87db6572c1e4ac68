import type { KpiDefinition, Persona, Workspace } from '@pathlight/core';
import type { DataSource, JourneySummary } from '../api';

/** Fixed, obviously fictional ids and people for component tests. */
export const ids = {
  ws: '00000000-0000-4000-8000-00000000a001',
  ana: '00000000-0000-4000-8000-00000000b001',
  ben: '00000000-0000-4000-8000-00000000b002',
  j1: '00000000-0000-4000-8000-00000000c001',
  j2: '00000000-0000-4000-8000-00000000c002',
  j3: '00000000-0000-4000-8000-00000000c003',
};

export const workspace = (role: Workspace['role']): Workspace => ({
  id: ids.ws,
  name: 'Riverside Family Practice',
  createdAt: '2026-01-01T00:00:00Z',
  role,
});

export function persona(id: string, name: string, color: string): Persona {
  return {
    id,
    workspaceId: ids.ws,
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    name,
    kind: 'patient',
    role: '',
    summary: '',
    goals: [],
    needs: [],
    barriers: [],
    channels: [],
    quote: '',
    color,
    evidence: [],
    origin: null,
  };
}

export function summary(over: Partial<JourneySummary> & Pick<JourneySummary, 'id' | 'name'>): JourneySummary {
  return {
    workspaceId: ids.ws,
    status: 'draft',
    ownerId: ids.ana,
    personaIds: [],
    tags: [],
    reviewCadenceDays: 90,
    lastReviewedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-03-10T11:00:00Z',
    updatedBy: ids.ana,
    ...over,
  };
}

export const members = [
  { userId: ids.ana, email: 'ana.example@clinic.test', name: 'Ana Example', role: 'owner' as const },
  { userId: ids.ben, email: 'ben.sample@clinic.test', name: 'Ben Sample', role: 'editor' as const },
];

/** A ready data source of the workspace (no events unless `over` says). */
export const dataSource = (over: Partial<DataSource>): DataSource => ({
  id: '00000000-0000-4000-8000-00000000000a',
  workspaceId: ids.ws,
  name: 'Scheduling export',
  format: 'csv',
  status: 'ready',
  eventCount: 0,
  caseCount: 0,
  suppressed: [],
  suppressedReasons: {},
  firstEvent: null,
  lastEvent: null,
  droppedColumns: [],
  skipped: null,
  error: null,
  jobId: null,
  filename: 'export.csv',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  ...over,
});

/** The no-show rate KPI, counted over events. */
export const noShowKpi: KpiDefinition = {
  id: 'no-show-rate',
  name: 'No-show rate',
  description: '',
  reference: '',
  kind: 'rate',
  direction: 'lower-is-better',
  numerator: ['appointment.noshow'],
  denominator: ['appointment.noshow', 'appointment.arrived'],
  countOver: 'events',
};
