import { createContext, type ReactNode, useContext } from 'react';
import { PATIENTS, type Subject } from '../../lib/format';

const SubjectContext = createContext<Subject>(PATIENTS);

/** Names the journey's subject for every label below it (the map's step numbers, panels, notes). */
export function SubjectProvider({ subject, children }: { subject: Subject; children: ReactNode }) {
  return <SubjectContext.Provider value={subject}>{children}</SubjectContext.Provider>;
}

/** The subject of the journey in scope; patients where there is none. */
export function useSubject(): Subject {
  return useContext(SubjectContext);
}
