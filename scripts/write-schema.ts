// Writes schema/report-v1.schema.json from the zod definition (`npm run schema`); a test checks it is current.
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../src/report/schema.js';

const path = new URL('../schema/report-v1.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.pathname}\n`);
