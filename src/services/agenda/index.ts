// The door of src/services/agenda: everything other folders use from it, and nothing else.
export { agendaQrSvg, type AgendaView, dayLabel, loadAgenda } from './agenda.js';
