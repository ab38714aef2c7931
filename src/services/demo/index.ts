// The door of src/services/demo: everything other folders use from it, and nothing else.
export { type DemoSummary, describeDemoEvent, ensureDemoEvent, resetDemoEvent } from './demo-event.js';
