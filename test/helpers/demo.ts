/** The TT2050 demo for tests: the plan data file and every module's demo data, as `softpower serve` loads them. */
export { DEMO_FILE, loadPlanData, readPlanDataFile } from '../../src/server/demo/load-demo.ts';
