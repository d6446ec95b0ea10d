/** The generated Apple Health export of the bench, for tests (one generator, in scripts/lib). */
export { writeHealthExport } from '../../scripts/lib/healthExport.mjs';
