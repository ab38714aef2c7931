// The door of src/domain: everything other folders use from it, and nothing else.
export { ErrorCollector, type FormErrors, type FormResult } from './form-errors.js';
export { type Language, LANGUAGES } from './languages.js';
export { type ClockPhase, nowAndNext } from './now-next.js';
export { type Conflict, Placements } from './placement-rules.js';
export { checkWholeNumber, EventSetupError, generateSlots, type PatternSlot, slotCode } from './slot-pattern.js';
export { DomainError, isDomainError, type MessageParams, type RefusalCode } from './errors.js';
export { type Actor } from './actor.js';
