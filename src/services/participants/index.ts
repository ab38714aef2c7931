// The door of src/services/participants: everything other folders use from it, and nothing else.
export {
  listParticipants,
  type OrganizationForm,
  participantDetail,
  removeOrganization,
  removeRepresentative,
  type RepresentativeForm,
  saveOrganization,
  saveRepresentative,
  saveUnavailability,
} from './participants.js';
