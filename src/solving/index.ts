// The door of src/solving: everything other folders use from it, and nothing else.
export { defaultSeeds, type PortfolioProgress, searchTimeMs, solveInWorkers } from './solve-portfolio.js';
