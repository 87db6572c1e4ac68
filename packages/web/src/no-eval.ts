import { config } from 'zod';

// The server's Content-Security-Policy forbids eval, so zod must not build parsers with `new Function`
// (even its feature probe is reported as a violation); parsing works the same without. This module is
// imported first by main.tsx: zod decides when each schema is created, i.e. when core is imported.
config({ jitless: true });
