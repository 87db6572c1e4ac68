import { PGlite } from '@electric-sql/pglite';

let t = performance.now();
const a = new PGlite();
await a.waitReady;
await a.exec('create table t(x int)');
console.log('fresh', Math.round(performance.now() - t));
t = performance.now();
const dump = await a.dumpDataDir('gzip');
console.log('dump', Math.round(performance.now() - t), dump.size);
t = performance.now();
const b = new PGlite({ loadDataDir: dump });
await b.waitReady;
console.log('load', Math.round(performance.now() - t), (await b.query('select count(*) from t')).rows);
t = performance.now();
const dump2 = await a.dumpDataDir('none');
const c = new PGlite({ loadDataDir: dump2 });
await c.waitReady;
console.log('load none', Math.round(performance.now() - t), dump2.size);
